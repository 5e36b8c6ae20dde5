"""Background work of the citizen feature, run by the worker (`appliance worker`).

`citizen.sync` reschedules itself every few seconds (the job row is durable, so a reboot
resumes it): pull new feedback, answer queued Zalo messages, send the outbox, republish when
the catalogue changed. `citizen.publish` republishes at once (after an admin edit);
`citizen.zalo_send` sends one outbox row (a staff reply) without waiting for the next round.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

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


def _step(result: JobPayload, name: str, run: Callable[[], object]) -> None:
    """One step of a round: its failure is logged and noted, and the next steps still run (a
    failing pull must never keep staff replies from being sent)."""
    try:
        result[name] = run()
    except Exception as exc:  # the next round retries (every step is idempotent)
        log.exception("citizen sync: step %s failed", name)
        result.setdefault("errors", {})[name] = repr(exc)


def sync(ctx: JobContext, payload: JobPayload) -> JobPayload:
    result: JobPayload = {}
    try:
        try:
            with public_db(ctx.settings) as public:
                _step(result, "published", lambda: publish(ctx.conn, public)["procedures"])
                _step(result, "pulled", lambda: pull(ctx.conn, public))
                _step(result, "retention", lambda: enforce_retention(ctx.conn, public, ctx.settings))
                _step(result, "answered", lambda: answer_events(ctx.conn, public, ctx.settings, _generator(ctx))
                      if public_store.has_open_events(public) else 0)
        except Exception as exc:  # public.db itself could not be opened: the outbox still goes out
            log.exception("citizen sync: public.db unavailable")
            result.setdefault("errors", {})["public_db"] = repr(exc)
        _step(result, "sent", lambda: send_pending(ctx.conn, ctx.settings))
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
# Their own worker lane: a citizen's answer never waits behind a transcription or an embedding.
LANES = {kind: "citizen" for kind in HANDLERS}
