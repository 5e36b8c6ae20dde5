"""An OpenAI-compatible server that misbehaves the way real models do, over real HTTP on loopback.

Like a city's vLLM cluster it lists one model without a task and offers chat only (no audio, no
embeddings). Each chat request takes the next scripted behaviour (then the `cycle` in turn, else
`default`), applied to the good answer the test's `answer(body)` gives for that request:

  good                  the answer as is
  fenced                inside ```json … ``` fences
  preamble              "Chắc chắn rồi! Dưới đây là kết quả:" before it, a closing remark after
  truncated             cut in the middle, finish_reason "length"
  wrong_keys            JSON with its keys renamed (a text answer comes back as a JSON object)
  english               English instead of Vietnamese (in the JSON's strings when JSON)
  chinese               Chinese instead of Vietnamese
  repetition            a sentence looping (streamed: hundreds of chunks, stopped by the client)
  unsupported_citation  one more sentence citing source [1] with a figure no source holds
  stall                 nothing for `stall_s` (30 s) before answering; released when the test ends
  error_500             HTTP 500 with an OpenAI error body
  busy                  HTTP 503 with Retry-After

`stream: true` gets the same content as server-sent chunks. Every request body is kept in
`requests` (so tests can check `response_format`), and what each stream sent in `streams`.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from appliance.engines.client import EnginesClient
from appliance.engines.remote import RemoteGenerator
from tests.conftest import LiveServer

BEHAVIOURS = ("good", "fenced", "preamble", "truncated", "wrong_keys", "english", "chinese", "repetition",
              "unsupported_citation", "stall", "error_500", "busy")
ENGLISH = "Sure! Here is the answer you asked for. The procedure requires the documents listed above and it takes " \
          "five working days for the office to process it."
CHINESE = "根据相关规定，办理该手续需要五个工作日，请携带身份证件。"
LOOP = "Hồ sơ được tiếp nhận và xử lý theo quy định của pháp luật hiện hành."
UNSUPPORTED = "Kinh phí thực hiện là 9.876.000 đồng [1]."
UNSUPPORTED_FIGURE = "9.876.000"
PREAMBLE = "Chắc chắn rồi! Dưới đây là kết quả:\n"
Answer = Callable[[dict[str, Any]], str]


def _echo(body: dict[str, Any]) -> str:
    return "Đã nhận: " + str(body["messages"][-1]["content"])[:200]


def _json_or_none(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    return value


def _add_unsupported(value: dict[str, Any]) -> dict[str, Any]:
    """One more claim with a made-up figure: appended to the first list of strings, else to the first string."""
    out = dict(value)
    for key, item in out.items():
        if isinstance(item, list) and all(isinstance(v, str) for v in item):
            out[key] = [*item, UNSUPPORTED]
            return out
    for key, item in out.items():
        if isinstance(item, str):
            out[key] = f"{item} {UNSUPPORTED}"
            return out
    return out | {"note": UNSUPPORTED}


def misbehave(behaviour: str, good: str) -> tuple[str, str]:
    """(content, finish_reason) for `behaviour` applied to the good answer."""
    parsed = _json_or_none(good)
    if behaviour == "fenced":
        return f"```json\n{good}\n```", "stop"
    if behaviour == "preamble":
        return f"{PREAMBLE}{good}\nHy vọng thông tin trên hữu ích với bạn.", "stop"
    if behaviour == "truncated":
        return good[:max(1, len(good) // 2)], "length"
    if behaviour == "wrong_keys":
        if parsed is None:
            return json.dumps({"answer": good}, ensure_ascii=False), "stop"
        return json.dumps({f"{k}_text": v for k, v in parsed.items()}, ensure_ascii=False), "stop"
    if behaviour in ("english", "chinese"):
        foreign = ENGLISH if behaviour == "english" else CHINESE
        if parsed is None:
            return foreign, "stop"
        return json.dumps(_map_strings(parsed, lambda _s: foreign), ensure_ascii=False), "stop"
    if behaviour == "repetition":
        loop = " ".join([LOOP] * 40)
        if parsed is None:
            return f"{good.split(chr(10))[0]} {loop}", "length"
        return json.dumps(_map_strings(parsed, lambda _s: loop), ensure_ascii=False), "stop"
    if behaviour == "unsupported_citation":
        if parsed is None:
            return f"{good} {UNSUPPORTED}", "stop"
        return json.dumps(_add_unsupported(parsed), ensure_ascii=False), "stop"
    return good, "stop"


@dataclass
class Misbehaving:
    """The server's script and what it saw; `url` is the OpenAI base URL (…/v1)."""
    answer: Answer = _echo
    default: str = "good"
    cycle: tuple[str, ...] = ()  # when set, requests beyond the script take these behaviours in turn
    stall_s: float = 30.0
    url: str = ""
    queue: deque[str] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    behaviours_served: list[str] = field(default_factory=list)
    streams: list[dict[str, Any]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *behaviours: str, answer: Answer | None = None) -> Misbehaving:
        unknown = [b for b in behaviours if b not in BEHAVIOURS]
        assert not unknown, f"unknown behaviours {unknown}"
        with self._lock:
            self.queue.extend(behaviours)
            if answer is not None:
                self.answer = answer
        return self

    def next_behaviour(self) -> str:
        with self._lock:
            if self.queue:
                behaviour = self.queue.popleft()
            elif self.cycle:
                behaviour = self.cycle[len(self.behaviours_served) % len(self.cycle)]
            else:
                behaviour = self.default
            self.behaviours_served.append(behaviour)
            return behaviour

    def client(self, timeout: float = 10.0) -> EnginesClient:
        return EnginesClient(self.url, timeout=timeout, model="city-llm")

    def generator(self, timeout: float = 10.0) -> RemoteGenerator:
        return RemoteGenerator(self.client(timeout), "generator", "city-llm")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": "server_error", "code": status}}, status_code=status,
                        headers=headers)


