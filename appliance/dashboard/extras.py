"""The dashboard's other panels: indicators (kế hoạch vs thực hiện), citizen feedback, overdue
tasks (when the task tracker is installed) and the time of the last data import.

Feedback and tasks belong to other features: their figures come from those features' service
functions, never from their tables.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TypedDict

from appliance import features
from appliance.citizen.staff import inbox
from appliance.dashboard.measures import percent
from appliance.dashboard.period import shape
from appliance.system.store import get_meta
from appliance.tasks import service as tasks
from appliance.text.formatting import format_local_datetime, unit_decimals


class Indicator(TypedDict):
    chi_tieu: str
    don_vi_tinh: str
    ky: str
    ke_hoach: float | None
    thuc_hien: float | None
    ty_le_hoan_thanh: float | None
    so_le: int  # decimals to show: 0 for units that count whole things (hộ, người), else 1


class IndicatorPanel(TypedDict):
    ky: str
    items: list[Indicator]


class CategoryCount(TypedDict):
    category: str
    label: str
    count: int


class StatusCount(TypedDict):
    status: str
    label: str
    count: int


class OverdueTicket(TypedDict):
    """An open complaint past its deadline: the dashboard links it to its path (đưa vào cuộc họp)."""

    id: int
    ticket_code: str
    category_label: str
    department: str
    days_late: int


class FeedbackPanel(TypedDict):
    tiep_nhan: int
    by_category: list[CategoryCount]
    by_status: list[StatusCount]
    qua_han: int
    qua_han_ds: list[OverdueTicket]  # the longest overdue first, at most OVERDUE_SHOWN
    ty_le_da_xu_ly: float | None


class TaskPanel(TypedDict):
    qua_han: int
    dang_mo: int


def installed(feature: str) -> bool:
    """Whether that feature is loaded (its tables exist): its panel is shown only then."""
    return any(f.name == feature for f in features.features())


def indicator_period_key(start: dt.date, end: dt.date) -> str:
    period = shape(start, end)
    if period.kind == "month":
        return f"{start:%Y-%m}"
    if period.kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(end.year)


def indicators(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> IndicatorPanel:
    """Indicators for the period's own key (2026-10, 2026-Q4, 2026); the year's when that has none."""
    wanted = indicator_period_key(start, end)
    keys = [wanted] if wanted == str(end.year) else [wanted, str(end.year)]
    for key in keys:
        rows = conn.execute("SELECT chi_tieu, don_vi_tinh, ky, ke_hoach, thuc_hien FROM indicators WHERE ky = ?"
                            " ORDER BY id", (key,)).fetchall()
        if rows:
            items: list[Indicator] = []
            for r in rows:
                done = None
                if r["ke_hoach"] and r["thuc_hien"] is not None:
                    done = float(round(100 * r["thuc_hien"] / r["ke_hoach"], 1))
                items.append(Indicator(chi_tieu=r["chi_tieu"], don_vi_tinh=r["don_vi_tinh"], ky=r["ky"],
                                       ke_hoach=r["ke_hoach"], thuc_hien=r["thuc_hien"], ty_le_hoan_thanh=done,
                                       so_le=unit_decimals(r["don_vi_tinh"])))
            return {"ky": key, "items": items}
    return {"ky": wanted, "items": []}


OVERDUE_SHOWN = 5


def _overdue(conn: sqlite3.Connection, at: dt.date) -> list[OverdueTicket]:
    late = inbox.list_feedback(conn, inbox.Filters(overdue=True, limit=OVERDUE_SHOWN), at)
    return [{"id": int(t["id"] or 0), "ticket_code": str(t["ticket_code"]),
             "category_label": str(t["category_label"] or t["category"]), "department": str(t["department"]),
             "days_late": (at - dt.date.fromisoformat(str(t["deadline"]))).days} for t in late]


def feedback(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> FeedbackPanel | None:
    if not installed("citizen"):
        return None
    counts = inbox.period_counts(conn, start, end)
    total = sum(counts.by_status.values())
    return {
        "tiep_nhan": total,
        "by_category": [{"category": code, "label": label, "count": n} for code, label, n in counts.by_category],
        "by_status": [{"status": k, "label": v, "count": counts.by_status.get(k, 0)}
                      for k, v in inbox.STATUS_LABELS.items()],
        "qua_han": counts.overdue,
        "qua_han_ds": _overdue(conn, end),
        "ty_le_da_xu_ly": percent(counts.by_status.get("da_xu_ly", 0), total),
    }


def overdue_tasks(conn: sqlite3.Connection, at: dt.date) -> TaskPanel | None:
    """Open tasks past their deadline, if the task tracker (another feature) is installed."""
    if not installed("tasks"):
        return None
    overdue, still_open = tasks.open_counts(conn, at)
    return {"qua_han": overdue, "dang_mo": still_open}


class Reminders(TypedDict):
    linked: bool                    # the account is a person of the ward directory
    mine: list[tasks.Reminder]      # the logged-in person's overdue and due-soon tasks
    everyone: list[tasks.Reminder]  # every such task: leaders only (empty for others)


def reminders(conn: sqlite3.Connection, username: str, leader: bool, today: dt.date) -> Reminders | None:
    """Overdue and due-soon tasks for the home page, through the task tracker's service (when installed)."""
    if not installed("tasks"):
        return None
    staff_id = tasks.staff_id_of_user(conn, username)
    return {"linked": staff_id is not None,
            "mine": tasks.reminders(conn, today, staff_id=staff_id) if staff_id is not None else [],
            "everyone": tasks.reminders(conn, today, everyone=True) if leader else []}


def last_import_at(conn: sqlite3.Connection) -> str | None:
    return get_meta(conn, "last_import_at")


def format_timestamp(value: str | None) -> str:
    """'2026-11-20 08:05:00.123' (UTC, as SQLite writes it) → '20/11/2026 15:05' in the unit's zone."""
    if not value:
        return "chưa có"
    return format_local_datetime(value) or value


def data_version(conn: sqlite3.Connection) -> str:
    """Changes whenever an import lands or feedback/tasks change: the wall redraws when this changes."""
    parts = [last_import_at(conn) or ""]
    if installed("citizen"):
        parts.append(inbox.change_stamp(conn))
    if installed("tasks"):
        parts.append(tasks.change_stamp(conn))
    return "|".join(parts)
