"""Checks on a doer's clause and the dates said of a sentence's tasks, added in session 26 (docs/meetings.md,
"Session 26"): each form behind its own setting, read by `clause_tasks.tasks_in` and `clauses.anchors` at call time."""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.clause_parts import Spot
from appliance.tasks.cues import choose
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import DIRECTIVE, PARTICLE, QUESTION, VERB_AHEAD
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Session 26 (docs/meetings.md, "Session 26"): a time gone said in the doer's own clause, before the doer or right
# after them ("Hôm qua chị Lan gửi công văn lên quận.", "Vừa rồi anh Nam xuống hiện trường, ông Tư đồng ý …", "Sáng
# qua anh Minh đưa anh xem biên bản.", "anh Nam tuần trước đo …"): what was done, reported, no task; not with an
# order's particle or a date to come in the clause ("Hôm qua … , chị Lan gửi lại trước thứ Sáu nhé"), nor after a
# directive word ("Hôm qua anh giao chị Lan soạn kế hoạch": the task given is read as before)
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_PAST_TIME = False
PAST_TIME = re.compile(r"\b(?:hôm qua|hôm kia|hôm trước|hôm rồi|bữa qua|bữa trước|bữa rồi|sáng qua|chiều qua|tối qua|"
                       r"đêm qua|tuần trước|tuần qua|tháng trước|tháng qua|năm ngoái|năm trước|năm qua|vừa rồi|"
                       r"vừa qua|lúc nãy|vừa nãy|ban nãy|mấy hôm trước|dạo trước)\b")


# Session 26 (docs/meetings.md, "Session 26"): a time gone then "rồi" in the doer's clause, also in a recogniser run
# where no stop follows "rồi" (DONE_NOW needs one): "dạ em gửi hôm thứ sáu rồi anh quận hẹn trả lời trong tuần này",
# "anh nam xuống hôm qua rồi ông ấy hứa tháo dỡ …": done, reported, no task (the date after it is another's); not
# with an order's particle or "sẽ / phải" after "rồi" ("… hôm qua rồi, giờ gửi bổ sung trước thứ Sáu nhé")
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_GONE_THEN = False
_GONE_THEN = re.compile(r"\b(?:hôm qua|hôm kia|hôm trước|tuần trước|tuần rồi|tháng trước|sáng qua|chiều qua|tối qua|"
                        r"hôm\s+(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật))"
                        r"(?!\s+(?:này|tới|sau|tuần))(?:\s+(?!này|tới|sau|tuần)\S+){0,2}?\s+rồi\b(?P<rest>.*)$")


# Session 26 (docs/meetings.md, "Session 26"): a unit given the work and, right after its comma, the person who does it
# ("Giao phòng Kinh tế, anh Hùng rà soát các công trình sai phép trước 15/12.", "Việc này giao văn phòng, chị Lan
# tổng hợp …"): one task, the person's (as the keys read "giao bên địa chính, Nam xuống đo …"); the unit was read as
# a second task with no work and no date. Not when the unit has work of its own before the comma
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_UNIT_THEN_DOER = False


# Session 26 (docs/meetings.md, "Session 26"): the helper named first, then whom they help and the work ("Anh Nam hỗ
# trợ chị Lan rà soát danh sách trước thứ Sáu.", "Chị Lan, Mai hỗ trợ chị làm hồ sơ thi đua, …"): the work is the
# one helped's, and helping alone is no task (as "Y phối hợp" after the doer is not); the helper was read as a second
# task with no work and no date. Only the bare helping word between the two ("hỗ trợ", "phối hợp với", "giúp", "cùng
# với"); "anh Nam hỗ trợ kinh phí cho tổ 5 …" (work of their own) is read as before
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_HELPER_FIRST = False
HELPS_BEFORE = re.compile(r"\s*(?:sẽ\s+)?(?:hỗ trợ|phối hợp(?:\s+với)?|giúp|giúp đỡ|cùng với)\s*")


# Session 26 (docs/meetings.md, "Session 26"): one date said of every task just given ("Chị Lan chuẩn bị hội trường,
# anh Hùng lo âm thanh, tất cả xong trước thứ Sáu.", "…, cả hai việc xong trước thứ Sáu", "… . Tất cả phải xong trước
# thứ Sáu."): each of them without a date of its own takes it (it went to the last only); "tất cả" opening its clause
# and the date right after it, not "tổng hợp tất cả số liệu, …"
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_ALL_DUE = False
ALL_DUE = re.compile(r"(?:^\W*|[,;:]\s*|\bvà\s+)(?:(?:thế|vậy|nhé|ừ|rồi)\s+)?(?:tất cả|cả hai|cả ba|cả bốn|mọi việc|"
                     r"các việc (?:này|trên|đó)|(?:hai|ba|mấy|những) việc (?:này|trên|đó))"
                     r"(?:\s+(?:việc|đều|phải|cần|nhé|các đồng chí))*\s+")


