"""Background work: long summaries (progress per part), embedding vectors for new chunks, files
that need OCR or a conversion, and Pháp điển imports from the admin page (progress per article)."""

from __future__ import annotations

from pathlib import Path

from appliance.engines import engine
from appliance.features import JobPayload
from appliance.jobs import JobContext
from appliance.knowledge.extract import IngestError
from appliance.knowledge.ingest import add_path
from appliance.knowledge.phapdien_import import import_sources, report_json
from appliance.knowledge.summarize import summarize
from appliance.knowledge.vectors import embed_missing, request_embedding
from appliance.system.isolate import Limits


def summarize_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    result = summarize(payload.get("text", ""), generator=engine(ctx.settings, "generator"), progress=ctx.progress)
    return dict(result.api())


def embed_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    embedder = engine(ctx.settings, "embedder")
    if embedder is None:
        return {"embedded": 0, "note": "Chưa cài mô hình nhúng: tra cứu dùng BM25."}
    return {"embedded": embed_missing(ctx.conn, embedder, ctx.progress), "model": getattr(embedder, "name", "")}


def _spooled(payload: JobPayload) -> list[tuple[Path, str]]:
    """(spooled file, the name it was uploaded as) of a job; a file already gone is skipped, so
    a job that ran once and is retried after a crash does not fail on it."""
    items = payload.get("files") or [{"path": payload.get("path", ""), "name": payload.get("name", "")}]
    out = []
    for item in items:
        path = Path(str(item.get("path", "")))
        if path.is_file():
            out.append((path, str(item.get("name") or path.name)))
    return out


def ingest_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """An uploaded scan, image or .doc: OCR/conversion with progress, then the usual ingestion."""
    files = _spooled(payload)
    if not files:
        return {"ok": False, "message": "Tệp tải lên không còn trên máy (đã xử lý hoặc bị xóa)."}
    path, name = files[0]
    # OCR and conversion tools under the same limits as the upload's parsers: a hostile scan fails
    # this job with a Vietnamese reason instead of taking the worker's memory.
    limits = Limits(ctx.settings.parser_time_limit_s, ctx.settings.parser_memory_mb)
    try:
        result = add_path(ctx.conn, path, added_by=str(payload.get("user") or ""), progress=ctx.progress,
                          display_name=name, tool_limits=limits)
    except IngestError as exc:
        return {"ok": False, "message": exc.message}
    finally:
        path.unlink(missing_ok=True)
    request_embedding(ctx.conn)
    return {"ok": True, "message": result.message(), "doc_id": result.doc_id, "low_confidence": result.low_confidence}


def import_phapdien_job(ctx: JobContext, payload: JobPayload) -> JobPayload:
    files = _spooled(payload)
    try:
        report = import_sources(ctx.conn, [(name, path.read_bytes()) for path, name in files],
                                user=str(payload.get("user") or "quản trị viên"), progress=ctx.progress)
    finally:
        for path, _name in files:
            path.unlink(missing_ok=True)
    if report.changes:
        request_embedding(ctx.conn)
    return report_json(report)


HANDLERS = {"knowledge.summarize": summarize_job, "knowledge.embed": embed_job, "knowledge.ingest": ingest_job,
            "knowledge.import_phapdien": import_phapdien_job}
