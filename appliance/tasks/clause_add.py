"""Tasks the rules did not propose, found by the fitted sentence model (clause_model.py).

On wording they were not written on, the rules miss clauses that give work in a form they do not know ("Lan
tư pháp kiểm tra hồ sơ của bác, trả lời bác bằng văn bản trước thứ Sáu."). A sentence the model is sure
gives work (probability ≥ the fitted `add` threshold) that no proposal quotes becomes one, when who it goes
to is plain: exactly one person or unit of the directory named in it, not as whom the work is sent to or done
with ("gửi anh Tuấn", "phối hợp với công an"); else, a first-person sentence, the speaker when the directory
knows them. Its deadline is the deadline finder's (deadlines.py). Not added: a
question, a closing recap (it restates what was given), a sentence whose one person already has a task
with that deadline, a job closed by its condition ("… nếu có kinh phí.", session 20). Off by default with the model
(clause_model.BY_DEFAULT).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from appliance.tasks import clause_tasks
from appliance.tasks.clause_model import ClauseModel, sentences
from appliance.tasks.cues import units_in
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import Turn
from appliance.tasks.phrases import VERB_AHEAD
from appliance.tasks.roster import Person, Roster
from appliance.tasks.withdrawals import same_sentence
from appliance.text import fold
from appliance.text.dates import WorkCalendar

_RECAP = re.compile(r"^\W*(?:tom lai|tong ket|chot|ket luan|nhac lai|vay nhe|thoi tom lai)\b")
_TO = re.compile(r"\b(?:gui|cho|voi|bao|trinh|cung|ho tro|phoi hop)\s*(?:\w+\s*)?$")
_FIRST = re.compile(r"^\W*(?:(?:da|vang|u)\W+)*(?:em|toi|de em|de toi)\b")
# Session 16 (docs/meetings.md, "Session 16"): the chair's "em" is whom they answer, never themself (as the rules read
# it): "Ừ em gửi Tuấn trong chiều nay nhé." said by the chair adds no task of the chair's
_CHAIR_EM = re.compile(r"^\W*(?:(?:da|vang|u)\W+)*em\b")


@dataclass(frozen=True)
class Addition:
    person: Person
    deadline: dt.date | None
    quote: str
    turn: int
    chair: bool


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text).lower()) if len(w) > 2}


def covered(sentence: str, quotes: Sequence[str]) -> bool:
    """A proposal already quotes (most of) this sentence."""
    words = _words(sentence)
    return any(q and words and len(q & words) >= 0.6 * min(len(q), len(words)) for q in map(_words, quotes))


def _recipient(sentence: str, start: int) -> bool:
    """"… gửi anh Tuấn", "… cho chị Lan", "phối hợp với công an": someone the work goes to or is done with."""
    return _TO.search(fold(sentence[max(0, start - 24):start]).lower()) is not None


def _assignee(sentence: str, turn: Turn, roster: Roster) -> Person | None:
    people = {p.name: p for m in roster.mentions(sentence, verbs=VERB_AHEAD) if len(m.people) == 1
              and not _recipient(sentence, m.start) for p in m.people if p.known}
    people |= {p.name: p for start, _e, p in units_in(sentence, roster) if not _recipient(sentence, start)}
    if len(people) == 1:
        return next(iter(people.values()))
    if not people and _FIRST.match(fold(sentence).lower()) and turn.speaker.kind == "staff" \
            and not (turn.leads and _CHAIR_EM.match(fold(sentence).lower())):
        return turn.speaker
    return None


def additions(lines: Sequence[Turn], quotes: Sequence[str], given: set[tuple[str, dt.date | None]],
              reader: ClauseModel, names: frozenset[str], roster: Roster, meeting: dt.date,
              calendar: WorkCalendar | None, withdrawn: Sequence[str] = (),
              theirs: Sequence[tuple[str, str]] = ()) -> list[Addition]:
    """`quotes`: what the rules' proposals quote; `given`: their (assignee, deadline) pairs; `withdrawn`: the
    quotes of tasks the meeting withdrew, each kept from being added back only as that very sentence
    (withdrawn by "à thôi" and given again); `theirs`: (quote, doer) of tasks withdrawn, kept from being added back
    only as that very sentence and to that same doer (withdrawals.py)."""
    out: list[Addition] = []
    for turn in lines:
        for sentence in sentences(turn.text):
            folded = fold(sentence).lower()
            if "?" in sentence or _RECAP.match(folded) or covered(sentence, quotes) \
                    or same_sentence(sentence, withdrawn) \
                    or clause_tasks.condition_closes(sentence.lower()) \
                    or clause_tasks.SESSION29_WISH and clause_tasks.WISH_OPENS.match(sentence.lower()) \
                    or reader.probability(sentence, names, turn.leads) < reader.add:
                continue
            person = _assignee(sentence, turn, roster)
            if person is None or any(name == person.name and same_sentence(sentence, [quote])
                                     for quote, name in theirs):
                continue
            found = find_deadline(sentence, meeting, None, calendar)
            deadline = found[0] if found else None
            if (person.name, deadline) in given:
                continue
            given.add((person.name, deadline))
            out.append(Addition(person, deadline, sentence, turn.index, turn.leads))
    return out

