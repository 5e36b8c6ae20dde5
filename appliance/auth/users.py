"""People who log in: the active user of a session, and the accounts the admin page manages."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from appliance.auth import store
from appliance.auth.passwords import hash_password
from appliance.auth.roles import ROLES


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str
    unit: str = ""

    def has_role(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


@dataclass(frozen=True)
class Account:
    """An account as the admin sees it: locked ones included."""

    id: int
    username: str
    full_name: str
    role: str
    unit: str
    active: bool
    created_at: str


def _from_row(row: sqlite3.Row) -> User:
    return User(row["id"], row["username"], row["full_name"], row["role"], row["unit"])


def _account(row: sqlite3.Row) -> Account:
    return Account(row["id"], row["username"], row["full_name"], row["role"], row["unit"], bool(row["active"]),
                   row["created_at"])


# A username is typed at every login, on any keyboard: plain letters, digits and . _ -, no spaces
# and no diacritics ("nguyen.lan", "canbo2"), 3–32 characters, starting with a letter.
USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")
USERNAME_RULE = ("3–32 ký tự gồm chữ thường không dấu, chữ số và các dấu . _ -, bắt đầu bằng chữ; "
                 "không có dấu cách, ví dụ nguyenlan")


def username_problem(username: str) -> str | None:
    """Why a new username is refused (Vietnamese), or None when it is fine."""
    if not username.strip():
        return "Tên đăng nhập không được để trống."
    if any(ch.isspace() for ch in username.strip()):
        return f"Tên đăng nhập «{username.strip()}» có dấu cách. Tên đăng nhập phải là {USERNAME_RULE}."
    if not USERNAME.match(username.strip()):
        return f"Tên đăng nhập «{username.strip()}» chưa đúng quy tắc: {USERNAME_RULE}."
    return None


def create_user(
    conn: sqlite3.Connection, username: str, password: str, role: str, full_name: str = "", unit: str = ""
) -> User:
    if role not in ROLES:
        raise ValueError(f"Vai trò không hợp lệ: {role} (chọn một trong {', '.join(ROLES)})")
    if not username.strip():
        raise ValueError("Tên đăng nhập không được để trống")
    if len(password) < 8:
        raise ValueError("Mật khẩu phải có ít nhất 8 ký tự")
    problem = username_problem(username)
    if problem:
        raise ValueError(problem)
    user = get_user(conn, store.insert_user(conn, username.strip(), full_name, role, unit, hash_password(password)))
    assert user is not None
    return user


def set_password(conn: sqlite3.Connection, user_id: int, password: str) -> None:
    store.set_password_hash(conn, user_id, hash_password(password))


def reset_password(conn: sqlite3.Connection, user_id: int, password: str) -> None:
    """A new password; every open session of that user ends and every API token is revoked
    (whoever held them, a thief included, is out)."""
    set_password(conn, user_id, password)
    store.delete_user_sessions(conn, user_id)
    store.revoke_user_tokens(conn, user_id)


def set_active(conn: sqlite3.Connection, user_id: int, active: bool) -> None:
    """Lock or unlock an account; a locked user is logged out at once."""
    store.set_active(conn, user_id, active)
    if not active:
        store.delete_user_sessions(conn, user_id)


def get_user(conn: sqlite3.Connection, user_id: int) -> User | None:
    row = store.active_user_by_id(conn, user_id)
    return _from_row(row) if row else None


def find_user(conn: sqlite3.Connection, username: str) -> tuple[User, str] | None:
    """The active user and their password hash."""
    row = store.active_user_by_name(conn, username.strip())
    return (_from_row(row), row["password_hash"]) if row else None


def get_account(conn: sqlite3.Connection, user_id: int) -> Account | None:
    row = store.account_by_id(conn, user_id)
    return _account(row) if row else None


def list_users(conn: sqlite3.Connection) -> list[Account]:
    return [_account(row) for row in store.all_accounts(conn)]
