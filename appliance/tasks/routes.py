"""Task tracker: /nhiem-vu (owner, unit, deadline, status, source meeting and quote; confirm proposals),
POST /api/v1/tasks/extract and GET /api/v1/tasks (CONTRACT §2), task updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from appliance.auth.audit import audit
from appliance.http.deps import Conn, StaffUser
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.loop import service as loop
from appliance.tasks import service
from appliance.text import normalize, parse_date
from appliance.text.formatting import format_date_short, local_today
from appliance.ward import work_calendar

router = APIRouter()
PUBLIC_FIELDS = ("id", "assignee", "unit", "content", "deadline", "quote", "status", "status_label", "overdue",
                 "engine", "meeting", "confirmed_at", "done_at", "created_at")


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str = Field(min_length=1, max_length=500_000)
    meeting_date: str | None = None


class TaskNew(BaseModel):
    model_config = ConfigDict(extra="ignore")
    assignee: str = Field(min_length=1, max_length=200)
    content: str = Field(min_length=1, max_length=2000)
    unit: str = Field(default="", max_length=200)
    deadline: str | None = None


def _day(raw: str | None, field: str) -> dt.date | None:
    if not raw:
        return None
    day = parse_date(raw)
    if day is None:
        raise AppError(422, f"{field} không đúng định dạng ngày (YYYY-MM-DD hoặc dd/mm/yyyy).", "invalid")
    return day


def _public(task: Mapping[str, object]) -> dict[str, object]:
    return {k: task[k] for k in PUBLIC_FIELDS}


@router.post("/api/v1/tasks/extract")
def extract(body: ExtractRequest, user: StaffUser, conn: Conn) -> dict[str, object]:
    meeting_date = _day(body.meeting_date, "meeting_date") or local_today()
    tasks, engine = service.extract(body.text, meeting_date, work_calendar(conn), roster=service.ward_roster(conn))
    audit(conn, "tasks.extract", user=user, detail={"chars": len(body.text), "tasks": len(tasks)}, engine=engine)
    return {"tasks": [t.as_dict() for t in tasks], "engine": engine}


@router.get("/api/v1/tasks")
def list_tasks(user: StaffUser, conn: Conn, status: str | None = None,
               assignee: str | None = None) -> dict[str, object]:
    return {"tasks": [_public(r) for r in service.list_tasks(conn, status=status, assignee=assignee)]}


@router.post("/api/v1/tasks")
def add_task(body: TaskNew, user: StaffUser, conn: Conn) -> dict[str, object]:
    deadline = _day(body.deadline, "Hạn")
    task_id = service.add_task(conn, normalize(body.assignee), normalize(body.content), unit=normalize(body.unit),
                               deadline=deadline.isoformat() if deadline else None, user_id=user.id)
    audit(conn, "tasks.add", user=user, target=str(task_id))
    return {"id": task_id, "status": "assigned"}


@router.patch("/api/v1/tasks/{task_id}")
def change_task(task_id: int, body: service.TaskChanges, user: StaffUser, conn: Conn) -> dict[str, object]:
    if body.deadline is not None:
        day = _day(body.deadline, "Hạn")
        body = body.model_copy(update={"deadline": day.isoformat() if day else ""})
    changes = body.model_dump(exclude_none=True)
    try:
        found = service.update_task(conn, task_id, body, user.id)
    except ValueError as exc:
        raise AppError(422, str(exc), "invalid") from None
    if not found:
        raise AppError(404, "Không tìm thấy nhiệm vụ.", "not_found")
    audit(conn, "tasks.update", user=user, target=str(task_id), detail=changes)
    return {"id": task_id, **changes}


@router.get("/nhiem-vu", response_class=HTMLResponse)
def tasks_page(request: Request, user: StaffUser, conn: Conn, status: str | None = None,
               assignee: str | None = None) -> Response:
    rows = service.list_tasks(conn, status=status or None, assignee=assignee or None)
    counts = {k: 0 for k in ("proposed", "open", "overdue", "done")}
    for r in service.list_tasks(conn):
        counts["proposed"] += r["status"] == "proposed"
        counts["open"] += r["status"] in service.OPEN
        counts["overdue"] += r["overdue"]
        counts["done"] += r["status"] == "done"
    return render(request, "tasks/page.html", {
        "title": "Nhiệm vụ", "tasks": rows, "status": status or "", "assignee": assignee or "",
        "statuses": service.STATUSES, "counts": counts,
        "tickets": loop.tickets_of_tasks(conn, [r["id"] for r in rows])})


@router.get("/nhiem-vu/hom-nay", response_class=HTMLResponse)
def digest_page(request: Request, user: StaffUser, conn: Conn) -> Response:
    """The day's digest for the logged-in person: their overdue tasks and those due soon."""
    today = local_today()
    staff_id = service.staff_id_of_user(conn, user.username)
    items = service.reminders(conn, today, staff_id=staff_id) if staff_id is not None else []
    return render(request, "tasks/today.html", {
        "title": "Nhiệm vụ hôm nay", "today": format_date_short(today), "linked": staff_id is not None,
        "overdue": [r for r in items if r.overdue], "soon": [r for r in items if not r.overdue],
        "within": service.REMINDER_DAYS})


@router.post("/nhiem-vu/{task_id}/xac-nhan")
def task_confirm_form(task_id: int, user: StaffUser, conn: Conn, assignee: Annotated[str, Form()],
                      deadline: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/nhiem-vu") -> Response:
    """The secretary confirms a proposed task with the person (or unit) and deadline they checked."""
    day = _day(deadline, "Hạn") if deadline.strip() else None
    person = normalize(assignee).strip()
    unit = service.unit_of(conn, person)
    changes = service.TaskChanges(status="assigned", assignee=person, deadline=day.isoformat() if day else "",
                                  unit=unit)
    if not service.update_task(conn, task_id, changes, user.id):
        raise AppError(404, "Không tìm thấy nhiệm vụ.", "not_found")
    audit(conn, "tasks.confirm", user=user, target=str(task_id), detail={"assignee": person})
    target = next if next.startswith("/") and not next.startswith("//") else "/nhiem-vu"
    return RedirectResponse(target, status_code=303)


@router.post("/nhiem-vu/{task_id}/trang-thai")
def task_status_form(task_id: int, user: StaffUser, conn: Conn, status: Annotated[str, Form()],
                     next: Annotated[str, Form()] = "/nhiem-vu") -> Response:
    try:
        found = service.update_task(conn, task_id, service.TaskChanges(status=status), user.id)
    except ValueError as exc:
        raise AppError(422, str(exc), "invalid") from None
    if not found:
        raise AppError(404, "Không tìm thấy nhiệm vụ.", "not_found")
    audit(conn, "tasks.update", user=user, target=str(task_id), detail={"status": status})
    target = next if next.startswith("/") and not next.startswith("//") else "/nhiem-vu"
    return RedirectResponse(target, status_code=303)
