"""Connections. Every writer gets WAL + foreign keys + a busy timeout, so the web app, the
worker and an import can share one database file without "database is locked" errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from appliance.text.fold import fold


def _register_functions(conn: sqlite3.Connection) -> None:
    # fold() in SQL lets queries compare against folded columns without a Python round trip.
    conn.create_function("vn_fold", 1, fold, deterministic=True)


def connect(path: Path | str, *, synchronous: str = "NORMAL") -> sqlite3.Connection:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    _register_functions(conn)
    return conn


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """A connection that cannot write: the file is opened mode=ro and query_only is set."""
    uri = f"file:{Path(path).resolve()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only=1")
    conn.execute("PRAGMA busy_timeout=30000")
    _register_functions(conn)
    return conn


def database(path: Path | str) -> sqlite_utils.Database:
    return sqlite_utils.Database(connect(path))


@contextmanager
def transaction(conn: sqlite3.Connection, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (connections run in autocommit)."""
    conn.execute(f"BEGIN {mode}")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
