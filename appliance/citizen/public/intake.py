"""Feedback intake on the citizen side (public.db): classify, route, ticket code, deadline.

Personal data (name, phone, address) waits in `inbox` only until the staff side pulls it;
the pull clears it here. `tickets` is what a citizen may look up: no personal data.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from typing import Required, TypedDict

from appliance.citizen.classify import Classification, FeedbackClassifier
from appliance.citizen.complaint_model import ComplaintRouter, served_config
from appliance.citizen.public import store
from appliance.citizen.semantic import Progress
from appliance.citizen.tickets import (
    HANDOVER_PREFIX,
    HANDOVER_STATUS_LABELS,
    STATUS_LABELS,
    TRIAGE_LABEL,
    new_ticket_code,
    normalise_ticket_code,
)
from appliance.db import transaction
from appliance.engines.base import Embedder
from appliance.text import normalize
from appliance.text.dates import WorkCalendar, add_working_days
from appliance.text.formatting import local_now, to_local, utc_stamp

log = logging.getLogger(__name__)

MAX_CONTENT = 4000
MIN_CONTENT = 10
_classifier_lock = threading.Lock()
_classifier_cache: dict[tuple[int, int], FeedbackClassifier] = {}  # one entry: the current examples
_router_cache: dict[tuple[int, int, str], ComplaintRouter] = {}  # one entry per model: the current examples


class TicketStatus(TypedDict):
    """What a citizen may see of a ticket (GET /api/v1/feedback/{code}): never personal data."""

    ticket_code: str
    category: str
    category_label: str | None
    department: str
    status: str
    status_label: str
    deadline: str  # YYYY-MM-DD
    created_at: str  # YYYY-MM-DD
    updated_at: str  # YYYY-MM-DD
    reply: str | None  # the ward's reply, for tickets filed on the website
    pending: bool  # "chờ phân loại": no department yet (category_label says so, department is "")


class FiledTicket(TypedDict, total=False):
    """The answer to a filed complaint (POST /api/v1/feedback). Filed again from the same Zalo
    event, it is that ticket's TicketStatus plus these two."""

    ticket_code: str
    category: str
    category_label: str | None
    department: str
    status: str
    status_label: str
    deadline: str
    created_at: str
    updated_at: str
    reply: str | None
    pending: bool
    confidence: Required[float | None]
    engine: Required[str]


def mask_phone(phone: str | None) -> str:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"{digits[:2]}******{digits[-2:]}" if len(digits) >= 6 else ("***" if digits else "")


def mask_name(name: str | None) -> str:
    parts = (name or "").split()
    return " ".join(p[0] + "." for p in parts) if parts else ""


def classifier_for(conn: sqlite3.Connection) -> FeedbackClassifier:
    """The classifier with the staff's examples as published; rebuilt only when they change."""
    key = store.examples_key(conn)
    with _classifier_lock:
        classifier = _classifier_cache.get(key)
        if classifier is None:
            _classifier_cache.clear()
            classifier = _classifier_cache[key] = FeedbackClassifier(store.examples(conn))
        return classifier


def router_key(conn: sqlite3.Connection, embedder: Embedder) -> tuple[int, int, str]:
    """Keyed by the model's name, not the embedder object: a second handle on the same model
    (another settings object, a reloaded registry) needs no refit."""
    return (*store.examples_key(conn), str(getattr(embedder, "name", type(embedder).__name__)))


def cached_router(key: tuple[int, int, str]) -> ComplaintRouter | None:
    """The router fit for `key`, while it is of the model served now (a test or a measurement that switches
    complaint_model.DEFAULT gets a refit, not the other model's router)."""
    with _classifier_lock:
        found = _router_cache.get(key)
    if found is None or found.config != served_config():
        return None  # of another model
    return found


def fit_router(key: tuple[int, int, str], classifier: FeedbackClassifier, embedder: Embedder,
               staff: Sequence[tuple[str, str]], progress: Progress | None = None) -> ComplaintRouter:
    """Fit the complaint model over these staff examples and keep it as the one for `key`; refit
    only when they change (a fraction of a second when the examples' vectors are on disk;
    preparing.complaint_router does it in the background when they are not)."""
    router = ComplaintRouter(classifier, embedder, staff, progress=progress)
    with _classifier_lock:
        for old in [k for k in _router_cache if k[2] == key[2]]:
            del _router_cache[old]
        _router_cache[key] = router
    return router


class IntakeError(ValueError):
    """A citizen's submission we cannot accept; the message is Vietnamese, for them."""


