from __future__ import annotations

import sqlite3
from dataclasses import dataclass

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


def _from_row(row: sqlite3.Row) -> User:
    return User(row["id"], row["username"], row["full_name"], row["role"], row["unit"])


def create_user(
    conn: sqlite3.Connection, username: str, password: str, role: str, full_name: str = "", unit: str = ""
) -> User:
    if role not in ROLES:
        raise ValueError(f"Vai trò không hợp lệ: {role} (chọn một trong {', '.join(ROLES)})")
    if not username.strip():
        raise ValueError("Tên đăng nhập không được để trống")
    if len(password) < 8:
        raise ValueError("Mật khẩu phải có ít nhất 8 ký tự")
    cur = conn.execute(
        "INSERT INTO users (username, full_name, role, unit, password_hash) VALUES (?, ?, ?, ?, ?)",
        (username.strip(), full_name, role, unit, hash_password(password)),
    )
    user = get_user(conn, int(cur.lastrowid or 0))
    assert user is not None
    return user


def set_password(conn: sqlite3.Connection, user_id: int, password: str) -> None:
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hash_password(password), user_id))


def get_user(conn: sqlite3.Connection, user_id: int) -> User | None:
    row = conn.execute("SELECT * FROM users WHERE id = ? AND active = 1", (user_id,)).fetchone()
    return _from_row(row) if row else None


def find_user(conn: sqlite3.Connection, username: str) -> tuple[User, str] | None:
    """The active user and their password hash."""
    row = conn.execute("SELECT * FROM users WHERE username = ? AND active = 1", (username.strip(),)).fetchone()
    return (_from_row(row), row["password_hash"]) if row else None


def list_users(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, username, full_name, role, unit, active, created_at FROM users ORDER BY username"
    ).fetchall()
