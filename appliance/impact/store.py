"""The impact report's SQL: the only module that writes `impact_baselines`."""

from __future__ import annotations

import sqlite3


def baseline_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT kind, manual_minutes, assisted_minutes, updated_by, updated_at"
                        " FROM impact_baselines").fetchall()


def set_baseline(conn: sqlite3.Connection, kind: str, manual: float | None, assisted: float | None,
                 username: str) -> None:
    conn.execute(
        "INSERT INTO impact_baselines (kind, manual_minutes, assisted_minutes, updated_by) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (kind) DO UPDATE SET manual_minutes = excluded.manual_minutes,"
        " assisted_minutes = excluded.assisted_minutes, updated_by = excluded.updated_by,"
        " updated_at = datetime('now')", (kind, manual, assisted, username))
