"""Demo data: the starter legal library (refreshed) and the procedure catalogue."""

from __future__ import annotations

from appliance.demo.context import DemoContext
from appliance.knowledge.library import load_library
from appliance.knowledge.procedures import count_procedures, seed_procedures


def load(ctx: DemoContext) -> dict[str, int]:
    chunks = load_library(ctx.conn)
    procedures = seed_procedures(ctx.conn)
    # No embedding job here: the first search with an embedder installed queues one, so loading
    # the demo never starts minutes of CPU work on a machine that only wanted BM25.
    count = count_procedures(ctx.conn)
    return {"kb_chunks": chunks, "procedures": max(count, procedures)}
