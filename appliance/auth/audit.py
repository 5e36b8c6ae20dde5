"""Append-only audit log: who did what, who asked which question, which engine answered."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from appliance.auth import store
from appliance.auth.users import User
from appliance.text.formatting import sqlite_local_modifier


def audit(
    conn: sqlite3.Connection,
    action: str,
    *,
    user: User | None = None,
    username: str | None = None,
    target: str | None = None,
    detail: Mapping[str, object] | None = None,
    ip: str | None = None,
    engine: str | None = None,
) -> None:
    store.insert_audit(
        conn,
        user.id if user else None,
        user.username if user else username,
        action,
        target,
        json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
        ip,
        engine,
    )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user_id: int | None
    username: str | None
    action: str
    target: str | None
    detail: dict[str, object] | None  # the JSON object written with the entry
    ip: str | None
    engine: str | None


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(row["id"], row["at"], row["user_id"], row["username"], row["action"], row["target"],
                      json.loads(row["detail"]) if row["detail"] else None, row["ip"], row["engine"])


def between(conn: sqlite3.Connection, actions: Sequence[str], start: dt.date, end: dt.date) -> list[AuditEntry]:
    """Entries of these actions made on the ward's calendar days start..end, oldest first (the
    impact report counts work from these)."""
    rows = store.audit_between(conn, actions, sqlite_local_modifier(), start.isoformat(), end.isoformat())
    return [_entry(row) for row in rows]


def by_target(conn: sqlite3.Connection, actions: Sequence[str], targets: Sequence[str]) -> list[AuditEntry]:
    """Entries of these actions about these targets (e.g. who started meetings 3 and 7), oldest first."""
    return [_entry(row) for row in store.audit_by_target(conn, actions, targets)]


def entries(conn: sqlite3.Connection, *, action_prefix: str = "", username: str = "", limit: int,
            offset: int = 0) -> list[AuditEntry]:
    """Newest first, filtered by the start of the action ("user.") and by username."""
    rows = store.audit_rows(conn, action_prefix=action_prefix, username=username, limit=limit, offset=offset)
    return [_entry(row) for row in rows]


def actions(conn: sqlite3.Connection) -> list[str]:
    """Every action recorded so far, for the viewer's filter."""
    return store.audit_actions(conn)
