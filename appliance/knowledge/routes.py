"""Tra cứu (/tra-cuu): legal search, "Hỏi trợ lý", the document library with upload and status,
procedure pages; the search/assistant API (CONTRACT §2). Summaries live in summary_routes.py and
the admin catalogue editor in admin_routes.py; the manifest lists all three routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from appliance.auth.audit import audit
from appliance.http.deps import Conn, EmbedderDep, EnginesDep, GeneratorDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.knowledge.answer import answer
from appliance.knowledge.documents import document_chunks, get_document, list_documents
from appliance.knowledge.extract import MAX_BYTES, IngestError
from appliance.knowledge.ingest import add_bytes, set_status
from appliance.knowledge.procedures import FIELD_LABELS, Procedure, find_procedures, get_procedure
from appliance.knowledge.search import SearchResponse, search
from appliance.knowledge.validity import STATUSES
from appliance.knowledge.vectors import request_embedding

router = APIRouter()
MAX_QUERY = 500


@router.get("/api/v1/search")
def api_search(request: Request, user: StaffUser, conn: Conn, embedder: EmbedderDep,
               q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
               k: Annotated[int, Query(ge=1, le=50)] = 10) -> JSONResponse:
    if not q.strip():
        raise AppError(422, "Thiếu từ khóa tìm kiếm (tham số q).", "empty_query")
    result = search(conn, q, k, embedder=embedder)
    audit(conn, "knowledge.search", user=user, target="/api/v1/search", ip=client_ip(request),
          engine=result.engine, detail={"q": q, "results": len(result.hits)})
    return JSONResponse(result.api())


class AnswerBody(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUERY)


@router.post("/api/v1/kb/answer")
def api_answer(request: Request, body: AnswerBody, user: StaffUser, conn: Conn, generator: GeneratorDep,
               embedder: EmbedderDep) -> JSONResponse:
    result = answer(conn, body.question, generator=generator, embedder=embedder)
    audit(conn, "knowledge.answer", user=user, target="/api/v1/kb/answer", ip=client_ip(request),
          engine=result.engine, detail={"question": body.question, "sentences": len(result.sentences)})
    return JSONResponse(result.api())


@router.get("/tra-cuu")
def page(request: Request, user: StaffUser, conn: Conn, engines: EnginesDep,
         q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    result: SearchResponse | None = None
    procedures: list[Procedure] = []
    if q.strip():
        result = search(conn, q, 10, embedder=engines.available("embedder"))
        procedures = find_procedures(conn, q, limit=3)
        audit(conn, "knowledge.search", user=user, target="/tra-cuu", ip=client_ip(request),
              engine=result.engine, detail={"q": q, "results": len(result.hits)})
    return render(request, "knowledge/search.html",
                  {"q": q, "result": result, "procedures": procedures, "labels": FIELD_LABELS},
                  fragment="knowledge/_results.html")


@router.post("/tra-cuu/hoi")
def ask_assistant(request: Request, user: StaffUser, conn: Conn, generator: GeneratorDep, embedder: EmbedderDep,
                  question: Annotated[str, Form(max_length=MAX_QUERY)] = "",
                  q: Annotated[str, Form(max_length=MAX_QUERY)] = "") -> Response:
    question = question.strip() or q.strip()  # without JavaScript the search box's own field arrives
    if not question:
        raise AppError(422, "Vui lòng nhập câu hỏi.", "empty_question")
    result = answer(conn, question, generator=generator, embedder=embedder)
    audit(conn, "knowledge.answer", user=user, target="/tra-cuu/hoi", ip=client_ip(request),
          engine=result.engine, detail={"question": question, "sentences": len(result.sentences)})
    context = {"q": question, "answer": result, "result": None, "procedures": find_procedures(conn, question, 3),
               "labels": FIELD_LABELS}
    return render(request, "knowledge/search.html", context, fragment="knowledge/_answer.html")


@router.get("/tra-cuu/thu-tuc/{code}")
def procedure_page(request: Request, code: str, user: StaffUser, conn: Conn) -> Response:
    proc = get_procedure(conn, code)
    if proc is None:
        raise AppError(404, "Không có thủ tục này trong danh mục.", "not_found")
    return render(request, "knowledge/procedure.html", {"proc": proc, "labels": FIELD_LABELS})


@router.get("/tra-cuu/van-ban")
def documents_page(request: Request, user: StaffUser, conn: Conn) -> Response:
    return render(request, "knowledge/documents.html", {
        "documents": list_documents(conn), "statuses": STATUSES, "messages": [], "max_mb": MAX_BYTES // 1024 // 1024})


async def read_limited(upload: UploadFile) -> bytes:
    data = bytearray()
    while chunk := await upload.read(1024 * 1024):
        data.extend(chunk)
        if len(data) > MAX_BYTES:
            raise IngestError(f"Tệp “{upload.filename}” quá lớn (trên {MAX_BYTES // 1024 // 1024} MB). Hãy tách văn "
                              "bản thành các tệp nhỏ hơn hoặc chỉ tải lên phần cần tra cứu.", "too_large")
    return bytes(data)


@router.post("/tra-cuu/van-ban")
async def upload(request: Request, user: StaffUser, conn: Conn,
                 files: Annotated[list[UploadFile], File()]) -> Response:
    messages: list[tuple[str, str]] = []  # (ok|error, Vietnamese message)
    added = 0
    for item in files:
        name = item.filename or "tệp"
        try:
            result = add_bytes(conn, await read_limited(item), name, added_by=user.username)
            messages.append(("ok", result.message()))
            added += 1
            audit(conn, "knowledge.add", user=user, target=name, ip=client_ip(request),
                  detail={"doc_id": result.doc_id, "chunks": result.chunks, "updated": result.updated})
        except IngestError as exc:
            messages.append(("error", exc.message))
    if added:
        request_embedding(conn)
    status = 200 if added or not files else 422
    return render(request, "knowledge/documents.html", {
        "documents": list_documents(conn), "statuses": STATUSES, "messages": messages,
        "max_mb": MAX_BYTES // 1024 // 1024}, status_code=status)


@router.get("/tra-cuu/van-ban/{doc_id}")
def document_page(request: Request, doc_id: int, user: StaffUser, conn: Conn) -> Response:
    doc = get_document(conn, doc_id)
    if doc is None:
        raise AppError(404, "Không tìm thấy văn bản.", "not_found")
    return render(request, "knowledge/document.html", {"doc": doc, "chunks": document_chunks(conn, doc_id),
                                                       "statuses": STATUSES})


@router.post("/tra-cuu/van-ban/{doc_id}/hieu-luc")
def document_status(request: Request, doc_id: int, user: StaffUser, conn: Conn,
                    status: Annotated[str, Form()], note: Annotated[str, Form(max_length=500)] = "") -> Response:
    if status not in STATUSES:
        raise AppError(422, "Tình trạng hiệu lực không hợp lệ.", "invalid_status")
    if not set_status(conn, doc_id, status, note.strip()):
        raise AppError(404, "Không tìm thấy văn bản.", "not_found")
    audit(conn, "knowledge.status", user=user, target=str(doc_id), ip=client_ip(request),
          detail={"status": status, "note": note})
    return RedirectResponse(f"/tra-cuu/van-ban/{doc_id}", status_code=303)
