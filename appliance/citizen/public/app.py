"""The citizen app. It opens only public.db: never the staff database.

Routes (CONTRACT §2): POST /api/v1/chat, POST /api/v1/feedback, GET /api/v1/feedback/{code},
POST /zalo/webhook, GET /widget.js; plus a page per procedure (/thu-tuc/{code}) and a plain
home page that embeds the widget. No login; rate limits per IP and per chat session.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from appliance import __version__
from appliance.citizen.public import zalo_webhook as zalo
from appliance.citizen.public.chat import MAX_MESSAGE, ChatBot
from appliance.citizen.public.intake import IntakeError, file_feedback, ticket_status
from appliance.citizen.public.ratelimit import RateLimiter
from appliance.config import Settings, load_settings
from appliance.db import connect, migrate
from appliance.engines import ChatMessage, Generator, engine
from appliance.http.errors import AppError, install_error_handlers
from appliance.http.rendering import STATIC_DIR, templates
from appliance.system.netguard import install_from_env

SESSION_ID = re.compile(r"^[A-Za-z0-9_\-:.]{8,80}$")
WIDGET = STATIC_DIR / "citizen" / "widget.js"
GENERATOR_SLOTS = 2  # concurrent generator calls; more chats answer from templates meanwhile
CHAT_GENERATOR_TIMEOUT_S = 20.0


def public_conn(request: Request) -> Iterator[sqlite3.Connection]:
    conn = connect(request.app.state.settings.public_db_path)
    try:
        yield conn
    finally:
        conn.close()


PublicConn = Annotated[sqlite3.Connection, Depends(public_conn)]


class ChatIn(BaseModel):
    session_id: str | None = Field(default=None, max_length=80)
    message: str = Field(max_length=MAX_MESSAGE * 4)


class FeedbackIn(BaseModel):
    content: str = Field(max_length=20000)
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    address: str | None = Field(default=None, max_length=500)


class BoundedGenerator:
    """Lets a few chats use the generator at once; the others get the template answer at once
    instead of queueing behind it (labelled "rules"). The generator is looked up on each call, so
    an engines server that comes up (or goes away) later is noticed."""

    LOOKUP_EVERY_S = 15.0

    def __init__(self, provider: Callable[[], Generator | None], slots: int):
        self.provider = provider
        self.name = "generator"
        self._slots = threading.BoundedSemaphore(slots)
        self._inner: Generator | None = None
        self._looked_up = -1e9

    def _current(self) -> Generator | None:
        now = time.monotonic()
        if now - self._looked_up > self.LOOKUP_EVERY_S:  # the registry call is not free: not on every chat
            self._inner, self._looked_up = self.provider(), now
        return self._inner

    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> str:
        inner = self._current()
        if inner is None:
            raise TimeoutError("no generator")  # the template answers
        if not self._slots.acquire(timeout=0.2):
            raise TimeoutError("generator busy")
        try:
            return str(inner.chat(messages, **kwargs))
        finally:
            self._slots.release()

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None) -> Iterator[str]:
        """The chat answers whole (its answer is checked before it is shown): one piece, same bound."""
        yield self.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)


def citizen_generator(settings: Settings) -> Generator | None:
    """The internet-facing process never loads a model itself: it asks the engines server
    (remote mode) and waits at most CHAT_GENERATOR_TIMEOUT_S before answering from the template."""
    remote = settings.model_copy(update={"engines_mode": "remote", "engines_timeout_s": CHAT_GENERATOR_TIMEOUT_S})
    return engine(remote, "generator")


def create_public_app(settings: Settings | None = None, *,
                      generator: Generator | Literal["auto"] | None = "auto") -> FastAPI:
    install_from_env()
    settings = settings or load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    conn = connect(settings.public_db_path)
    try:
        migrate(conn, "public")
    finally:
        conn.close()
    app = FastAPI(title="Cổng hỏi đáp công dân", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.settings = settings
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    # The widget runs on the ward's own website, another origin; nothing here uses cookies.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"], allow_credentials=False, max_age=3600)
    limiter = RateLimiter()
    state: dict[str, Any] = {"bot": None}
    bot_lock = threading.Lock()
    # The webhook has its own connection, used on the event loop: a quick durable insert that no
    # chat (however slow the generator) can queue behind.
    webhook_conn = connect(settings.public_db_path, synchronous="FULL")
    webhook_conn.execute("PRAGMA busy_timeout=1500")

    def bot() -> ChatBot:
        with bot_lock:
            if state["bot"] is None:
                bounded: BoundedGenerator | None
                if generator == "auto":
                    bounded = BoundedGenerator(lambda: citizen_generator(settings), GENERATOR_SLOTS)
                else:
                    bounded = BoundedGenerator(lambda: generator, GENERATOR_SLOTS) if generator is not None else None
                state["bot"] = ChatBot(bounded, settings.public_base_url)
            value: ChatBot = state["bot"]
            return value

    def limit(request: Request, key: str, count: int, window_s: float) -> None:
        ip = request.client.host if request.client else "?"
        if not limiter.allow(f"{key}:{ip}", count, window_s):
            raise AppError(429, "Bạn gửi quá nhiều yêu cầu. Vui lòng chờ một lát rồi thử lại.", "rate_limited",
                           headers={"Retry-After": str(int(window_s))})

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})

    @app.post("/api/v1/chat")
    def chat(body: ChatIn, request: Request, conn: PublicConn) -> JSONResponse:
        message = body.message.strip()
        if not message:
            raise AppError(422, "Bạn vui lòng nhập nội dung câu hỏi.", "empty")
        if len(message) > MAX_MESSAGE:
            raise AppError(413, f"Tin nhắn dài quá {MAX_MESSAGE} ký tự; bạn vui lòng viết ngắn gọn hơn.",
                           "too_long")
        session_id = body.session_id or secrets.token_urlsafe(12)
        if not SESSION_ID.match(session_id):
            raise AppError(422, "Mã phiên trò chuyện không hợp lệ.", "bad_session")
        limit(request, "chat-ip", settings.citizen_chat_per_ip_minute, 60)
        if not limiter.allow(f"chat-session:{session_id}", settings.citizen_chat_per_session_minute, 60):
            raise AppError(429, "Bạn gửi tin nhắn quá nhanh. Vui lòng chờ một lát.", "rate_limited",
                           headers={"Retry-After": "60"})
        reply = bot().handle(conn, f"web:{session_id}", message, channel="web")
        return JSONResponse({
            "reply": reply.reply, "intent": reply.intent,
            "procedure": bot().procedure_link(reply.procedure) if reply.procedure else None,
            "ticket": reply.ticket, "session_id": session_id, "detail": reply.detail, "engine": reply.engine,
            "choices": reply.choices,
        })

    @app.post("/api/v1/feedback")
    def feedback(body: FeedbackIn, request: Request, conn: PublicConn) -> JSONResponse:
        limit(request, "feedback-ip", settings.citizen_feedback_per_ip_hour, 3600)
        try:
            ticket = file_feedback(conn, body.content, channel="web", name=body.name, phone=body.phone,
                                   address=body.address)
        except IntakeError as exc:
            raise AppError(422, str(exc), "invalid") from None
        return JSONResponse(ticket)

    @app.get("/api/v1/feedback/{ticket_code}")
    def feedback_status(ticket_code: str, request: Request, conn: PublicConn) -> JSONResponse:
        limit(request, "status-ip", 30, 60)
        found = ticket_status(conn, ticket_code[:40])
        if found is None:
            raise AppError(404, "Không tìm thấy phản ánh với mã này. Vui lòng kiểm tra lại mã (ví dụ PA-7K3-M4X).",
                           "ticket_not_found")
        return JSONResponse(found)

    @app.post("/zalo/webhook")
    async def zalo_webhook(request: Request) -> JSONResponse:
        raw = await request.body()
        try:
            result = zalo.receive(webhook_conn, settings, raw, request.headers.get("x-zevent-signature"))
        except sqlite3.OperationalError:  # database busy: Zalo retries the event later
            result = zalo.WebhookResult(503, {"error": {"code": "busy",
                                                        "message": "Hệ thống bận, Zalo sẽ gửi lại sự kiện."}})
        return JSONResponse(result.body, status_code=result.status)

    @app.get("/widget.js")
    def widget() -> FileResponse:
        return FileResponse(WIDGET, media_type="application/javascript; charset=utf-8",
                            headers={"Cache-Control": "public, max-age=300"})

    @app.get("/thu-tuc/{code}", response_class=HTMLResponse)
    async def procedure_page(code: str, request: Request, conn: PublicConn) -> Response:
        row = await run_in_threadpool(
            lambda: conn.execute("SELECT data FROM pub_procedures WHERE code = ?", (code[:40],)).fetchone())
        if row is None:
            raise AppError(404, "Không tìm thấy thủ tục này.")
        return templates.TemplateResponse(request, "citizen/procedure.html",
                                          {"p": json.loads(row["data"]), "ward_name": settings.ward_name})

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request, conn: PublicConn) -> Response:
        notices = conn.execute("SELECT title, body, published_at FROM pub_notices ORDER BY published_at DESC"
                               " LIMIT 20").fetchall()
        faq = conn.execute("SELECT question, answer FROM pub_faq ORDER BY id").fetchall()
        return templates.TemplateResponse(request, "citizen/home.html",
                                          {"ward_name": settings.ward_name, "notices": notices, "faq": faq})

    return app
