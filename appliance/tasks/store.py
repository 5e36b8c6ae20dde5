"""The task tracker's SQL: the only module that writes `tasks`. Rows travel as `TaskRow`."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TypedDict, cast

from appliance.db import transaction
from appliance.tasks.extract import ExtractedTask

OPEN = ("assigned", "in_progress")


class TaskRow(TypedDict):
    id: int
    meeting_id: int | None
    assignee: str
    unit: str
    content: str
    deadline: str | None        # YYYY-MM-DD
    quote: str                  # the sentence the task came from
    staff_id: int | None        # the ward directory's person, when the assignee is one
    confidence: float | None    # the extractor's (confidence.py); None for a task added by hand
    review: str                 # what to check before confirming ("" when firm): "cần xác nhận"
    status: str                 # proposed | assigned | in_progress | done | cancelled
    engine: str                 # rules | llm | hand
    confirmed_by: int | None
    confirmed_at: str | None
    done_at: str | None
    created_at: str
    updated_at: str


class TaskFields(TypedDict, total=False):
    """What a person may change on a task."""

    assignee: str
    unit: str
    content: str
    deadline: str | None
    status: str
    staff_id: int | None


def replace_proposed(conn: sqlite3.Connection, meeting_id: int, tasks: Sequence[ExtractedTask], engine: str) -> int:
    """Replace the meeting's still-unconfirmed proposals; a task already confirmed (same quote and
    assignee) is not proposed again. Returns how many were added."""
    with transaction(conn):
        conn.execute("DELETE FROM tasks WHERE meeting_id = ? AND status = 'proposed'", (meeting_id,))
        kept = {(r["quote"], r["assignee"]) for r in
                conn.execute("SELECT quote, assignee FROM tasks WHERE meeting_id = ?", (meeting_id,))}
        added = 0
        for t in tasks:
            if (t.quote, t.assignee) in kept:
                continue
            conn.execute("INSERT INTO tasks (meeting_id, assignee, unit, content, deadline, quote, engine, staff_id,"
                         " confidence, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (meeting_id, t.assignee, t.unit, t.content, t.deadline, t.quote, engine, t.staff_id,
                          t.confidence, t.review))
            added += 1
    return added


def insert_assigned(conn: sqlite3.Connection, assignee: str, content: str, unit: str, deadline: str | None,
                    meeting_id: int | None, user_id: int | None, staff_id: int | None = None) -> int:
    """A task added by hand: assigned and confirmed by whoever added it."""
    cur = conn.execute("INSERT INTO tasks (meeting_id, assignee, unit, content, deadline, status, engine,"
                       " confirmed_by, confirmed_at, staff_id) VALUES (?, ?, ?, ?, ?, 'assigned', 'hand', ?,"
                       " datetime('now'), ?)",
                       (meeting_id, assignee, unit, content, deadline or None, user_id, staff_id))
    return int(cur.lastrowid or 0)


def update(conn: sqlite3.Connection, task_id: int, fields: TaskFields, *, confirmed_by: int | None = None,
           confirm: bool = False, done: bool = False) -> bool:
    """Set `fields`; `confirm` stamps who confirmed the task and when, `done` when it was finished.
    False when there was nothing to set or no such task."""
    unknown = set(fields) - set(TaskFields.__annotations__)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    sets = [f"{key} = ?" for key in fields]
    args: list[object] = list(fields.values())
    if confirm:
        sets += ["confirmed_by = ?", "confirmed_at = datetime('now')"]
        args.append(confirmed_by)
    if done:
        sets.append("done_at = datetime('now')")
    if not sets:
        return False
    sets.append("updated_at = datetime('now')")
    cur = conn.execute(f"UPDATE tasks SET {', '.join(sets)} WHERE id = ?", (*args, task_id))
    return cur.rowcount > 0


def select(conn: sqlite3.Connection, *, status: str | None = None, meeting_id: int | None = None,
           today: str = "") -> list[TaskRow]:
    """Tasks by status ('open' and 'overdue' at day `today` besides the stored ones), soonest deadline first."""
    where: list[str] = []
    args: list[object] = []
    if status == "overdue":
        where.append(f"status IN {OPEN} AND deadline < ?")
        args.append(today)
    elif status == "open":
        where.append(f"status IN {OPEN}")
    elif status:
        where.append("status = ?")
        args.append(status)
    if meeting_id is not None:
        where.append("meeting_id = ?")
        args.append(meeting_id)
    sql = ("SELECT * FROM tasks" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY deadline IS NULL, deadline, id")
    return [cast(TaskRow, dict(r)) for r in conn.execute(sql, args)]


def of_meeting(conn: sqlite3.Connection, meeting_id: int) -> list[TaskRow]:
    """A meeting's tasks in the order they were found, cancelled ones left out."""
    return [cast(TaskRow, dict(r)) for r in conn.execute(
        "SELECT * FROM tasks WHERE meeting_id = ? AND status != 'cancelled' ORDER BY id", (meeting_id,))]


def counts_by_meeting(conn: sqlite3.Connection) -> dict[int, int]:
    return {int(r[0]): int(r[1]) for r in conn.execute(
        "SELECT meeting_id, COUNT(*) FROM tasks WHERE meeting_id IS NOT NULL GROUP BY meeting_id")}


def open_due_by(conn: sqlite3.Connection, last_day: str, staff_id: int | None = None) -> list[TaskRow]:
    """Open tasks whose deadline is on or before `last_day` (overdue ones included), of one directory
    person when `staff_id` is given, soonest deadline first."""
    marks = ",".join("?" * len(OPEN))
    sql = f"SELECT * FROM tasks WHERE status IN ({marks}) AND deadline IS NOT NULL AND deadline <= ?"
    args: list[object] = [*OPEN, last_day]
    if staff_id is not None:
        sql += " AND staff_id = ?"
        args.append(staff_id)
    return [cast(TaskRow, dict(r)) for r in conn.execute(sql + " ORDER BY deadline, id", args)]

