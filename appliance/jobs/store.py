"""The SQL of the `jobs` table: the only module that writes it. `queue.py` holds the rules
(claiming, retries with back-off, progress) and calls these."""

from __future__ import annotations

import sqlite3

from appliance.db import transaction


def insert(conn: sqlite3.Connection, kind: str, payload_json: str, max_attempts: int, delay_seconds: float) -> int:
    cur = conn.execute(
        "INSERT INTO jobs (kind, payload, max_attempts, run_after)"
        " VALUES (?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now', ?))",
        (kind, payload_json, max_attempts, f"+{delay_seconds} seconds"),
    )
    return int(cur.lastrowid or 0)


def row(conn: sqlite3.Connection, job_id: int) -> sqlite3.Row | None:
    found: sqlite3.Row | None = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return found


def has_pending(conn: sqlite3.Connection, kind: str, *, running: bool = True) -> bool:
    """Whether a job of `kind` waits in the queue (or, with `running`, is being run)."""
    statuses = ("queued", "running") if running else ("queued",)
    found = conn.execute(f"SELECT 1 FROM jobs WHERE kind = ? AND status IN ({','.join('?' * len(statuses))}) LIMIT 1",
                         (kind, *statuses)).fetchone()
    return found is not None


def prune_done(conn: sqlite3.Connection, kind: str, *, keep_id: int, older_than: str = "-1 hour") -> int:
    """Forget finished jobs of a recurring `kind` (a loop that re-enqueues itself), except `keep_id`
    and those finished within `older_than` (an SQLite date modifier)."""
    return conn.execute("DELETE FROM jobs WHERE kind = ? AND status = 'done' AND id != ?"
                        " AND finished_at < datetime('now', ?)", (kind, keep_id, older_than)).rowcount


def recover(conn: sqlite3.Connection) -> int:
    """Jobs left 'running' by a crashed worker go back to the queue (handlers are idempotent)."""
    return conn.execute("UPDATE jobs SET status = 'queued', worker = NULL WHERE status = 'running'").rowcount


def claim(conn: sqlite3.Connection, kinds: list[str], worker: str) -> sqlite3.Row | None:
    """The oldest ready job of one of `kinds`, marked running by `worker` (one transaction, so two
    workers never take the same job). The row is as it was before the claim."""
    if not kinds:
        return None
    marks = ",".join("?" for _ in kinds)
    with transaction(conn):
        found: sqlite3.Row | None = conn.execute(
            f"SELECT * FROM jobs WHERE status = 'queued' AND kind IN ({marks})"
            " AND run_after <= strftime('%Y-%m-%d %H:%M:%f', 'now') ORDER BY id LIMIT 1",
            kinds,
        ).fetchone()
        if found is None:
            return None
        conn.execute(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = ?,"
            " started_at = datetime('now') WHERE id = ?",
            (worker, found["id"]),
        )
    return found


def set_progress(conn: sqlite3.Connection, job_id: int, fraction: float, message: str) -> None:
    conn.execute("UPDATE jobs SET progress = ?, message = ? WHERE id = ?", (fraction, message, job_id))


def mark_failed(conn: sqlite3.Connection, job_id: int, error: str, *, final: bool, retry_in_seconds: int) -> None:
    """A failed attempt: queued again after `retry_in_seconds`, or failed for good when `final`."""
    conn.execute(
        "UPDATE jobs SET status = ?, error = ?, run_after = strftime('%Y-%m-%d %H:%M:%f', 'now', ?),"
        " finished_at = CASE WHEN ? THEN datetime('now') END WHERE id = ?",
        ("failed" if final else "queued", error, f"+{retry_in_seconds} seconds", final, job_id),
    )


def mark_done(conn: sqlite3.Connection, job_id: int, result_json: str | None) -> None:
    conn.execute(
        "UPDATE jobs SET status = 'done', progress = 1, result = ?, error = NULL, finished_at = datetime('now')"
        " WHERE id = ?",
        (result_json, job_id),
    )
