"""Staff side of feedback: the inbox queries and the actions on one item.

Every action writes `feedback_history`, audits, and mirrors what the citizen may see into
public.db (`tickets`). A reply to a Zalo complaint goes into the Zalo outbox.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from appliance.citizen.public.store import public_db
from appliance.citizen.staff import store
from appliance.citizen.staff.sync import push_ticket
from appliance.citizen.tickets import STATUS_LABELS
from appliance.config import Settings
from appliance.db import transaction
from appliance.jobs import enqueue
from appliance.text import fold
from appliance.text.formatting import sqlite_local_modifier

STATUSES = tuple(STATUS_LABELS)
OPEN = ("cho_xu_ly", "dang_xu_ly")
SOON_DAYS = 2


# One inbox row as the pages and GET /api/v1/feedback show it: the `feedback` columns, the
# category's label, and the SLA badge and status label worked out here.
FeedbackItem = dict[str, str | int | None]


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    category: str | None = None
    department: str | None = None
    overdue: bool = False
    q: str | None = None
    limit: int = 200


def sla(row: sqlite3.Row, today: dt.date) -> tuple[str, str]:
    """(css class, Vietnamese label) for the SLA badge."""
    deadline = dt.date.fromisoformat(row["deadline"])
    if row["status"] not in OPEN:
        resolved = row["resolved_at"]
        if resolved and dt.date.fromisoformat(resolved[:10]) > deadline:
            return "muted", "Xong, trễ hạn"
        return "ok", "Đã xong"
    days = (deadline - today).days
    if days < 0:
        return "danger", f"Quá hạn {-days} ngày"
    if days <= SOON_DAYS:
        return "warn", "Sắp đến hạn" if days else "Hạn hôm nay"
    return "ok", f"Còn {days} ngày"


def _where(filters: Filters, today: dt.date) -> tuple[str, list[str | int]]:
    where: list[str] = []
    params: list[str | int] = []
    if filters.status in STATUSES:
        where.append("f.status = ?")
        params.append(filters.status)
    if filters.category:
        where.append("f.category = ?")
        params.append(filters.category)
    if filters.department:
        where.append("f.department = ?")
        params.append(filters.department)
    if filters.overdue:
        where.append("f.status IN ('cho_xu_ly', 'dang_xu_ly') AND f.deadline < ?")
        params.append(today.isoformat())
    if filters.q:
        where.append("(f.content_fold LIKE ? OR f.ticket_code LIKE ?)")
        params.extend([f"%{fold(filters.q)}%", f"%{filters.q.strip().upper()}%"])
    return (" WHERE " + " AND ".join(where)) if where else "", params


def count_feedback(conn: sqlite3.Connection, filters: Filters, today: dt.date) -> int:
    """How many items match, beyond the page the list shows (people must see the true total)."""
    clause, params = _where(filters, today)
    return int(conn.execute(f"SELECT COUNT(*) FROM feedback f{clause}", params).fetchone()[0])


def list_feedback(conn: sqlite3.Connection, filters: Filters, today: dt.date) -> list[FeedbackItem]:
    clause, params = _where(filters, today)
    sql = ("SELECT f.*, r.label AS category_label FROM feedback f LEFT JOIN feedback_routing r"
           " ON r.category = f.category" + clause)
    sql += " ORDER BY (f.status IN ('cho_xu_ly', 'dang_xu_ly')) DESC, f.deadline, f.id DESC LIMIT ?"
    params.append(max(1, min(filters.limit, 1000)))
    items = []
    for row in conn.execute(sql, params):
        item = dict(row)
        item["sla_class"], item["sla_label"] = sla(row, today)
        item["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        items.append(item)
    return items


def overdue_count(conn: sqlite3.Connection, today: dt.date) -> int:
    """Open feedback past its deadline (the dashboard shows it)."""
    return int(conn.execute("SELECT count(*) FROM feedback WHERE status IN ('cho_xu_ly', 'dang_xu_ly')"
                            " AND deadline < ?", (today.isoformat(),)).fetchone()[0])


def get_feedback(conn: sqlite3.Connection, feedback_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT f.*, r.label AS category_label FROM feedback f LEFT JOIN feedback_routing r"
        " ON r.category = f.category WHERE f.id = ?", (feedback_id,)).fetchone()
    return row


def history(conn: sqlite3.Connection, feedback_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM feedback_history WHERE feedback_id = ? ORDER BY id",
                        (feedback_id,)).fetchall()


def reply_deliveries(conn: sqlite3.Connection, feedback_id: int) -> list[sqlite3.Row]:
    """The Zalo messages carrying the item's replies (status, last_error, sent_at), oldest first."""
    return store.outbox_of_feedback(conn, feedback_id)


def _mirror(settings: Settings, conn: sqlite3.Connection, feedback_id: int) -> None:
    row = get_feedback(conn, feedback_id)
    if row is not None:
        with public_db(settings) as public:
            push_ticket(public, row)


def assign(conn: sqlite3.Connection, settings: Settings, feedback_id: int, assignee: str, username: str) -> None:
    with transaction(conn):
        store.set_assignee(conn, feedback_id, assignee.strip() or None)
        store.log(conn, feedback_id, username, "assign", assignee)
    _mirror(settings, conn, feedback_id)


