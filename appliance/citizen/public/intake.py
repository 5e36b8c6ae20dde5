"""Feedback intake on the citizen side (public.db): classify, route, ticket code, deadline.

Personal data (name, phone, address) waits in `inbox` only until the staff side pulls it;
the pull clears it here. `tickets` is what a citizen may look up: no personal data.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from typing import Any

from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.tickets import STATUS_LABELS, new_ticket_code, normalise_ticket_code
from appliance.db import transaction
from appliance.text import normalize
from appliance.text.dates import add_working_days

log = logging.getLogger(__name__)

MAX_CONTENT = 4000
MIN_CONTENT = 10
_classifier_lock = threading.Lock()
_classifier_cache: dict[str, Any] = {"key": None, "value": None}


def mask_phone(phone: str | None) -> str:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"{digits[:2]}******{digits[-2:]}" if len(digits) >= 6 else ("***" if digits else "")


def mask_name(name: str | None) -> str:
    parts = (name or "").split()
    return " ".join(p[0] + "." for p in parts) if parts else ""


def classifier_for(conn: sqlite3.Connection) -> FeedbackClassifier:
    """The classifier with the staff's examples as published; rebuilt only when they change."""
    row = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM pub_examples").fetchone()
    key = (row[0], row[1])
    with _classifier_lock:
        if _classifier_cache["key"] != key:
            rows = conn.execute("SELECT category, text_fold FROM pub_examples").fetchall()
            extra = [(r["category"], r["text_fold"]) for r in rows]
            _classifier_cache["value"] = FeedbackClassifier(extra)
            _classifier_cache["key"] = key
        value: FeedbackClassifier = _classifier_cache["value"]
        return value


def routing(conn: sqlite3.Connection, category: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM pub_routing WHERE category = ?", (category,)).fetchone()
    if row is None:
        row = conn.execute("SELECT * FROM pub_routing WHERE category = 'khac'").fetchone()
    return row


class IntakeError(ValueError):
    """A citizen's submission we cannot accept; the message is Vietnamese, for them."""


def _clean(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    text = normalize(value).strip()
    return text[:limit] if text else None


def file_feedback(conn: sqlite3.Connection, content: str, *, channel: str = "web", channel_user: str | None = None,
                  name: str | None = None, phone: str | None = None, address: str | None = None,
                  now: dt.datetime | None = None, source_key: str | None = None) -> dict[str, Any]:
    if source_key:
        known = conn.execute("SELECT ticket_code FROM inbox WHERE source_key = ?", (source_key,)).fetchone()
        if known is not None:  # already filed from this very event: the same ticket, not a second one
            found = ticket_status(conn, known[0]) or {}
            return {**found, "engine": "rules", "confidence": None}
    text = normalize(content or "").strip()
    if len(text) < MIN_CONTENT:
        raise IntakeError("Nội dung phản ánh quá ngắn: xin mô tả rõ sự việc, địa điểm, thời gian.")
    if len(text) > MAX_CONTENT:
        raise IntakeError(f"Nội dung phản ánh dài quá {MAX_CONTENT} ký tự; xin viết ngắn gọn hơn.")
    phone = _clean(phone, 20)
    if phone and not all(ch.isdigit() or ch in "+ .-" for ch in phone):
        raise IntakeError("Số điện thoại chỉ gồm chữ số.")
    result = classifier_for(conn).classify(text)
    route = routing(conn, result.category)
    now = now or dt.datetime.now()
    deadline = add_working_days(now.date(), int(route["sla_days"]))
    created = now.strftime("%Y-%m-%d %H:%M:%S")
    with transaction(conn):
        code = new_ticket_code()
        while conn.execute("SELECT 1 FROM tickets WHERE ticket_code = ?", (code,)).fetchone():
            code = new_ticket_code()
        conn.execute(
            "INSERT INTO inbox (ticket_code, channel, channel_user, content, name, phone, address, category,"
            " department, deadline, created_at, source_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (code, channel, channel_user, text, _clean(name, 120), phone, _clean(address, 300), route["category"],
             route["department"], deadline.isoformat(), created, source_key),
        )
        conn.execute(
            "INSERT INTO tickets (ticket_code, category, department, status, deadline, created_at, updated_at)"
            " VALUES (?, ?, ?, 'cho_xu_ly', ?, ?, ?)",
            (code, route["category"], route["department"], deadline.isoformat(), created, created),
        )
    log.info("feedback %s filed via %s, category %s (name %s, phone %s)", code, channel, route["category"],
             mask_name(name), mask_phone(phone))
    return {"ticket_code": code, "category": route["category"], "category_label": route["label"],
            "department": route["department"], "status": "cho_xu_ly", "status_label": STATUS_LABELS["cho_xu_ly"],
            "deadline": deadline.isoformat(), "confidence": result.confidence, "engine": result.engine}


def ticket_status(conn: sqlite3.Connection, raw_code: str) -> dict[str, Any] | None:
    code = normalise_ticket_code(raw_code)
    row = conn.execute(
        "SELECT t.*, r.label FROM tickets t LEFT JOIN pub_routing r ON r.category = t.category"
        " WHERE t.ticket_code = ?", (code,)).fetchone()
    if row is None:
        return None
    return {"ticket_code": row["ticket_code"], "category": row["category"], "category_label": row["label"],
            "department": row["department"], "status": row["status"],
            "status_label": STATUS_LABELS.get(row["status"], row["status"]), "deadline": row["deadline"],
            "created_at": row["created_at"][:10], "updated_at": row["updated_at"][:10], "reply": row["reply"]}

