"""The training feature's own database, DATA_DIR/training/progress.db: which sandbox is current,
the trainees' training sessions and their completed exercises. It is neither the live database
(training never writes there) nor the sandbox (an admin's reset replaces the sandbox, while
progress and open training sessions must survive it). The only module that writes these tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from appliance.db import connect, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS training_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS training_sessions (
    digest TEXT PRIMARY KEY,            -- sha256 of the cookie value: the secret itself is never stored
    username TEXT NOT NULL,
    full_name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    live_role TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS training_progress (
    username TEXT NOT NULL,
    full_name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    exercise TEXT NOT NULL,
    evidence TEXT NOT NULL,             -- what the check found, in Vietnamese
    completed_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (username, exercise)
);
"""


_READY: set[Path] = set()  # files this process has already given the schema (each request opens one)


def open_db(path: Path) -> sqlite3.Connection:
    fresh = path not in _READY or not path.exists()  # asked before connect() creates a missing file
    conn = connect(path)
    if fresh:
        conn.executescript(SCHEMA)
        _READY.add(path)
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM training_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO training_meta (key, value) VALUES (?, ?)", (key, value))


def insert_session(conn: sqlite3.Connection, digest: str, username: str, full_name: str, unit: str,
                   live_role: str, csrf: str, expires_at: str) -> None:
    conn.execute("INSERT INTO training_sessions (digest, username, full_name, unit, live_role, csrf_token, "
                 "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", (digest, username, full_name, unit, live_role, csrf,
                                                           expires_at))


def session_by_digest(conn: sqlite3.Connection, digest: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM training_sessions WHERE digest = ?", (digest,)).fetchone()
    return row


def delete_session(conn: sqlite3.Connection, digest: str) -> None:
    conn.execute("DELETE FROM training_sessions WHERE digest = ?", (digest,))


def delete_expired_sessions(conn: sqlite3.Connection, now: str) -> None:
    conn.execute("DELETE FROM training_sessions WHERE expires_at < ?", (now,))


def record_completion(conn: sqlite3.Connection, username: str, full_name: str, unit: str, exercise: str,
                      evidence: str) -> bool:
    """True when this is the trainee's first completion of the exercise (a later check keeps the first)."""
    with transaction(conn):
        cursor = conn.execute("INSERT OR IGNORE INTO training_progress (username, full_name, unit, exercise, "
                              "evidence) VALUES (?, ?, ?, ?, ?)", (username, full_name, unit, exercise, evidence))
        return cursor.rowcount == 1


def completions(conn: sqlite3.Connection, username: str | None = None) -> list[sqlite3.Row]:
    sql = "SELECT * FROM training_progress"
    params: tuple[str, ...] = ()
    if username is not None:
        sql += " WHERE username = ?"
        params = (username,)
    return list(conn.execute(sql + " ORDER BY username, completed_at", params))
