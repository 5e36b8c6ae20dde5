"""The cost of issue 14's HTTP hardening on the busiest public call: chat p95 with the trusted-proxy,
security-header and streaming body-limit middleware on, against the same app without them, in the
same process, the two served side by side and measured in alternating rounds (so load on the
machine falls on both alike). Acceptance: within 10%."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.bench_citizen import _prepare
from bench.common import p95_ms, report

SESSIONS = 20
PER_SESSION = 10
ROUNDS = 3
HARDENING = ("ClientAddressMiddleware", "SecurityHeadersMiddleware", "BodyLimitMiddleware")


def _app(data: Path, hardened: bool) -> Any:
    from appliance.citizen.public.app import create_public_app
    from appliance.config import Settings

    settings = Settings(data_dir=data, trusted_proxies=["127.0.0.1"], citizen_chat_per_ip_minute=10**6,
                        citizen_chat_per_session_minute=10**6)
    app = create_public_app(settings, generator=None)
    if not hardened:  # the same app, built before its first request, minus the hardening middleware
        app.user_middleware = [m for m in app.user_middleware if getattr(m.cls, "__name__", "") not in HARDENING]
        app.middleware_stack = None
    return app


def _round(urls: dict[str, str], questions: list[str], tag: str) -> dict[str, list[float]]:
    """Each session sends every message to both apps, in alternating order: both see the same load
    at the same moment, so the machine's noise cancels out of the ratio."""
    latencies: dict[str, list[float]] = {name: [] for name in urls}
    lock = threading.Lock()
    start = threading.Barrier(SESSIONS)
    names = list(urls)

    def session(i: int) -> None:
        clients = {name: httpx.Client(base_url=url, timeout=60) for name, url in urls.items()}
        start.wait()
        for n in range(PER_SESSION):
            question = questions[(i * PER_SESSION + n) % len(questions)]
            for name in names if (i + n) % 2 == 0 else reversed(names):
                body = {"session_id": f"bench-{tag}-{i:04d}", "message": question}
                began = time.perf_counter()
                r = clients[name].post("/api/v1/chat", json=body, headers={"X-Forwarded-For": f"203.0.113.{i + 1}"})
                elapsed = time.perf_counter() - began
                assert r.status_code == 200, r.text
                with lock:
                    latencies[name].append(elapsed)
        for client in clients.values():
            client.close()

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def middleware_cost() -> None:
    """The three middlewares around a bare ASGI endpoint, no network: microseconds a request."""
    from appliance.http.headers import SecurityHeadersMiddleware
    from appliance.http.limits import BodyLimitMiddleware
    from appliance.http.proxies import ClientAddressMiddleware, parse_networks

    async def endpoint(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"{}"})

    stack = ClientAddressMiddleware(SecurityHeadersMiddleware(BodyLimitMiddleware(endpoint, 131072)),
                                    parse_networks(["127.0.0.1"]))

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(_message: Any) -> None:
        return None

    async def timed(app: Any, n: int = 20000) -> float:
        started = time.perf_counter()
        for _ in range(n):
            scope = {"type": "http", "path": "/api/v1/chat", "client": ("127.0.0.1", 5),
                     "headers": [(b"content-length", b"2"), (b"x-forwarded-for", b"203.0.113.5")]}
            await app(scope, receive, send)
        return (time.perf_counter() - started) / n * 1e6

    bare, hardened = asyncio.run(timed(endpoint)), asyncio.run(timed(stack))
    report("hardening middleware alone, per request (bare ASGI endpoint as baseline; a chat answer takes "
           "milliseconds)", hardened, bare, unit="µs")


def main() -> None:
    middleware_cost()
    from tests.citizen.cases import QUESTIONS
    from tests.conftest import LiveServer

    questions = [q for q, _name in QUESTIONS]
    with tempfile.TemporaryDirectory() as tmp:
        # Each app its own copy of the data: a chat writes to public.db, and a shared file would make
        # whichever app runs second read a bigger log.
        _prepare(Path(tmp) / "data")
        shutil.copytree(Path(tmp) / "data", Path(tmp) / "plain")
        with LiveServer(_app(Path(tmp) / "data", hardened=True)) as hardened, \
                LiveServer(_app(Path(tmp) / "plain", hardened=False)) as plain:
            assert "content-security-policy" in httpx.get(f"{hardened.url}/healthz").headers
            assert "content-security-policy" not in httpx.get(f"{plain.url}/healthz").headers
            urls = {"with": hardened.url, "without": plain.url}
            _round(urls, questions, "warm")
            with_mw: list[float] = []
            without: list[float] = []
            for n in range(ROUNDS):
                measured = _round(urls, questions, f"r{n}")
                with_mw += measured["with"]
                without += measured["without"]
    report(f"chat p95 with the hardening middleware, {SESSIONS} sessions × {PER_SESSION} messages × {ROUNDS} rounds "
           "(baseline: the same app without it)", p95_ms(with_mw), p95_ms(without), target=1.10)


if __name__ == "__main__":
    main()