def _clean(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    text = normalize(value).strip()
    return text[:limit] if text else None


def file_feedback(conn: sqlite3.Connection, content: str, *, channel: str = "web", channel_user: str | None = None,
                  name: str | None = None, phone: str | None = None, address: str | None = None,
                  now: dt.datetime | None = None, source_key: str | None = None,
                  classification: Classification | None = None) -> FiledTicket:
    """File a complaint. Below the classifier's confidence threshold it is filed "chờ phân loại":
    the catch-all route ("khac") holds it for staff to choose the category, and the citizen is
    told it is being routed, not a department."""
    if source_key:
        known = store.ticket_code_for_source(conn, source_key)
        if known is not None:  # already filed from this very event: the same ticket, not a second one
            found = ticket_status(conn, known)
            return FiledTicket(**found, engine="rules", confidence=None) if found else FiledTicket(
                engine="rules", confidence=None, pending=False)
    text = normalize(content or "").strip()
    if len(text) < MIN_CONTENT:
        raise IntakeError("Nội dung phản ánh quá ngắn: xin mô tả rõ sự việc, địa điểm, thời gian.")
    if len(text) > MAX_CONTENT:
        raise IntakeError(f"Nội dung phản ánh dài quá {MAX_CONTENT} ký tự; xin viết ngắn gọn hơn.")
    phone = _clean(phone, 20)
    if phone and not all(ch.isdigit() or ch in "+ .-" for ch in phone):
        raise IntakeError("Số điện thoại chỉ gồm chữ số.")
    result = classification or classifier_for(conn).classify(text)
    pending = result.pending
    route = store.route(conn, "khac" if pending else result.category)
    # Stored UTC; the deadline counts working days from the ward's calendar day.
    moment = to_local(now) or local_now()
    # Working days on the ward's calendar as published (public holidays, its own days off and làm bù).
    calendar = WorkCalendar.from_json(store.meta_value(conn, "work_calendar"))
    deadline = add_working_days(moment.date(), int(route["sla_days"]), calendar)
    created = utc_stamp(moment)
    with transaction(conn):
        code = new_ticket_code()
        while store.ticket_code_taken(conn, code):
            code = new_ticket_code()
        store.insert_feedback(conn, store.NewFeedback(
            ticket_code=code, channel=channel, channel_user=channel_user, content=text, name=_clean(name, 120),
            phone=phone, address=_clean(address, 300), category=route["category"], department=route["department"],
            deadline=deadline.isoformat(), created_at=created, source_key=source_key, triage=pending))
    log.info("feedback %s filed via %s, category %s (name %s, phone %s)", code, channel, route["category"],
             mask_name(name), mask_phone(phone))
    return FiledTicket(ticket_code=code, category=route["category"],
                       category_label=TRIAGE_LABEL if pending else route["label"],
                       department="" if pending else route["department"], status="cho_xu_ly",
                       status_label=STATUS_LABELS["cho_xu_ly"], deadline=deadline.isoformat(), pending=pending,
                       confidence=result.confidence, engine=result.engine)


def ticket_status(conn: sqlite3.Connection, raw_code: str) -> TicketStatus | None:
    code = normalise_ticket_code(raw_code)
    if code.startswith(HANDOVER_PREFIX + "-"):
        return handover_status(conn, code)
    row = store.ticket(conn, code)
    if row is None:
        return None
    pending = bool(row["triage"])
    return TicketStatus(ticket_code=row["ticket_code"], category=row["category"],
                        category_label=TRIAGE_LABEL if pending else row["label"],
                        department="" if pending else row["department"], status=row["status"],
                        status_label=STATUS_LABELS.get(row["status"], row["status"]), deadline=row["deadline"],
                        created_at=row["created_at"][:10], updated_at=row["updated_at"][:10], reply=row["reply"],
                        pending=pending)


def handover_status(conn: sqlite3.Connection, code: str) -> TicketStatus | None:
    """A conversation handed over to staff, looked up by its HD code like a ticket."""
    row = store.handover(conn, code)
    if row is None:
        return None
    return TicketStatus(ticket_code=row["code"], category="hoi_dap", category_label="Hỏi đáp chuyển cán bộ",
                        department="Cán bộ phường", status=row["status"],
                        status_label=HANDOVER_STATUS_LABELS.get(row["status"], row["status"]), deadline="",
                        created_at=row["created_at"][:10], updated_at=row["updated_at"][:10],
                        reply=row["reply"] if row["channel"] != "zalo" else None, pending=False)


def file_handover(conn: sqlite3.Connection, session_id: str, channel: str, *, last_message: str,
                  channel_user: str | None = None, source_key: str | None = None,
                  now: dt.datetime | None = None) -> str:
    """Hand the conversation (its logged history and the last message) to staff: its HD code.
    Asked again from the same Zalo event, the same code."""
    if source_key:
        known = store.handover_code_for_source(conn, source_key)
        if known is not None:
            return known
    history = store.session_messages(conn, session_id)
    transcript = json.dumps([{"role": role, "text": text} for role, text in history]
                            + [{"role": "citizen", "text": last_message}], ensure_ascii=False)
    created = utc_stamp(to_local(now) or local_now())  # stored UTC, like a complaint
    with transaction(conn):
        code = new_ticket_code(prefix=HANDOVER_PREFIX)
        while store.handover_code_taken(conn, code):
            code = new_ticket_code(prefix=HANDOVER_PREFIX)
        store.insert_handover(conn, code, channel, channel_user, transcript, source_key, created)
    log.info("conversation handed over to staff as %s via %s", code, channel)
    return code
