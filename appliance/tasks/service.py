"""Task tracker: tasks extracted from meetings (proposed until a person confirms them), tasks added
by hand, their status until done."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from appliance.db import transaction
from appliance.tasks.extract import ExtractedTask, extract_tasks
from appliance.text import fold

STATUSES = {"proposed": "Chờ xác nhận", "assigned": "Đã giao", "in_progress": "Đang thực hiện",
            "done": "Hoàn thành", "cancelled": "Đã hủy"}
OPEN = ("assigned", "in_progress")


def extract(text: str, meeting_date: dt.date, settings: Any = None) -> tuple[list[ExtractedTask], str]:
    """(tasks, engine). The rule-based extractor is the engine; it needs no model."""
    return extract_tasks(text, meeting_date), "rules"


def save_proposed(conn: sqlite3.Connection, meeting_id: int, tasks: list[ExtractedTask], engine: str) -> int:
    """Replace the meeting's still-unconfirmed proposals (re-runs are idempotent; confirmed tasks stay)."""
    with transaction(conn):
        conn.execute("DELETE FROM tasks WHERE meeting_id = ? AND status = 'proposed'", (meeting_id,))
        kept = {(r["quote"], r["assignee"]) for r in
                conn.execute("SELECT quote, assignee FROM tasks WHERE meeting_id = ?", (meeting_id,))}
        added = 0
        for t in tasks:
            if (t.quote, t.assignee) in kept:
                continue
            conn.execute("INSERT INTO tasks (meeting_id, assignee, unit, content, deadline, quote, engine)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (meeting_id, t.assignee, t.unit, t.content, t.deadline, t.quote, engine))
            added += 1
    return added


def list_tasks(conn: sqlite3.Connection, *, status: str | None = None, assignee: str | None = None,
               meeting_id: int | None = None, today: dt.date | None = None) -> list[dict[str, Any]]:
    today = today or dt.date.today()
    where: list[str] = []
    args: list[object] = []
    if status == "overdue":
        where.append(f"t.status IN {OPEN} AND t.deadline < ?")
        args.append(today.isoformat())
    elif status == "open":
        where.append(f"t.status IN {OPEN}")
    elif status:
        where.append("t.status = ?")
        args.append(status)
    if meeting_id is not None:
        where.append("t.meeting_id = ?")
        args.append(meeting_id)
    sql = ("SELECT t.*, m.title AS meeting_title, m.meeting_date FROM tasks t LEFT JOIN meetings m"
           " ON m.id = t.meeting_id" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY t.deadline IS NULL, t.deadline, t.id")
    rows = [dict(r) for r in conn.execute(sql, args)]
    if assignee:
        wanted = fold(assignee)
        rows = [r for r in rows if wanted in fold(r["assignee"]) or wanted in fold(r["unit"])]
    for r in rows:
        r["overdue"] = bool(r["deadline"] and r["status"] in OPEN and r["deadline"] < today.isoformat())
        r["status_label"] = STATUSES.get(r["status"], r["status"])
        r["meeting"] = ({"id": r["meeting_id"], "title": r["meeting_title"], "date": r["meeting_date"]}
                        if r["meeting_id"] else None)
    return rows


def update_task(conn: sqlite3.Connection, task_id: int, changes: dict[str, Any], user_id: int | None) -> bool:
    allowed = {"assignee", "unit", "content", "deadline", "status"}
    sets, args = [], []
    for key, value in changes.items():
        if key not in allowed or value is None:
            continue
        if key == "status" and value not in STATUSES:
            raise ValueError(f"Trạng thái không hợp lệ: {value}")
        if key == "deadline" and value:
            value = dt.date.fromisoformat(str(value)).isoformat()
        sets.append(f"{key} = ?")
        args.append(value or None if key == "deadline" else value)
    if changes.get("status") == "assigned":
        sets += ["confirmed_by = ?", "confirmed_at = datetime('now')"]
        args.append(user_id)
    if changes.get("status") == "done":
        sets.append("done_at = datetime('now')")
    if not sets:
        return False
    sets.append("updated_at = datetime('now')")
    cur = conn.execute(f"UPDATE tasks SET {', '.join(sets)} WHERE id = ?", (*args, task_id))
    return cur.rowcount > 0


def add_task(conn: sqlite3.Connection, assignee: str, content: str, *, unit: str = "", deadline: str | None = None,
             meeting_id: int | None = None, user_id: int | None = None) -> int:
    cur = conn.execute("INSERT INTO tasks (meeting_id, assignee, unit, content, deadline, status, engine,"
                       " confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, 'assigned', 'hand', ?, datetime('now'))",
                       (meeting_id, assignee, unit, content, deadline or None, user_id))
    return int(cur.lastrowid or 0)


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
