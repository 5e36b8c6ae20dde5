"""Background work: long summaries (progress per part) and embedding vectors for new chunks."""

from __future__ import annotations

from appliance.engines import engine
from appliance.features import JobPayload
from appliance.jobs import JobContext
from appliance.knowledge.summarize import summarize
from appliance.knowledge.vectors import embed_missing


def summarize_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    result = summarize(payload.get("text", ""), generator=engine(ctx.settings, "generator"), progress=ctx.progress)
    return dict(result.api())


def embed_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    embedder = engine(ctx.settings, "embedder")
    if embedder is None:
        return {"embedded": 0, "note": "Chưa cài mô hình nhúng: tra cứu dùng BM25."}
    return {"embedded": embed_missing(ctx.conn, embedder, ctx.progress), "model": getattr(embedder, "name", "")}


HANDLERS = {"knowledge.summarize": summarize_job, "knowledge.embed": embed_job}