def _words(text: str) -> Iterator[str]:
    """Chunks of about one token: words with their following space."""
    start = 0
    for index, char in enumerate(text):
        if char in " \n" and index > start:
            yield text[start:index + 1]
            start = index + 1
    if start < len(text):
        yield text[start:]


def create_misbehaving_app(state: Misbehaving) -> FastAPI:
    app = FastAPI()

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "city-llm", "object": "model", "owned_by": "city"}]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Response:
        body = await request.json()
        state.requests.append(body)
        behaviour = state.next_behaviour()
        if behaviour == "error_500":
            return _error(500, "Internal Server Error: CUDA out of memory")
        if behaviour == "busy":
            return _error(503, "server busy", {"Retry-After": "1"})
        if behaviour == "stall":
            await asyncio.to_thread(state.release.wait, state.stall_s)
        content, finish = misbehave(behaviour, state.answer(body))
        tokens = len(content.split())
        if body.get("stream"):
            return StreamingResponse(_stream(state, request, content, finish, body, behaviour),
                                     media_type="text/event-stream")
        return JSONResponse({
            "id": "chatcmpl-fake", "object": "chat.completion", "model": "city-llm",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
            "usage": {"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens}})

    return app


async def _stream(state: Misbehaving, request: Request, content: str, finish: str, body: dict[str, Any],
                  behaviour: str) -> AsyncIterator[str]:
    record: dict[str, Any] = {"behaviour": behaviour, "chunks": 0, "completed": False}
    state.streams.append(record)
    pieces = list(_words(content))
    if behaviour == "repetition":  # a real loop runs until max_tokens: much longer than anyone should read
        pieces = list(_words(content)) + list(_words(" ".join([LOOP] * 400)))
    yield f"data: {json.dumps({'choices': [{'index': 0, 'delta': {'role': 'assistant', 'content': ''}}]})}\n\n"
    for piece in pieces:
        if await request.is_disconnected():
            return
        chunk = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
        yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
        record["chunks"] += 1
        await asyncio.sleep(0.001 if behaviour == "repetition" else 0)
    yield f"data: {json.dumps({'choices': [{'index': 0, 'delta': {}, 'finish_reason': finish}]})}\n\n"
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = {"choices": [], "usage": {"completion_tokens": len(pieces), "prompt_tokens": 0}}
        yield f"data: {json.dumps(usage)}\n\n"
    record["completed"] = True
    yield "data: [DONE]\n\n"


@pytest.fixture
def misbehaving() -> Iterator[Misbehaving]:
    """The misbehaving server, fresh per test; stalled requests are released when the test ends."""
    state = Misbehaving()
    with LiveServer(create_misbehaving_app(state)) as server:
        state.url = f"{server.url}/v1"
        try:
            yield state
        finally:
            state.release.set()