# Session 26 (docs/meetings.md, "Session 26"): the work and its date said first, then the doer with a bare "làm / lo"
# ("Anh cần danh sách hộ nghèo trước thứ Sáu, chị Hương làm giúp anh.", "Báo cáo này chậm nhất 15/12 phải có, anh Nam
# lo nhé."): the date is the doer's; only when the doer's clause says no work of its own and the clause before has a
# deadline's word ("trước", "chậm nhất", "hạn", "trong", "xong"), not an event's day ("Ngày 20/12 quận kiểm tra, …")
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b)
SESSION26_WORK_BEFORE = False
GENERIC_DO = re.compile(r"\s*(?:(?:sẽ|phải|cần)\s+)?(?:làm|lo|xử lý|giải quyết|phụ trách|nhận|làm việc này|lo việc này)"
                        r"(?:\s+(?:giúp|hộ|giùm|cho))?(?:\s+(?:anh|chị|tôi|em|mình))?"
                        r"(?:\s+(?:luôn|nhé|nha|đi|ạ|việc này|việc đó|cái này))*\s*[.!]?\s*")


# Session 26 (docs/meetings.md, "Session 26"): a member's "em báo cáo anh" with a day to come in its clause ("Dạ, thứ
# Sáu em báo cáo anh ạ.", "em báo anh trước thứ Năm ạ") is an offer to report then, not taking the floor now as "Dạ, em
# báo cáo qua ạ." is; today ("hôm nay em báo cáo") stays the floor. So is the chair's "Thứ Năm anh Hùng báo cáo." (not
# "anh Hùng báo cáo đi": the floor, now)
# off by rule R1 (session 26): fresh off alone 667/173/197, on 667/174/197 (fresh7 wrong +1)
SESSION26_REPORT_LATER = False
_SPEAK = re.compile(r"^\s*(?:báo cáo|trình bày|nói|phát biểu|tóm tắt|đọc)\b")

# Session 26 (docs/meetings.md, "Session 26"): the chair calling someone by name and saying when their work is due,
# with no verb of work ("Ừ, thứ Tư là hạn cuối đấy Nam, 3 hồ sơ còn lại phải xong.", "Còn một tuần thôi, hạn 20/12 nhé
# Hà, phải đủ 300 phiếu.", "Tuấn, kế hoạch … thứ Sáu này phải có trên bàn anh đấy."): that person's task by that date
# (it went to nobody, the order had no verb); one person named, called (opening the sentence, or after "đấy / nhé /
# nha" before a stop), a deadline's word ("hạn", "phải xong / có / đủ / nộp …") and a day to come; not a question
# off by rule R1 (session 26): no fresh verdict moved (667/174/197 on and off); off brings back no training wrong (R1b;
# s5: three right, three missed)
SESSION26_DUE_CALLED = False
DUE_SAID = re.compile(r"\b(?:hạn|phải\s+(?:xong|có|đủ|nộp|gửi|hoàn thành|trình|dứt điểm))\b")
_CALL_BEFORE = re.compile(r"(?:^\W*(?:(?:ừ|ờ|vâng|được|thế|vậy|còn)\W+)*|\b(?:đấy|đó|nhé|nha|nhá))\s*$")
_CALL_AFTER = re.compile(r"^\s*(?:[,.;!]|ơi\b|$)")


def due_called(text: str, roster: Roster, speakers: list[Person], meeting: dt.date,
               calendar: WorkCalendar | None) -> tuple[Person, dt.date] | None:
    """The one the sentence calls and the day their work is due (SESSION26_DUE_CALLED)."""
    lower = normalize(text).lower()
    if not DUE_SAID.search(lower) or QUESTION.search(lower):
        return None
    mentions = roster.mentions(text, verbs=VERB_AHEAD)
    if len(mentions) != 1:
        return None
    named = mentions[0]
    masked = lower[:named.start] + " " * (named.end - named.start) + lower[named.end:]  # "đấy Mai": not tomorrow
    due = next((c for c in re.split(r"[,;.!]", masked) if DUE_SAID.search(c)), "")
    found = find_deadline(due, meeting, None, calendar)  # the date in the clause that says it is due
    if found is None or found[0] <= meeting:
        return None
    if _CALL_BEFORE.search(lower[:named.start]) and _CALL_AFTER.match(lower[named.end:]):
        return choose(named, speakers), found[0]
    return None

# Session 26 (docs/meetings.md, "Session 26"): in a recogniser run with no stops, when the doer's clause opens with its
# date ("thứ năm anh hùng gửi báo cáo thứ sáu chị lan tổng hợp gửi quận nhé"), a date said right before the next doer
# (another person) opens that doer's clause, as the first one did: Hùng's Thursday, Lan's Friday (Hùng took Friday,
# Lan none); not when the first doer's clause has no date before it ("anh hùng gửi báo cáo thứ sáu chị lan …" is read
# as before)
# off by rule R1 (session 26): fresh off alone 669/173/195, on 667/174/197 (fresh11 right -2, wrong +1)
SESSION26_RUN_FRONTED = False


