"""Hỏi đáp số liệu: the page (/hoi-dap), the API (POST /api/v1/ask, CONTRACT §2) and the
leader's own history. Every question is audited with the engine that answered it."""

from __future__ import annotations

import json
import logging
import sqlite3

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from appliance.ask import service, store
from appliance.auth.audit import audit
from appliance.auth.users import User
from appliance.config import Settings
from appliance.engines.base import Generator
from appliance.http.deps import Conn, LeaderUser, SettingsDep, client_ip, get_engines, get_settings
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.text import format_number, format_percent
from appliance.text.formatting import local_today

log = logging.getLogger(__name__)
router = APIRouter()
HISTORY_SIZE = 20


class AskBody(BaseModel):
    question: str = Field(max_length=1000)


def _generator(request: Request) -> Generator | None:
    return get_engines(request).available("generator")


def _ask(request: Request, conn: sqlite3.Connection, user: User, question: str) -> service.AskResult:
    question = question.strip()
    if not question:
        raise AppError(422, "Vui lòng nhập câu hỏi.", "empty_question")
    settings = get_settings(request)  # the sandbox's in training mode
    try:
        result = service.answer_question(settings.db_path, question, today=local_today(),
                                         generator=_generator(request))
    except Exception:
        # Never a made-up figure, never a stack trace: say it plainly and keep the trace in the log.
        log.exception("ask failed: %s", question)
        result = service.AskResult(question, "Xin lỗi, hệ thống chưa trả lời được câu hỏi này do lỗi khi tính "
                                   "toán. Lỗi đã được ghi lại; anh/chị thử hỏi cách khác hoặc báo quản trị viên.",
                                   status="error", suggestions=service.SUGGESTIONS[:3])
    action = "ask.refused" if result.status == "refused" else "ask.question"
    audit(conn, action, user=user, target="/api/v1/ask", ip=client_ip(request), engine=result.engine,
          detail={"question": question, "status": result.status, "sql": result.sql, "rows": len(result.rows)})
    store.add(conn, user.id, question, result.answer, result.status, result.engine, result.sql)
    return result


def history(conn: sqlite3.Connection, user: User, limit: int = HISTORY_SIZE) -> list[store.HistoryItem]:
    return store.history(conn, user.id, limit)


def _llm_installed(request: Request) -> bool:
    """Whether a generator is configured, without loading it just to draw the page."""
    return get_engines(request).installed("generator")


@router.post("/api/v1/ask")
def api_ask(body: AskBody, request: Request, conn: Conn, user: LeaderUser) -> JSONResponse:
    return JSONResponse(_ask(request, conn, user, body.question).to_api())


@router.get("/api/v1/ask/history")
def api_history(conn: Conn, user: LeaderUser) -> JSONResponse:
    return JSONResponse({"history": history(conn, user)})


def _page(request: Request, conn: sqlite3.Connection, user: User, settings: Settings,
          result: service.AskResult | None) -> HTMLResponse:
    return render(request, "ask/page.html", {
        "title": "Hỏi đáp số liệu",
        "result": result,
        "chart_json": json.dumps(result.chart, ensure_ascii=False) if result and result.chart else "",
        "suggestions": service.SUGGESTIONS,
        "history": history(conn, user),
        "llm_ready": _llm_installed(request),
        "cell": cell,
    }, fragment="ask/_answer.html")


def cell(key: str, value: object) -> str:
    """A table cell the Vietnamese way: 1.234, 93,8%, dates dd/mm/yyyy."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = str(value)
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return f"{text[8:]}/{text[5:7]}/{text[:4]}"
        if len(text) == 7 and text[4] == "-" and text[:4].isdigit():
            return f"{text[5:]}/{text[:4]}"
        return text
    if key.startswith(("ty_le", "pa_ty_le")):
        return format_percent(value)
    if isinstance(value, float) and value != int(value):
        return format_number(value, 1)
    return format_number(value)


@router.get("/hoi-dap")
def page(request: Request, conn: Conn, user: LeaderUser, settings: SettingsDep) -> HTMLResponse:
    return _page(request, conn, user, settings, None)


@router.post("/hoi-dap")
async def page_ask(request: Request, conn: Conn, user: LeaderUser, settings: SettingsDep) -> HTMLResponse:
    form = await request.form()
    question = str(form.get("question") or "")[:1000]
    # The question box may wait seconds on a model and on SQL: in a worker thread, never on the event loop.
    result = await run_in_threadpool(_ask, request, conn, user, question)
    return _page(request, conn, user, settings, result)
