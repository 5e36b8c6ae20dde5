"""Rule-based Vietnamese task extraction from meeting transcripts (the "rules" engine).

Meetings give work as people talk, not as a secretary writes: "giao anh Hùng rà soát… trước ngày 5/12";
"Tuấn chuẩn bị quà, xong trước thứ Ba nhé"; "để em viết ạ" (volunteering); "Ừ, em viết luôn" (to whoever
asked); "chị Lan dự thảo… à thôi, Tuấn làm luôn" (withdrawn, given to another); "em gửi trước thứ Tư được
không" — "ừ, thứ Tư" (a deadline changed); lower-case recogniser text without punctuation. Not tasks:
reports of what was done ("đã…", "xong rồi"), questions, deferrals ("để sau tính", "chưa cần"), conditions
("nếu có thời gian thì…"), someone coordinating ("Mai phối hợp": the task stays with the one who leads).

Per sentence (`clauses.py`): anchors are who is told to act — a name or unit before a verb of work, after a
directive word ("giao", "đề nghị", "yêu cầu", "nhờ", "phân công"), or a pronoun: first person is the
speaker volunteering, second person the one addressed (a vocative, else the previous speaker). Across
turns (`proposals.py`, `merge.py`): the same person again in the same turn, or confirming/accepting in the
next turns, is the same task (the last deadline said wins); a withdrawal cancels. Assignees are matched to the ward's
directory and units (`roster.py`): the tracker stores the full name, the unit and the staff id. Session 17's
drops of undated jobs nobody took up are in `undated_drops.py`; this module turns the proposals into tasks, read
by the sentence model and the scorer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from appliance.tasks import clause_model, undated_drops
from appliance.tasks.clause_add import additions
from appliance.tasks.confidence import Evidence, assess, doubts
from appliance.tasks.dialogue import Turn, as_typed
from appliance.tasks.open_task import OpenTask
from appliance.tasks.proposals import proposals
from appliance.tasks.roster import Roster
from appliance.tasks.scorer import BY_DEFAULT, Candidate, model
from appliance.text.dates import WorkCalendar


@dataclass(frozen=True)
class ExtractedTask:
    assignee: str
    unit: str
    content: str
    deadline: str | None
    quote: str
    staff_id: int | None = None   # the ward directory's person, when the assignee is one
    confidence: float = 1.0       # how sure the engine is (confidence.py); below THRESHOLD: "cần xác nhận"
    review: str = ""              # what the secretary should check, Vietnamese; "" when the proposal is firm

    def as_dict(self) -> dict[str, str | None]:
        """The fields of POST /api/v1/tasks/extract, exactly as CONTRACT §2 lists them (the tracker's
        GET /api/v1/tasks carries confidence and review)."""
        return {"assignee": self.assignee, "unit": self.unit, "content": self.content, "deadline": self.deadline,
                "quote": self.quote}


def extract_tasks(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
                  roster: Roster | None = None, title: str = "", fitted: bool | None = None,
                  clauses: bool | clause_model.ClauseModel | None = None) -> list[ExtractedTask]:
    """The rules' proposals, each read by the fitted scorer (scorer.py) when its weights are installed and
    `fitted` (default: scorer.BY_DEFAULT): the unlikely ones are dropped, the doubtful ones marked "cần xác
    nhận", and its probability is the confidence. Without it, the rules' evidence-count confidence
    (confidence.py). With `clauses` (default: clause_model.BY_DEFAULT) and its weights installed, proposals
    whose sentence the fitted sentence model finds unlikely to give work are dropped first, and sentences it is
    sure give work that no proposal quotes are added (clause_add.py); a model may be passed (fit_clauses.py).
    """
    scorer = model() if (BY_DEFAULT if fitted is None else fitted) else None
    found, lines = _read(text, meeting_date, calendar, roster or Roster(), title, clauses)
    last = max(1, len(lines) - 1)
    found = undated_drops.kept(found)
    if scorer is None:
        return [_task(o, lines) for o in found]
    out: list[ExtractedTask] = []
    for o in found:
        task, candidate = _task(o, lines), _candidate(o, last)
        p = scorer.probability(candidate)
        if p < scorer.drop:
            continue
        # The rules' own doubts still count: the probability is fitted mostly on wording the rules were tuned
        # on, so it is overconfident on new wording (cross-validated on the session 6 batch: firm 61 of 72
        # right, "cần xác nhận" 9 of 23).
        review = task.review or ("" if p >= scorer.review else (candidate.reasons or _DOUBTFUL))
        out.append(replace(task, confidence=round(p, 2), review=review))
    return out


_DOUBTFUL = "lời giao việc chưa rõ ràng (mô hình đánh giá thấp)"


def _read(text: str, meeting_date: dt.date, calendar: WorkCalendar | None, roster: Roster, title: str,
          clauses: bool | clause_model.ClauseModel | None) -> tuple[list[OpenTask], list[Turn]]:
    """The rules' proposals read by the sentence model (dropped and added), before the undated drops."""
    narrow: list[str] = []
    theirs: list[tuple[str, str]] = []
    found, lines = proposals(text, meeting_date, calendar, roster=roster, title=title, narrow=narrow,
                             theirs=theirs)
    wanted = clause_model.BY_DEFAULT if clauses is None else clauses
    reader = wanted if isinstance(wanted, clause_model.ClauseModel) else clause_model.model() if wanted else None
    if reader is not None:
        names = clause_model.given_names(m.full_name for m in roster.members)
        kept = [o for o in found if max([reader.probability(o.quote, names, o.chair)]
                                        + [reader.probability(q, names, True) for q, day in o.chair_said
                                           if day is not None and day == o.deadline]) >= reader.drop]
        given = {(o.person.name, o.deadline) for o in kept}
        quotes = [o.quote for o in found] + [echo for o in found for echo in o.echoes]
        added = additions(lines, quotes, given, reader, names, roster, meeting_date, calendar,
                          narrow, theirs)
        found = kept + [OpenTask(a.person, a.quote, a.deadline, a.quote, a.turn, how="model", chair=a.chair)
                        for a in added]
    return found, lines


