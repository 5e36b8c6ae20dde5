"""Issue 14, finding 2, the routes besides the library upload: `/tom-tat`, `/hoi-dap`,
`/cuoc-hop/giong-noi` and the meeting upload ran their slow step (a model, the question box's
SQL, ffmpeg) on the event loop, so every other page of the staff app waited for it. The slow step
is made slow here (the real function, after a pause) and /healthz must keep answering within 1 s."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from appliance.ask import routes as ask_routes
from appliance.knowledge import summary_routes
from appliance.meetings import api as meetings_api
from appliance.meetings import routes as meetings_routes
from tests.conftest import LiveServer, login
from tests.security.files import tone_wav
from tests.security.test_uploads import _healthz_while

PAUSE_S = 1.5  # longer than the 1 s /healthz is allowed, short enough to keep the test quick


def _slowed(fn: Callable[..., Any]) -> Callable[..., Any]:
    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(PAUSE_S)  # blocks whichever thread runs it: the event loop, if the route runs it there
        return fn(*args, **kwargs)
    return slow


def test_slow_steps_never_hold_the_event_loop(staff_factory: Callable[..., LiveServer],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask_routes, "_ask", _slowed(ask_routes._ask))
    monkeypatch.setattr(summary_routes, "summarize", _slowed(summary_routes.summarize))
    monkeypatch.setattr(meetings_routes, "decode_upload", _slowed(meetings_routes.decode_upload))
    monkeypatch.setattr(meetings_api, "probe_audio", _slowed(meetings_api.probe_audio))
    server = staff_factory()
    wav = tone_wav(seconds=1)
    with server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        calls = {
            "/hoi-dap": lambda: c.post("/hoi-dap", data={"csrf_token": csrf, "question": "Tháng này bao nhiêu hồ sơ?"}),
            "/tom-tat": lambda: c.post("/tom-tat", data={"csrf_token": csrf, "text": "Ủy ban nhân dân phường tổ chức "
                                                         "tiếp công dân vào thứ Năm hằng tuần tại trụ sở. " * 5}),
            "/cuoc-hop/giong-noi": lambda: c.post("/cuoc-hop/giong-noi", data={"csrf_token": csrf, "name": "Thử"},
                                                  files={"audio": ("mau.wav", wav, "audio/wav")}),
            "/api/v1/meetings": lambda: c.post("/api/v1/meetings", data={"title": "Họp"},
                                               headers={"X-CSRF-Token": csrf},
                                               files={"audio": ("hop.wav", wav, "audio/wav")}),
        }
        slowest = {}
        for path, call in calls.items():
            started = time.monotonic()
            response, slowest[path] = _healthz_while(server, call)
            assert response.status_code < 500, (path, response.status_code, response.text[:300])
            assert time.monotonic() - started >= PAUSE_S, path  # the slow step really ran
    assert all(seconds < 1.0 for seconds in slowest.values()), slowest
