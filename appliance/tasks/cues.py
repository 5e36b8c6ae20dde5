"""Two cues a clause gives about its doer and deadline beyond the name before the verb: a deadline said
first ("chiều nay em gửi") and whom a pronoun after a vocative names ("tuấn ơi em làm…")."""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import OPENERS
from appliance.text.dates import WorkCalendar


def head_deadline(before: str, meeting: dt.date, calendar: WorkCalendar | None) -> tuple[dt.date, int, int] | None:
    """A deadline that opens the doer's clause: "chiều nay em gửi", "…, thứ Hai tuần sau Văn phòng trình"."""
    clause = re.split(r"[,;:.!?…]", before)[-1]
    found = find_deadline(clause, meeting, None, calendar)
    if found is None or re.search(r"\b(?:vì|do|nếu|khi|nên)\b", clause.lower()):
        return None
    rest = OPENERS.sub("", (clause[:found[1]] + " " + clause[found[2]:]).lower().strip() + " ")
    return (found[0], 0, 0) if len(re.findall(r"\w+", rest)) <= 1 else None


def said_to(before: str, pronoun: str) -> bool:
    """After a vocative, "em" (to a bare name or an "em") and "anh"/"chị" (to an "anh"/"chị") name the one
    called: "tuấn ơi em làm cái kế hoạch…", "anh Hùng ơi, anh ký giúp…"; "anh Hùng ơi, em gửi…" is the speaker."""
    match = re.fullmatch(r"\s*(?:(em|anh|chị|bác|cô|chú)\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+ơi\s*,?\s*", before)
    if match is None:
        return False
    return (pronoun == "em" and match.group(1) in (None, "em")) or (pronoun != "em" and pronoun == match.group(1))
