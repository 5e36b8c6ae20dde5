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


def create_api_token(conn: sqlite3.Connection, user: User, *, days: int | None = None, rotate: bool = False) -> str:
    """A new token; `days`: it expires then (None: never); `rotate`: the user's other tokens are revoked."""
    token = "wa_" + secrets.token_urlsafe(32)
    expires = (_now() + dt.timedelta(days=days)).isoformat(sep=" ", timespec="seconds") if days else None
    store.insert_api_token(conn, user.id, _digest(token), expires)
    if rotate:
        store.revoke_other_tokens(conn, user.id, _digest(token))
    return token


def token_user(conn: sqlite3.Connection, token: str) -> tuple[User, dt.datetime | None] | None:
    """The user of a live token and when the token expires (None: never)."""
    found = store.use_api_token(conn, _digest(token))
    if found is None:
        return None
    user = get_user(conn, found[0])
    return (user, dt.datetime.fromisoformat(found[1]) if found[1] else None) if user else None


def lookup_api_token(conn: sqlite3.Connection, token: str) -> User | None:
    found = token_user(conn, token)
    return found[0] if found else None


def hours_until(moment: dt.datetime | None, cap: int) -> int:
    """Whole hours from now until `moment` (at least 1), at most `cap`."""
    if moment is None:
        return cap
    return max(1, min(cap, int((moment - _now()).total_seconds() // 3600)))


def revoke_all(conn: sqlite3.Connection, user_id: int) -> tuple[int, int]:
    """Withdraw every API token and end every session of a user: (tokens, sessions)."""
    return store.revoke_user_tokens(conn, user_id), store.delete_user_sessions(conn, user_id)