def set_status(conn: sqlite3.Connection, settings: Settings, feedback_id: int, status: str, username: str) -> None:
    if status not in STATUSES:
        raise ValueError("Trạng thái không hợp lệ")
    with transaction(conn):
        store.set_status(conn, feedback_id, status)
        store.log(conn, feedback_id, username, "status", status)
    _mirror(settings, conn, feedback_id)


def reply(conn: sqlite3.Connection, settings: Settings, feedback_id: int, text: str, username: str,
          resolve: bool = True) -> str:
    """Store the reply and send it back on the citizen's channel. Returns how it travels."""
    text = text.strip()
    if not text:
        raise ValueError("Nội dung trả lời trống")
    row = get_feedback(conn, feedback_id)
    if row is None:
        raise LookupError
    with transaction(conn):
        store.set_reply(conn, feedback_id, text, resolve)
        store.log(conn, feedback_id, username, "reply", text)
        n = store.reply_count(conn, feedback_id)
        channel = "status_page"
        if row["channel"] == "zalo" and row["channel_user"]:
            message = f"UBND phường trả lời phản ánh {row['ticket_code']}:\n{text}"
            store.queue_reply(conn, f"reply:{feedback_id}:{n}", row["channel_user"], message)
            enqueue(conn, "citizen.zalo_send", {}, max_attempts=1)
            channel = "zalo"
        elif row["channel"] in ("counter", "phone"):
            channel = "phone"
    _mirror(settings, conn, feedback_id)
    return channel


def reclassify(conn: sqlite3.Connection, settings: Settings, feedback_id: int, category: str, username: str) -> None:
    """Correct the category; the text becomes an example so the classifier learns from it."""
    route = conn.execute("SELECT * FROM feedback_routing WHERE category = ?", (category,)).fetchone()
    row = get_feedback(conn, feedback_id)
    if route is None or row is None:
        raise ValueError("Lĩnh vực không hợp lệ")
    with transaction(conn):
        store.set_category(conn, feedback_id, category, route["department"])
        store.add_example(conn, category, row["content"], feedback_id, username)
        store.log(conn, feedback_id, username, "reclassify", f"{row['category']} → {category}")
        enqueue(conn, "citizen.publish", {}, max_attempts=3)
    _mirror(settings, conn, feedback_id)


def routing_table(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM feedback_routing ORDER BY rowid").fetchall()


def update_routing(conn: sqlite3.Connection, category: str, department: str, sla_days: int, username: str) -> None:
    department = department.strip()
    if not department or not 1 <= sla_days <= 90:
        raise ValueError("Cần tên đơn vị và số ngày xử lý từ 1 đến 90")
    with transaction(conn):
        if not store.update_routing(conn, category, department, sla_days):
            raise ValueError("Lĩnh vực không hợp lệ")
        enqueue(conn, "citizen.publish", {}, max_attempts=3)


# --- figures for the dashboard (its panel and the wall screen read feedback only through these) ---

@dataclass(frozen=True)
class PeriodCounts:
    """Feedback received in a period."""

    by_category: list[tuple[str, str, int]]  # (code, label, count) for every category, most first
    by_status: dict[str, int]  # status → count (statuses with none are absent)
    overdue: int  # open and past its deadline at the period end, among feedback received by then


def period_counts(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> PeriodCounts:
    s, e = start.isoformat(), end.isoformat()
    local = sqlite_local_modifier()  # created_at is UTC; a complaint belongs to the ward's calendar day
    in_period = "date(f.created_at, ?) BETWEEN ? AND ?"
    categories = conn.execute(
        "SELECT r.category, r.label, COUNT(f.id) AS n FROM feedback_routing r"
        f" LEFT JOIN feedback f ON f.category = r.category AND {in_period}"
        " GROUP BY r.category ORDER BY n DESC, r.label", (local, s, e)).fetchall()
    statuses = conn.execute(f"SELECT status, COUNT(*) FROM feedback f WHERE {in_period} GROUP BY status",
                            (local, s, e))
    # Overdue as of the period's last day, as the reporting layer counts it (pa_qua_han): open on that
    # day (waiting, in progress, or resolved only after it) with its deadline already past.
    overdue = conn.execute(
        "SELECT COUNT(*) FROM feedback WHERE (status IN ('cho_xu_ly', 'dang_xu_ly')"
        " OR (status = 'da_xu_ly' AND date(resolved_at, ?) > ?)) AND deadline < ?"
        " AND date(created_at, ?) <= ?", (local, e, e, local, e)).fetchone()[0]
    return PeriodCounts([(r["category"], r["label"], int(r["n"])) for r in categories],
                        {str(status): int(n) for status, n in statuses}, int(overdue))


def change_stamp(conn: sqlite3.Connection) -> str:
    """Changes whenever feedback is added or updated (the wall screen redraws when it does)."""
    count, last = conn.execute("SELECT COUNT(*), MAX(updated_at) FROM feedback").fetchone()
    return f"{count}:{last}"
