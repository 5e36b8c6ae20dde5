"""Tra cứu (/tra-cuu): legal search, "Hỏi trợ lý", procedure pages (each fact with its basis,
checked against the library); the search/assistant API (CONTRACT §2). The library (registry,
documents, articles, uploads) lives in library_routes.py, Pháp điển imports in phapdien_routes.py,
summaries in summary_routes.py and the admin catalogue editor in admin_routes.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from appliance.auth.audit import audit
from appliance.http.deps import Conn, EmbedderDep, EnginesDep, GeneratorDep, StaffUser, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.knowledge.answer import answer
from appliance.knowledge.procedure_basis import check, unconfirmed
from appliance.knowledge.procedures import FIELD_LABELS, Procedure, find_procedures, get_procedure
from appliance.knowledge.published import withheld_fields
from appliance.knowledge.search import SearchResponse, search

router = APIRouter()
MAX_QUERY = 500


def _withheld(conn: Conn, procedures: list[Procedure]) -> dict[str, set[str]]:
    """Per procedure code, the facts shown "cần xác nhận" without their text (no article confirms them)."""
    return {p.code: withheld_fields(conn, p) for p in procedures}


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
                  {"q": q, "result": result, "procedures": procedures, "labels": FIELD_LABELS,
                   "withheld": _withheld(conn, procedures)},
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
    procedures = find_procedures(conn, question, 3)
    context = {"q": question, "answer": result, "result": None, "procedures": procedures,
               "labels": FIELD_LABELS, "withheld": _withheld(conn, procedures)}
    return render(request, "knowledge/search.html", context, fragment="knowledge/_answer.html")


@router.get("/tra-cuu/thu-tuc/{code}")
def procedure_page(request: Request, code: str, user: StaffUser, conn: Conn) -> Response:
    proc = get_procedure(conn, code)
    if proc is None:
        raise AppError(404, "Không có thủ tục này trong danh mục.", "not_found")
    checks = check(conn, proc)
    return render(request, "knowledge/procedure.html", {"proc": proc, "labels": FIELD_LABELS, "checks": checks,
                                                        "unchecked": unconfirmed(checks),
                                                        "withheld": withheld_fields(conn, proc),
                                                        "can_edit": user.role == "admin"})
