"""Staff pages of the citizen feature: the feedback inbox (/phan-anh), its JSON API
(GET /api/v1/feedback) and the routing-table editor (/quan-tri/dinh-tuyen)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.citizen.public import store as public_store
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import handovers, inbox, portal, store
from appliance.citizen.staff.jobs import ensure_sync_scheduled
from appliance.citizen.staff.sync import pull
from appliance.citizen.tickets import STATUS_LABELS
from appliance.config import Settings
from appliance.db import connect
from appliance.http.deps import AdminUser, Conn, SettingsDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import enqueue
from appliance.text.formatting import local_today

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """On staff-app start: publish the catalogue and keep the citizen sync loop scheduled."""
    try:
        conn = connect(app.state.settings.db_path)
        try:
            enqueue(conn, "citizen.publish", {}, max_attempts=3)
            ensure_sync_scheduled(conn)
        finally:
            conn.close()
    except Exception:  # the inbox still works; the worker's next start reschedules
        log.exception("could not schedule the citizen sync")
    yield


router = APIRouter(lifespan=lifespan)
CHANNELS = {"web": "Trang web", "widget": "Trang web", "zalo": "Zalo", "counter": "Tại quầy", "phone": "Điện thoại"}


def _today() -> dt.date:
    return local_today()


def _filters(status: str | None, category: str | None, department: str | None, overdue: str | None,
             q: str | None) -> inbox.Filters:
    return inbox.Filters(status=status or None, category=category or None, department=department or None,
                         overdue=overdue in ("1", "true", "on"), q=(q or "").strip() or None)


def _pull(settings: Settings, conn: sqlite3.Connection) -> None:
    try:
        with public_db(settings) as public:
            pull(conn, public)
    except Exception:  # the worker pulls too; the inbox shows what it has
        log.exception("pull from public.db failed")


@router.get("/phan-anh")
def inbox_page(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep,
               status: str | None = None, category: str | None = None, department: str | None = None,
               overdue: str | None = None, q: str | None = None) -> Response:
    _pull(settings, conn)
    filters = _filters(status, category, department, overdue, q)
    items = inbox.list_feedback(conn, filters, _today())
    routing = inbox.routing_table(conn)
    ctx = {"title": "Phản ánh, kiến nghị", "items": items, "filters": filters, "routing": routing,
           "total": inbox.count_feedback(conn, filters, _today()),
           "statuses": STATUS_LABELS, "departments": sorted({r["department"] for r in routing}),
           "overdue_total": inbox.overdue_count(conn, _today()), "channels": CHANNELS,
           "open_handovers": store.open_handovers(conn)}
    return render(request, "citizen/inbox.html", ctx, fragment="citizen/_inbox_rows.html")


@router.get("/api/v1/feedback")
def feedback_api(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep, status: str | None = None,
                 category: str | None = None, department: str | None = None, overdue: str | None = None,
                 q: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> JSONResponse:
    _pull(settings, conn)
    filters = inbox.Filters(status=status or None, category=category or None, department=department or None,
                            overdue=overdue in ("1", "true"), q=q, limit=limit)
    keys = ("id", "ticket_code", "channel", "content", "category", "category_label", "category_source", "department",
            "status", "status_label", "assigned_to", "reply", "created_at", "deadline", "resolved_at", "sla_label",
            "name", "phone", "address")
    items = [{k: item.get(k) for k in keys} for item in inbox.list_feedback(conn, filters, _today())]
    # The answer carries citizens' contact details: who read them is recorded.
    audit(conn, "feedback.list", user=user, detail={"status": status, "category": category, "count": len(items)},
          ip=client_ip(request))
    return JSONResponse({"items": items, "total": inbox.count_feedback(conn, filters, _today()),
                         "overdue": inbox.overdue_count(conn, _today())})


@router.get("/phan-anh/hoi-dap")
def handovers_page(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep) -> Response:
    """Conversations citizens handed to staff ("Gặp cán bộ"), open ones first."""
    _pull(settings, conn)
    rows = [{**dict(r), "last": handovers.last_question(r)} for r in store.handovers(conn)]
    return render(request, "citizen/handovers.html", {"title": "Hỏi đáp chuyển cán bộ", "items": rows,
                                                      "statuses": handovers.STATUS_LABELS, "channels": CHANNELS})


def _handover(conn: sqlite3.Connection, handover_id: int) -> sqlite3.Row:
    row = store.handover_row(conn, handover_id)
    if row is None:
        raise AppError(404, "Không tìm thấy cuộc trò chuyện này.")
    return row


@router.get("/phan-anh/hoi-dap/{handover_id}")
def handover_page(request: Request, handover_id: int, user: StaffUser, conn: Conn) -> Response:
    row = _handover(conn, handover_id)
    audit(conn, "handover.view", user=user, target=row["code"], ip=client_ip(request))
    return render(request, "citizen/handover_detail.html", {
        "title": f"Hỏi đáp {row['code']}", "item": dict(row), "turns": handovers.transcript(row),
        "statuses": handovers.STATUS_LABELS, "channels": CHANNELS, "sent": request.query_params.get("da")})


@router.post("/phan-anh/hoi-dap/{handover_id}/tra-loi")
def handover_reply(request: Request, handover_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                   reply: Annotated[str, Form(max_length=4000)]) -> Response:
    row = _handover(conn, handover_id)
    try:
        channel = handovers.answer(conn, settings, handover_id, reply, user.username)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "handover.reply", user=user, target=row["code"], detail={"channel": channel}, ip=client_ip(request))
    return RedirectResponse(f"/phan-anh/hoi-dap/{handover_id}?da=tra-loi-{channel}", status_code=303)


def _item(conn: sqlite3.Connection, feedback_id: int) -> sqlite3.Row:
    row = inbox.get_feedback(conn, feedback_id)
    if row is None:
        raise AppError(404, "Không tìm thấy phản ánh này.")
    return row


@router.get("/phan-anh/{feedback_id}")
def detail_page(request: Request, feedback_id: int, user: StaffUser, conn: Conn) -> Response:
    row = _item(conn, feedback_id)
    item = dict(row)
    item["sla_class"], item["sla_label"] = inbox.sla(row, _today())
    audit(conn, "feedback.view", user=user, target=row["ticket_code"], ip=client_ip(request))
    outbox = store.outbox_of_feedback(conn, feedback_id)
    return render(request, "citizen/feedback_detail.html", {
        "title": f"Phản ánh {row['ticket_code']}", "item": item, "history": inbox.history(conn, feedback_id),
        "routing": inbox.routing_table(conn), "statuses": STATUS_LABELS, "channels": CHANNELS, "outbox": outbox,
        "sent": request.query_params.get("da")})


def _back(feedback_id: int, note: str) -> RedirectResponse:
    return RedirectResponse(f"/phan-anh/{feedback_id}?da={note}", status_code=303)


@router.post("/phan-anh/{feedback_id}/giao-viec")
def assign_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                  assigned_to: Annotated[str, Form(max_length=120)] = "") -> Response:
    row = _item(conn, feedback_id)
    inbox.assign(conn, settings, feedback_id, assigned_to, user.username)
    audit(conn, "feedback.assign", user=user, target=row["ticket_code"], detail={"to": assigned_to},
          ip=client_ip(request))
    return _back(feedback_id, "giao-viec")


@router.post("/phan-anh/{feedback_id}/trang-thai")
def status_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                  status: Annotated[str, Form()]) -> Response:
    row = _item(conn, feedback_id)
    try:
        inbox.set_status(conn, settings, feedback_id, status, user.username)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "feedback.status", user=user, target=row["ticket_code"], detail={"status": status},
          ip=client_ip(request))
    return _back(feedback_id, "trang-thai")


@router.post("/phan-anh/{feedback_id}/tra-loi")
def reply_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                 reply: Annotated[str, Form(max_length=4000)], resolve: Annotated[str | None, Form()] = None
                 ) -> Response:
    row = _item(conn, feedback_id)
    try:
        channel = inbox.reply(conn, settings, feedback_id, reply, user.username, resolve=resolve is not None)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "feedback.reply", user=user, target=row["ticket_code"], detail={"channel": channel},
          ip=client_ip(request))
    return _back(feedback_id, f"tra-loi-{channel}")


@router.post("/phan-anh/{feedback_id}/phan-loai")
def reclassify_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                      category: Annotated[str, Form()]) -> Response:
    row = _item(conn, feedback_id)
    try:
        inbox.reclassify(conn, settings, feedback_id, category, user.username)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "feedback.reclassify", user=user, target=row["ticket_code"],
          detail={"from": row["category"], "to": category},
          ip=client_ip(request))
    return _back(feedback_id, "phan-loai")


@router.get("/quan-tri/dinh-tuyen")
def routing_page(request: Request, user: AdminUser, conn: Conn) -> Response:
    return render(request, "citizen/routing.html", {"title": "Định tuyến phản ánh",
                                                    "routing": inbox.routing_table(conn),
                                                    "saved": request.query_params.get("da")})


@router.post("/quan-tri/dinh-tuyen")
def routing_save(request: Request, user: AdminUser, conn: Conn, category: Annotated[str, Form()],
                 department: Annotated[str, Form(max_length=200)], sla_days: Annotated[int, Form()]) -> Response:
    try:
        inbox.update_routing(conn, category, department, sla_days, user.username)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "feedback.routing", user=user, target=category,
          detail={"department": department, "sla_days": sla_days}, ip=client_ip(request))
    return RedirectResponse("/quan-tri/dinh-tuyen?da=1", status_code=303)


@router.get("/quan-tri/cong-dan")
def public_portal_page(request: Request, user: AdminUser, conn: Conn, settings: SettingsDep) -> Response:
    with public_db(settings) as public:
        set_aside = [dict(row) for row in public_store.set_aside_events(public)]
    return render(request, "citizen/portal_admin.html", {
        "title": "Cổng công dân",
        "faq": store.active_faq(conn), "notices": store.active_notices(conn), "outbox": store.outbox_counts(conn),
        "set_aside": set_aside, "saved": request.query_params.get("da")})


@router.post("/quan-tri/cong-dan")
def public_portal_save(request: Request, user: AdminUser, conn: Conn, action: Annotated[str, Form()],
                       title: Annotated[str, Form(max_length=300)] = "",
                       body: Annotated[str, Form(max_length=4000)] = "",
                       item_id: Annotated[int, Form()] = 0) -> Response:
    """Add or withdraw an FAQ entry or a notice."""
    try:
        title = portal.edit(conn, action, title, body, item_id, user.username)
    except ValueError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, f"citizen.{action}", user=user, target=str(item_id or title[:80]), ip=client_ip(request))
    return RedirectResponse("/quan-tri/cong-dan?da=1", status_code=303)
