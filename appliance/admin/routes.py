"""/quan-tri: admin hub, users and the audit log (admin only)."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from appliance import engines
from appliance.admin.audit_text import describe, groups
from appliance.auth import audit as audit_log
from appliance.auth.audit import audit
from appliance.auth.roles import ROLE_LABELS, ROLES
from appliance.auth.users import Account, create_user, find_user, get_account, list_users, set_active
from appliance.auth.users import reset_password as reset_user_password
from appliance.features import BROKEN, admin_links
from appliance.http.deps import AdminUser, Conn, SettingsDep, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render

router = APIRouter()
PAGE_SIZE = 50


@router.get("/quan-tri")
def hub(request: Request, user: AdminUser, settings: SettingsDep) -> Response:
    return render(request, "admin/hub.html", {
        "title": "Quản trị",
        "links": admin_links(),
        "engines": engines.status(settings),
        "broken": BROKEN,
    })


def _users_page(request: Request, conn: sqlite3.Connection, message: str | None = None,
                error: str | None = None, status_code: int = 200) -> Response:
    return render(request, "admin/users.html", {
        "title": "Người dùng", "users": list_users(conn), "roles": ROLES, "role_labels": ROLE_LABELS,
        "message": message, "error": error,
    }, status_code=status_code)


@router.get("/quan-tri/nguoi-dung")
def users_page(request: Request, user: AdminUser, conn: Conn) -> Response:
    return _users_page(request, conn)


@router.post("/quan-tri/nguoi-dung")
def add_user(
    request: Request, user: AdminUser, conn: Conn,
    username: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form()], full_name: Annotated[str, Form(max_length=200)] = "",
    unit: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if find_user(conn, username):
        return _users_page(request, conn, error=f"Tên đăng nhập «{username}» đã có.", status_code=409)
    try:
        created = create_user(conn, username, password, role, full_name=full_name, unit=unit)
    except ValueError as exc:
        return _users_page(request, conn, error=str(exc), status_code=422)
    audit(conn, "user.add", user=user, target=created.username, detail={"role": role}, ip=client_ip(request))
    return _users_page(request, conn, message=f"Đã tạo tài khoản {created.username}.")


def _target(conn: sqlite3.Connection, user_id: int) -> Account:
    account = get_account(conn, user_id)
    if account is None:
        raise AppError(404, "Không tìm thấy người dùng.")
    return account


@router.post("/quan-tri/nguoi-dung/{user_id}/khoa")
def toggle_active(request: Request, user_id: int, user: AdminUser, conn: Conn) -> Response:
    target = _target(conn, user_id)
    if target.id == user.id:
        return _users_page(request, conn, error="Không thể tự khóa tài khoản của chính mình.", status_code=409)
    active = not target.active
    set_active(conn, user_id, active)  # a locked user is logged out at once
    audit(conn, "user.unlock" if active else "user.lock", user=user, target=target.username,
          ip=client_ip(request))
    return RedirectResponse("/quan-tri/nguoi-dung", status_code=303)


@router.post("/quan-tri/nguoi-dung/{user_id}/mat-khau")
def reset_password(request: Request, user_id: int, user: AdminUser, conn: Conn,
                   password: Annotated[str, Form(max_length=200)]) -> Response:
    target = _target(conn, user_id)
    if len(password) < 8:
        return _users_page(request, conn, error="Mật khẩu phải có ít nhất 8 ký tự.", status_code=422)
    reset_user_password(conn, user_id, password)
    audit(conn, "user.password_reset", user=user, target=target.username, ip=client_ip(request))
    return _users_page(request, conn, message=f"Đã đặt lại mật khẩu cho {target.username}; mọi phiên đăng nhập "
                                              "và mã truy cập API của tài khoản này đã bị thu hồi.")


@router.get("/quan-tri/nhat-ky")
def audit_page(request: Request, user: AdminUser, conn: Conn, action: str = "", username: str = "",
               page: int = 1) -> Response:
    page = max(1, page)
    # One more than a page: whether a next page exists.
    entries = audit_log.entries(conn, action_prefix=action, username=username, limit=PAGE_SIZE + 1,
                                offset=(page - 1) * PAGE_SIZE)
    names = {account.username: account.full_name for account in list_users(conn) if account.full_name}
    return render(request, "admin/audit.html", {
        "title": "Nhật ký hệ thống", "entries": [describe(entry, names) for entry in entries[:PAGE_SIZE]],
        "actions": groups(audit_log.actions(conn)),
        "action": action, "username": username, "page": page, "has_next": len(entries) > PAGE_SIZE,
    }, fragment="admin/_audit_rows.html")
