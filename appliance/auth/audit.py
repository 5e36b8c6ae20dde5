"""Append-only audit log: who did what, who asked which question, which engine answered."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from appliance.auth.users import User


def audit(
    conn: sqlite3.Connection,
    action: str,
    *,
    user: User | None = None,
    username: str | None = None,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
    ip: str | None = None,
    engine: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO audit_log (user_id, username, action, target, detail, ip, engine)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            user.id if user else None,
            user.username if user else username,
            action,
            target,
            json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
            ip,
            engine,
        ),
    )
