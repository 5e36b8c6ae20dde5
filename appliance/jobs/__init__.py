"""A durable job queue on SQLite (the staff database), so a reboot loses no job.

Features enqueue work with `enqueue(conn, kind, payload)` and declare handlers in their manifest
(`jobs={"kind": handler}`), where `handler(ctx: JobContext, payload: dict) -> dict | None`. The
worker (`appliance worker`, started by `appliance serve`) claims jobs one at a time, records
progress for the UI and retries failures with back-off. Handlers must be idempotent: a job
interrupted by a crash runs again.
"""

from __future__ import annotations

from appliance.features import Feature
from appliance.jobs.queue import Job, JobContext, enqueue, get_job, run_pending

__all__ = ["Job", "JobContext", "enqueue", "get_job", "manifest", "run_pending"]


def manifest() -> Feature:
    from appliance.jobs import cli, schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="jobs",
        cli=(cli.register,),
        serve_children=cli.serve_children,
        migrations=tuple(schema.MIGRATIONS),
        tables=("jobs",),
    )
