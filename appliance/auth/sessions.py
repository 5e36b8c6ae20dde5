"""Server-side sessions and API tokens. Only sha256 digests of secrets are stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3

from appliance.auth.users import User, get_user

COOKIE = "appliance_session"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def create_session(conn: sqlite3.Connection, user: User, hours: int, ip: str | None) -> tuple[str, str]:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = (_now() + dt.timedelta(hours=hours)).isoformat(sep=" ", timespec="seconds")
    conn.execute(
        "INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip) VALUES (?, ?, ?, ?, ?)",
        (_digest(token), user.id, csrf, expires, ip),
    )
    return token, csrf


def lookup_session(conn: sqlite3.Connection, token: str) -> tuple[User, str] | None:
    row = conn.execute(
        "SELECT user_id, csrf_token, expires_at FROM sessions WHERE id = ?", (_digest(token),)
    ).fetchone()
    if row is None:
        return None
    if row["expires_at"] < _now().isoformat(sep=" ", timespec="seconds"):
        conn.execute("DELETE FROM sessions WHERE id = ?", (_digest(token),))
        return None
    user = get_user(conn, row["user_id"])
    return (user, row["csrf_token"]) if user else None


def delete_session(conn: sqlite3.Connection, token: str) -> None:
    conn.execute("DELETE FROM sessions WHERE id = ?", (_digest(token),))


def create_api_token(conn: sqlite3.Connection, user: User) -> str:
    token = "wa_" + secrets.token_urlsafe(32)
    conn.execute("INSERT INTO api_tokens (user_id, token_hash) VALUES (?, ?)", (user.id, _digest(token)))
    return token


def lookup_api_token(conn: sqlite3.Connection, token: str) -> User | None:
    row = conn.execute(
        "SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked = 0", (_digest(token),)
    ).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE api_tokens SET last_used_at = datetime('now') WHERE id = ?", (row["id"],))
    return get_user(conn, row["user_id"])
