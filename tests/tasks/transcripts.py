"""The meeting-transcript sets (held out: tests/tasks/heldout/, development: tests/tasks/dev/), the staff
directory they were written against (loaded into the test ward), and the F1 on (assignee, deadline)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from appliance.tasks.extract import ExtractedTask
from appliance.tasks.roster import Roster
from appliance.text import fold
from appliance.text.dates import WorkCalendar
from appliance.ward.service import add_units, save_member

HERE = Path(__file__).parent
HELDOUT = HERE / "heldout" / "meeting_transcripts.toml"
DEV = HERE / "dev" / "meeting_transcripts.toml"
DEV_ALL = (DEV, HERE / "dev" / "extra_transcripts.toml", HERE / "dev" / "directive_transcripts.toml")
TRAIN = HERE / "train" / "meeting_transcripts.toml"   # blind-written training batch (session 5), tunable
TRAIN2 = HERE / "train" / "meeting_transcripts_session6.toml"  # blind-written training batch (session 6), tunable
# session 8's two writers, the training halves (odd meetings) of their batches; tunable
TRAIN8 = (HERE / "train" / "meetings_session8_a.toml", HERE / "train" / "meetings_session8_b.toml")
# session 9's two writers, the training halves (odd meetings) of their batches; tunable
TRAIN9 = (HERE / "train" / "meetings_session9_a.toml", HERE / "train" / "meetings_session9_b.toml")
TRAINABLE = (*DEV_ALL, TRAIN, TRAIN2, *TRAIN8)  # what the task scorer is fitted on (appliance/tasks/fit.py)
STAFF = HERE / "heldout" / "staff.md"


@dataclass(frozen=True)
class GoldTask:
    assignee: str
    unit: str
    content: str
    deadline: str | None
    quote: str


@dataclass(frozen=True)
class Meeting:
    id: str
    title: str
    date: dt.date
    transcript: str
    tasks: tuple[GoldTask, ...]


def load(path: Path) -> list[Meeting]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Meeting(m["id"], m["title"], dt.date.fromisoformat(m["date"]), m["transcript"],
                    tuple(GoldTask(t["assignee"], t.get("unit", ""), t.get("content", ""), t.get("deadline"),
                                   t.get("quote", "")) for t in m.get("task", [])))
            for m in data["meeting"]]


def load_staff(conn: sqlite3.Connection, path: Path = STAFF) -> int:
    """The directory table of staff.md into the ward (names, titles, units, forms of address), and its units."""
    added = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("họ tên", "") or set(cells[0]) <= {"-"}:
            continue
        name, title, unit, forms = cells
        save_member(conn, full_name=name, title=title, unit=unit, aliases=[f.strip() for f in forms.split(",")])
        added += 1
    units = re.search(r"^Units: (.+?)\.?$", path.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    if units:
        names = [u.strip() for u in units.group(1).replace("\n", " ").split(";")]
        add_units(conn, [u for u in names if u and "…" not in u])
    return added


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, str, str, str | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / max(1, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self.tp / max(1, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return 2 * self.precision * self.recall / max(1e-9, self.precision + self.recall)

    def line(self, name: str) -> str:
        return (f"{name}: P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(right {self.tp}, wrong {self.fp}, missed {self.fn})")


def score(meetings: list[Meeting], extract: Callable[[Meeting], list[ExtractedTask]]) -> Score:
    """Tasks match on (assignee, deadline): the assignee as the directory names them (full name, a unit, or
    "" for a voice nobody named), folded; the deadline as an ISO date or none."""
    result = Score()
    for meeting in meetings:
        remaining = [(fold(t.assignee), t.deadline) for t in meeting.tasks]
        for task in extract(meeting):
            pair = (fold(task.assignee), task.deadline)
            if pair in remaining:
                remaining.remove(pair)
                result.tp += 1
            else:
                result.fp += 1
                result.misses.append(("extra", meeting.id, task.assignee, task.deadline))
        result.fn += len(remaining)
        result.misses += [("missed", meeting.id, a, d) for a, d in remaining]
    return result


def memory_ward() -> tuple[Roster, WorkCalendar]:
    """The test ward's directory and working calendar, from an in-memory database (the task tests' fixture)."""
    from appliance.db import migrate
    from appliance.tasks.service import ward_roster
    from appliance.ward import work_calendar

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    migrate(conn)
    load_staff(conn)
    return ward_roster(conn), work_calendar(conn)


MONDAY = dt.date(2026, 11, 30)  # the day the phrasing tests' sentences are said
Pairs = list[tuple[str, str | None]]


def tasks_said(said: str, ward: tuple[Roster, WorkCalendar], day: dt.date = MONDAY) -> Pairs:
    """(assignee, deadline) of every task extracted from `said`, said on `day` in the test ward."""
    from appliance.tasks.extract import extract_tasks

    people, calendar = ward
    return [(t.assignee, t.deadline) for t in extract_tasks(said, day, calendar, roster=people)]
