"""Background work of the citizen feature, run by the worker (`appliance worker`).

`citizen.sync` reschedules itself every few seconds (the job row is durable, so a reboot
resumes it): pull new feedback, answer queued Zalo messages, send the outbox, republish when
the catalogue changed. `citizen.publish` republishes at once (after an admin edit);
`citizen.zalo_send` sends one outbox row (a staff reply) without waiting for the next round.
"""

from __future__ import annotations

import logging
import sqlite3

from appliance.citizen.public import store as public_store
from appliance.citizen.public.store import public_db
from appliance.citizen.staff.sync import answer_events, enforce_retention, publish, pull
from appliance.citizen.staff.zalo_outbox import send_pending
from appliance.engines import Generator, engine
from appliance.features import JobPayload
from appliance.jobs import JobContext, enqueue
from appliance.jobs.queue import has_pending, prune_done

log = logging.getLogger(__name__)
SYNC_EVERY_SECONDS = 3


def ensure_sync_scheduled(conn: sqlite3.Connection, delay: float = 0) -> None:
    if not has_pending(conn, "citizen.sync"):
        enqueue(conn, "citizen.sync", {}, delay_seconds=delay, max_attempts=3)


def _generator(ctx: JobContext) -> Generator | None:
    return engine(ctx.settings, "generator")


def sync(ctx: JobContext, payload: JobPayload) -> JobPayload:
    result: JobPayload = {}
    try:
        with public_db(ctx.settings) as public:
            result["published"] = publish(ctx.conn, public)["procedures"]
            result["pulled"] = pull(ctx.conn, public)
            result["retention"] = enforce_retention(ctx.conn, public, ctx.settings)
            has_events = public_store.has_open_events(public)
            result["answered"] = answer_events(ctx.conn, public, ctx.settings, _generator(ctx)) if has_events else 0
        result["sent"] = send_pending(ctx.conn, ctx.settings)
    except Exception as exc:  # this round failed; the next one retries (every step is idempotent)
        log.exception("citizen sync round failed")
        result["error"] = repr(exc)
    finally:
        # Keep the loop alive whatever happened this round; old rounds are housekeeping, not data.
        prune_done(ctx.conn, "citizen.sync", keep_id=ctx.job_id)
        queued = has_pending(ctx.conn, "citizen.sync", running=False)
        if not payload.get("once") and not queued:  # exactly one round waiting, never a growing chain
            enqueue(ctx.conn, "citizen.sync", {}, delay_seconds=SYNC_EVERY_SECONDS, max_attempts=3)
    return result


def publish_now(ctx: JobContext, payload: JobPayload) -> JobPayload:
    with public_db(ctx.settings) as public:
        return dict(publish(ctx.conn, public))


def zalo_send(ctx: JobContext, payload: JobPayload) -> JobPayload:
    return dict(send_pending(ctx.conn, ctx.settings))


HANDLERS = {"citizen.sync": sync, "citizen.publish": publish_now, "citizen.zalo_send": zalo_send}
