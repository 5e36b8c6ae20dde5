"""A durable job queue on SQLite (the staff database), so a reboot loses no job.

Features enqueue work with `enqueue(conn, kind, payload)` and register handlers in
`appliance/<feature>/jobs.py` as `HANDLERS = {"kind": handler}`, where
`handler(ctx: JobContext, payload: dict) -> dict | None`. The worker (`appliance worker`,
started by `appliance serve`) claims jobs one at a time, records progress for the UI and
retries failures with back-off. Handlers must be idempotent: a job interrupted by a crash
runs again.
"""

from appliance.jobs.queue import JobContext, enqueue, get_job, run_pending

__all__ = ["JobContext", "enqueue", "get_job", "run_pending"]
