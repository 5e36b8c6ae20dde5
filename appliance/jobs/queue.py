"""The queue's rules: enqueue, claim one job at a time, retry failures with back-off, record
progress. Its SQL is in `store.py`."""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import traceback
from dataclasses import dataclass
from typing import TypedDict, cast

from appliance.config import Settings
from appliance.features import JobHandler, JobPayload, idle_work, job_handlers, job_lanes
from appliance.jobs import store
from appliance.jobs.store import has_pending, prune_done, recover

__all__ = ["Handler", "Job", "JobContext", "enqueue", "get_job", "handlers", "has_pending", "prune_done", "recover",
           "run_idle", "run_one", "run_pending"]

log = logging.getLogger(__name__)
Handler = JobHandler
Payload = JobPayload


class Job(TypedDict):
    """A job as `get_job` returns it: payload and result decoded from JSON."""

    id: int
    kind: str
    payload: Payload
    status: str  # queued | running | done | failed
    attempts: int
    max_attempts: int
    run_after: str
    progress: float  # 0..1, shown to people
    message: str  # Vietnamese, shown to people
    result: Payload | None
    error: str | None
    worker: str | None
    created_at: str
    started_at: str | None
    finished_at: str | None


@dataclass
class JobContext:
    conn: sqlite3.Connection
    settings: Settings
    job_id: int

    def progress(self, fraction: float, message: str = "") -> None:
        store.set_progress(self.conn, self.job_id, max(0.0, min(1.0, fraction)), message)


def enqueue(conn: sqlite3.Connection, kind: str, payload: Payload | None = None, *,
            delay_seconds: float = 0, max_attempts: int = 5) -> int:
    return store.insert(conn, kind, json.dumps(payload or {}, ensure_ascii=False), max_attempts, delay_seconds)


def get_job(conn: sqlite3.Connection, job_id: int) -> Job | None:
    row = store.row(conn, job_id)
    if row is None:
        return None
    job = dict(row)
    job["payload"] = json.loads(job["payload"])
    job["result"] = json.loads(job["result"]) if job["result"] else None
    return cast(Job, job)


MAIN_LANE = "main"
ALL_LANES = "all"


def handlers(lane: str = ALL_LANES) -> dict[str, Handler]:
    """Every feature's job handlers (`jobs=` in its manifest), or those of one worker lane: a kind
    runs on the lane its manifest names (`job_lanes=`), else on "main". Lanes keep quick work
    (citizen sync, Zalo replies) from waiting behind a long transcription or embedding."""
    found = job_handlers()
    if lane == ALL_LANES:
        return found
    lanes = job_lanes()
    return {kind: handler for kind, handler in found.items() if lanes.get(kind, MAIN_LANE) == lane}


def lane_names() -> list[str]:
    return sorted({MAIN_LANE, *job_lanes().values()})


def run_one(conn: sqlite3.Connection, settings: Settings, registry: dict[str, Handler]) -> bool:
    """Claim and run one ready job. Returns False when none was ready."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    row = store.claim(conn, list(registry), worker)
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
        store.mark_failed(conn, row["id"], "".join(traceback.format_exception_only(exc)).strip(), final=final,
                          retry_in_seconds=delay)
        return True
    store.mark_done(conn, row["id"], json.dumps(result, ensure_ascii=False) if result is not None else None)
    return True


def run_idle(conn: sqlite3.Connection, settings: Settings, lane: str = ALL_LANES) -> bool:
    """The lane's idle work (`Feature.idle`), once each; True when any did something. A failure is logged
    and never stops the worker: idle work is a convenience (live captions), the queue is the duty."""
    did = False
    for work in idle_work(lane):
        try:
            did = work(conn, settings) or did
        except Exception:
            log.exception("idle work %r failed", work)
    return did


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
