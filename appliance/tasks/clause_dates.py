"""Dates that reach a sentence's tasks from outside a doer's own clause: the chair holding someone to a date
with no verb of work (`deadline_named`), calling a doer to move their deadline (`postponed`), the date that opens an
"à thôi" correction (`correction`), a closing deadline clause that dates every task of the sentence (`tail_date`).
`clauses.anchors` calls them, each behind its setting here."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from appliance.tasks.anchor import Anchor
from appliance.tasks.clause_parts import sentences
from appliance.tasks.cues import choose, units_in, vocative_of
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import CANCEL, CONDITION, DEFER, OPENERS, QUESTION, VERB_AHEAD
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Session 17 (docs/meetings.md, "Session 17"): the chair holding someone to a date with no verb of work ("Anh Minh cố
# gắng, hạn 15/12 vẫn giữ nguyên, không lùi.", "Còn một tuần thôi, hạn 20/12 nhé Hà", "Ừ, thứ Tư là hạn cuối đấy
# Nam"): that person's task with that date (the one they have, when it was given in the turns before)
SESSION17_DEADLINE_NAMED = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
_HAN = re.compile(r"\bhạn(?:\s+(?:cuối|chót|nộp))?\b")
_HELD = re.compile(r"\b(?:nhé|vẫn giữ|giữ nguyên|không lùi|phải|hạn cuối|hạn chót)\b")
_NOT_HELD = re.compile(r"\b(?:lùi|dời|gia hạn|hoãn|xin)\b(?![^.,;]*\bkhông lùi\b)")


def deadline_named(sentence: str, roster: Roster, speakers: list[Person], meeting: dt.date,
                   calendar: WorkCalendar | None) -> list[Anchor]:
    lower = normalize(sentence).lower()
    if not _HAN.search(lower) or not _HELD.search(lower) or QUESTION.search(lower) or CONDITION.search(lower) \
            or DEFER.search(lower) \
            or re.search(r"\bkhông lùi\b", lower) is None and _NOT_HELD.search(lower):
        return []
    named = [m for m in roster.mentions(sentence, verbs=VERB_AHEAD)
             if not re.search(r"\b(?:cho|gửi|trình|báo cáo|báo)\s*$", lower[:m.start])]
    people = {choose(m, speakers).name: choose(m, speakers) for m in named}
    people.update({p.name: p for _s, _e, p in units_in(sentence, roster)})
    found = find_deadline(sentence, meeting, None, calendar)
    if len(people) != 1 or found is None:
        return []
    person = next(iter(people.values()))
    if person.kind not in ("staff", "unit") or person == speakers[0]:
        return []
    return [Anchor("task", person, sentence.strip(), found[0], sentence.strip(), True, how="named")]


# Session 17 (docs/meetings.md, "Session 17"): the chair calling a doer by name to move their deadline ("à Huy ơi cái
# danh sách vỉa hè, lùi sang thứ Ba tuần sau cũng được, tuần này em còn việc bản đồ số") moves that person's task
# however long ago it was given, to the date right after "lùi sang" (not the reason's "tuần này" said after it)
SESSION17_POSTPONE_NAMED = True  # on by rule R1 (session 17)


def postponed(sentence: str, later: re.Match[str], roster: Roster, speakers: list[Person], meeting: dt.date,
              calendar: WorkCalendar | None) -> tuple[Person, dt.date] | None:
    """(whom the chair calls, the date right after the postponement word), when the sentence calls someone."""
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


# "Chị Hương chủ trì rà soát, Lan hộ tịch đối chiếu dữ liệu, chậm nhất 15/12 chốt danh sách.": a closing clause that
# names no doer and opens with a deadline word dates every task of the sentence (the last doer's alone had it)
SESSION15_TAIL_DATE = False  # off by rule R1 (session 15): moved no fresh verdict, no training wrong back
_TAIL = re.compile(r"^\s*(?:và\s+)?(?:chậm nhất|muộn nhất|hạn(?:\s+chót)?|tất cả|cả hai|xong trước)\b")


def tail_date(sentence: str, found: list[Anchor], roster: Roster, meeting: dt.date,
               calendar: WorkCalendar | None) -> list[Anchor]:
    tasks = [a for a in found if a.kind == "task"]
    clauses = re.split(r"[,;]", sentence)
    tail = clauses[-1] if len(clauses) > 2 else ""
    if len(tasks) < 2 or tasks[-1].deadline is None or any(a.deadline is not None for a in tasks[:-1]) \
            or not _TAIL.match(tail.lower()) or roster.mentions(tail, verbs=VERB_AHEAD) or units_in(tail, roster):
        return found
    due = find_deadline(tail, meeting, None, calendar)
    if due is None or due[0] != tasks[-1].deadline:
        return found
    return [replace(a, deadline=due[0]) if a.kind == "task" else a for a in found]


# "vẫn là anh sơn đúng không, anh sơn lên danh sách trình anh thứ sáu": a tag question ("đúng không", "phải không")
