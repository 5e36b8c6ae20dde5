"""The citizen chat against a model server that misbehaves like real models: every behaviour ends
in a correct answer, the model's rephrasing ("llm") or the catalogue's template ("rules"), within
the chat's 3-second budget; never fences, English, Chinese, loops, cut text or invented figures."""

from __future__ import annotations

import time
from typing import Any

import pytest

from appliance.citizen.public.answers import CHAT_DEADLINE_S
from appliance.citizen.public.app import create_public_app
from tests.engines.misbehaving import BEHAVIOURS, CHINESE, ENGLISH, LOOP, UNSUPPORTED_FIGURE, Misbehaving

GOOD = {"good", "fenced", "preamble"}  # the rephrasing survives these; every other behaviour gets the template


def rephrase(body: dict[str, Any]) -> str:
    """A faithful model: a polite opening, then the facts it was given."""
    facts = body["messages"][-1]["content"].split("PHẦN DỮ KIỆN:\n", 1)[1].rsplit("\n\nHãy viết", 1)[0]
    return "Dạ, UBND phường xin trả lời anh/chị như sau.\n" + facts


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_citizen_chat_survives(behaviour: str, misbehaving: Misbehaving, citizen_settings, live_server_factory):
    misbehaving.script(behaviour, answer=rephrase)
    server = live_server_factory(create_public_app(citizen_settings, generator=misbehaving.generator(timeout=20)))
    with server.client() as client:
        started = time.monotonic()
        reply = client.post("/api/v1/chat", json={"session_id": f"s-model-{behaviour}",
                                                  "message": "đăng ký kết hôn mất bao lâu"}).json()
        elapsed = time.monotonic() - started
    assert reply["intent"] == "procedure" and reply["procedure"]["name"] == "Đăng ký kết hôn"
    text = reply["reply"]
    if behaviour in GOOD:
        assert reply["engine"] == "llm" and text.startswith("Dạ, UBND phường xin trả lời")
    else:
        assert reply["engine"] == "rules" and text.startswith("Thủ tục «Đăng ký kết hôn»")
    for junk in ("```", ENGLISH[:20], CHINESE[:6], f"{LOOP} {LOOP}", UNSUPPORTED_FIGURE, "{", "Chắc chắn rồi",
                 "Hy vọng"):
        assert junk not in text
    assert "Thời hạn giải quyết" in text  # the answer is complete either way
    assert elapsed < CHAT_DEADLINE_S + 2.0  # a stalled model costs the budget, not 30 s
