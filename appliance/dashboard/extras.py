"""The dashboard's other panels: indicators (kế hoạch vs thực hiện), citizen feedback, overdue
tasks (when the task tracker is installed) and the time of the last data import."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from appliance.dashboard.measures import percent
from appliance.dashboard.period import shape

FEEDBACK_STATUSES = {"cho_xu_ly": "Chờ xử lý", "dang_xu_ly": "Đang xử lý", "da_xu_ly": "Đã xử lý",
                     "tu_choi": "Từ chối"}
OPEN_FEEDBACK = ("cho_xu_ly", "dang_xu_ly")
# The task tracker's contract (appliance/tasks/schema.py): overdue = deadline < D and status open.
OPEN_TASK_STATES = ("assigned", "in_progress")


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def indicator_period_key(start: dt.date, end: dt.date) -> str:
    period = shape(start, end)
    if period.kind == "month":
        return f"{start:%Y-%m}"
    if period.kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(end.year)


def indicators(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Indicators for the period's own key (2026-10, 2026-Q4, 2026); the year's when that has none."""
    wanted = indicator_period_key(start, end)
    keys = [wanted] if wanted == str(end.year) else [wanted, str(end.year)]
    for key in keys:
        rows = conn.execute("SELECT chi_tieu, don_vi_tinh, ky, ke_hoach, thuc_hien FROM indicators WHERE ky = ?"
                            " ORDER BY id", (key,)).fetchall()
        if rows:
            items = []
            for r in rows:
                done = None
                if r["ke_hoach"] and r["thuc_hien"] is not None:
                    done = float(round(100 * r["thuc_hien"] / r["ke_hoach"], 1))
                items.append({**dict(r), "ty_le_hoan_thanh": done})
            return {"ky": key, "items": items}
    return {"ky": wanted, "items": []}


def feedback(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> dict[str, Any] | None:
    if not table_columns(conn, "feedback"):
        return None
    s, e = start.isoformat(), end.isoformat()
    in_period = "substr(f.created_at, 1, 10) BETWEEN ? AND ?"
    categories = conn.execute(
        "SELECT r.category, r.label, COUNT(f.id) AS n FROM feedback_routing r"
        f" LEFT JOIN feedback f ON f.category = r.category AND {in_period}"
        " GROUP BY r.category ORDER BY n DESC, r.label", (s, e)).fetchall()
    statuses = dict(conn.execute(
        f"SELECT status, COUNT(*) FROM feedback f WHERE {in_period} GROUP BY status", (s, e)).fetchall())
    overdue = conn.execute(
        "SELECT COUNT(*) FROM feedback WHERE status IN ('cho_xu_ly', 'dang_xu_ly') AND deadline < ?"
        " AND substr(created_at, 1, 10) <= ?", (e, e)).fetchone()[0]
    total = sum(statuses.values())
    resolved = statuses.get("da_xu_ly", 0)
    return {
        "tiep_nhan": total,
        "by_category": [{"category": r["category"], "label": r["label"], "count": r["n"]} for r in categories],
        "by_status": [{"status": k, "label": v, "count": statuses.get(k, 0)} for k, v in FEEDBACK_STATUSES.items()],
        "qua_han": overdue,
        "ty_le_da_xu_ly": percent(resolved, total),
    }


def overdue_tasks(conn: sqlite3.Connection, at: dt.date) -> dict[str, Any] | None:
    """Open tasks past their deadline, if the task tracker (another feature) has created `tasks`."""
    columns = table_columns(conn, "tasks")
    if not {"deadline", "status"} <= columns:
        return None
    marks = ",".join("?" * len(OPEN_TASK_STATES))
    where = f"deadline IS NOT NULL AND deadline < ? AND status IN ({marks})"
    count = conn.execute(f"SELECT COUNT(*) FROM tasks WHERE {where}", (at.isoformat(), *OPEN_TASK_STATES))
    open_count = conn.execute(f"SELECT COUNT(*) FROM tasks WHERE status IN ({marks})", OPEN_TASK_STATES)
    return {"qua_han": count.fetchone()[0], "dang_mo": open_count.fetchone()[0]}


def last_import_at(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'last_import_at'").fetchone()
    return row[0] if row else None


def format_timestamp(value: str | None) -> str:
    """'2026-11-20 08:05:00.123' (UTC, as SQLite writes it) → '20/11/2026 15:05' in Vietnam time."""
    if not value:
        return "chưa có"
    try:
        moment = dt.datetime.fromisoformat(value.replace(" ", "T")[:19])
    except ValueError:
        return value
    local = moment + dt.timedelta(hours=7)  # Vietnam has no daylight saving time: UTC+7 all year
    return f"{local:%d/%m/%Y %H:%M}"


def data_version(conn: sqlite3.Connection) -> str:
    """Changes whenever an import lands or feedback/tasks change: the wall redraws when this changes."""
    parts = [last_import_at(conn) or ""]
    if table_columns(conn, "feedback"):
        row = conn.execute("SELECT COUNT(*), MAX(updated_at) FROM feedback").fetchone()
        parts.append(f"{row[0]}:{row[1]}")
    if "updated_at" in table_columns(conn, "tasks"):
        row = conn.execute("SELECT COUNT(*), MAX(updated_at) FROM tasks").fetchone()
        parts.append(f"{row[0]}:{row[1]}")
    return "|".join(parts)
