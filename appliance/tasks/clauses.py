"""One turn of a meeting → its anchors: who is told (or offers) to do what, by when; plus the turn's
agreements to a proposed deadline and its withdrawals. Matching runs on lower-case text with its
diacritics (the deadline finder folds on its own); see `extract.py` for the phrasing families and
`clause_dates.py` for dates that reach a sentence's tasks from outside a doer's clause."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from appliance.tasks import clause_dates, withdrawals
from appliance.tasks.anchor import Anchor
from appliance.tasks.clause_parts import (
    Spot,
    answering,
    date_later,
    date_only,
    deadline_and_content,
    deadline_free,
    list_date,
    object_of,
    recap_shaped,
    required_before,
    sentences,
)
from appliance.tasks.cues import (
    addresses,
    choose,
    said_to,
    told_back,
    units_in,
    vocative_of,
)
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import Turn
from appliance.tasks.phrases import (
    AGREE,
    ALREADY,
    ASKS,
    AWAY,
    CANCEL,
    CONDITION,
    COORDINATE,
    DEFER,
    DIRECTIVE,
    DONE,
    DONE_NOW,
    FIRST,
    INTENT,
    LEAVE_IT,
    OBJECT_BEFORE,
    OPENERS,
    OWN_PART,
    PARTICLE,
    POLITE,
    POSTPONE,
    PRAISE,
    PREAMBLE,
    PROPOSAL,
    QUESTION,
    RECAP,
    RECEIVER_BEFORE,
    REPORTED,
    SECOND,
    SENIOR_SELF,
    SPEECH,
    THIS_MEETING,
    VERB,
    VERB_AHEAD,
    WITHDRAW,
)
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Someone other than the chair proposing who should do it ("bên em đề nghị phòng Kinh tế bố trí…", "em tính giao
# Lan tư pháp làm"): a suggestion the chair decides on, not a task given; a leader's "về tôi giao phòng Kinh tế…"
# at a residents' meeting is given.
SUGGESTS = re.compile(r"(?:\b(?:em|bên em|chúng em)\s+(?:(?:định|tính|muốn|xin|cũng|thì)\s+)*|"
                      r"\b(?:tôi|chúng tôi)\s+(?:định|tính|muốn)\s+)(?:giao(?: cho)?|đề nghị|đề xuất|nhờ)\s*$")


ON_TIME = re.compile(r"\b(?:đúng|kịp|theo)\s+(?:thời\s+)?hạn\b(?!\s+(?:là|chót|cuối|ngày))")


# Done in part: "số liệu em gửi từ hôm thứ Sáu rồi, giờ em chỉ bổ sung phần kiến nghị thôi" (the task stands).
REMAINS = re.compile(r"\b(?:giờ|bây giờ|còn)\b[^.?!]*\b(?:chỉ|nốt|bổ sung|thêm)\b")
# Handing work over "để" someone (in order that they…): "…, gửi văn phòng trước thứ Năm để chị Lan tổng hợp" is
# the sender's task; "chị Hà bận trực một cửa để Lan tư pháp dẫn chương trình" still gives Lan hers.
PURPOSE = re.compile(r"\b(?:gửi|nộp|trình|chuyển|đưa)\b[^,.;:!?]*\s+để\s*$")

# Session 10: "để em …" opening a clause offers to do it whatever the verb ("Để em huấn luyện lại, sáng thứ Bảy này
# em cho diễn tập"): the construction, not the word list, says it is work; not the verbs of thinking it over or of
# speaking now ("để em xem lại", "để em nói qua").
OFFER = re.compile(r"^để\s+(?:em|tôi|chúng em|chúng tôi)\s+(?!(?:xem|hỏi|nghĩ|suy nghĩ|tính|cân nhắc|nói|kể|trình bày|"
                   r"giải thích|thưa|xin phép|đi vệ sinh|về)\b)[^\W\d_]+")


# Session 14 (docs/meetings.md, "Session 14"): a person or unit after "xin" (ask for, get from) gives what is asked
# ("danh sách xin chị Lan", "xin ý kiến anh Bảo", "xin chữ ký của chị Hạnh"), not the work; "xin mời" is an invitation
ASK_FROM = re.compile(r"(?<!\bem )(?<!\btôi )\bxin(?:\s+(?:ý kiến|chữ ký|số liệu|danh sách|dấu|của|từ|lại|thêm|"
                      r"bên))*\s*$")
# Session 14: a member asking the chair's opinion or leave ("em xin ý kiến (anh) cái việc ngày hội 18/11 ạ", "em xin
# phép hỏi …") takes the floor even with a date in it: the date is the matter's, not a deadline of theirs
ASK_OPINION = re.compile(r"^\s*(?:xin\s+)(?:ý kiến|cho ý kiến|phép hỏi|hỏi ý kiến|hỏi)\b")
# Session 14: "X báo cáo là …", "X nói là …", "X phản ánh là …" of a person or unit
# named: what they said, reported to the meeting, not work given to them ("báo cáo rằng" was already a report); the
# speaker's own "em báo cáo là …" is left to the rules that read taking the floor
SAID_THAT = re.compile(r"^\s*,?\s*(?:có\s+)?(?:báo cáo|báo|nói|thông báo|phản ánh|kể|trả lời|xác nhận)(?:\s+lại)?\s+"
                       r"(?:là|rằng)\b")


# Session 12: a pronoun right before the recap's own verb ("thôi anh nhắc lại ban chỉ huy kế hoạch …", "Chị tóm tắt
# lại: …") is the one recapping, never a doer (nor the one addressed).
RECAP_VERB = re.compile(r"\s+(?:xin\s+)?(?:nhắc lại|tóm lại|tóm tắt(?: lại)?|chốt lại|kết luận|điểm lại|"
                        r"tổng kết lại)\b")


# Session 12 (docs/meetings.md, "Session 12"): the chair saying they will attend ("Tôi sẽ dự và phát biểu.", "Tốt, tôi
# sẽ dự."): no task
ATTENDS = re.compile(r"^\s*(?:sẽ\s+)?(?:cũng\s+)?(?:dự|tham dự|đi dự)(?:\s+(?:và|rồi)\s+(?:phát biểu|chỉ đạo))?"
                     r"\s*[.!]?\s*$")
# a member taking the floor: "em báo cáo qua ạ", "em báo lịch tháng 12 ạ: …", "em xin báo cáo thêm:"
SPEAK_NOW = re.compile(r"^\s*(?:xin\s+)?(?:báo cáo|báo|thông báo|trình bày|điểm qua|nói)(?:\s+(?:qua|nhanh|thêm|luôn|"
                       r"lịch|tình hình|lại)(?:\s+tháng\s+\d+)?)*(?:\s+(?:anh|chị|ạ))*\s*(?:[:.,!]|$)")
# "Báo cáo ấy giao phòng Kinh tế … làm, chị Lan đôn đốc.": the one who urges it on oversees it, as "chỉ đạo" does
OVERSEE = re.compile(r"^\s*,?\s*(?:đôn đốc|nhắc nhở|kiểm tra lại)(?:\s+(?:chung|thêm|thôi))?\s*(?:[,;.]|$)")
# "Dạ, em đã soạn sẵn rồi ạ.", "em có bản nháp rồi": ready to do it, not the work already done
READY = re.compile(r"\b(?:sẵn|bản nháp|dự thảo rồi)\b")


# "…, giao phòng Kinh tế … làm, chị Lan đôn đốc. Hạn thì mình nộp sớm hơn hai ngày, ngày hai mươi ba tháng mười một
# nhé.": a sentence about the deadline ("hạn thì…", "thời hạn là…") right after a task is given dates that task, and
# gives none of its own ("mình" there is the ward, not the speaker)
DEADLINE_TOPIC = re.compile(r"^\W*(?:(?:còn|về|vậy|thế)\s+)?(?:thời\s+)?hạn(?:\s+(?:chót|nộp|cuối))?\s*(?:thì|là|,)\s")
# "huy ghi lại" — "dạ em ghi rồi ạ": noting it down in the meeting is no task, and "ghi rồi" (noted) says nothing
# of the task just given being done
NOTED = re.compile(r"\bghi(?:\s+(?:lại|nhận|chép|sổ))?\s+rồi\b")
NOTE_IT = re.compile(r"\s*,?\s*ghi(?:\s+(?:lại|nhận|chép))?(?:\s+(?:giúp|hộ|nhé|đi|luôn|cho))*"
                     r"(?:\s+(?:chị|anh|tôi|em))?"
                     r"(?:\s+(?:nhé|nha|ạ))?\s*[.!]?\s*")
# "à thôi trụ nước thì để huy làm vẫn năm ngày làm việc nhé": after "à thôi", "X làm" with its date is still the
# withdrawn task given to another (its content is the date and "làm")


def _clause_start(lower: str, pos: int) -> bool:
    before = lower[:pos].rstrip()
    if not before or before.endswith((",", ";", ":", ".", "…", "!")):
        return True
    if re.fullmatch(r"(?:có|không|chưa|rồi|à quên|à|quên)", before):  # "có, huy làm …" answers a question
        return True
    return bool(re.search(r"(?:^|[\s,])(?:thì|thế|ừ|vâng|dạ|được|còn|để|nhé|rồi|thôi|vậy|tốt|chị ơi|anh ơi|em ơi|"
                          r"với cả|ngoài ra|quên|à)$", before))


# Session 17 (docs/meetings.md, "Session 17"): "thì là…" is a speaker's hesitation ("còn tổ 4 thì… thì là… anh Minh
# trực tiếp xuống làm việc với tổ 4"): the doer after it opens the clause; "là" is not a copula before an object there
SESSION17_HESITATION = True  # on by rule R1 (session 17)
HESITATION = re.compile(r"\bthì\s+là\s*$")


# Session 17 (docs/meetings.md, "Session 17"): "cái đấy để em lo, em cho công ty môi trường thu dọn …": an offer after
# the matter it takes ("cái đấy", "việc này", "phần đó") opens its clause, as "để em …" opening the sentence does
SESSION17_TOPIC_OFFER = True  # on by rule R1 (session 17)
TOPIC_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:dạ|vâng|ừ|thế|vậy|thôi|còn)\s+)(?:cái|việc|vụ|phần|chuyện)\s+"
                          r"(?:này|đó|đấy|ấy|kia)\s+(?:thì\s+)?$")


# Session 17 (docs/meetings.md, "Session 17"): "anh em", "chị em" are a group ("anh Minh cho anh em xuống kiểm tra
# ngay", "chị em phụ nữ"), not the pronoun "em" for the one the chair answers
SESSION17_COLLECTIVE = True  # on by rule R1 (session 17)


def _spots(sentence: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
           vocative: Person | None, form: str | None = None) -> list[Spot]:
    lower = normalize(sentence).lower()
    spots: list[Spot] = []
    units = units_in(sentence, roster)
    for mention in roster.mentions(sentence, verbs=VERB_AHEAD):
        if any(s <= mention.start < e for s, e, _p in units):
            continue
        spots.append(Spot(mention.start, mention.end, choose(mention, speakers), "named"))
    # A unit said right after a person is that person's unit ("anh Hùng, Phòng Kinh tế, …, rà soát").
    for index, spot in enumerate(spots):
        for unit in units:
            gap = sentence[spot.end:unit[0]]
            if unit[0] >= spot.end and re.fullmatch(r"\s*,?\s*(?:bên|thuộc|ở|phụ trách|(?:tổ )?trưởng|(?:tổ )?phó|"
                                                    r"cán bộ|chủ tịch)?\s*", gap, flags=re.IGNORECASE):
                person = spot.person if spot.person.unit else Person(spot.person.name, unit[2].name,
                                                                     spot.person.staff_id, spot.person.kind)
                tail = re.match(r"\s*,", sentence[unit[1]:])
                spots[index] = Spot(spot.start, unit[1] + (tail.end() if tail else 0), person, spot.how)
                units = [u for u in units if u is not unit]
                break
    taken = [(s.start, s.end) for s in spots]
    for start, end, person in units:
        if not any(start < e and s < end for s, e in taken):
            spots.append(Spot(start, end, person, "unit"))
    # Pronouns at the head of a clause.
    for m in re.finditer(r"(?:^|(?<=[,;:]\s)|(?<=\s))(?:để\s+)?(em|tôi|mình|tớ|chúng tôi|chúng em|anh|chị|bác|cô|"
                         r"chú|ông|bà)\b", lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if SESSION17_COLLECTIVE and m.group(1) == "em" and re.search(r"\b(?:anh|chị)\s+$", lower[:m.start()]):
            continue  # "anh Minh cho anh em xuống kiểm tra …": the men of his unit, not the one addressed
        if RECAP_VERB.match(lower[m.end():]):
            continue  # "thôi anh nhắc lại …", "Tôi nhắc lại mấy việc": the one who recaps, not a doer
        head = lower[m.start():]
        loose = not _clause_start(lower, m.start()) \
            and not (SESSION17_TOPIC_OFFER and OFFER.match(head) and TOPIC_BEFORE.search(lower[:m.start()]))
        if loose and not re.match(rf"^(?:em|tôi|chúng tôi|chúng em)(?:\s+(?:sẽ|xin))?\s+{VERB}\b|"
                                  rf"^(?:anh|chị)\s+sẽ\s+{VERB}\b", head) \
                and not (vocative is not None and SECOND.match(head)):
            continue
        if SECOND.match(head) and vocative is not None and (said_to(lower[:m.start()], m.group(1))
                                                             or addresses(form, m.group(0))):
            spots.append(Spot(m.start(), m.end(), vocative, "second"))
        elif SECOND.match(head) and answering(turn, previous) and previous is not None:
            spots.append(Spot(m.start(), m.end(), vocative or previous.speaker, "second"))
        elif m.group(0) == "em" and turn.leads and SECOND.match(head) and previous is not None \
                and not ANSWERS_UP.match(lower):
            # The chair says "em" to the one they answer ("12 hồ sơ đó thì em phối hợp…"), never of themself.
            spots.append(Spot(m.start(), m.end(), previous.speaker, "second"))
        elif FIRST.match(head) or SENIOR_SELF.match(head) and previous is not None \
                or not loose and OFFER.match(head):
            spots.append(Spot(m.start(), m.end(), turn.speaker, "first", loose))
        elif SECOND.match(head):
            addressee = vocative or (previous.speaker if previous is not None else None)
            if addressee is not None:
                spots.append(Spot(m.start(), m.end(), addressee, "second"))
    return sorted(spots, key=lambda s: s.start)


def _is_anchor(spot: Spot, lower: str, spots: list[Spot]) -> bool:
    after = lower[spot.end:]
    before = lower[:spot.start]
    if DIRECTIVE.search(before[-30:]):
        return True
    if spot.how in ("first", "second"):
        return not (RECEIVER_BEFORE.search(before[-12:]) and not _clause_start(lower, spot.start))
    if spot.how == "unit" and object_of(spot, lower, spots):
        return False
    if OBJECT_BEFORE.search(before[-12:]) and not _clause_start(lower, spot.start) \
            and not (SESSION17_HESITATION and HESITATION.search(before[-12:])):
        return False
    if spot.how in ("named", "unit") and ASK_FROM.search(before[-24:]):
        return False  # "danh sách xin chị Lan": whom it is asked from, not who does it
    if spot.how == "unit" and not VERB_AHEAD.match(after) and not re.match(r"^\s*,", after):
        return False
    if re.match(r"^\s*(?:ơi)?\s*,", after):  # a vocative: the task is what follows, said to them
        return bool(re.match(rf"^\s*(?:ơi)?\s*,\s*{VERB}\b", after))
    return bool(VERB_AHEAD.match(after))


def anchors(turn: Turn, previous: Turn | None, roster: Roster, meeting: dt.date,
            calendar: WorkCalendar | None) -> list[Anchor]:
    out: list[Anchor] = []
    speakers: list[Person] = [turn.speaker] + ([previous.speaker] if previous else [])
    vocative: Person | None = None
    form: str | None = None      # how the vocative called them: "" a bare name, else its honorific
    parts = WITHDRAW.split(normalize(turn.text))
    # "à không" (no, I mean …) corrects what was just said; "à thôi" may as well drop it
    marks = [bool(re.search(r"\bkhông\b", m.group(0).lower())) for m in WITHDRAW.finditer(normalize(turn.text))]
    inherit = gave = recap = False
    required: dt.date | None = None  # "4 người đấy trong tuần này phải xong." said just before
    for index, part in enumerate(parts):
        chunks = sentences(part)
        # "… gửi thành phố thứ hai tuần sau à thôi thứ sáu này gửi luôn đi": a new date, not a withdrawal
        fix = clause_dates.correction(parts[index + 1], roster, meeting, calendar) \
            if index < len(parts) - 1 else None
        inherit = inherit or index > 0   # the first task after "à thôi" may take the withdrawn one's content
        for at, sentence in enumerate(chunks):
            # Said, then withdrawn in the same breath ("… à thôi, …"): the sentence right before it only.
            withdrawn = index < len(parts) - 1 and at == len(chunks) - 1
            if index > 0 and at == 0 and (fixed := clause_dates.correction(part, roster, meeting, calendar)):
                if turn.leads and index == 1 and marks[0] \
                        and not OPENERS.sub("", parts[0].lower() + " ").strip(" ,.…"):
                    # "à không, trước 20/12 thôi" opening the chair's turn, after the doer's objection: the
                    # date of the task discussed (the chair's own redating reaches two turns back)
                    out.append(Anchor("agree", None, deadline=fixed, follow_up=True))
                continue  # the date was given to the task before "à thôi"
            lower = sentence.lower()
            recap = recap or bool(RECAP.search(lower))
            if gave and DEADLINE_TOPIC.match(lower) and not QUESTION.search(lower):
                due = find_deadline(sentence, meeting, None, calendar)
                if due is not None:  # "Hạn thì mình nộp sớm hơn hai ngày, ngày 23/11 nhé.": the task's date
                    out.append(Anchor("agree", None, deadline=due[0]))
                    continue
            if AGREE.match(lower) and not QUESTION.search(lower):
                # The date agreed ("Thôi được, thứ Sáu."), not one said after the next doer is named
                # ("vâng chị anh tuấn liên hệ… trong tháng này").
                doers = [m.start for m in roster.mentions(sentence, verbs=VERB_AHEAD)] + \
                    [u[0] for u in units_in(sentence, roster)]
                found = find_deadline(sentence[:min(doers, default=len(sentence))], meeting, None, calendar)
                out.append(Anchor("agree", None, deadline=found[0] if found else None))
            cancels = CANCEL.search(lower)
            cancel_at = cancels.start() if cancels else None
            asks = QUESTION.search(lower) and re.search(r"\bđược không\b", lower)
            offer = PROPOSAL.search(lower) if asks else None
            if offer is not None:  # "em gửi trước thứ Tư được không": a new deadline, if the chair agrees
                found = find_deadline(sentence[offer.start():], meeting, None, calendar)
                if found is not None:
                    out.append(Anchor("propose", turn.speaker, deadline=found[0]))
                continue
            later = POSTPONE.search(lower)
            if later is not None or asks:
                # "Thứ Tư thì gấp quá, thứ Sáu được không anh?", "em xin lùi sang thứ Hai tuần sau vì…"
                said = re.split(r"\b(?:vì|do|bởi)\b", sentence[later.end():] if later else sentence)[0]
                if later is None:
                    said = re.split(r",", said)[-1]
                found = find_deadline(said, meeting, None, calendar)
                moved = clause_dates.postponed(sentence, later, roster, speakers, meeting, calendar) \
                    if clause_dates.SESSION17_POSTPONE_NAMED and later is not None and turn.leads else None
                if moved is not None:
                    # "à Huy ơi cái danh sách vỉa hè, lùi sang thứ Ba tuần sau cũng được, tuần này em còn việc …"
                    out.append(Anchor("agree", moved[0], deadline=moved[1], follow_up=True))
                    continue
                if found is not None and later is not None and turn.leads:
                    # "Thế thì lùi sang thứ Hai tuần sau": the chair moves the deadline; nobody need agree
                    out.append(Anchor("agree", None, deadline=found[0], follow_up=True))
                    continue
                if found is not None and not roster.mentions(said, verbs=VERB_AHEAD):
                    out.append(Anchor("propose", turn.speaker, deadline=found[0]))
                    continue
            said = vocative_of(sentence, roster, speakers)
            called = said[0] if said else None
            vocative, form = said or (vocative, form)
            found_here = _part(sentence, turn, previous, roster, speakers, (vocative, form), meeting, calendar,
                               inherit and not withdrawn, called)
            inherit = inherit and not found_here
            if index == 1 and not OPENERS.sub("", parts[0].lower() + " ").strip(" ,.…"):
                found_here = [replace(a, reassigns=True) if a.inherits else a for a in found_here]
            found_here, required = required_before(sentence, found_here, required, roster, meeting, calendar)
            # session 9: three or more people a terse item each ("Vậy nhé. Anh Sơn phát lệnh trước Tết dương lịch, anh
            # Minh xác minh 3 trường hợp, chị Hương thăm hỏi trước Tết, Tuấn pano.") is a recap without a recap word
            listed = bool(found_here) and recap_shaped(sentence, roster)
            found_here = [replace(a, recap=True) for a in found_here] if recap or listed else found_here
            if withdrawn and found_here:  # what was said right before "à thôi" (the last of the sentence)
                last = found_here.pop()
                found_here += [replace(last, deadline=fix)] if fix else [last, Anchor("cancel", last.person)]
            deferred = withdrawals.DEFER_NAMED.search(lower) if turn.leads else None
            if deferred is not None:  # "máy tính để sang năm tính": that work, given in the turns before, waits
                out.append(Anchor("cancel", None, quote=deferred.group("work"), calls_off=True, defers=True))
            out += found_here
            # "Còn trực thứ Bảy thì năm nay thôi, không trực nữa." calls off the
            # work this very sentence named, when the form says that work again: its own task, or none said back
            itself = cancel_at is not None and withdrawals.repeats_work(lower, cancel_at)
            if cancel_at is not None:  # after the sentence's own anchors, and of whom it names: "… tôi giao anh
                # Hùng, thôi, …, anh Hùng không phải lo nữa"; "Tuấn làm luôn, …, chị Lan không phải làm nữa"
                named = [m for m in roster.mentions(sentence, verbs=VERB_AHEAD)
                         if 0 <= cancel_at - m.end <= 2]
                again = cancels is None and not named and bool(out) and out[-1].kind == "cancel"
                if (named or at == 0 or gave or itself and found_here) and not again:
                    # "còn việc lắp máy pos thì. thôi chưa giao ai" (nothing given); a session 13 form right after
                    # "à thôi" withdrew a task withdraws no other
                    out.append(Anchor("cancel", choose(named[-1], speakers) if named else None,
                                      quote=withdrawals.form_text(lower, cancel_at), calls_off=True))
            just_gave, gave = gave, bool(found_here)
            if not found_here and ALREADY.search(lower) and not re.search(r"\bsẽ\b", lower) \
                    and not READY.search(lower) and not NOTED.search(lower) \
                    and not REMAINS.search(lower):
                out.append(Anchor("done", turn.speaker, content=sentence))
            elif not found_here and not recap and just_gave \
                    and (dated := date_later(sentence, out, roster, meeting, calendar)):
                out.append(Anchor("agree", None, deadline=dated))
            elif not found_here and not (short := date_only(lower, out)) and not recap and not itself \
                    and (told := told_back(sentence, turn, previous, roster, meeting, calendar)):
                # (a closing recap names whom each task is for; a clause of it it could not read is not
                # said back to the one addressed)
                out.append(told)
            elif not found_here and (short or not AGREE.match(lower) and not QUESTION.search(lower)
                                     and not DEFER.search(lower) and len(re.findall(r"\w+", lower)) <= 6):
                # "Muộn quá, thứ Tư.": a short answer that is a date sets the task just discussed.
                found = find_deadline(sentence, meeting, None, calendar)
                if found is not None:
                    out.append(Anchor("agree", None, deadline=found[0]))
    return out


def _part(text: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
          call: tuple[Person | None, str | None], meeting: dt.date, calendar: WorkCalendar | None,
          after_withdrawal: bool, called: Person | None = None) -> list[Anchor]:
    lower = normalize(text).lower()
    if not lower.strip():
        return []
    vocative = call[0]
    spots = _spots(text, turn, previous, roster, speakers, vocative, call[1])
    # "chị Lan dự thảo quyết định…, trình ký mai được không?": asking a named doer is asking them to do it
    request = bool(re.search(r"\bđược không\W*$", lower)) and bool(spots) and spots[0].how in ("named", "unit") \
        and _clause_start(lower, spots[0].start)
    asked = ASKED.search(lower)
    question = bool(QUESTION.search(lower) or asked) \
        and not POLITE.search(lower) and not request
    out: list[Anchor] = []
    chosen = [s for s in spots if _is_anchor(s, lower, spots)]
    offer = LEAVE_IT.search(lower)
    if offer is not None and not question:  # "việc đó cứ để em": volunteering without a verb
        chosen.append(Spot(offer.start(), offer.end(), turn.speaker, "first"))
    # A call opening the sentence ("Hà ơi, giáp Tết dân làm thủ tục đông lắm.") is followed by an order only
    # with a date or an order's particle.
    opening = re.match(r"^\W*(?:\w+\s+){0,3}?\w+\s*(?:ơi\b|,)", lower) is not None
    if not chosen and called is not None and called != turn.speaker and not question \
            and re.search(rf"\b{VERB}\b", lower) and not DEFER.search(lower) and not REPORTED.search(lower) \
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
                and re.search(rf"\b{VERB}\b", lower[:sent.start()]):
            continue  # "Minh về dự thảo văn bản, chuyển chị Lan trình anh An ký": whom the draft goes to next
        if led and spot.how == "first" and turn.leads and OWN_PART.match(lower[spot.end:]):
            continue  # "Anh Hùng soạn văn bản kiến nghị, tôi ký, trong tuần này gửi đi": the chair's part of it
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
        scope_lower = lower[spot.end:stop]
        head = lower[:spot.start]
        if DEFER.search(scope_lower) or DEFER.search(head[-40:]) or CONDITION.search(head[-40:]) \
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
        if spot.how in ("named", "unit") and SAID_THAT.match(scope_lower):
            continue  # "anh ơi văn phòng báo cáo là tuần trước mình nhận …": what a unit or person said, reported
        if REPORTED.match(scope_lower) or PRAISE.search(scope_lower) or AWAY.match(scope_lower) or \
                DONE_NOW.match(scope_lower) or \
                (spot.how == "first" and DONE.search(scope_lower)):
            continue
        if spot.how == "unit" and re.match(r"^\s*,", scope_lower) and not DIRECTIVE.search(head[-30:]):
            continue
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
        if helps != scope_lower and deadline is None and not re.search(rf"\b{VERB}\b", helps):
            continue  # "Nam phối hợp với anh Huy.": helping the one who leads is not a task of one's own
        if question:
            if spot.how == "first" and deadline is not None and "được không" in lower:
                out.append(Anchor("propose", spot.person, deadline=deadline))
            continue
        handed = spot.how in ("named", "unit") and bool(HAND_OVER.search(head[-30:]))
        # whose task it was: the person named before "chuyển" in the sentence ("c. Lan bận thì thôi chuyển …")
        owner = next((s.person for s in reversed(spots) if s.end <= spot.start and s.how == "named"
                      and s.person != spot.person), None) if handed else None
        directed = bool(DIRECTIVE.search(head[-30:])) or handed
        if directed and not turn.leads and SUGGESTS.search(head[-40:]):
            continue  # "Em đề nghị anh Hùng hỗ trợ 40 barie", "em định giao Tuấn…": put to the chair, not given
        if spot.how == "first" and not (INTENT.search(scope_lower) or deadline or lower[spot.start:].startswith("để")):
            continue
        asked_who = previous is not None and previous.label != turn.label and \
            bool(re.search(r"\bai\b[^.?!]*\?", previous.text.lower()))  # "… ai làm?" — "Dạ việc đó em làm cho ạ"
        if spot.loose and not (deadline or asked_who or re.match(r"^\s*(?:sẽ|xin)\b", scope_lower)):
            continue
        unpunctuated = not re.search(r"[,.;!?]", lower.rstrip(" .!?"))  # recogniser text: clauses run on
        if spot.how in ("named", "unit") and not (directed or deadline or PARTICLE.search(scope_lower)
                                                   or _clause_start(lower, spot.start)
                                                   or unpunctuated and VERB_AHEAD.match(scope_lower)):
            continue
        if spot.how == "second" and not (deadline or PARTICLE.search(scope_lower) or called is not None
                                         or CU_ORDER.match(lower[spot.start:])):
            continue
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
                          same, how=how, directed=directed, hands_from=owner))
    return out


# Session 16 (docs/meetings.md, "Session 16"): a doer right after "nếu …, thì" however long the condition ("Nếu thấy
# gia đình còn thi công ban đêm thì chị báo ngay công an phường nhé"): a job only if it happens, not a task (the
# 40 characters before the doer missed a long condition)
IF_THEN = re.compile(r"\bnếu\b[^.;!?]{0,160}\bthì\s*$")
# the chair announcing what follows ("tôi nhắc mấy việc trước khi nghỉ Tết …", "anh nói mấy việc", "tôi giao một số
# việc"): the tasks come after, as with "tôi xin phân công như sau" (PREAMBLE)
AGENDA = re.compile(r"^\s*(?:xin\s+)?(?:nhắc|nói|điểm|giao|phân công|lưu ý)(?:\s+(?:qua|lại|nhanh))?\s+"
                    r"(?:mấy|một số|các|vài|hai|ba|bốn|năm)\s+(?:việc|nội dung|vấn đề|điểm)\b")
# a member telling the chair whose job it is ("dạ nhưng đoàn viên thì phải chị Hương bên văn hóa điều động ạ", "cái đó
# phải bên công an làm ạ"): "phải" before the person or unit, said by someone who does not lead, gives no task
WHOSE_JOB = re.compile(r"(?:^|\s)phải\s*$")
# "dạ được anh, em trực ngày 1/1 ạ" from the one who opened a phone call to the chair: a sentence opening with "dạ" or
# "vâng" answers someone senior, so its "em" is the speaker, even in the opener's turn (the opener's "em" is otherwise
# whom they answer)
ANSWERS_UP = re.compile(r"^\W*(?:dạ|vâng)\b")
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
# Session 13: what must be done by when, said with no doer ("4 người đấy trong tuần này phải xong."), then who does it
# with no date of their own ("Mai nhắc từng người, xong báo lại anh"): that date is theirs (required_before).


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


# Session 13 (docs/meetings.md, "Session 13"): the chair setting another date after an objection in between
# ("c. Lan lên lịch trực, trước Tết dương lịch" — "trước Tết thì muộn quá …" — "à không, trước 20/12 thôi"; "Mai gửi
# giấy gọi, mai gửi luôn" — "giấy gọi phải thứ Sáu mới có" — "thế thứ Sáu Mai gửi"): that task's date moves, two
# turns back, as the chair's own "lùi sang …" does (merge.py reads the second form).
# Session 13 (docs/meetings.md, "Session 13"): a date said before the first of a list of doers, one item each,
# split by commas ("thứ Sáu này thì anh Hùng nộp báo cáo giải ngân, chị Hương nộp báo cáo an sinh, chị Hà thống kê hồ
# sơ trễ hạn"): each item that says no date of its own shares it; "còn X …" opens another matter, and an item with
# its own date keeps it (clause_parts.list_date).


