"""Server-side sessions and API tokens. Only sha256 digests of secrets are stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3

from appliance.auth import store
from appliance.auth.users import User, get_user

COOKIE = "appliance_session"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def create_session(conn: sqlite3.Connection, user: User, hours: int, ip: str | None) -> tuple[str, str]:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = (_now() + dt.timedelta(hours=hours)).isoformat(sep=" ", timespec="seconds")
    store.insert_session(conn, _digest(token), user.id, csrf, expires, ip)
    return token, csrf


def lookup_session(conn: sqlite3.Connection, token: str) -> tuple[User, str] | None:
    row = store.session_by_digest(conn, _digest(token))
    if row is None:
        return None
    if row["expires_at"] < _now().isoformat(sep=" ", timespec="seconds"):
        store.delete_session(conn, _digest(token))
        return None
    user = get_user(conn, row["user_id"])
    return (user, row["csrf_token"]) if user else None


def delete_session(conn: sqlite3.Connection, token: str) -> None:
    store.delete_session(conn, _digest(token))


def create_api_token(conn: sqlite3.Connection, user: User) -> str:
    token = "wa_" + secrets.token_urlsafe(32)
    store.insert_api_token(conn, user.id, _digest(token))
    return token


def lookup_api_token(conn: sqlite3.Connection, token: str) -> User | None:
    user_id = store.use_api_token(conn, _digest(token))
    return get_user(conn, user_id) if user_id is not None else None


def revoke_all(conn: sqlite3.Connection, user_id: int) -> tuple[int, int]:
    """Withdraw every API token and end every session of a user: (tokens, sessions)."""
    return store.revoke_user_tokens(conn, user_id), store.delete_user_sessions(conn, user_id)
