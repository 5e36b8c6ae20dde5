"""Login limits, kept in the database so they survive restarts and cover every worker.

Per account, with a back-off: `max_failures` wrong passwords lock that account for
`minutes`; each further wrong password after the lock doubles it (capped at a day). Only that
account: the others, admin's included, log in as usual. Per client address: an address that
fails `max_failures × 3` times within `minutes` (trying many accounts) waits out the window; the
address is the real client's (behind a trusted proxy, from X-Forwarded-For), and a proxy's own
address is never locked, so a proxy that forgot the header cannot lock out the whole ward.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.auth import store

MAX_LOCK_MINUTES = 24 * 60
ADDRESS_FACTOR = 3


def _window(minutes: int) -> str:
    return f"-{int(minutes)} minutes"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def account_lock_seconds(conn: sqlite3.Connection, username: str, max_failures: int, minutes: int) -> int:
    """Seconds this account stays locked (0: not locked)."""
    failures, last = store.failure_stats(conn, username, _window(MAX_LOCK_MINUTES))
    if failures < max_failures or last is None:
        return 0
    lock = min(minutes * 2 ** (failures - max_failures), MAX_LOCK_MINUTES)
    until = dt.datetime.fromisoformat(last) + dt.timedelta(minutes=lock)
    return max(0, int((until - _utc_now()).total_seconds()) + 1) if until > _utc_now() else 0


def address_locked(conn: sqlite3.Connection, ip: str | None, max_failures: int, minutes: int) -> bool:
    if ip is None:
        return False
    return store.failures_since(conn, ip=ip, window=_window(minutes)) >= max_failures * ADDRESS_FACTOR


def lock_seconds(conn: sqlite3.Connection, username: str, ip: str | None, max_failures: int, minutes: int,
                 *, limit_address: bool = True) -> int:
    """Seconds before this login may be tried (0: now). `limit_address` is False for a proxy's own address."""
    seconds = account_lock_seconds(conn, username, max_failures, minutes)
    if limit_address and address_locked(conn, ip, max_failures, minutes):
        seconds = max(seconds, minutes * 60)
    return seconds


def is_locked(conn: sqlite3.Connection, username: str, ip: str | None, max_failures: int, minutes: int) -> bool:
    return lock_seconds(conn, username, ip, max_failures, minutes) > 0


def record_failure(conn: sqlite3.Connection, username: str, ip: str | None) -> None:
    store.insert_failure(conn, username, ip)


def clear_failures(conn: sqlite3.Connection, username: str) -> None:
    store.delete_failures(conn, username)
