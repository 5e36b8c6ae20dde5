from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import traceback
from dataclasses import dataclass
from typing import Any

from appliance.config import Settings
from appliance.db import transaction
from appliance.features import JobHandler, job_handlers

log = logging.getLogger(__name__)
Handler = JobHandler


@dataclass
class JobContext:
    conn: sqlite3.Connection
    settings: Settings
    job_id: int

    def progress(self, fraction: float, message: str = "") -> None:
        self.conn.execute("UPDATE jobs SET progress = ?, message = ? WHERE id = ?",
                          (max(0.0, min(1.0, fraction)), message, self.job_id))


def enqueue(conn: sqlite3.Connection, kind: str, payload: dict[str, Any] | None = None, *,
            delay_seconds: float = 0, max_attempts: int = 5) -> int:
    cur = conn.execute(
        "INSERT INTO jobs (kind, payload, max_attempts, run_after)"
        " VALUES (?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now', ?))",
        (kind, json.dumps(payload or {}, ensure_ascii=False), max_attempts, f"+{delay_seconds} seconds"),
    )
    return int(cur.lastrowid or 0)


def get_job(conn: sqlite3.Connection, job_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        return None
    job = dict(row)
    job["payload"] = json.loads(job["payload"])
    job["result"] = json.loads(job["result"]) if job["result"] else None
    return job


def has_pending(conn: sqlite3.Connection, kind: str, *, running: bool = True) -> bool:
    """Whether a job of `kind` waits in the queue (or, with `running`, is being run)."""
    statuses = ("queued", "running") if running else ("queued",)
    row = conn.execute(f"SELECT 1 FROM jobs WHERE kind = ? AND status IN ({','.join('?' * len(statuses))}) LIMIT 1",
                       (kind, *statuses)).fetchone()
    return row is not None


def prune_done(conn: sqlite3.Connection, kind: str, *, keep_id: int, older_than: str = "-1 hour") -> int:
    """Forget finished jobs of a recurring `kind` (a loop that re-enqueues itself), except `keep_id`
    and those finished within `older_than` (an SQLite date modifier)."""
    return conn.execute("DELETE FROM jobs WHERE kind = ? AND status = 'done' AND id != ?"
                        " AND finished_at < datetime('now', ?)", (kind, keep_id, older_than)).rowcount


def handlers() -> dict[str, Handler]:
    """Every feature's job handlers (`jobs=` in its manifest)."""
    return job_handlers()


def recover(conn: sqlite3.Connection) -> int:
    """Jobs left 'running' by a crashed worker go back to the queue (handlers are idempotent)."""
    cur = conn.execute("UPDATE jobs SET status = 'queued', worker = NULL WHERE status = 'running'")
    return cur.rowcount


def _claim(conn: sqlite3.Connection, kinds: list[str], worker: str) -> sqlite3.Row | None:
    if not kinds:
        return None
    marks = ",".join("?" for _ in kinds)
    with transaction(conn):
        row = conn.execute(
            f"SELECT * FROM jobs WHERE status = 'queued' AND kind IN ({marks})"
            " AND run_after <= strftime('%Y-%m-%d %H:%M:%f', 'now') ORDER BY id LIMIT 1",
            kinds,
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = ?,"
            " started_at = datetime('now') WHERE id = ?",
            (worker, row["id"]),
        )
    return row


def run_one(conn: sqlite3.Connection, settings: Settings, registry: dict[str, Handler]) -> bool:
    """Claim and run one ready job. Returns False when none was ready."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    row = _claim(conn, list(registry), worker)
    if row is None:
        return False
    ctx = JobContext(conn, settings, row["id"])
    try:
        result = registry[row["kind"]](ctx, json.loads(row["payload"]))
    except Exception as exc:
        attempts, max_attempts = row["attempts"] + 1, row["max_attempts"]
        final = attempts >= max_attempts
        delay = min(3600, 5 * 2 ** attempts)
        log.warning("job %s (%s) failed, attempt %s/%s: %s", row["id"], row["kind"], attempts, max_attempts, exc)
        conn.execute(
            "UPDATE jobs SET status = ?, error = ?, run_after = strftime('%Y-%m-%d %H:%M:%f', 'now', ?),"
            " finished_at = CASE WHEN ? THEN datetime('now') END WHERE id = ?",
            ("failed" if final else "queued", "".join(traceback.format_exception_only(exc)).strip(),
             f"+{delay} seconds", final, row["id"]),
        )
        return True
    conn.execute(
        "UPDATE jobs SET status = 'done', progress = 1, result = ?, error = NULL, finished_at = datetime('now')"
        " WHERE id = ?",
        (json.dumps(result, ensure_ascii=False) if result is not None else None, row["id"]),
    )
    return True


def run_pending(conn: sqlite3.Connection, settings: Settings, kinds: list[str] | None = None,
                limit: int = 1000) -> int:
    """Run ready jobs until none is left (tests and CLI commands use this synchronously)."""
    registry = handlers()
    if kinds is not None:
        registry = {k: v for k, v in registry.items() if k in kinds}
    count = 0
    while count < limit and run_one(conn, settings, registry):
        count += 1
    return count
