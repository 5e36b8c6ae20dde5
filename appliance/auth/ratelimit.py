"""Login rate limit, kept in the database so it survives restarts and covers every worker."""

from __future__ import annotations

import sqlite3

from appliance.auth import store


def _window(minutes: int) -> str:
    return f"-{int(minutes)} minutes"


def is_locked(conn: sqlite3.Connection, username: str, ip: str | None, max_failures: int, minutes: int) -> bool:
    since = _window(minutes)
    if store.failures_since(conn, username=username, window=since) >= max_failures:
        return True
    if ip is None:
        return False
    # An address trying many usernames is locked too, a little later than one user.
    return store.failures_since(conn, ip=ip, window=since) >= max_failures * 3


def record_failure(conn: sqlite3.Connection, username: str, ip: str | None) -> None:
    store.insert_failure(conn, username, ip)


def clear_failures(conn: sqlite3.Connection, username: str) -> None:
    store.delete_failures(conn, username)
