"""Demo data: the official starter library (refreshed; an admin's imports and uploads are never
replaced) and the procedure catalogue."""

from __future__ import annotations

from appliance.demo.context import DemoContext
from appliance.knowledge import store
from appliance.knowledge.procedures import count_procedures, seed_procedures
from appliance.knowledge.starter import load_starter


def load(ctx: DemoContext) -> dict[str, int]:
    load_starter(ctx.conn)
    procedures = seed_procedures(ctx.conn)
    # No embedding job here: the first search with an embedder installed queues one, so loading
    # the demo never starts minutes of CPU work on a machine that only wanted BM25.
    count = count_procedures(ctx.conn)
    return {"kb_chunks": store.counts(ctx.conn)["kb_chunks"], "procedures": max(count, procedures)}
