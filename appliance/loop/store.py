"""The loop's SQL: the only module that writes `ticket_links`."""

from __future__ import annotations

import sqlite3
from typing import TypedDict, cast


class LinkRow(TypedDict):
    feedback_id: int
    meeting_id: int
    agenda_item: str
    agenda_by: str
    agenda_at: str
    task_id: int | None
    task_by: str | None
    task_at: str | None
    result: str | None
    result_by: str | None
    result_at: str | None
    draft: str | None
    drafted_at: str | None
    reply: str | None
    approved_by: str | None
    approved_at: str | None
    channel: str | None


def get(conn: sqlite3.Connection, feedback_id: int) -> LinkRow | None:
    row = conn.execute("SELECT * FROM ticket_links WHERE feedback_id = ?", (feedback_id,)).fetchone()
    return cast(LinkRow, dict(row)) if row is not None else None


def put_on_agenda(conn: sqlite3.Connection, feedback_id: int, meeting_id: int, item: str, username: str) -> bool:
    """False when the ticket is on a meeting's agenda already (one loop per ticket)."""
    cur = conn.execute("INSERT OR IGNORE INTO ticket_links (feedback_id, meeting_id, agenda_item, agenda_by)"
                       " VALUES (?, ?, ?, ?)", (feedback_id, meeting_id, item, username))
    return cur.rowcount > 0


def link_task(conn: sqlite3.Connection, feedback_id: int, task_id: int, username: str) -> bool:
    """Link (or re-link, until a result is reported) the task handling the ticket."""
    return conn.execute("UPDATE ticket_links SET task_id = ?, task_by = ?, task_at = datetime('now')"
                        " WHERE feedback_id = ? AND result IS NULL", (task_id, username, feedback_id)).rowcount > 0


def set_result(conn: sqlite3.Connection, feedback_id: int, result: str, draft: str, username: str) -> bool:
    """The task's result and the reply drafted from it (again until a reply is approved)."""
    return conn.execute(
        "UPDATE ticket_links SET result = ?, result_by = ?, result_at = datetime('now'), draft = ?,"
        " drafted_at = datetime('now') WHERE feedback_id = ? AND task_id IS NOT NULL AND approved_at IS NULL",
        (result, username, draft, feedback_id)).rowcount > 0


def claim_approval(conn: sqlite3.Connection, feedback_id: int, reply: str, username: str) -> bool:
    """Mark the reply approved, once: False when it was approved already (a second click, another
    tab) or there is no draft yet. Claimed before sending so a reply never goes out twice."""
    return conn.execute(
        "UPDATE ticket_links SET reply = ?, approved_by = ?, approved_at = datetime('now')"
        " WHERE feedback_id = ? AND draft IS NOT NULL AND approved_at IS NULL",
        (reply, username, feedback_id)).rowcount > 0


def release_approval(conn: sqlite3.Connection, feedback_id: int) -> None:
    """The reply could not be stored: the approval is undone so staff can approve again."""
    conn.execute("UPDATE ticket_links SET reply = NULL, approved_by = NULL, approved_at = NULL"
                 " WHERE feedback_id = ?", (feedback_id,))


def set_channel(conn: sqlite3.Connection, feedback_id: int, channel: str) -> None:
    conn.execute("UPDATE ticket_links SET channel = ? WHERE feedback_id = ?", (channel, feedback_id))


def of_task(conn: sqlite3.Connection, task_id: int) -> list[LinkRow]:
    return [cast(LinkRow, dict(r)) for r in
            conn.execute("SELECT * FROM ticket_links WHERE task_id = ? ORDER BY feedback_id", (task_id,))]


def tickets_of_tasks(conn: sqlite3.Connection, task_ids: list[int]) -> list[tuple[int, int]]:
    """(task_id, feedback_id) for every ticket linked to one of these tasks."""
    if not task_ids:
        return []
    marks = ",".join("?" * len(task_ids))
    return [(int(r[0]), int(r[1])) for r in conn.execute(
        f"SELECT task_id, feedback_id FROM ticket_links WHERE task_id IN ({marks}) ORDER BY feedback_id", task_ids)]
