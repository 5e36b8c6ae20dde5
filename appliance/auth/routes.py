"""Đăng nhập / đăng xuất."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.auth.passwords import verify_password
from appliance.auth.ratelimit import clear_failures, lock_seconds, record_failure
from appliance.auth.roles import STAFF_ROLES
from appliance.auth.sessions import COOKIE, create_session, delete_session, hours_until, token_user
from appliance.auth.users import User, find_user
from appliance.config import Settings
from appliance.http.deps import Conn, SettingsDep, client_ip, optional_user, require_roles
from appliance.http.errors import AppError, wants_json
from appliance.http.proxies import is_trusted, parse_networks
from appliance.http.rendering import render

router = APIRouter()
LOGIN_CSRF_SECONDS = 2 * 3600


def home_for(user: User) -> str:
    return "/wall" if user.role == "display" else "/"


def _safe_next(raw: str | None) -> str | None:
    # Only local paths: an attacker-supplied absolute URL must not turn login into a redirector.
    if raw and raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return None


LOGIN_CSRF_COOKIE = "appliance_login_csrf"


def _login_token(request: Request) -> tuple[str, bool]:
    """The login form's CSRF token (a double-submit cookie: no session exists yet), and whether it is new."""
    current = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if 20 <= len(current) <= 100:
        return current, False
    return secrets.token_urlsafe(24), True


def _login_page(request: Request, settings: Settings, context: dict[str, object], status_code: int = 200,
                headers: dict[str, str] | None = None) -> Response:
    token, new = _login_token(request)
    response = render(request, "auth/login.html", {"login_csrf": token, **context}, status_code=status_code,
                      headers=headers)
    if new:
        response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=LOGIN_CSRF_SECONDS, httponly=True, samesite="strict",
                            secure=settings.cookie_secure, path="/login")
    return response


def _from_a_browser(request: Request) -> bool:
    """A browser sends Origin (or Sec-Fetch-Site) with every form POST, a forged cross-site one
    included; scripts of CONTRACT §2 (`POST /login` with a form, no browser) send neither."""
    return "origin" in request.headers or "sec-fetch-site" in request.headers


@router.get("/login")
def login_page(request: Request, conn: Conn, settings: SettingsDep, next: str | None = None) -> Response:
    user = optional_user(request, conn)
    if user is not None:
        return RedirectResponse(_safe_next(next) or home_for(user), status_code=303)
    return _login_page(request, settings, {"next": _safe_next(next) or "", "error": None})


@router.post("/login")
def login(
    request: Request,
    conn: Conn,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    ip = client_ip(request)
    username = username.strip()
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if _from_a_browser(request) and not (expected and secrets.compare_digest(csrf_token, expected)):
        # Login CSRF: another site must not log this browser into an account of its choosing.
        audit(conn, "login.csrf_refused", username=username, ip=ip)
        return _login_page(request, settings, {"next": next, "username": username,
                                               "error": "Trang đăng nhập đã hết hạn. Vui lòng nhập lại."},
                           status_code=403)
    limit_address = not is_trusted(ip, parse_networks(settings.trusted_proxies))
    wait = lock_seconds(conn, username, ip, settings.login_max_failures, settings.login_lock_minutes,
                        limit_address=limit_address)
    if wait:
        audit(conn, "login.locked", username=username, ip=ip)
        minutes = max(1, -(-wait // 60))
        message = (f"Tài khoản tạm khóa do đăng nhập sai nhiều lần. "
                   f"Vui lòng thử lại sau {minutes} phút hoặc liên hệ quản trị viên.")
        if wants_json(request):
            return JSONResponse({"error": {"code": "rate_limited", "message": message}}, status_code=429,
                                headers={"Retry-After": str(wait)})
        return _login_page(request, settings, {"next": next, "error": message, "username": username},
                           status_code=429, headers={"Retry-After": str(wait)})
    found = find_user(conn, username) if username else None
    if found is None or not verify_password(found[1], password):
        if found is None:
            verify_password(None, password)  # same work either way
        record_failure(conn, username, ip)
        audit(conn, "login.failed", username=username, ip=ip)
        return _login_page(request, settings, {"next": next, "error": "Tên đăng nhập hoặc mật khẩu không đúng.",
                                               "username": username}, status_code=401)
    user = found[0]
    clear_failures(conn, username)
    token, _csrf = create_session(conn, user, settings.session_hours, ip)
    audit(conn, "login", user=user, ip=ip)
    response = RedirectResponse(_safe_next(next) or home_for(user), status_code=303)
    response.set_cookie(COOKIE, token, max_age=settings.session_hours * 3600, httponly=True,
                        samesite="strict", secure=settings.cookie_secure, path="/")
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


# A wall screen has no keyboard: its kiosk opens /wall?token=… once (the token of a `display`
# user, from `appliance user token`); the token is swapped here for a long session cookie so it
# does not stay in the address bar, and only display tokens are accepted in a URL.
DISPLAY_SESSION_HOURS = 24 * 90


@router.get("/login/token")
def login_with_token(request: Request, conn: Conn, settings: SettingsDep,
                     token: Annotated[str, Query(max_length=200)] = "",
                     next: Annotated[str, Query(max_length=2000)] = "/wall") -> Response:
    ip = client_ip(request)
    found = token_user(conn, token) if token else None
    user = found[0] if found else None
    if found is None or user is None or user.role != "display":
        audit(conn, "login.token_refused", username=user.username if user else None, ip=ip)
        raise AppError(403, "Mã truy cập của màn hình không hợp lệ hoặc đã bị thu hồi. "
                            "Kỹ thuật viên cần cấp lại mã (vai trò ansible kiosk).", "invalid_token")
    # The session ends when the token does: a rotated or expired token leaves no session behind.
    hours = hours_until(found[1], DISPLAY_SESSION_HOURS)
    session, _csrf = create_session(conn, user, hours, ip)
    audit(conn, "login.display_token", user=user, ip=ip)
    response = RedirectResponse(_safe_next(next) or "/wall", status_code=303)
    response.set_cookie(COOKIE, session, max_age=hours * 3600, httponly=True,
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
