"""One sentence → its task anchors (`tasks_in`): of the doers `doers.py` finds, those given work (not helping, not
reporting, not asked a question, not taking the floor, not a condition), each with its content and deadline; a call
followed by the work ("Cái này phải có người theo dõi, anh Nam nhé."). Split out of clauses.py in session 18
(unchanged); `clauses.anchors` reads a turn sentence by sentence with it."""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.anchor import Anchor
from appliance.tasks.clause_parts import (
    Spot,
    deadline_and_content,
    deadline_free,
    list_date,
)
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import Turn
from appliance.tasks.doers import clause_start, doer_spots, is_anchor
from appliance.tasks.phrases import (
    ASKS,
    AWAY,
    CONDITION,
    COORDINATE,
    DEFER,
    DIRECTIVE,
    DONE,
    DONE_NOW,
    INTENT,
    LEAVE_IT,
    OWN_PART,
    PARTICLE,
    POLITE,
    PRAISE,
    PREAMBLE,
    QUESTION,
    REPORTED,
    SPEECH,
    THIS_MEETING,
    VERB_AHEAD,
    verb,
)
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Someone other than the chair proposing who should do it ("bên em đề nghị phòng Kinh tế bố trí…", "em tính giao
# Lan tư pháp làm"): a suggestion the chair decides on, not a task given; a leader's "về tôi giao phòng Kinh tế…"
# at a residents' meeting is given.
SUGGESTS = re.compile(r"(?:\b(?:em|bên em|chúng em)\s+(?:(?:định|tính|muốn|xin|cũng|thì)\s+)*|"
                      r"\b(?:tôi|chúng tôi)\s+(?:định|tính|muốn)\s+)(?:giao(?: cho)?|đề nghị|đề xuất|nhờ)\s*$")


# Session 27 (docs/meetings.md, "Session 27"; plain behaviour since session 29, rule R8): urging how to work, with no
# work named and no date ("ừ anh minh nói đúng đấy bên công an phải làm quyết liệt hơn", "Các phòng cần thực hiện nghiêm
# túc hơn nữa."): a routine remark, no task; with the work named ("… phải xử lý nghiêm các trường hợp lấn chiếm") or a
# date it is read as before
EXHORT = re.compile(r"\s*,?\s*(?:(?:phải|cần|nên|cố gắng|hãy|nhớ|cứ|tiếp tục)\s+)*(?:làm|thực hiện|triển khai|vào cuộc|"
                    r"làm việc|xử lý|quản lý|chỉ đạo)(?:\s+(?:quyết liệt|nghiêm túc|nghiêm|tích cực|tốt|mạnh tay|mạnh|"
                    r"chặt chẽ|sát sao|kỹ|kỹ càng|cẩn thận|khẩn trương|nhanh|quyết tâm|đến nơi đến chốn|dứt khoát|"
                    r"hơn|nữa|hơn nữa|lên|vào|đấy|nhé|nha|đi|ạ))+\s*[.!]?\s*")


# Session 29 (docs/meetings.md, "Session 29"): a date opening the next clause of the same doer, who is then said to be
# away ("chiếu sáng do anh Huy theo dõi, hôm nay anh Huy đi học ạ", "anh Hùng kiểm tra ngõ 5, thứ Sáu anh Hùng nghỉ
# phép"): when they are away, not a deadline of the clause before; the same doer going on with work ("…, thứ Sáu anh
# Hùng gửi quận") keeps it as before
# on by rule R1b (session 29): no fresh verdict moved (709/176/193 on and off); off brings back a training wrong:
# s29 w09 "Dạ, chiếu sáng do anh Huy theo dõi, hôm nay anh Huy đi học ạ." (Huy, due that day)
SESSION29_AWAY_DATE = True


# Session 29 (docs/meetings.md, "Session 29"): a member handing their own task down to someone else ("Dạ việc đó để em
# giao anh Tuấn ạ", "để chị giao cho Huy làm", "em sẽ giao Tuấn"): "để" (let me) or "sẽ" says the member decides it,
# so it is no suggestion put to the chair (`SUGGESTS`: "em định / tính giao …"); the one named takes the member's task
# given in the last turns (its content and date, `merge`), or the task of the unit the member heads; only the one
# named keeps it
# on by rule R1 (session 29): fresh off alone 708/177/194, on 709/176/193 (fresh29 33/8/5 -> 34/7/4: right +1, wrong -1)
SESSION29_DELEGATE = True
DELEGATES = re.compile(r"(?:\bđể\s+(?:em|tôi|mình|chị|anh)|\b(?:em|tôi|mình|chị|anh)\s+sẽ)\s+"
                       r"(?:giao|phân công|chuyển)(?:\s+(?:lại|việc này|việc đó|việc ấy))?(?:\s+(?:cho|sang))?\s*$")


# Session 29 (docs/meetings.md, "Session 29"): a wish or a hope opening the clause before the doer ("Hy vọng công an
# phường giữ được bình yên dịp Tết.", "Chúc anh Hùng hoàn thành tốt nhiệm vụ.", "tôi mong rằng tổ năm làm xong trước
# tết"): said of the doer, nobody is told to do anything; not a bare "mong" ("tôi mong anh Hùng hỗ trợ …" is a polite
# request), nor "chúc" inside the work ("in thiệp chúc Tết", "danh sách chúc thọ": after the doer)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_WISH = False
_WISH = (r"(?:(?:(?:tôi|chị|anh|em|chúng tôi|mình|chúng ta)\s+)?(?:rất\s+|cũng\s+|chỉ\s+)?"
         r"(?:kính\s+|xin\s+)?(?:chúc|hy vọng|hi vọng|mong rằng|mong là|mong sao|ước gì))\b")
WISH = re.compile(r"(?:^|[,.;:!?]\s*)\W*" + _WISH + r"[^.;!?]*$")
WISH_OPENS = re.compile(r"^\W*(?:(?:ừ|vâng|dạ|thôi|còn)\W+)*" + _WISH)  # the sentence model adds no wish back either


ON_TIME = re.compile(r"\b(?:đúng|kịp|theo)\s+(?:thời\s+)?hạn\b(?!\s+(?:là|chót|cuối|ngày))")


# Handing work over "để" someone (in order that they…): "…, gửi văn phòng trước thứ Năm để chị Lan tổng hợp" is
# the sender's task; "chị Hà bận trực một cửa để Lan tư pháp dẫn chương trình" still gives Lan hers.
PURPOSE = re.compile(r"\b(?:gửi|nộp|trình|chuyển|đưa)\b[^,.;:!?]*\s+để\s*$")


# Session 14: a member asking the chair's opinion or leave ("em xin ý kiến (anh) cái việc ngày hội 18/11 ạ", "em xin
# phép hỏi …") takes the floor even with a date in it: the date is the matter's, not a deadline of theirs
ASK_OPINION = re.compile(r"^\s*(?:xin\s+)(?:ý kiến|cho ý kiến|phép hỏi|hỏi ý kiến|hỏi)\b")
# Session 14: "X báo cáo là …", "X nói là …", "X phản ánh là …" of a person or unit
# named: what they said, reported to the meeting, not work given to them ("báo cáo rằng" was already a report); the
# speaker's own "em báo cáo là …" is left to the rules that read taking the floor
SAID_THAT = re.compile(r"^\s*,?\s*(?:có\s+)?(?:báo cáo|báo|nói|thông báo|phản ánh|kể|trả lời|xác nhận)(?:\s+lại)?\s+"
                       r"(?:là|rằng)\b")
# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): a matter, "thì", then a doer
# and a verb of work alone, with no date, no object and no particle ("Kinh phí thì anh Bảo cân đối.", "Ừ, thăm trường
# thì chị Hạnh đi."): who sees to that matter, not a task (the training keys hold none of five such sentences); "bao thư
# thì Mai làm nhé", "… thì anh Bảo cân đối trước thứ Sáu", "… thì chị Hạnh đi thăm các trường" are read as before; "thế
# thì / vậy thì" open no matter
TOPIC_THEN = re.compile(r"\w\s+thì\s*$")
_NOT_TOPIC = re.compile(r"(?:^|[,.;:!?]\s*)(?:(?:ừ|ờ|à|dạ|vâng|còn|thôi)\s+)*"
                        r"(?:thế|vậy|ừ|còn|có|được|nếu|khi)\s+thì\s*$")
# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): "<doer> làm tốt" and nothing
# more ("chọn tổ bảy đi tổ bảy làm tốt") says the doer does well, praise or a reason, as "tốt lắm" does (PRAISE); "… làm
# tốt công tác tuyên truyền nhé", "… làm tốt, xong trước thứ Sáu" say the work and are read as before
DID_WELL = re.compile(r"\s*(?:đã\s+|vẫn\s+|luôn\s+)?làm\s+(?:rất\s+|khá\s+|cũng\s+)?tốt"
                      r"(?:\s+(?:rồi|đấy|mà|thật))?\s*[.!]?\s*")
CHOSEN = re.compile(r"\bchọn\s*$")  # "chọn tổ bảy đi": what is chosen, not a doer
# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): "<doer> lo / làm / thu / có đủ
# rồi" says the work is covered already ("à thôi bên công an lo đủ rồi anh sơn không phải làm nữa"), also where a run
# goes on without a stop after "rồi" (DONE_NOW needs one); "đủ" before what is still lacking ("lo đủ người rồi báo anh")
# is read as before
ENOUGH = re.compile(r"^\s*,?\s*(?:(?:đã|cũng)\s+)?(?:lo|làm|thu|có|chuẩn bị|bố trí|lắp|nộp)?\s*(?:đầy\s+)?đủ\s+rồi\b")
# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): a member passing on when
# someone said the work will be done, without "là / rằng" ("Anh An, vỉa hè Tam Trinh xong 80%, Thắng báo thứ Tư hoàn
# thành."): reported, no task; "báo" then a receiver ("Thắng báo anh khi xong") or the chair's words are read as before
SAID_WHEN = re.compile(r"^\s*,?\s*(?:báo|nói|hẹn)\s+(?:(?:thứ|ngày|mai|tuần|cuối|trong|trước|hôm|chiều|sáng|tối|"
                       r"đầu|giữa|\d+)\b[^,.;!?]{0,30}?\s+)(?:sẽ\s+)?(?:xong|hoàn thành|làm xong)\b")


# Session 12 (docs/meetings.md, "Session 12"): the chair saying they will attend ("Tôi sẽ dự và phát biểu.", "Tốt, tôi
# sẽ dự."): no task
ATTENDS = re.compile(r"^\s*(?:sẽ\s+)?(?:cũng\s+)?(?:dự|tham dự|đi dự)(?:\s+(?:và|rồi)\s+(?:phát biểu|chỉ đạo))?"
                     r"\s*[.!]?\s*$")
# a member taking the floor: "em báo cáo qua ạ", "em báo lịch tháng 12 ạ: …", "em xin báo cáo thêm:"; the month said
# in words as the recogniser prints it ("dạ em báo lịch tháng mười hai ạ") as in digits (a bug fix in session 29, rule
# R7: it was a task with the month's last day)
_MONTH = r"(?:\d+|mười(?:\s+(?:một|hai))?|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|giêng|chạp)"
SPEAK_NOW = re.compile(r"^\s*(?:xin\s+)?(?:báo cáo|báo|thông báo|trình bày|điểm qua|nói)(?:\s+(?:qua|nhanh|thêm|luôn|"
                       r"lịch|tình hình|lại)(?:\s+tháng\s+" + _MONTH + r")?)*(?:\s+(?:anh|chị|ạ))*\s*(?:[:.,!]|$)")
# "Báo cáo ấy giao phòng Kinh tế … làm, chị Lan đôn đốc.": the one who urges it on oversees it, as "chỉ đạo" does
OVERSEE = re.compile(r"^\s*,?\s*(?:đôn đốc|nhắc nhở|kiểm tra lại)(?:\s+(?:chung|thêm|thôi))?\s*(?:[,;.]|$)")


NOTE_IT = re.compile(r"\s*,?\s*ghi(?:\s+(?:lại|nhận|chép))?(?:\s+(?:giúp|hộ|nhé|đi|luôn|cho))*"
                     r"(?:\s+(?:chị|anh|tôi|em))?"
                     r"(?:\s+(?:nhé|nha|ạ))?\s*[.!]?\s*")
# "à thôi trụ nước thì để huy làm vẫn năm ngày làm việc nhé": after "à thôi", "X làm" with its date is still the
# withdrawn task given to another (its content is the date and "làm")


def tasks_in(text: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
          call: tuple[Person | None, str | None], meeting: dt.date, calendar: WorkCalendar | None,
          after_withdrawal: bool, called: Person | None = None) -> list[Anchor]:
    lower = normalize(text).lower()
    if not lower.strip():
        return []
    vocative = call[0]
    spots = doer_spots(text, turn, previous, roster, speakers, vocative, call[1])
    # "chị Lan dự thảo quyết định…, trình ký mai được không?": asking a named doer is asking them to do it
    request = bool(re.search(r"\bđược không\W*$", lower)) and bool(spots) \
        and spots[0].how in ("named", "unit") and clause_start(lower, spots[0].start)
    asked = ASKED.search(lower)
    question = bool(QUESTION.search(lower) or asked) \
        and not POLITE.search(lower) and not request
    out: list[Anchor] = []
    chosen = [s for s in spots if is_anchor(s, lower, spots)]
    offer = LEAVE_IT.search(lower)
    if offer is not None and not question:  # "việc đó cứ để em": volunteering without a verb
        chosen.append(Spot(offer.start(), offer.end(), turn.speaker, "first"))
    # A call opening the sentence ("Hà ơi, giáp Tết dân làm thủ tục đông lắm.") is followed by an order only
    # with a date or an order's particle.
    opening = re.match(r"^\W*(?:\w+\s+){0,3}?\w+\s*(?:ơi\b|,)", lower) is not None
    if not chosen and called is not None and called != turn.speaker and not question \
            and re.search(rf"\b{verb()}\b", lower) and not DEFER.search(lower) and not REPORTED.search(lower) \
            and not (opening and not PARTICLE.search(lower) and find_deadline(text, meeting, None, calendar) is None):
        # "Cái này phải có người theo dõi, anh Nam nhé.": the work is said first, then whom it is for.
        deadline, content = deadline_and_content(text, Spot(0, 0, called, "named"), len(text), [], meeting,
                                                  calendar)
        return [Anchor("task", called, re.sub(r",[^,]*$", "", content), deadline, text.strip(), True, how="called")]
    # Someone coordinating is not given a task of their own: the scope stays with the one who leads.
    led: list[Spot] = []
    for spot in chosen:
        if led and (COORDINATE.match(lower[spot.end:])
                    or OVERSEE.match(lower[spot.end:])
                    or REVIEW_STEP.match(lower[spot.end:])
                    or HELPS_AT_END.match(lower[spot.end:])):
            out.append(Anchor("helps", spot.person))
            continue
        if (sent := SEND_ON.search(lower[:spot.start])) \
                and re.search(rf"\b{verb()}\b", lower[:sent.start()]):
            continue  # "Minh về dự thảo văn bản, chuyển chị Lan trình anh An ký": whom the draft goes to next
        if led and spot.how == "first" and turn.leads and OWN_PART.match(lower[spot.end:]):
            continue  # "Anh Hùng soạn văn bản kiến nghị, tôi ký, trong tuần này gửi đi": the chair's part of it
        if led and spot.how in ("named", "unit") and LETTER_TO.search(lower[:spot.start]):
            continue  # "anh Hùng gửi văn bản đề nghị Công an phường cử một đồng chí …": whom the letter asks
        led.append(spot)
    fronted: dt.date | None = None  # the date said before the list's first doer
    for i, spot in enumerate(led):
        stop = led[i + 1].start if i + 1 < len(led) else len(text)
        # … or at a name opening the next clause ("chị Lan thông báo nghỉ Tết, Tuấn băng rôn thứ Tư"):
        # its date is not this one's; a place listed ("ở tổ 10, tổ 11, trong 3 ngày") does not stop it
        stop = min([stop] + [s.start for s in spots if spot.end < s.start < stop and s.how == "named"
                             and re.search(r"[,;:]\s*$", lower[:s.start]) and not COORDINATE.match(lower[s.end:])
                             and not (HELPS_AT_END.match(lower[s.end:]))
                             and not re.match(r"\s*(?:[,;.]|và\b|$)", lower[s.end:])])
        # … or at the comma before the next doer's own date ("Thứ Năm anh Hùng báo cáo, thứ Sáu chị Lan gửi quận."):
        # that date opens the next clause, not this one's (a bug fix in session 26, rule R7: Hùng took Friday)
        stop = min([stop] + [fronted_at for s in led[i + 1:i + 2]
                             if s.how in ("named", "unit") and s.person != spot.person
                             and (fronted_at := _date_opens(text, lower, s.start, meeting, calendar)) is not None
                             and spot.end < fronted_at])
        if SESSION29_AWAY_DATE:  # "…, hôm nay anh Huy đi học": the day they are away opens a clause of its own
            stop = min([stop] + [fronted_at for s in spots if spot.end < s.start <= stop and s.person == spot.person
                                 and s.how in ("named", "unit") and AWAY.match(lower[s.end:])
                                 and (fronted_at := _date_opens(text, lower, s.start, meeting, calendar)
                                      or _date_before(text, lower, s.start, meeting, calendar)) is not None
                                 and spot.end < fronted_at])
        scope_lower = lower[spot.end:stop]
        head = lower[:spot.start]
        delegates = DELEGATES.search(head[-30:]) if SESSION29_DELEGATE and not turn.leads \
            and spot.how in ("named", "unit") and turn.speaker.kind == "staff" and spot.person != turn.speaker else None
        # "để em giao anh Tuấn": handed down now, not the deferral "để anh giao" (`DEFER`, whom to give it to later)
        unhanded = head[:len(head) - len(head[-30:]) + delegates.start()] if delegates is not None else head
        if IF_FIRST.match(head):
            continue  # "Nếu phát hiện vi phạm thì lập biên bản chuyển anh Bảo xử lý.": only if it happens
        if SESSION29_WISH and WISH.search(head):
            continue  # "Hy vọng công an phường giữ được bình yên dịp Tết.": a wish, nobody is told to do anything
        if condition_closes(scope_lower):
            continue  # "Chị Hà mua thêm bình cứu hỏa trước Tết nếu có kinh phí.": only if it happens
        if DEFER.search(scope_lower) or DEFER.search(unhanded[-40:]) or CONDITION.search(head[-40:]) \
                or IF_THEN.search(head):
            continue
        if spot.how in ("named", "unit") and PURPOSE.search(head[-60:]):
            continue  # "…, gửi văn phòng trước thứ Năm để chị Lan tổng hợp": so that she can, not a task of hers
        if not turn.leads and spot.how in ("named", "unit") and WHOSE_JOB.search(head[-16:]):
            continue  # "dạ nhưng đoàn viên thì phải chị Hương … điều động ạ": whose job it is, said to the chair
        if NOTE_IT.fullmatch(scope_lower):
            continue  # "Tuấn ghi lại giúp chị.", "huy ghi lại": note it down, in the meeting
        if spot.how == "first" and turn.leads and ATTENDS.match(scope_lower):
            continue  # "Tôi sẽ dự và phát biểu.": the chair attending, not a task
        if spot.how == "first" and not turn.leads and SPEAK_NOW.match(scope_lower):
            continue  # "Dạ, em báo cáo qua ạ.", "em báo lịch tháng 12 ạ: …": taking the floor now
        if turn.leads and spot.how in ("named", "unit") and READ_OUT.match(scope_lower) \
                and deadline_free(scope_lower):
            continue  # "chị Lan đọc lịch tuần", "anh Minh điểm qua tình hình": the chair giving the floor now
        if turn.leads and spot.how in ("named", "unit") and READ_EACH.match(scope_lower) \
                and find_deadline(text[spot.end:], meeting, None, calendar) is None:
            continue  # "Chị Lan đọc từng kiến nghị, các bộ phận trả lời luôn.": reading them out now, in the meeting
        if spot.how in ("named", "unit") and SAID_THAT.match(scope_lower):
            continue  # "anh ơi văn phòng báo cáo là tuần trước mình nhận …": what a unit or person said, reported
        if DID_WELL.fullmatch(scope_lower) or CHOSEN.search(head):
            continue  # "chọn tổ bảy đi tổ bảy làm tốt": the tổ chosen, and why (praise), no task
        if ENOUGH.match(scope_lower):
            continue  # "à thôi bên công an lo đủ rồi anh sơn không phải làm nữa": covered already, in a run
        if spot.how in ("named", "unit") and not turn.leads and SAID_WHEN.match(scope_lower):
            continue  # "Anh An, vỉa hè … xong 80%, Thắng báo thứ Tư hoàn thành.": when they said it will be done
        if REPORTED.match(scope_lower) or PRAISE.search(scope_lower) or AWAY.match(scope_lower) or \
                DONE_NOW.match(scope_lower) or \
                (spot.how == "first" and DONE.search(scope_lower)):
            continue
        if spot.how == "unit" and re.match(r"^\s*,", scope_lower) and not DIRECTIVE.search(head[-30:]):
            continue
        if spot.how in ("named", "unit") and TOPIC_THEN.search(head) \
                and not _NOT_TOPIC.search(head) \
                and re.fullmatch(rf"\s*{verb()}\s*[.!]?\s*", scope_lower) \
                and find_deadline(text, meeting, None, calendar) is None:
            continue  # "Kinh phí thì anh Bảo cân đối.", "thăm trường thì chị Hạnh đi.": who sees to a matter
        deadline, content = deadline_and_content(text, spot, stop, led, meeting, calendar)
        deadline, fronted = list_date(text, lower, led, i, deadline, fronted, meeting, calendar)
        if deadline is None and previous is not None and spot.how != "first" and ON_TIME.search(scope_lower):
            # "Chị Hương tổng hợp số liệu đó, gửi Sở đúng hạn nhé" after "…, hạn nộp ngày mười hai tháng mười một"
            said = find_deadline(previous.text, meeting, None, calendar)
            deadline = said[0] if said is not None else None
        if deadline is None and re.match(r"^\s*,?\s*(?:xin\s+)?báo cáo\b[^.;]*\b(?:đã|vừa)\b", scope_lower):
            continue  # "Phòng Kinh tế báo cáo tuần qua đã xử lý 12 trường hợp": what was done
        if spot.how == "first" and deadline is None and ASKS.match(scope_lower):
            continue  # "Em xin bổ sung về vệ sinh môi trường": taking the floor
        if spot.how == "first" and not turn.leads and ASK_OPINION.match(scope_lower):
            continue  # "em xin ý kiến cái việc ngày hội 18/11 ạ": asking now; the date is the matter's
        if PREAMBLE.match(scope_lower) or spot.how == "first" and AGENDA.match(scope_lower) \
                or re.search(r"\bhôm nay\b", head) and (
                THIS_MEETING.match(scope_lower) or MEETING_NOW.match(scope_lower)):
            continue  # "tôi xin phân công như sau": the tasks follow; "hôm nay chị Hạnh chủ trì họp về…"
        if spot.how == "first" and SPEECH.match(scope_lower) and not INTENT.search(scope_lower):
            continue  # "Hôm nay tôi thông báo kết quả…": said in the meeting, not work to do after it
        helps = re.sub(r"^\s*,?\s*(?:(?:sẽ\s+|cùng\s+)?phối hợp|(?:xin\s+)?(?:đi|làm|tham gia)\s+cùng)\b", "",
                       scope_lower)
        if helps != scope_lower and deadline is None and not re.search(rf"\b{verb()}\b", helps):
            continue  # "Nam phối hợp với anh Huy.": helping the one who leads is not a task of one's own
        if question:
            if spot.how == "first" and deadline is not None and "được không" in lower:
                out.append(Anchor("propose", spot.person, deadline=deadline))
            continue
        handed = spot.how in ("named", "unit") and bool(HAND_OVER.search(head[-30:]))
        # whose task it was: the person named before "chuyển" in the sentence ("c. Lan bận thì thôi chuyển …")
        owner = next((s.person for s in reversed(spots) if s.end <= spot.start and s.how == "named"
                      and s.person != spot.person), None) if handed else None
        delegated = delegates is not None
        if delegated:
            owner, handed = turn.speaker, True  # "Dạ việc đó để em giao anh Tuấn ạ": the speaker's task, handed down
        directed = bool(DIRECTIVE.search(head[-30:])) or handed
        if directed and not turn.leads and not delegated and SUGGESTS.search(head[-40:]):
            continue  # "Em đề nghị anh Hùng hỗ trợ 40 barie", "em định giao Tuấn…": put to the chair, not given
        if spot.how == "first" and not (INTENT.search(scope_lower) or deadline or lower[spot.start:].startswith("để")):
            continue
        asked_who = previous is not None and previous.label != turn.label and \
            bool(re.search(r"\bai\b[^.?!]*\?", previous.text.lower()))  # "… ai làm?" — "Dạ việc đó em làm cho ạ"
        if spot.loose and not (deadline or asked_who or re.match(r"^\s*(?:sẽ|xin)\b", scope_lower)):
            continue
        unpunctuated = not re.search(r"[,.;!?]", lower.rstrip(" .!?"))  # recogniser text: clauses run on
        if spot.how in ("named", "unit") and not (directed or deadline or PARTICLE.search(scope_lower)
                                                   or clause_start(lower, spot.start)
                                                   or unpunctuated and VERB_AHEAD.match(scope_lower)):
            continue
        if spot.how == "second" and not (deadline or PARTICLE.search(scope_lower) or called is not None
                                         or CU_ORDER.match(lower[spot.start:])):
            continue
        if deadline is None and not delegated and EXHORT.fullmatch(scope_lower):
            continue  # "bên công an phải làm quyết liệt hơn": how to work, said to urge, no work given
        generic = re.fullmatch(r"\s*(?:làm|lo|làm nốt|nhận)?\s*(?:luôn|nhé|đi|ạ|thay)?\s*[.,]?\s*", scope_lower) \
            is not None or re.fullmatch(r"\s*làm\b.*", scope_lower) is not None and len(scope_lower.split()) <= 3 \
            or re.fullmatch(r"\s*(?:làm|lo)\b(?:\s+\w+)?", content.lower()) is not None
        words = len(re.findall(r"\w+", content))
        follow = spot.how in ("first", "second") or words <= 3 or spot.person == turn.speaker
        person = spot.person
        if called is not None and spot.how in ("unit", "second") and called != turn.speaker:
            person = Person(called.name, called.unit or person.unit, called.staff_id, called.kind)
        same = deadline is None and bool(re.search(r"\b(?:cùng hạn|hạn như trên|cũng hạn đó|như vậy)\b",
                                                   scope_lower))
        how = "named" if spot.how == "second" and (vocative is not None or called is not None) else spot.how
        out.append(Anchor("task", person, content, deadline, text.strip(), follow, after_withdrawal and generic,
                          same, how=how, directed=directed, hands_from=owner, delegated=delegated))
    return out


# Session 20 (docs/meetings.md, "Session 20"): a person or unit named right after a letter's request word, in the
# clause of someone told to send it ("anh Hùng gửi văn bản đề nghị Công an phường cử một đồng chí tham gia, trong hôm
# nay nhé", "Huy soạn công văn đôn đốc phòng Kinh tế …"): whom the letter asks, not a doer; the date is the sender's
LETTER_TO = re.compile(r"\b(?:văn bản|công văn|tờ trình|giấy|thư|phiếu|thông báo)\s+(?:đề nghị|yêu cầu|mời|đôn đốc|"
                       r"nhắc nhở|nhắc|xin ý kiến|gửi)\s*$")
# Session 23 (docs/meetings.md, "Session 23"): the chair having someone read out the items one by one in the meeting
# ("Chị Lan đọc từng kiến nghị, các bộ phận trả lời luôn.", "anh Minh lần lượt nêu từng vụ việc") gives the floor
# now, as "chị Lan đọc lịch tuần" does; with a date ("… đọc từng đơn, trả lời trước thứ Sáu") it is read as before
READ_EACH = re.compile(r"^\s*,?\s*(?:lần lượt\s+)?(?:đọc|nêu|điểm)(?:\s+(?:lại|qua|lần lượt))?\s+"
                       r"(?:từng|lần lượt từng)\s+"
                       r"(?:kiến nghị|ý kiến|đơn|câu hỏi|nội dung|vấn đề|vụ|vụ việc|trường hợp|mục)\b")

# Session 16 (docs/meetings.md, "Session 16"): a doer right after "nếu …, thì" however long the condition ("Nếu thấy
# gia đình còn thi công ban đêm thì chị báo ngay công an phường nhé"): a job only if it happens, not a task (the
# 40 characters before the doer missed a long condition)
IF_THEN = re.compile(r"\bnếu\b[^.;!?]{0,160}\bthì\s*$")
# Session 18 (docs/meetings.md, "Session 18"): a sentence that opens with its condition ("Nếu phát hiện vi phạm thì lập
# biên bản chuyển anh Bảo xử lý.", "Nếu tổ nào thiếu người thì phòng Văn hóa - Xã hội cử người hỗ trợ.") names a
# contingency, not work given, wherever its doer stands (the training keys hold no task in 41 such sentences)
IF_FIRST = re.compile(r"^\W*(?:(?:còn|mà|nhưng|và|thế|vậy|ừ|à|ờ|dạ|vâng)\W+)*nếu\b")
# Session 20 (docs/meetings.md, "Session 20"): the condition said after the job, closing it with no "thì" after it
# ("Chị Hà mua thêm bình cứu hỏa trước Tết nếu có kinh phí.", "…, nếu mà còn chỗ"): the job is done only if it
# happens, no task; "…, nếu còn vi phạm thì lập biên bản" (a step within the task) and "nếu không" (otherwise) leave it.
# A sentence that is only such a condition ("… bố trí thêm một cái ghế. nếu mà còn chỗ" in recogniser text, cut there)
# conditions the task of the sentence before it in the turn (clauses.anchors)
IF_AFTER = re.compile(r"(?:^|[\s,;])nếu(?:\s+mà)?\b(?!\s+không\b)(?![^.;!?]*\bthì\b)([^.;!?]*)[.;!?…]?\s*$")


def condition_closes(lower: str, *, whole: bool = False) -> bool:
    """`lower` (its whole text when `whole`) ends on a condition with no step of work of its own: "… nếu có kinh
    phí", not "…, nếu có vi phạm lập biên bản luôn" (a step of the task, said without "thì")."""
    found = (IF_AFTER.match if whole else IF_AFTER.search)(lower)
    return found is not None and not re.search(rf"\b(?:{verb()})\b", found.group(1))
# the chair announcing what follows ("tôi nhắc mấy việc trước khi nghỉ Tết …", "anh nói mấy việc", "tôi giao một số
# việc"): the tasks come after, as with "tôi xin phân công như sau" (PREAMBLE)
AGENDA = re.compile(r"^\s*(?:xin\s+)?(?:nhắc|nói|điểm|giao|phân công|lưu ý)(?:\s+(?:qua|lại|nhanh))?\s+"
                    r"(?:mấy|một số|các|vài|hai|ba|bốn|năm)\s+(?:việc|nội dung|vấn đề|điểm)\b")
# a member telling the chair whose job it is ("dạ nhưng đoàn viên thì phải chị Hương bên văn hóa điều động ạ", "cái đó
# phải bên công an làm ạ"): "phải" before the person or unit, said by someone who does not lead, gives no task
WHOSE_JOB = re.compile(r"(?:^|\s)phải\s*$")
# "anh Minh chủ trì, anh Sơn huy động dân quân phối hợp, tổ chức vào sáng 4/12": the one whose clause closes on "phối
# hợp" after the doer helps (COORDINATE read "phối hợp" only right after the name), and the date after is the doer's
HELPS_AT_END = re.compile(r"^\s*,?\s*(?:[^\W\d_]+\s+){1,6}?phối hợp\s*(?:[,;.]|$)")
# "Minh về dự thảo văn bản, chuyển chị Lan trình anh An ký, thứ Sáu …": a bare "chuyển" opening a clause after the
# doer's own sends the work on to whom it names, who is no doer (HAND_OVER's "thôi chuyển", "giao lại" hand it over)
SEND_ON = re.compile(r"[,;]\s*(?:rồi\s+)?chuyển(?:\s+(?:cho|sang|qua))?\s*$")
# "Hôm nay tổ dân phố số 3 họp bàn chuẩn bị bầu …", "hôm nay phòng mình họp về …": the meeting under way, as "hôm nay
# chị Hạnh chủ trì họp …" is (THIS_MEETING); a meeting to hold later ("thứ Sáu tổ 3 họp …") is left as it was
MEETING_NOW = re.compile(r"^\s*,?\s*(?:(?:sẽ|cùng)\s+)?(?:họp|giao ban)(?:\s+(?:bàn|về|để|chuyên đề))?\b")


# Session 13 (docs/meetings.md, "Session 13"): questions a secretary types without "?": an alternative ("văn phòng ra
# thông báo luôn hay chờ lịch bên công an"), "có … không (anh/ạ)" closing the sentence, "đúng không".
ASKED = re.compile(r"\b(?:luôn|ngay|trước|bây giờ|giờ|luôn bây giờ)\s+hay\s+(?:là\s+)?(?:chờ|đợi|để|thôi|sau)\b|"
                   r"\bcó\s+(?:[^\W\d_]+\s+){1,8}không(?:\s+(?:anh|chị|em|ạ|nhỉ|hả))*\s*[.…]?\s*$|\bđúng không\b")




# Session 13: "bác cứ rà soát …", "em cứ làm đi": "cứ" after the one addressed is an order's word, as "nhé" is.
CU_ORDER = re.compile(r"^(?:em|anh|chị|bác|cô|chú|ông|bà)\s+cứ\s+(?!để\b)")


# Session 13 (docs/meetings.md, "Session 13"): a task handed over to another ("c. Lan bận thì thôi chuyển Lan tư pháp
# dự thảo", "việc đó giao lại cho anh Thắng"): the doer named after "chuyển (cho / sang)", "giao lại (cho)" takes the
# task (its content and date) of the one who had it — the one who just gave their excuse, or was given it in the last
# turns — as "à thôi, để X làm" does; and the one who had it reviewing ("…, c. Lan xem lại trước khi trình") helps.
HAND_OVER = re.compile(r"\b(?:thôi\s+)?(?:chuyển|giao lại|đổi)(?:\s+(?:cho|sang|qua))?\s*$")
REVIEW_STEP = re.compile(r"^\s*,?\s*(?:sẽ\s+)?(?:xem lại|duyệt|rà lại|kiểm tra lại|góp ý|cho ý kiến)(?:\s+\S+){0,2}?\s+"
                         r"trước khi\s+(?:trình|gửi|ký|ban hành|phát hành|nộp)\b")
# Session 13 (docs/meetings.md, "Session 13"): the chair giving someone the floor to read or go over something now
# ("c. Lan đọc lịch tuần", "anh Minh điểm qua tình hình tuần", "chị Hà đọc dự thảo kết luận"), with no date: said in
# the meeting, no task (as "báo cáo nhanh đi" is).
READ_OUT = re.compile(r"^\s*,?\s*(?:đọc|điểm qua|thông qua|đọc qua|nhắc qua)(?:\s+(?:lại|qua|nhanh))?\s+"
                      r"(?:lịch|dự thảo|kết luận|chương trình|tình hình|danh sách|thông báo|nội dung|biên bản)"
                      r"(?:\s+[^\W\d_]+){0,4}\s*[.!]?\s*$")


def _date_before(text: str, lower: str, at: int, meeting: dt.date, calendar: WorkCalendar | None) -> int | None:
    """Where a date said right before the doer at `at` starts, in recogniser text with no comma to open its clause
    ("… do anh huy theo dõi hôm nay anh huy đi học ạ"; SESSION29_AWAY_DATE)."""
    if re.search(r"[,;:.!?]", lower[:at]):
        return None
    head = text[:at]
    words = list(re.finditer(r"\S+", head))[-4:]
    if not words:
        return None
    found = find_deadline(head[words[0].start():], meeting, None, calendar)
    if found is None or head[words[0].start() + found[2]:].strip():
        return None
    return words[0].start() + found[1]


def _date_opens(text: str, lower: str, at: int, meeting: dt.date, calendar: WorkCalendar | None) -> int | None:
    """Where the clause of the doer at `at` opens when only a date stands between its comma and the doer
    ("…, thứ Sáu chị Lan gửi quận"): the comma's place."""
    comma = re.search(r"[,;:]\s*([^,;:.!?]*)$", lower[:at])
    if comma is None or not comma.group(1).strip() or len(comma.group(1).split()) > 6:
        return None
    found = find_deadline(text[comma.start(1):at], meeting, None, calendar)
    if found is None or re.sub(r"\W+", "", text[comma.start(1):at][:found[1]] + text[comma.start(1):at][found[2]:]):
        return None
    return comma.start()
