"""Tóm tắt (/tom-tat) and POST /api/v1/summarize (CONTRACT §2). Short texts are summarised in
the request; long ones (over LONG_CHARS, e.g. a 100-page report) go to the job queue and the
page shows progress part by part."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from appliance.auth.audit import audit
from appliance.http.deps import Conn, EnginesDep, GeneratorDep, SettingsDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import Job, enqueue, get_job
from appliance.knowledge.documents import document_text, document_titles
from appliance.knowledge.extract import MAX_BYTES, IngestError, extract_limited
from appliance.knowledge.library_routes import parser_limits, read_limited
from appliance.knowledge.summarize import Summary, summarize

router = APIRouter()
LONG_CHARS = 40_000  # ~12 pages: beyond this the page uses a background job with progress
MAX_TEXT_CHARS = 2_000_000
# Request size limits, enforced while the body streams in (appliance.http.limits): the text in
# UTF-8 (up to 3 bytes a character, and JSON's escapes), and on the page a file beside it.
BODY_LIMITS = {"/api/v1/summarize": 4 * MAX_TEXT_CHARS + 64 * 1024,
               "/tom-tat": 4 * MAX_TEXT_CHARS + MAX_BYTES + 64 * 1024}


class SummarizeBody(BaseModel):
    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    doc_id: int | None = None


def _document_text(conn: sqlite3.Connection, doc_id: int) -> str:
    text = document_text(conn, doc_id)
    if text is None:
        raise AppError(404, "Không tìm thấy văn bản trong kho tra cứu.", "not_found")
    return text


@router.post("/api/v1/summarize")
def api_summarize(request: Request, body: SummarizeBody, user: StaffUser, conn: Conn,
                  generator: GeneratorDep) -> JSONResponse:
    if body.doc_id is not None:
        text = _document_text(conn, body.doc_id)
    elif body.text and body.text.strip():
        text = body.text
    else:
        raise AppError(422, "Cần gửi nội dung văn bản (text) hoặc mã văn bản (doc_id).", "empty_text")
    result = summarize(text, generator=generator)
    audit(conn, "knowledge.summarize", user=user, target="/api/v1/summarize", ip=client_ip(request),
          engine=result.engine, detail={"chars": result.chars, "parts": result.parts})
    return JSONResponse(result.api())


@router.get("/tom-tat")
def page(request: Request, user: StaffUser, conn: Conn) -> Response:
    docs = document_titles(conn)
    return render(request, "knowledge/summary.html", {"documents": docs, "result": None, "job": None, "text": ""})


@router.post("/tom-tat")
async def submit(request: Request, user: StaffUser, conn: Conn, engines: EnginesDep, settings: SettingsDep,
                 text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
                 doc_id: Annotated[str, Form(max_length=20)] = "",
                 file: Annotated[UploadFile | None, File()] = None) -> Response:
    try:
        if file is not None and file.filename:
            data = await read_limited(file)
            # In a child process with limits, from a worker thread: never on the event loop.
            text = (await run_in_threadpool(extract_limited, data, file.filename, parser_limits(settings))).text
        elif doc_id.strip():
            if not doc_id.strip().isdigit():
                raise AppError(422, "Mã văn bản không hợp lệ.", "invalid")
            text = await run_in_threadpool(_document_text, conn, int(doc_id))
    except IngestError as exc:
        raise AppError(422, exc.message, exc.code) from exc
    if not text.strip():
        raise AppError(422, "Hãy dán nội dung, chọn tệp hoặc chọn một văn bản để tóm tắt.", "empty_text")
    result: Summary | None = None
    job: Job | None = None
    if len(text) > LONG_CHARS:
        job_id = enqueue(conn, "knowledge.summarize", {"text": text, "user": user.username})
        job = get_job(conn, job_id)
        # Audited when asked, like a short one: the impact report counts summaries from these entries.
        audit(conn, "knowledge.summarize", user=user, target="/tom-tat", ip=client_ip(request),
              detail={"chars": len(text), "job": job_id})
    else:
        # A model may take seconds to answer: in a worker thread, so other requests go on.
        result = await run_in_threadpool(summarize, text, generator=engines.available("generator"))
        audit(conn, "knowledge.summarize", user=user, target="/tom-tat", ip=client_ip(request),
              engine=result.engine, detail={"chars": result.chars})
    return render(request, "knowledge/summary.html",
                  {"documents": document_titles(conn), "result": result, "job": job, "text": text[:LONG_CHARS]},
                  fragment="knowledge/_summary.html")


@router.get("/tom-tat/viec/{job_id}")
def job_status(request: Request, job_id: int, user: StaffUser, conn: Conn) -> Response:
    job = get_job(conn, job_id)
    # Someone else's summary is as absent as one that never existed (ids are sequential).
    if job is None or job["kind"] != "knowledge.summarize" or (
            user.role != "admin" and job["payload"].get("user") != user.username):
        raise AppError(404, "Không tìm thấy việc tóm tắt này.", "not_found")
    if request.headers.get("accept", "").startswith("application/json"):
        return JSONResponse({"status": job["status"], "progress": job["progress"], "message": job["message"],
                             "result": job["result"]})
    return render(request, "knowledge/_summary.html", {"job": job, "result": None})
