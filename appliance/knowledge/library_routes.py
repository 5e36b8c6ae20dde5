"""The library: the documents registry (/tra-cuu/van-ban), a document's page with its registry
fields, history and the admins' edit form, an article's page (/tra-cuu/dieu/{id}: official text,
source note, amendments, status), and uploads. Files that may need OCR or a conversion (scans,
images, .doc) are read by the worker (job `knowledge.ingest`) and the page follows its progress;
nothing heavy runs in the web request."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.config import Settings
from appliance.http.deps import AdminUser, Conn, SettingsDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import Job, enqueue, get_job
from appliance.knowledge import registry
from appliance.knowledge.articles import articles_of, get_article
from appliance.knowledge.documents import document_chunks, find_by_number, get_document, list_documents
from appliance.knowledge.extract import MAX_BYTES, SLOW_SUFFIXES, IngestError, needs_worker_limited
from appliance.knowledge.ingest import IngestResult, add_bytes, set_status
from appliance.knowledge.validity import STATUSES
from appliance.knowledge.vectors import request_embedding
from appliance.system.isolate import Limits

router = APIRouter()
MAX_FILES = 10  # per upload of the library page or of Pháp điển pages
# Request size limits, enforced while the body streams in (appliance.http.limits).
BODY_LIMITS = {"/tra-cuu/van-ban": MAX_FILES * MAX_BYTES + 1024 * 1024,
               "/quan-tri/phap-dien": MAX_FILES * MAX_BYTES + 1024 * 1024}
ACCEPT = ".pdf,.docx,.doc,.txt,.md,.html,.htm,.png,.jpg,.jpeg,.tif,.tiff,.bmp"


def spool_dir(settings: Settings) -> Path:
    """Uploaded files waiting for the worker (removed once read)."""
    path = Path(settings.data_dir) / "spool" / "kb"
    path.mkdir(parents=True, exist_ok=True)
    return path


async def read_limited(upload: UploadFile) -> bytes:
    data = bytearray()
    while chunk := await upload.read(1024 * 1024):
        data.extend(chunk)
        if len(data) > MAX_BYTES:
            raise IngestError(f"Tệp “{upload.filename}” quá lớn (trên {MAX_BYTES // 1024 // 1024} MB). Hãy tách văn "
                              "bản thành các tệp nhỏ hơn hoặc chỉ tải lên phần cần tra cứu.", "too_large")
    return bytes(data)


def parser_limits(settings: Settings) -> Limits:
    return Limits(settings.parser_time_limit_s, settings.parser_memory_mb)


def _library(request: Request, conn: Conn, messages: list[tuple[str, str]], jobs: list[Job],
             status_code: int = 200) -> Response:
    return render(request, "knowledge/documents.html", {
        "documents": list_documents(conn), "statuses": STATUSES, "messages": messages, "jobs": jobs,
        "max_mb": MAX_BYTES // 1024 // 1024, "accept": ACCEPT}, status_code=status_code)


@router.get("/tra-cuu/van-ban")
def documents_page(request: Request, user: StaffUser, conn: Conn) -> Response:
    return _library(request, conn, [], [])


@router.post("/tra-cuu/van-ban")
async def upload(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep,
                 files: Annotated[list[UploadFile], File()]) -> Response:
    messages: list[tuple[str, str]] = []  # (ok|error|info, Vietnamese message)
    jobs: list[Job] = []
    added = 0
    if len(files) > MAX_FILES:
        raise AppError(422, f"Mỗi lần tải lên tối đa {MAX_FILES} tệp.", "too_many_files")
    limits = parser_limits(settings)
    for item in files:
        name = Path(item.filename or "tệp").name
        try:
            data = await read_limited(item)
            # Every parser runs in a child process with limits, from a worker thread: a hostile DOCX
            # or PDF once froze every page of the app for two minutes.
            if (Path(name).suffix.lower() in SLOW_SUFFIXES
                    and await run_in_threadpool(needs_worker_limited, data, name, limits)):
                path = spool_dir(settings) / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
                path.write_bytes(data)
                job = get_job(conn, enqueue(conn, "knowledge.ingest", {"path": str(path), "name": name,
                                                                       "user": user.username}))
                if job is not None:
                    jobs.append(job)
                messages.append(("info", f"“{name}”: đang nhận dạng chữ/chuyển đổi, kết quả hiện bên dưới khi xong."))
                continue
            result: IngestResult = await run_in_threadpool(add_bytes, conn, data, name, added_by=user.username,
                                                           limits=limits)
            messages.append(("ok", result.message()))
            added += 1
            audit(conn, "knowledge.add", user=user, target=name, ip=client_ip(request),
                  detail={"doc_id": result.doc_id, "chunks": result.chunks, "updated": result.updated})
        except IngestError as exc:
            messages.append(("error", exc.message))
    if added:
        await run_in_threadpool(request_embedding, conn)
    status = 200 if added or jobs or not files else 422
    return _library(request, conn, messages, jobs, status)


@router.get("/tra-cuu/van-ban/viec/{job_id}")
def ingest_status(request: Request, job_id: int, user: StaffUser, conn: Conn) -> Response:
    job = get_job(conn, job_id)
    if job is None or job["kind"] != "knowledge.ingest":
        raise AppError(404, "Không tìm thấy việc xử lý tệp này.", "not_found")
    if request.headers.get("accept", "").startswith("application/json"):
        return JSONResponse({"status": job["status"], "progress": job["progress"], "message": job["message"],
                             "result": job["result"]})
    return render(request, "knowledge/_ingest_job.html", {"job": job})


@router.get("/tra-cuu/van-ban/so/{number:path}")
def document_by_number(request: Request, number: str, user: StaffUser, conn: Conn) -> Response:
    """Links from amendments and "thay thế bởi": the registry row of a số ký hiệu."""
    doc = find_by_number(conn, number)
    if doc is None:
        raise AppError(404, f"Sổ văn bản chưa có văn bản số {number}.", "not_found")
    return RedirectResponse(f"/tra-cuu/van-ban/{doc.id}", status_code=303)


@router.get("/tra-cuu/van-ban/{doc_id}")
def document_page(request: Request, doc_id: int, user: StaffUser, conn: Conn) -> Response:
    doc = get_document(conn, doc_id)
    if doc is None:
        raise AppError(404, "Không tìm thấy văn bản.", "not_found")
    articles = articles_of(conn, doc_id)
    return render(request, "knowledge/document.html", {
        "doc": doc, "articles": articles, "chunks": [] if articles else document_chunks(conn, doc_id),
        "history": registry.history(conn, doc_id), "statuses": STATUSES, "fields": registry.FIELDS,
        "can_edit": user.has_role("admin"), "errors": []})


@router.post("/tra-cuu/van-ban/{doc_id}/hieu-luc")
def document_status(request: Request, doc_id: int, user: StaffUser, conn: Conn,
                    status: Annotated[str, Form()], note: Annotated[str, Form(max_length=500)] = "") -> Response:
    if status not in STATUSES:
        raise AppError(422, "Tình trạng hiệu lực không hợp lệ.", "invalid_status")
    if not set_status(conn, doc_id, status, note.strip(), user=user.username):
        raise AppError(404, "Không tìm thấy văn bản.", "not_found")
    audit(conn, "knowledge.status", user=user, target=str(doc_id), ip=client_ip(request),
          detail={"status": status, "note": note})
    return RedirectResponse(f"/tra-cuu/van-ban/{doc_id}", status_code=303)


@router.post("/tra-cuu/van-ban/{doc_id}/so-van-ban")
async def registry_edit(request: Request, doc_id: int, user: AdminUser, conn: Conn) -> Response:
    form = await request.form()
    changes = {name: str(form.get(name) or "") for name in registry.FIELDS if name in form}
    try:
        changed = registry.edit(conn, doc_id, changes, user=user.username)
    except LookupError as exc:
        raise AppError(404, "Không tìm thấy văn bản.", "not_found") from exc
    except ValueError as exc:
        doc = get_document(conn, doc_id)
        articles = articles_of(conn, doc_id)
        return render(request, "knowledge/document.html", {
            "doc": doc, "articles": articles, "chunks": [] if articles else document_chunks(conn, doc_id),
            "history": registry.history(conn, doc_id), "statuses": STATUSES, "fields": registry.FIELDS,
            "can_edit": True, "errors": [str(exc)]}, status_code=422)
    audit(conn, "knowledge.registry.edit", user=user, target=str(doc_id), ip=client_ip(request),
          detail={"fields": changed})
    return RedirectResponse(f"/tra-cuu/van-ban/{doc_id}", status_code=303)


@router.get("/tra-cuu/dieu/{article_id}")
def article_page(request: Request, article_id: int, user: StaffUser, conn: Conn) -> Response:
    article = get_article(conn, article_id)
    if article is None:
        raise AppError(404, "Không tìm thấy điều này trong thư viện.", "not_found")
    doc = get_document(conn, article.doc_id)
    return render(request, "knowledge/article.html", {"article": article, "doc": doc})
