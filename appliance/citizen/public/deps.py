"""Dependencies of the citizen app's routes: its settings, a public.db connection per request,
its rate limits, its chatbot and the Zalo webhook's own connection.

One `CitizenServices` per app, made by `create_public_app` and kept on `app.state.citizen`. The
accessors are `async` on purpose: FastAPI runs them on the event loop, so the webhook (an async
route) never waits for a worker thread that slow chats may all be holding.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Request

from appliance.citizen.public import store
from appliance.citizen.public.chat import ChatBot, bot_for
from appliance.citizen.public.generator import bounded
from appliance.citizen.public.ratelimit import RateLimiter
from appliance.config import Settings
from appliance.db import connect
from appliance.engines import Generator
from appliance.http.errors import AppError


class RateLimits:
    """The app's sliding windows (in memory: one process). Refusals answer 429 with Retry-After."""

    def __init__(self) -> None:
        self._limiter = RateLimiter()

    def per_ip(self, request: Request, key: str, count: int, window_s: float) -> None:
        ip = request.client.host if request.client else "?"
        if not self._limiter.allow(f"{key}:{ip}", count, window_s):
            raise AppError(429, "Bạn gửi quá nhiều yêu cầu. Vui lòng chờ một lát rồi thử lại.", "rate_limited",
                           headers={"Retry-After": str(int(window_s))})

    def per_chat_session(self, session_id: str, count: int) -> None:
        """`count` messages a minute in one chat session."""
        if not self._limiter.allow(f"chat-session:{session_id}", count, 60):
            raise AppError(429, "Bạn gửi tin nhắn quá nhanh. Vui lòng chờ một lát.", "rate_limited",
                           headers={"Retry-After": "60"})


@dataclass(frozen=True)
class CitizenServices:
    settings: Settings
    bot: ChatBot
    limits: RateLimits
    # The webhook's own connection, used on the event loop: a quick durable insert that no chat
    # (however slow the generator) can queue behind.
    webhook_conn: sqlite3.Connection

    @classmethod
    def create(cls, settings: Settings, generator: Generator | Literal["auto"] | None) -> CitizenServices:
        return cls(settings, bot_for(settings, bounded(settings, generator)), RateLimits(),
                   store.webhook_connection(settings))


def _services(request: Request) -> CitizenServices:
    services: CitizenServices = request.app.state.citizen
    return services


async def get_settings(request: Request) -> Settings:
    return _services(request).settings


async def get_bot(request: Request) -> ChatBot:
    return _services(request).bot


async def get_limits(request: Request) -> RateLimits:
    return _services(request).limits


async def get_webhook_conn(request: Request) -> sqlite3.Connection:
    return _services(request).webhook_conn


def public_conn(request: Request) -> Iterator[sqlite3.Connection]:
    conn = connect(_services(request).settings.public_db_path)
    try:
        yield conn
    finally:
        conn.close()


CitizenSettings = Annotated[Settings, Depends(get_settings)]
Bot = Annotated[ChatBot, Depends(get_bot)]
Limits = Annotated[RateLimits, Depends(get_limits)]
WebhookConn = Annotated[sqlite3.Connection, Depends(get_webhook_conn)]
PublicConn = Annotated[sqlite3.Connection, Depends(public_conn)]
