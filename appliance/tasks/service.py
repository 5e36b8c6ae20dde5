"""Task tracker: tasks extracted from meetings (proposed until a person confirms them), tasks added
by hand, their status until done. Its SQL is in `store.py`; the meeting a task came from is read
through the meetings service."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TypedDict

from pydantic import BaseModel, ConfigDict, Field

from appliance import ward
from appliance.engines import Generator
from appliance.meetings import service as meetings
from appliance.tasks import store
from appliance.tasks.extract import ExtractedTask, extract_tasks
from appliance.tasks.extract import commitments as rules_commitments
from appliance.tasks.llm import ModelTasks, extract_with_model
from appliance.tasks.roster import Roster
from appliance.tasks.store import OPEN, TaskRow
from appliance.text import fold
from appliance.text.dates import WorkCalendar, add_working_days, working_days_between
from appliance.text.formatting import local_today

STATUSES = {"proposed": "Chờ xác nhận", "assigned": "Đã giao", "in_progress": "Đang thực hiện",
            "done": "Hoàn thành", "cancelled": "Đã hủy"}
REMINDER_DAYS = 3  # "sắp đến hạn": a deadline within this many of the ward's working days


class TaskMeeting(TypedDict):
    """The meeting a task came from, as the tracker and GET /api/v1/tasks show it."""

    id: int
    title: str
    date: str


class TaskView(TaskRow):
    overdue: bool
    status_label: str
    meeting: TaskMeeting | None


class TaskChanges(BaseModel):
    """A person's change to a task (PATCH /api/v1/tasks/{id}, the tracker's status buttons)."""

    model_config = ConfigDict(extra="ignore")
    status: str | None = None
    assignee: str | None = Field(default=None, max_length=200)
    unit: str | None = Field(default=None, max_length=200)
    content: str | None = Field(default=None, max_length=2000)
    deadline: str | None = None  # YYYY-MM-DD, or "" to clear it


def extract(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
            roster: Roster | None = None, title: str = "") -> tuple[list[ExtractedTask], str]:
    """(tasks, engine). The rule-based extractor is the engine; it needs no model. `calendar`: the
    ward's (appliance.ward.work_calendar), for "trong N ngày làm việc"; `roster`: the ward's directory."""
    return extract_tasks(text, meeting_date, calendar, roster=roster, title=title), "rules"


def ward_roster(conn: sqlite3.Connection) -> Roster:
    """Who tasks can go to: the ward's staff directory and units."""
    return Roster(ward.directory(conn), ward.units(conn))


@dataclass(frozen=True)
class Proposal:
    tasks: list[ExtractedTask]
    engine: str                 # the generator's name, or "rules"
    note: str | None            # Vietnamese: why the rules answered, or what was dropped


def propose(conn: sqlite3.Connection, text: str, meeting_date: dt.date, *, title: str = "",
            generator: Generator | None = None) -> Proposal:
    """A meeting's tasks for the secretary to confirm: the generator's (quotes checked) when there is
    one and it answers, else the rules engine's, saying why."""
    roster, calendar = ward_roster(conn), ward.work_calendar(conn)
    if generator is not None:
        result = extract_with_model(generator, text, meeting_date, roster=roster, calendar=calendar, title=title)
        if isinstance(result, ModelTasks):
            note = f"{result.dropped} nhiệm vụ bị bỏ vì câu trích không có trong lời họp" if result.dropped else None
            return Proposal(result.tasks, result.engine, note)
        found = extract_tasks(text, meeting_date, calendar, roster=roster, title=title)
        return Proposal(found, "rules", f"Trích nhiệm vụ bằng quy tắc vì {result.say()}.")
    return Proposal(extract_tasks(text, meeting_date, calendar, roster=roster, title=title), "rules", None)


def commitments(conn: sqlite3.Connection, text: str, meeting_date: dt.date, *, title: str = "") -> list[str]:
    """The sentences the rules engine reads as someone's work, before its undated drops: what the biên bản's
    "Kết luận" takes as directions given (a direction nobody took up is no task for the tracker)."""
    return rules_commitments(text, meeting_date, ward.work_calendar(conn), roster=ward_roster(conn), title=title)


def save_proposed(conn: sqlite3.Connection, meeting_id: int, tasks: list[ExtractedTask], engine: str) -> int:
    """Replace the meeting's still-unconfirmed proposals (re-runs are idempotent; confirmed tasks stay)."""
    return store.replace_proposed(conn, meeting_id, tasks, engine)


def list_tasks(conn: sqlite3.Connection, *, status: str | None = None, assignee: str | None = None,
               meeting_id: int | None = None, today: dt.date | None = None) -> list[TaskView]:
    today = today or local_today()
    rows = store.select(conn, status=status, meeting_id=meeting_id, today=today.isoformat())
    if assignee:
        wanted = fold(assignee)
        rows = [r for r in rows if wanted in fold(r["assignee"]) or wanted in fold(r["unit"])]
    refs = meetings.meeting_refs(conn, (r["meeting_id"] for r in rows if r["meeting_id"]))
    views: list[TaskView] = []
    for r in rows:
        ref = refs.get(r["meeting_id"]) if r["meeting_id"] else None
        views.append({
            **r,
            "overdue": bool(r["deadline"] and r["status"] in OPEN and r["deadline"] < today.isoformat()),
            "status_label": STATUSES.get(r["status"], r["status"]),
            "meeting": {"id": ref["id"], "title": ref["title"], "date": ref["date"]} if ref else None,
        })
    return views