def next_fronted(text: str, lower: str, spot: Spot, nxt: Spot, meeting: dt.date,
                 calendar: WorkCalendar | None) -> int | None:
    """Where the next doer's fronted date opens their clause, in a run with no stops (SESSION26_RUN_FRONTED)."""
    if re.search(r"[,.;:!?]", lower) or nxt.how not in ("named", "unit") or nxt.person == spot.person \
            or spot.how not in ("named", "unit"):
        return None
    own = find_deadline(text[max(0, spot.start - 40):spot.start], meeting, None, calendar)
    if own is None or re.sub(r"\W+", "", text[max(0, spot.start - 40):spot.start][own[2]:]):
        return None  # the doer's own clause does not open with its date
    words = list(re.finditer(r"\S+", lower[spot.end:nxt.start]))
    for k in range(max(0, len(words) - 5), len(words)):
        at = spot.end + words[k].start()
        found = find_deadline(text[at:nxt.start], meeting, None, calendar)
        if found is not None and found[1] == 0 and not re.sub(r"\W+", "", text[at:nxt.start][found[2]:]) \
                and k > 0:
            return at
    return None

# Session 26 (docs/meetings.md, "Session 26"): going to a meeting in someone's place ("Chị Lan đi họp thay anh ở quận
# sáng thứ Năm.", "anh Nam đi dự hội nghị thay tôi") is work given, not where someone is (AWAY: "anh Nam đi họp")
# off by rule R1 (session 26): fresh off alone 667/173/197, on 667/174/197 (fresh12 wrong +1)
SESSION26_GOES_INSTEAD = False
GOES_INSTEAD = re.compile(r"^\s*,?\s*(?:sẽ\s+)?đi\s+(?:họp|dự)\b[^,.;!?]{0,30}?\bthay\b")


def said_done(head: str, scope: str, spot: Spot, meeting: dt.date, calendar: WorkCalendar | None) -> bool:
    """A time gone in the doer's clause (SESSION26_PAST_TIME): before the doer, or right after them."""
    if spot.how not in ("named", "unit"):
        return False
    clause = re.split(r"[,;:.!?…]", head)[-1]
    gone = PAST_TIME.search(clause) is not None or PAST_TIME.match(scope.lstrip(" ,")) is not None
    if not gone or DIRECTIVE.search(clause) or re.search(r"\b(?:giao|nhờ|đề nghị|yêu cầu|phân công|bảo)\b", clause):
        return False
    said = re.split(r"[;.!?]", scope)[0]
    return PARTICLE.search(said) is None and not re.search(r"\b(?:sẽ|phải|cần|nhớ|tiếp tục|lại)\b", said) \
        and find_deadline(said, meeting, None, calendar) is None


def done_in_run(scope: str) -> bool:
    """A time gone then "rồi" in the doer's clause, no order after it (SESSION26_GONE_THEN)."""
    gone = _GONE_THEN.search(re.split(r"[,;.!?…]", scope)[0])  # in the doer's own clause
    return gone is not None and not re.search(r"\b(?:nhé|nha|nhá|sẽ|phải|nhớ)\b", gone.group("rest"))


def every_due(text: str, meeting: dt.date, calendar: WorkCalendar | None, start_only: bool) -> dt.date | None:
    """The date said of all the tasks just given ("…, tất cả xong trước thứ Sáu"; with `start_only` the sentence opens
    so: "Tất cả phải xong trước thứ Sáu."), SESSION26_ALL_DUE."""
    lower = normalize(text).lower()
    for m in ALL_DUE.finditer(lower):
        if start_only and m.start() > 0:
            break
        rest = text[m.end():] if len(text) == len(lower) else lower[m.end():]
        found = find_deadline(rest, meeting, None, calendar)
        if found is not None and len(re.findall(r"\w+", rest[:found[1]])) <= 3:
            return found[0]
    return None


def later_date(head: str, scope: str, meeting: dt.date, calendar: WorkCalendar | None) -> bool:
    """A day after the meeting said right before the first person, or with a deadline's word after the verb, in its
    own clause (SESSION26_REPORT_LATER): "thứ Sáu em báo cáo anh", "em báo anh trước thứ Năm"."""
    before = re.split(r"[,;:.!?]", head)[-1]
    after = re.split(r"[,;:.!?]", scope)[0]
    found = find_deadline(before, meeting, None, calendar)
    if found is not None and len(re.findall(r"\w+", before[:found[1]] + " " + before[found[2]:])) > 2:
        found = None  # the date opens the doer's clause ("dạ, thứ Sáu em …"), not a matter's ("… cuối năm chị Hà …")
    if found is None and re.search(r"\b(?:trước|chậm nhất|hạn|trong)\b", after):
        found = find_deadline(after, meeting, None, calendar)
    return found is not None and found[0] > meeting


def reports_later(head: str, scope: str, meeting: dt.date, calendar: WorkCalendar | None) -> bool:
    """"Thứ Năm anh Hùng báo cáo.": a report to give on a day to come, not the floor now (SESSION26_REPORT_LATER)."""
    return _SPEAK.match(scope) is not None and later_date(head, scope, meeting, calendar)