def commitments(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
                roster: Roster | None = None, title: str = "") -> list[str]:
    """The sentences the rules read as someone's work, before the undated drops (`undated_drops.py`) take out the
    offers and namings nobody took up: "để chị đổi ca cho em", "tôi sẽ thông báo cho bà con biết" are no task for
    the tracker, but they are a direction or commitment the biên bản's "Kết luận" keeps (minutes_build.py).
    Quoted as the secretary typed them, as the tasks are."""
    found, lines = _read(text, meeting_date, calendar, roster or Roster(), title, None)
    return [_task(o, lines).quote for o in found]


def candidates(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
               roster: Roster | None = None, title: str = "") -> list[tuple[ExtractedTask, Candidate]]:
    """Every task the rules propose, with what the scorer reads of it (fit.py; extract_tasks builds the
    scorer's view only when a scorer is asked)."""
    found, lines = proposals(text, meeting_date, calendar, roster=roster, title=title)
    return [(_task(o, lines), _candidate(o, max(1, len(lines) - 1))) for o in found]


def _candidate(o: OpenTask, last: int) -> Candidate:
    evidence = Evidence(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated)
    return Candidate(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated, o.chair, o.self_given,
                     o.quote, o.content, o.turn / last, o.mentions, doubts(evidence))


def _task(o: OpenTask, lines: Sequence[Turn] = ()) -> ExtractedTask:
    confidence, review = assess(Evidence(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated))
    # the quote as the secretary typed it (dialogue.turns reads the shorthand spelled out)
    quote = as_typed(lines[o.turn], o.quote) if 0 <= o.turn < len(lines) else o.quote
    # Trimming a particle ("… ra quân nhé, có …") leaves its space before the comma: the tasks table shows it.
    content = _SPACE_BEFORE_MARK.sub(r"\1", o.content)
    return ExtractedTask(o.person.name, o.person.unit, content, o.deadline.isoformat() if o.deadline else None,
                         quote, o.person.staff_id, confidence, review)


_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
