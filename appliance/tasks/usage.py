"""Overdue tasks at a past day, for the impact report's monthly trend: read here because `tasks`
is this feature's."""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.reporting.activity import Activity
from appliance.tasks.store import OPEN
from appliance.text.formatting import sqlite_local_modifier


def overdue_at(conn: sqlite3.Connection, at: dt.date) -> list[Activity]:
    """Tasks that were assigned and past their deadline at the end of day `at`: confirmed by then,
    deadline before `at`, and still open then (open now, or done after `at`). A cancelled task
    never counts. For today this is `service.open_counts`' overdue figure."""
    local, day = sqlite_local_modifier(), at.isoformat()
    marks = ",".join("?" * len(OPEN))
    rows = conn.execute(
        "SELECT id, assignee, unit, content, deadline FROM tasks WHERE deadline IS NOT NULL AND deadline < ?"
        " AND date(COALESCE(confirmed_at, created_at), ?) <= ?"
        f" AND (status IN ({marks}) OR (status = 'done' AND done_at IS NOT NULL AND date(done_at, ?) > ?))"
        " ORDER BY deadline, id", (day, local, day, *OPEN, local, day)).fetchall()
    return [Activity(day=day, ref=str(r["id"]), unit=r["unit"] or None, href="/nhiem-vu?status=overdue",
                     text=f"{r['assignee']}: {r['content']} (hạn {dt.date.fromisoformat(r['deadline']):%d/%m/%Y})")
            for r in rows]
