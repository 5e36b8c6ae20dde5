"""Hướng dẫn (lessons and exercises), entering and leaving training mode, the trainer's page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.http.deps import AdminUser, Conn, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.training import handbook, mode, sandbox, service
from appliance.training.lessons import EXERCISES, LESSONS, Lesson, lesson
from appliance.training.service import Outcome
from appliance.ward.service import ward_display_name

router = APIRouter()
NOT_IN_TRAINING = ("Bài tập chỉ được kiểm tra trong chế độ đào tạo (dữ liệu mẫu). Hãy vào chế độ đào tạo rồi làm "
                   "lại bài này.")


def _lesson(number: int) -> Lesson:
    found = lesson(number)
    if found is None:
        raise AppError(404, "Không có bài hướng dẫn này.", next_step=("/huong-dan", "Danh sách bài hướng dẫn"))
    return found


def _lesson_page(request: Request, item: Lesson, outcome: Outcome | None = None, exercise: str = "",
                 answers: dict[str, str] | None = None, status_code: int = 200) -> Response:
    state = mode.training_state(request)
    user = request.state.user
    done = service.progress(mode.live_settings(request), state.username if state else user.username)
    return render(request, "training/lesson.html", {
        "title": f"{item.day}: {item.title}", "lesson": item, "done": done, "in_training": state is not None,
        "outcome": outcome, "outcome_for": exercise, "answers": answers or {}, "lessons": LESSONS,
    }, status_code=status_code)


@router.get("/huong-dan")
def index(request: Request, user: StaffUser) -> Response:
    state = mode.training_state(request)
    live = mode.live_settings(request)
    done = service.progress(live, state.username if state else user.username)
    return render(request, "training/index.html", {
        "title": "Hướng dẫn", "lessons": LESSONS, "done": done, "in_training": state is not None,
        "total": len(EXERCISES), "sandbox_ready": sandbox.current(live) is not None,
    })


@router.get("/huong-dan/so-tay")
def handbook_page(request: Request, user: StaffUser) -> Response:
    """The printable handbook: every lesson, one day per printed page (before `/huong-dan/{number}`)."""
    ward = ward_display_name(mode.live_settings(request))
    return HTMLResponse(handbook.render_html(ward, handbook.screenshots_dir()))


@router.get("/huong-dan/{number}")
def lesson_page(request: Request, number: int, user: StaffUser) -> Response:
    return _lesson_page(request, _lesson(number))


@router.post("/huong-dan/{number}/kiem-tra")
async def check(request: Request, number: int, user: StaffUser) -> Response:
    item = _lesson(number)
    form = await request.form()
    key = str(form.get("exercise", ""))
    found = EXERCISES.get(key)
    if found is None or found[0] is not item:
        raise AppError(404, "Không có bài tập này trong bài hướng dẫn.", next_step=(f"/huong-dan/{number}", "Bài này"))
    state = mode.training_state(request)
    if state is None:
        raise AppError(409, NOT_IN_TRAINING, next_step=("/huong-dan", "Vào chế độ đào tạo"))
    exercise = found[1]
    live = mode.live_settings(request)
    if exercise.questions:
        answers = {q.key: str(form.get(q.key, "")) for q in exercise.questions}
        outcome = service.answer_questions(live, state, exercise, answers)
        return _lesson_page(request, item, outcome, key, answers)
    return _lesson_page(request, item, service.check_exercise(live, state, exercise), key)


@router.post("/dao-tao/vao")
def enter(request: Request, user: StaffUser) -> Response:
    response = RedirectResponse("/huong-dan", status_code=303)
    if mode.training_state(request) is not None:
        return response
    live = mode.live_settings(request)
    token = mode.enter(live, user)
    response.set_cookie(mode.COOKIE, token, max_age=live.session_hours * 3600, httponly=True, samesite="strict",
                        secure=live.cookie_secure, path="/")
    return response


@router.post("/dao-tao/thoat")
def leave(request: Request, user: StaffUser) -> Response:
    if token := request.cookies.get(mode.COOKIE):
        mode.leave(mode.live_settings(request), token)
    response = RedirectResponse("/huong-dan", status_code=303)
    response.delete_cookie(mode.COOKIE, path="/")
    return response


@router.get("/dao-tao/giang-vien")
def trainer_page(request: Request, user: AdminUser, lam_moi: str = "") -> Response:
    live = mode.live_settings(request)
    return render(request, "training/trainer.html", {
        "title": "Theo dõi đào tạo", "trainees": service.trainees(live), "columns": service.exercise_columns(),
        "built_at": sandbox.built_at(live), "reset_done": lam_moi == "1",
    })


@router.post("/dao-tao/lam-moi")
def reset(request: Request, user: AdminUser, conn: Conn) -> Response:
    service.reset_sandbox(mode.live_settings(request))
    audit(conn, "training.reset", user=user, ip=client_ip(request))  # the live log: an admin's act on the unit
    return RedirectResponse("/dao-tao/giang-vien?lam_moi=1", status_code=303)


@router.get("/dao-tao/chung-nhan")
def certificates(request: Request, user: AdminUser) -> Response:
    done = [t for t in service.trainees(mode.live_settings(request)) if t.complete]
    return render(request, "training/certificates.html", {"title": "Danh sách cấp chứng nhận", "trainees": done})