def meeting_tasks(conn: sqlite3.Connection, meeting_id: int) -> list[TaskRow]:
    """A meeting's tasks in the order they were found, cancelled ones left out (for its biên bản)."""
    return store.of_meeting(conn, meeting_id)


def counts_by_meeting(conn: sqlite3.Connection) -> dict[int, int]:
    """How many tasks each meeting gave (meetings without tasks are absent)."""
    return store.counts_by_meeting(conn)


def update_task(conn: sqlite3.Connection, task_id: int, changes: TaskChanges, user_id: int | None) -> bool:
    """Apply a person's change; confirming (→ assigned) and finishing (→ done) are stamped.
    ValueError for an unknown status; False when nothing changed or there is no such task."""
    fields: store.TaskFields = {}
    if changes.status is not None:
        if changes.status not in STATUSES:
            raise ValueError(f"Trạng thái không hợp lệ: {changes.status}")
        fields["status"] = changes.status
    if changes.assignee is not None:
        fields["assignee"] = changes.assignee
        fields["staff_id"] = staff_id_of(conn, changes.assignee, changes.unit or "")
    if changes.unit is not None:
        fields["unit"] = changes.unit
    if changes.content is not None:
        fields["content"] = changes.content
    if changes.deadline is not None:
        fields["deadline"] = dt.date.fromisoformat(changes.deadline).isoformat() if changes.deadline else None
    return store.update(conn, task_id, fields, confirmed_by=user_id, confirm=changes.status == "assigned",
                        done=changes.status == "done")


def add_task(conn: sqlite3.Connection, assignee: str, content: str, *, unit: str = "", deadline: str | None = None,
             meeting_id: int | None = None, user_id: int | None = None) -> int:
    return store.insert_assigned(conn, assignee, content, unit, deadline, meeting_id, user_id,
                                 staff_id_of(conn, assignee, unit))


def unit_of(conn: sqlite3.Connection, assignee: str) -> str | None:
    """The unit of the directory's person, or the unit itself when the assignee is one (None: unknown)."""
    if any(fold(u) == fold(assignee) for u in ward.units(conn)):
        return assignee
    found = ward.match_person(conn, assignee)
    return found[0].unit if found and fold(found[0].full_name) == fold(assignee) else None


def staff_id_of(conn: sqlite3.Connection, assignee: str, unit: str = "") -> int | None:
    """The directory's person an assignee names, when exactly one fits best (the secretary chose the name)."""
    found = ward.match_person(conn, assignee, unit_hint=unit) if assignee.strip() else []
    if not found:
        return None
    if len(found) > 1 and fold(found[0].full_name) != fold(assignee):
        return None
    return found[0].id


def open_counts(conn: sqlite3.Connection, at: dt.date) -> tuple[int, int]:
    """(overdue, open) at day `at`: open tasks, and those among them whose deadline is before `at`
    (the dashboard shows both)."""
    marks = ",".join("?" * len(OPEN))
    overdue = conn.execute(f"SELECT COUNT(*) FROM tasks WHERE deadline IS NOT NULL AND deadline < ?"
                           f" AND status IN ({marks})", (at.isoformat(), *OPEN)).fetchone()[0]
    still_open = conn.execute(f"SELECT COUNT(*) FROM tasks WHERE status IN ({marks})", OPEN).fetchone()[0]
    return int(overdue), int(still_open)


def change_stamp(conn: sqlite3.Connection) -> str:
    """Changes whenever a task is added or updated (the wall screen redraws when it does)."""
    count, last = conn.execute("SELECT COUNT(*), MAX(updated_at) FROM tasks").fetchone()
    return f"{count}:{last}"


@dataclass(frozen=True)
class Reminder:
    """An open task that is overdue or due soon, as the home page, the dashboard and the digest show it."""

    id: int
    assignee: str
    unit: str
    content: str
    deadline: dt.date
    overdue: bool
    days: int           # overdue: calendar days late; due soon: working days left
    due_today: bool

    @property
    def label(self) -> str:
        """Vietnamese: how late or how soon."""
        if self.overdue:
            return f"quá hạn {self.days} ngày"
        if self.due_today:
            return "đến hạn hôm nay"
        return f"còn {self.days} ngày làm việc" if self.days else "hạn vào ngày nghỉ, trước ngày làm việc tới"


def staff_id_of_user(conn: sqlite3.Connection, username: str) -> int | None:
    """The directory's person whose login is `username` (None: the account is linked to nobody)."""
    return next((m.id for m in ward.directory(conn) if m.username == username), None)


def reminders(conn: sqlite3.Connection, today: dt.date, *, staff_id: int | None = None, everyone: bool = False,
              within: int = REMINDER_DAYS) -> list[Reminder]:
    """Open (assigned / in progress) tasks past their deadline or due within `within` working days of
    the ward's calendar after `today`: one directory person's (`staff_id`), or every task when
    `everyone` (the leaders' view). Overdue first (longest late first), then the soonest deadline."""
    if staff_id is None and not everyone:
        return []
    calendar = ward.work_calendar(conn)
    horizon = add_working_days(today, within, calendar)
    found: list[Reminder] = []
    for row in store.open_due_by(conn, horizon.isoformat(), None if everyone else staff_id):
        deadline = dt.date.fromisoformat(row["deadline"] or "")
        overdue = deadline < today
        days = (today - deadline).days if overdue else max(0, working_days_between(today, deadline, calendar))
        found.append(Reminder(row["id"], row["assignee"], row["unit"], row["content"], deadline, overdue, days,
                               deadline == today))
    return sorted(found, key=lambda r: (not r.overdue, r.deadline, r.id))
