"""Complaints routed, citizens' questions answered and complaint response times, for the impact
report: read here because `feedback` and public.db's chat log are this feature's."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from appliance.citizen.public.store import public_db
from appliance.config import Settings
from appliance.reporting.activity import Activity
from appliance.text.formatting import sqlite_local_modifier

# A bot message that answers: a procedure answer (not a "which procedure?" or "which aspect?"
# question back), the ward's own FAQ answer, or a ticket's status.
ANSWERED = ("m.role = 'bot' AND ((m.intent = 'procedure' AND COALESCE(m.engine, '') NOT IN ('clarify', 'follow_up'))"
            " OR (m.intent = 'other' AND m.engine = 'faq') OR (m.intent = 'status' AND m.engine = 'status'))")
CHANNELS = {"web": "trang web", "widget": "trang web", "zalo": "Zalo", "counter": "tại quầy", "phone": "điện thoại",
            "chat": "trợ lý trả lời tự động"}


def routed(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[Activity]:
    """Complaints received on start..end (ward calendar days): each was classified and routed to
    a unit when it arrived; the unit is the one it is routed to now."""
    local = sqlite_local_modifier()
    rows = conn.execute(
        "SELECT f.id, f.ticket_code, f.department, f.channel, f.created_at, date(f.created_at, ?) AS day,"
        " COALESCE(r.label, f.category) AS label FROM feedback f LEFT JOIN feedback_routing r"
        " ON r.category = f.category WHERE date(f.created_at, ?) BETWEEN ? AND ? ORDER BY f.id",
        (local, local, start.isoformat(), end.isoformat())).fetchall()
    return [Activity(day=r["day"], ref=str(r["id"]), at=r["created_at"], unit=r["department"],
                     text=f"Phản ánh {r['ticket_code']} ({r['label']}, qua {CHANNELS.get(r['channel'], r['channel'])})"
                          f" chuyển {r['department']}",
                     href=f"/phan-anh/{r['id']}") for r in rows]


def answered(settings: Settings, start: dt.date, end: dt.date) -> list[Activity]:
    """Citizens' questions the chatbot answered on start..end (web and Zalo), from public.db's chat
    log, which keeps `citizen_chat_retention_days` days: older months count 0 once trimmed."""
    local = sqlite_local_modifier()
    with public_db(settings) as public:
        rows = public.execute(
            "SELECT m.id, m.at, date(m.at, ?) AS day, m.intent, m.procedure_code, s.channel"
            " FROM chat_messages m LEFT JOIN chat_sessions s ON s.id = m.session_id"
            f" WHERE {ANSWERED}"
            " AND date(m.at, ?) BETWEEN ? AND ? ORDER BY m.id",
            (local, local, start.isoformat(), end.isoformat())).fetchall()
    what = {"procedure": "hướng dẫn thủ tục", "other": "câu hỏi thường gặp", "status": "tình trạng phản ánh"}
    return [Activity(day=r["day"], ref=str(r["id"]), at=r["at"], unit="Cổng công dân (tự động)",
                     text=f"Trả lời công dân qua {CHANNELS.get(r['channel'] or 'web', 'trang web')}:"
                          f" {what.get(r['intent'], 'câu hỏi')}"
                          + (f" {r['procedure_code']}" if r["procedure_code"] else ""))
            for r in rows]


@dataclass(frozen=True)
class Resolved:
    id: int
    ticket_code: str
    department: str
    created_at: str   # UTC
    resolved_at: str  # UTC
    day: str          # the ward's calendar day it was resolved
    days: float       # resolved_at - created_at, in days


def resolved(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[Resolved]:
    """Complaints resolved (status đã xử lý) on start..end, with the time the citizen waited."""
    local = sqlite_local_modifier()
    rows = conn.execute(
        "SELECT id, ticket_code, department, created_at, resolved_at, date(resolved_at, ?) AS day,"
        " julianday(resolved_at) - julianday(created_at) AS days FROM feedback"
        " WHERE status = 'da_xu_ly' AND resolved_at IS NOT NULL AND date(resolved_at, ?) BETWEEN ? AND ?"
        " ORDER BY resolved_at, id", (local, local, start.isoformat(), end.isoformat())).fetchall()
    return [Resolved(int(r["id"]), r["ticket_code"], r["department"], r["created_at"], r["resolved_at"], r["day"],
                     max(0.0, float(r["days"]))) for r in rows]
