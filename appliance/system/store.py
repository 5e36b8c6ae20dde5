"""The unit's key/value metadata (`meta` table of the staff database): when data was last
imported, when demo data was loaded… The only module that writes `meta`; features call these."""

from __future__ import annotations

import sqlite3


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def stamp_meta(conn: sqlite3.Connection, key: str) -> None:
    """Record the current UTC time (SQLite's datetime('now')) under `key`."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, datetime('now'))", (key,))
