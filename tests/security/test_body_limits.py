"""Issue 14, finding 6: request bodies are limited while they stream in, before any route reads
them, on both apps (before: 300 MB to /zalo/webhook → 701 MB peak, to /api/v1/feedback → 1 GB)."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from appliance.citizen.public.app import create_public_app
from tests.conftest import LiveServer, login

CHUNK = 64 * 1024


def _stream_until_answered(port: int, path: str, total: int, content_type: str = "application/json",
                           extra: str = "") -> tuple[int, bytes]:
    """POST a chunked body of `total` bytes, stopping as soon as the server answers: (bytes sent, answer)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n{extra}"
                 "Transfer-Encoding: chunked\r\n\r\n".encode())
    sent = 0
    answer = b""
    payload = b"[" + b"1," * (CHUNK // 2 - 1) + b"1"  # valid-looking JSON to the last byte
    try:
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            sock.sendall(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
            sent += len(payload)
        else:
            sock.sendall(b"0\r\n\r\n")
        deadline = time.monotonic() + 30
        while b"\r\n\r\n" not in answer and time.monotonic() < deadline:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    except (BrokenPipeError, ConnectionResetError):
        answer += sock.recv(65536) if not answer else b""
    finally:
        sock.close()
    return sent, answer


@pytest.fixture
def citizen(citizen_settings: Any, live_server_factory: Callable[[Any], LiveServer]) -> LiveServer:
    return live_server_factory(create_public_app(citizen_settings, generator=None))


@pytest.mark.parametrize("path", ["/api/v1/feedback", "/zalo/webhook", "/api/v1/chat"])
def test_citizen_app_stops_reading_at_the_limit(citizen: LiveServer, path: str) -> None:
    sent, answer = _stream_until_answered(citizen.port, path, 60 * 1024 * 1024)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 12 * 1024 * 1024  # it answered long before the 60 MB were sent
    assert "quá lớn".encode() in answer or b"413" in answer


def test_a_declared_length_over_the_limit_is_refused_without_reading(citizen: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", citizen.port), timeout=10) as sock:
        sock.sendall(b"POST /zalo/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 314572800\r\n\r\n{")
        answer = sock.recv(65536)  # no body follows: a server that read first would wait forever
    assert answer.startswith(b"HTTP/1.1 413")
    assert b"content-security-policy" in answer.lower()  # the refusal carries the security headers


def test_staff_app_limits_json_and_upload_routes(server: LiveServer) -> None:
    with server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        big = c.post("/api/v1/ask", content=b'{"question": "' + b"a" * (2 * 1024 * 1024) + b'"}',
                     headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
        # an upload route has its own, larger limit: 3 MB of a document is not refused for size
        files = {"files": ("a.txt", b"Luat " * (600 * 1024), "text/plain")}
        upload = c.post("/tra-cuu/van-ban", files=files, data={"csrf_token": csrf})
        assert upload.status_code != 413
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /nhap-du-lieu HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: 999999999999\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 413")


def test_staff_app_json_body_is_cut_off_while_streaming(server: LiveServer) -> None:
    sent, answer = _stream_until_answered(server.port, "/api/v1/ask", 40 * 1024 * 1024)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 12 * 1024 * 1024
