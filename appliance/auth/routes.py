"""Đăng nhập / đăng xuất."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.auth.passwords import verify_password
from appliance.auth.ratelimit import clear_failures, is_locked, record_failure
from appliance.auth.roles import STAFF_ROLES
from appliance.auth.sessions import COOKIE, create_session, delete_session, lookup_api_token
from appliance.auth.users import User, find_user
from appliance.http.deps import Conn, SettingsDep, client_ip, optional_user, require_roles
from appliance.http.errors import AppError, wants_json
from appliance.http.rendering import render

router = APIRouter()


def home_for(user: User) -> str:
    return "/wall" if user.role == "display" else "/"


def _safe_next(raw: str | None) -> str | None:
    # Only local paths: an attacker-supplied absolute URL must not turn login into a redirector.
    if raw and raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return None


@router.get("/login")
def login_page(request: Request, conn: Conn, next: str | None = None) -> Response:
    user = optional_user(request, conn)
    if user is not None:
        return RedirectResponse(_safe_next(next) or home_for(user), status_code=303)
    return render(request, "auth/login.html", {"next": _safe_next(next) or "", "error": None})


@router.post("/login")
def login(
    request: Request,
    conn: Conn,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    ip = client_ip(request)
    username = username.strip()
    if is_locked(conn, username, ip, settings.login_max_failures, settings.login_lock_minutes):
        audit(conn, "login.locked", username=username, ip=ip)
        message = (f"Tài khoản tạm khóa do đăng nhập sai nhiều lần. "
                   f"Vui lòng thử lại sau {settings.login_lock_minutes} phút hoặc liên hệ quản trị viên.")
        if wants_json(request):
            return Response(status_code=429, media_type="application/json",
                            content=f'{{"error": {{"code": "rate_limited", "message": "{message}"}}}}')
        return render(request, "auth/login.html", {"next": next, "error": message, "username": username},
                      status_code=429, headers={"Retry-After": str(settings.login_lock_minutes * 60)})
    found = find_user(conn, username) if username else None
    if found is None or not verify_password(found[1], password):
        if found is None:
            verify_password(None, password)  # same work either way
        record_failure(conn, username, ip)
        audit(conn, "login.failed", username=username, ip=ip)
        return render(request, "auth/login.html",
                      {"next": next, "error": "Tên đăng nhập hoặc mật khẩu không đúng.", "username": username},
                      status_code=401)
    user = found[0]
    clear_failures(conn, username)
    token, _csrf = create_session(conn, user, settings.session_hours, ip)
    audit(conn, "login", user=user, ip=ip)
    response = RedirectResponse(_safe_next(next) or home_for(user), status_code=303)
    response.set_cookie(COOKIE, token, max_age=settings.session_hours * 3600, httponly=True,
                        samesite="strict", secure=settings.cookie_secure, path="/")
    return response


# A wall screen has no keyboard: its kiosk opens /wall?token=… once (the token of a `display`
# user, from `appliance user token`); the token is swapped here for a long session cookie so it
# does not stay in the address bar, and only display tokens are accepted in a URL.
DISPLAY_SESSION_HOURS = 24 * 90


@router.get("/login/token")
def login_with_token(request: Request, conn: Conn, settings: SettingsDep, token: str = "",
                     next: str = "/wall") -> Response:
    ip = client_ip(request)
    user = lookup_api_token(conn, token) if token else None
    if user is None or user.role != "display":
        audit(conn, "login.token_refused", username=user.username if user else None, ip=ip)
        raise AppError(403, "Mã truy cập của màn hình không hợp lệ hoặc đã bị thu hồi. "
                            "Kỹ thuật viên cần cấp lại mã (vai trò ansible kiosk).", "invalid_token")
    session, _csrf = create_session(conn, user, DISPLAY_SESSION_HOURS, ip)
    audit(conn, "login.display_token", user=user, ip=ip)
    response = RedirectResponse(_safe_next(next) or "/wall", status_code=303)
    response.set_cookie(COOKIE, session, max_age=DISPLAY_SESSION_HOURS * 3600, httponly=True,
                        samesite="strict", secure=settings.cookie_secure, path="/")
    return response


@router.post("/logout")
def logout(request: Request, conn: Conn,
           user: Annotated[User, Depends(require_roles(*STAFF_ROLES, "display"))]) -> Response:
    if cookie := request.cookies.get(COOKIE):
        delete_session(conn, cookie)
    audit(conn, "logout", user=user, ip=client_ip(request))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
