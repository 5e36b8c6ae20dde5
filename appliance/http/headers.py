"""Security headers on every response of both apps, and an access log without secrets.

The pages load scripts only from /static (no inline script: CSP `script-src 'self'`), may not be
framed by anyone (`frame-ancestors 'none'`, X-Frame-Options for old browsers), are not
content-sniffed and send no Referer (a kiosk's /wall?token=… must not travel anywhere).
Styles may be inline (`style=` attributes): they cannot run code. A page that sets no caching of its
own is `no-store`: office PCs are shared, and the Back button after a logout must not show a citizen's
file from the browser's cache (nor may a navigation be answered with a stale copy of a page).

uvicorn's access log writes the path with its query string; a display token in `?token=` (the
kiosk's first request) must never land in a log, so every query value is redacted there.
"""

from __future__ import annotations

import logging
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None):
        self.app = app
        self.headers = headers or HEADERS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
                if "cache-control" not in headers and headers.get("content-type", "").startswith("text/html"):
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, with_headers)


_QUERY_VALUE = re.compile(r"=([^&#\s]*)")


def redact_query(path: str) -> str:
    """'/wall?token=wa_abc&x=1' → '/wall?token=…&x=…'."""
    base, sep, query = path.partition("?")
    return base + sep + _QUERY_VALUE.sub("=…", query) if sep else path


class RedactQueryFilter(logging.Filter):
    """For uvicorn's access logger, whose record args are (client, method, path, http version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], redact_query(args[2]), *args[3:])
        return True


def install_access_log_filter() -> None:
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactQueryFilter) for f in logger.filters):
        logger.addFilter(RedactQueryFilter())
