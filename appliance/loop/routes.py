"""The loop's pages: a ticket's whole path (/phan-anh/{id}/hanh-trinh) and its steps' forms."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.citizen.staff import inbox
from appliance.http.deps import Conn, SettingsDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.loop import service
from appliance.text import parse_date

router = APIRouter()
NOTES = {"cuoc-hop": "Đã đưa phản ánh vào chương trình cuộc họp.",
         "nhiem-vu": "Đã gắn nhiệm vụ của cuộc họp với phản ánh.",
         "ket-qua": "Đã ghi kết quả, nhiệm vụ hoàn thành; dự thảo trả lời ở dưới: xem, sửa rồi duyệt.",
         "da-gui-zalo": "Đã duyệt; trả lời được xếp vào hàng gửi qua Zalo cho người dân, phản ánh đã đóng.",
         "da-gui-status_page": "Đã duyệt; người dân xem trả lời khi tra cứu mã phản ánh, phản ánh đã đóng.",
         "da-gui-phone": "Đã duyệt và đóng phản ánh; phản ánh nhận tại quầy/điện thoại: hãy gọi lại cho người dân."}


@contextmanager
def _refused_as_conflict() -> Iterator[None]:
    """A step the loop refuses in the ticket's present state answers 409 with the service's Vietnamese reason."""
    try:
        yield
    except service.LoopError as exc:
        raise AppError(409, str(exc)) from None


def _back(feedback_id: int, note: str) -> RedirectResponse:
    return RedirectResponse(f"/phan-anh/{feedback_id}/hanh-trinh?da={note}", status_code=303)


def _code(conn: Conn, feedback_id: int) -> str:
    row = inbox.get_feedback(conn, feedback_id)
    if row is None:
        raise AppError(404, "Không tìm thấy phản ánh này.", next_step=("/phan-anh", "Về hộp phản ánh"))
    return str(row["ticket_code"])


@router.get("/phan-anh/{feedback_id}/hanh-trinh")
def path_page(request: Request, feedback_id: int, user: StaffUser, conn: Conn) -> Response:
    code = _code(conn, feedback_id)
    row = inbox.get_feedback(conn, feedback_id)
    link = service.link_of(conn, feedback_id)
    return render(request, "loop/path.html", {
        "title": f"Hành trình phản ánh {code}", "item": row, "link": link,
        "steps": service.path(conn, feedback_id),
        "meetings": service.meeting_choices(conn) if link is None else [],
        "tasks": service.meeting_tasks(conn, link) if link else [],
        "task": service.task_of(conn, link) if link else None,
        "open": row is not None and row["status"] in inbox.OPEN, "draft_engine": service.DRAFT_ENGINE,
        "note": NOTES.get(request.query_params.get("da") or "")})


@router.post("/phan-anh/{feedback_id}/dua-vao-cuoc-hop")
def agenda_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                  meeting_id: Annotated[int, Form()]) -> Response:
    code = _code(conn, feedback_id)
    with _refused_as_conflict():
        service.put_on_agenda(conn, settings, feedback_id, meeting_id, user.username)
    audit(conn, "loop.agenda", user=user, target=code, detail={"meeting_id": meeting_id}, ip=client_ip(request))
    return _back(feedback_id, "cuoc-hop")


@router.post("/phan-anh/{feedback_id}/nhiem-vu")
def task_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn,
                task_id: Annotated[int, Form()] = 0, assignee: Annotated[str, Form(max_length=200)] = "",
                content: Annotated[str, Form(max_length=2000)] = "",
                deadline: Annotated[str, Form(max_length=20)] = "") -> Response:
    """Link one of the meeting's tasks (task_id), or give the meeting's direction as a new task."""
    code = _code(conn, feedback_id)
    day = parse_date(deadline) if deadline.strip() else None
    if deadline.strip() and day is None:
        raise AppError(422, "Hạn không đúng định dạng ngày (dd/mm/yyyy).")
    with _refused_as_conflict():
        if task_id:
            service.link_task(conn, feedback_id, task_id, user.username)
        else:
            task_id = service.assign_task(conn, feedback_id, assignee, content, day, user.id, user.username)
    audit(conn, "loop.task", user=user, target=code, detail={"task_id": task_id}, ip=client_ip(request))
    return _back(feedback_id, "nhiem-vu")


@router.post("/phan-anh/{feedback_id}/ket-qua")
def result_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn,
                  result: Annotated[str, Form(max_length=4000)]) -> Response:
    code = _code(conn, feedback_id)
    with _refused_as_conflict():
        service.report_result(conn, feedback_id, result, user.id, user.username)
    audit(conn, "loop.result", user=user, target=code, ip=client_ip(request))
    return _back(feedback_id, "ket-qua")


@router.post("/phan-anh/{feedback_id}/duyet-tra-loi")
def approve_action(request: Request, feedback_id: int, user: StaffUser, conn: Conn, settings: SettingsDep,
                   reply: Annotated[str, Form(max_length=4000)]) -> Response:
    code = _code(conn, feedback_id)
    with _refused_as_conflict():
        channel = service.approve_and_send(conn, settings, feedback_id, reply, user.username)
    audit(conn, "loop.approve", user=user, target=code, detail={"channel": channel}, ip=client_ip(request))
    return _back(feedback_id, f"da-gui-{channel}")
