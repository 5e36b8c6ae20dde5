"""Request body limits, enforced while the body streams in, before any route reads it.

A declared Content-Length over the limit is answered 413 at once without reading a byte; a body
sent without one (chunked) is counted as it arrives and cut off at the limit. The default limit
is small (JSON and forms); upload routes get their own (`body_limits=` in a feature's manifest:
path → bytes, `{name}` for a path parameter). Before this the citizen app read a 300 MB
webhook body into memory before looking at it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from appliance.http.errors import error_response
from appliance.text import format_number


class BodyTooLarge(Exception):
    """Raised into the route that was reading the body; the middleware answers 413."""


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{format_number(limit / 1024 / 1024)} MB"
    return f"{format_number(limit / 1024)} KB"


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, default: int, per_path: Mapping[str, int] | None = None):
        self.app = app
        self.default = default
        self.rules = [(_pattern(path), limit) for path, limit in (per_path or {}).items()]

    def limit_for(self, path: str) -> int:
        for pattern, limit in self.rules:
            if pattern.match(path):
                return limit
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
        if declared is not None and (declared < 0 or declared > limit):
            await self._refuse(scope, send, limit, bad=declared < 0)
            return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # whatever the route made of a cut-off body is replaced by the 413 below
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not started:
            await self._refuse(scope, send, limit)

    async def _refuse(self, scope: Scope, send: Send, limit: int, bad: bool = False) -> None:
        request = Request(scope)
        if bad:
            response = error_response(request, 400, "Độ dài nội dung (Content-Length) không hợp lệ.", "bad_request")
        else:
            response = error_response(request, 413, f"Nội dung gửi lên quá lớn (tối đa {_size(limit)}).",
                                      "too_large", headers={"Connection": "close"})

        async def nothing() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, nothing, send)
