"""Login rate limit, kept in the database so it survives restarts and covers every worker."""

from __future__ import annotations

import sqlite3


def _window(minutes: int) -> str:
    return f"-{int(minutes)} minutes"


def is_locked(conn: sqlite3.Connection, username: str, ip: str | None, max_failures: int, minutes: int) -> bool:
    since = _window(minutes)
    by_user = conn.execute(
        "SELECT count(*) FROM login_failures WHERE username = ? AND at > strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
        (username, since),
    ).fetchone()[0]
    if by_user >= max_failures:
        return True
    if ip is None:
        return False
    # An address trying many usernames is locked too, a little later than one user.
    by_ip = conn.execute(
        "SELECT count(*) FROM login_failures WHERE ip = ? AND at > strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
        (ip, since),
    ).fetchone()[0]
    return bool(by_ip >= max_failures * 3)


def record_failure(conn: sqlite3.Connection, username: str, ip: str | None) -> None:
    conn.execute("INSERT INTO login_failures (username, ip) VALUES (?, ?)", (username, ip))


def clear_failures(conn: sqlite3.Connection, username: str) -> None:
    conn.execute("DELETE FROM login_failures WHERE username = ?", (username,))
