"""Dates that reach a sentence's tasks from outside a doer's own clause: the chair calling a doer to move their
deadline (`postponed`), the date that opens an "à thôi" correction (`correction`). `clauses.anchors` calls them."""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.clause_parts import sentences
from appliance.tasks.cues import vocative_of
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import CANCEL, DEFER, OPENERS, VERB_AHEAD
from appliance.tasks.roster import Person, Roster
from appliance.text.dates import WorkCalendar


def postponed(sentence: str, later: re.Match[str], roster: Roster, speakers: list[Person], meeting: dt.date,
              calendar: WorkCalendar | None) -> tuple[Person, dt.date] | None:
    """(whom the chair calls, the date right after the postponement word), when the sentence calls someone: the
    chair calling a doer by name to move their deadline ("à Huy ơi cái danh sách vỉa hè, lùi sang thứ Ba tuần sau
    cũng được, tuần này em còn việc bản đồ số") moves that person's task however long ago it was given, to the date
    right after "lùi sang" (not the reason's "tuần này" said after it)."""
    said = vocative_of(sentence, roster, speakers)
    if said is None or said[0].kind not in ("staff", "unit"):
        return None
    first = re.split(r"[,;]|\b(?:vì|do|bởi)\b", sentence[later.end():])[0]
    found = find_deadline(first, meeting, None, calendar)
    return (said[0], found[0]) if found is not None else None


def correction(part: str, roster: Roster, meeting: dt.date, calendar: WorkCalendar | None) -> dt.date | None:
    """The date that opens what follows "à thôi" (or "à không") when it names nobody ("à thôi thứ sáu này gửi luôn
    đi")."""
    first = (sentences(part) or [""])[0]
    lower = OPENERS.sub("", first.lower() + " ").strip()
    found = find_deadline(lower, meeting, None, calendar)
    if found is None or found[1] > 0 or CANCEL.search(lower) or DEFER.search(lower) \
            or roster.mentions(first, verbs=VERB_AHEAD):
        return None
    return found[0]

