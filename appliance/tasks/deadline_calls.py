"""Session 14 (docs/meetings.md, "Session 14"): a deadline the chair says to someone by name, with no verb of work.

After a status question the chair often gives the date and whom it is for, and no verb: "Ừ, thứ Tư là hạn cuối đấy
Nam, 3 hồ sơ còn lại phải xong.", "Còn một tuần thôi, hạn 20/12 nhé Hà.", "Anh Minh cố gắng, hạn 15/12 vẫn giữ
nguyên, không lùi.". `SESSION14_NAMED_DEADLINE`: such a sentence (a deadline word — "hạn", "phải xong / có / đủ",
"không lùi" — a date, exactly one person of the directory called at its start or its end, not someone the work goes
to) dates that person's latest task in the meeting, or gives them one when they have none (extract._merge).
"""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.anchor import Anchor
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import OPENERS, QUESTION, VERB_AHEAD
from appliance.tasks.roster import Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

SESSION14_NAMED_DEADLINE = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)

DEADLINE_SAID = re.compile(r"\bhạn(?:\s+(?:cuối|chót))?\b|\bphải\s+(?:xong|có|đủ|hoàn thành|nộp|gửi)\b|\bkhông\s+lùi\b")
_END = re.compile(r"^\s*(?:nhé|nha|nhá|ạ|đấy|đó|nhớ)?\s*[.!…]?\s*$")
_OPEN_CALL = re.compile(r"^\s*(?:,|cố gắng\b)")
_BEFORE_END = re.compile(r"(?:,|\b(?:nhé|nha|đấy|đó))\s*$")


def named_deadline(sentence: str, roster: Roster, meeting: dt.date, calendar: WorkCalendar | None) -> Anchor | None:
    """The anchor of a deadline said to one person by name, or None."""
    lower = normalize(sentence).lower()
    if not DEADLINE_SAID.search(lower) or QUESTION.search(lower):
        return None
    people = [m for m in roster.mentions(sentence, verbs=VERB_AHEAD) if len(m.people) == 1 and m.people[0].known]
    if len(people) != 1:
        return None
    said = people[0]
    head, after = OPENERS.sub("", lower[:said.start]).strip(" ,"), lower[said.end:]
    at_start = not head and _OPEN_CALL.match(after) is not None
    # "… hạn 20/12 nhé Hà", "… hạn cuối đấy Nam, 3 hồ sơ còn lại phải xong"
    at_end = (_END.match(after) is not None or after.lstrip().startswith(",")) \
        and _BEFORE_END.search(lower[:said.start]) is not None
    if not (at_start or at_end):
        return None
    found = find_deadline(sentence, meeting, None, calendar)
    if found is None or found[0] < meeting:
        return None
    return Anchor("task", said.people[0], content=sentence.strip(), deadline=found[0], quote=sentence.strip(),
                  how="called", redates=True)
