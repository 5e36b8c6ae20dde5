"""The engines server (`appliance engines serve`): the one process that holds the models, with an
OpenAI-compatible API on 127.0.0.1 — /v1/chat/completions (streaming too), /v1/embeddings,
/v1/audio/transcriptions — a lane per model so one GPU serves many callers, a time limit per
request, and load/unload of each engine. An OpenAI-compatible server of another make (vLLM, TGI,
llama.cpp server) can stand in for it: the client only speaks that API.

Two routers share two dependencies: the registry (`RegistryDep`) and the lanes with the time
limit (`LanesDep`); `create_engines_app` only puts them on the app and adds the error shapes."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import json
import logging
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import numpy as np
from fastapi import APIRouter, Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from appliance.engines.base import TASKS, ChatMessage, GenerationInfo, Generator, Task, UsageReporting, as_task
from appliance.engines.registry import Registry, SlotStatus
from appliance.engines.work_queue import Cancelled, Lanes, QueueFull, Ticket

log = logging.getLogger(__name__)
T = TypeVar("T")
EMBED_KINDS: dict[str, Literal["query", "passage"]] = {"query": "query", "passage": "passage", "document": "passage"}


@dataclass
class Work:
    """The lanes (one per model) and the time limit every request gets."""
    lanes: Lanes
    timeout_s: float

    async def run(self, task: Task, fn: Callable[[], T]) -> T:
        return await self.lanes.get(task).run(Ticket(self.timeout_s), fn)


def _registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


def _work(request: Request) -> Work:
    work: Work = request.app.state.work
    return work


RegistryDep = Annotated[Registry, Depends(_registry)]
WorkDep = Annotated[Work, Depends(_work)]

manage = APIRouter()  # what runs, load/unload/reload
api = APIRouter()  # the OpenAI-compatible model calls


def _error(status: int, message: str, code: str) -> JSONResponse:
    # The OpenAI error shape, so foreign clients understand it too.
    return JSONResponse({"error": {"message": message, "type": code, "code": code}}, status_code=status)


async def _full(_request: Request, exc: Exception) -> Response:
    response = _error(503, f"Máy chủ mô hình đang bận: {exc}. Vui lòng thử lại sau ít phút.", "queue_full")
    response.headers["Retry-After"] = "5"
    return response


async def _timeout(_request: Request, _exc: Exception) -> Response:
    return _error(504, "Quá thời gian xử lý yêu cầu.", "timeout")


async def _cancelled(_request: Request, _exc: Exception) -> Response:
    return _error(504, "Quá thời gian chờ trong hàng đợi.", "timeout")


def create_engines_app(registry: Registry, *, timeout_s: float = 300.0, max_pending: int = 16) -> FastAPI:
    work = Work(Lanes(max_pending), timeout_s)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        work.lanes.shutdown()

    app = FastAPI(title="appliance-engines", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.registry, app.state.work = registry, work
    app.add_exception_handler(QueueFull, _full)
    app.add_exception_handler(TimeoutError, _timeout)
    app.add_exception_handler(Cancelled, _cancelled)
    app.include_router(manage)
    app.include_router(api)
    return app


# --- what runs where ----------------------------------------------------------------------------

@manage.get("/healthz")
def healthz(registry: RegistryDep, work: WorkDep) -> JSONResponse:
    return JSONResponse({"status": "ok", "engines": registry.status(), "queues": work.lanes.stats()})


@manage.get("/v1/models")
def models(registry: RegistryDep) -> JSONResponse:
    data = []
    for task, info in registry.status().items():
        if info["backend"] != "fallback" or task == "diarizer":
            data.append({"id": info.get("model") or info["backend"], "object": "model", "owned_by": "appliance",
                         "task": task, "backend": info["backend"], "loaded": info["loaded"]})
    return JSONResponse({"object": "list", "data": data})


@manage.get("/v1/engines")
def engines(registry: RegistryDep, work: WorkDep) -> JSONResponse:
    return JSONResponse({"engines": registry.status(), "queues": work.lanes.stats()})


@manage.post("/v1/engines/reload")
async def reload(registry: RegistryDep, work: WorkDep) -> Response:
    # Each lane finishes what it is doing first, then the models are chosen again from disk.
    for task in TASKS:
        await work.run(task, functools.partial(registry.unload, task))
    registry.replan()
    return JSONResponse({"engines": registry.status()})


@manage.post("/v1/engines/{name}/{action}")
async def load_unload(name: str, action: str, registry: RegistryDep, work: WorkDep) -> Response:
    task = as_task(name)
    if task is None or action not in ("load", "unload"):
        return _error(404, "Không có tác vụ hoặc thao tác này.", "not_found")
    if action == "unload":
        # Through the lane: a request in flight finishes before its model goes.
        await work.run(task, lambda: registry.unload(task))
    else:
        await work.run(task, lambda: registry.available(task))
    status: SlotStatus = registry.status()[task]
    return JSONResponse({"task": task, **status})


# --- the OpenAI-compatible API ------------------------------------------------------------------

@api.post("/v1/chat/completions")
async def chat(request: Request, registry: RegistryDep, work: WorkDep) -> Response:
    body = await request.json()
    generator = registry.available("generator")
    if generator is None:
        return _error(503, "Chưa cài mô hình ngôn ngữ.", "model_not_installed")
    messages: list[ChatMessage] = [{"role": str(m.get("role", "user")), "content": _content(m.get("content"))}
                                   for m in body.get("messages", [])]
    if not messages:
        return _error(400, "Thiếu messages.", "invalid_request")
    raw_stop = body.get("stop")
    stop = [raw_stop] if isinstance(raw_stop, str) else list(raw_stop or [])
    max_tokens = int(body.get("max_tokens") or body.get("max_completion_tokens") or 512)
    temperature = float(body.get("temperature") or 0.0)
    model = body.get("model") or getattr(generator, "name", "llm")
    cid, created = f"chatcmpl-{uuid.uuid4().hex[:20]}", int(time.time())
    if body.get("stream"):
        return _stream_chat(work, generator, messages, _Sampling(max_tokens, temperature, stop), model, cid, created)
    schema = _json_schema(body.get("response_format"))
    info = GenerationInfo()

    def generate() -> str:
        if isinstance(generator, UsageReporting) and generator.reports_usage:
            return generator.chat(messages, json_schema=schema, max_tokens=max_tokens, temperature=temperature,
                                  stop=stop, info=info)
        return generator.chat(messages, json_schema=schema, max_tokens=max_tokens, temperature=temperature, stop=stop)

    text = await work.run("generator", generate)
    tokens = info.completion_tokens or 0
    return JSONResponse({
        "id": cid, "object": "chat.completion", "created": created, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "finish_reason": info.finish_reason or "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens},
    })


@api.post("/v1/embeddings")
async def embeddings(request: Request, registry: RegistryDep, work: WorkDep) -> Response:
    body = await request.json()
    embedder = registry.available("embedder")
    if embedder is None:
        return _error(503, "Chưa cài mô hình nhúng.", "model_not_installed")
    raw = body.get("input")
    texts = [raw] if isinstance(raw, str) else list(raw or [])
    if not all(isinstance(t, str) for t in texts):
        return _error(400, "input phải là chuỗi hoặc danh sách chuỗi.", "invalid_request")
    model = str(body.get("model") or "")
    requested = body.get("input_type") or ("query" if "query" in model else "passage")
    kind = EMBED_KINDS.get(requested) if isinstance(requested, str) else None
    if kind is None:
        return _error(400, "input_type phải là query hoặc passage.", "invalid_request")
    vectors = await work.run("embedder", lambda: embedder.embed(texts, kind=kind))
    as_b64 = body.get("encoding_format") == "base64"
    data = [{"object": "embedding", "index": i,
             "embedding": base64.b64encode(np.asarray(v, dtype="<f4").tobytes()).decode() if as_b64
             else [float(x) for x in v]} for i, v in enumerate(vectors)]
    return JSONResponse({"object": "list", "data": data, "model": model or embedder.name,
                         "usage": {"prompt_tokens": 0, "total_tokens": 0}})


@api.post("/v1/audio/transcriptions")
async def transcriptions(registry: RegistryDep, work: WorkDep, file: UploadFile = File(...),
                         model: str = Form("whisper"), language: str = Form("vi"),
                         response_format: str = Form("json"), prompt: str | None = Form(None)) -> Response:
    transcriber = registry.available("transcriber")
    if transcriber is None:
        return _error(503, "Chưa cài mô hình nhận dạng giọng nói.", "model_not_installed")
    suffix = Path(file.filename or "audio.wav").suffix or ".wav"
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(await file.read())
        tmp.flush()
        segments = await work.run("transcriber", lambda: transcriber.transcribe(
            tmp.name, language=language or "vi", initial_prompt=prompt))
    text = " ".join(s.text for s in segments).strip()
    if response_format == "text":
        return PlainTextResponse(text)
    if response_format == "verbose_json":
        return JSONResponse({"task": "transcribe", "language": language, "text": text,
                             "duration": segments[-1].end if segments else 0.0,
                             "segments": [{"id": i, "start": s.start, "end": s.end, "text": s.text}
                                          for i, s in enumerate(segments)]})
    return JSONResponse({"text": text})


@api.post("/v1/audio/diarizations")
async def diarizations(registry: RegistryDep, work: WorkDep, file: UploadFile = File(...),
                       num_speakers: int | None = Form(None), max_speakers: int | None = Form(None)) -> Response:
    diarizer = registry.available("diarizer")
    if diarizer is None:
        return _error(503, "Chưa có công cụ phân biệt người nói.", "model_not_installed")
    suffix = Path(file.filename or "audio.wav").suffix or ".wav"
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(await file.read())
        tmp.flush()
        turns = await work.run("diarizer", lambda: diarizer.diarize(tmp.name, num_speakers=num_speakers,
                                                                    max_speakers=max_speakers))
    return JSONResponse({"engine": diarizer.name,
                         "turns": [{"start": t.start, "end": t.end, "speaker": t.speaker} for t in turns]})


def _content(content: object) -> str:
    if isinstance(content, list):  # OpenAI content parts: keep the text ones
        return "".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return str(content or "")


def _json_schema(response_format: object) -> dict[str, Any] | None:
    if not isinstance(response_format, dict):
        return None
    if response_format.get("type") == "json_schema":
        schema = response_format.get("json_schema", {}).get("schema")
        return schema if isinstance(schema, dict) else {}
    if response_format.get("type") == "json_object":
        return {"type": "object"}
    return None


def _chunk(cid: str, created: int, model: str, delta: dict[str, str], finish: str | None = None) -> str:
    payload = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
               "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"


@dataclass(frozen=True)
class _Sampling:
    max_tokens: int
    temperature: float
    stop: Sequence[str]


def _stream_chat(work: Work, generator: Generator, messages: list[ChatMessage], sampling: _Sampling, model: str,
                 cid: str, created: int) -> StreamingResponse:
    ticket = Ticket(work.timeout_s)
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    info = GenerationInfo()

    def produce() -> None:
        if isinstance(generator, UsageReporting) and generator.reports_usage:
            iterator = generator.stream(messages, max_tokens=sampling.max_tokens, temperature=sampling.temperature,
                                        stop=sampling.stop, info=info)
        else:
            iterator = generator.stream(messages, max_tokens=sampling.max_tokens, temperature=sampling.temperature,
                                        stop=sampling.stop)
        try:
            for delta in iterator:
                if ticket.expired():  # caller gone or deadline passed: free the GPU now
                    break
                loop.call_soon_threadsafe(queue.put_nowait, ("delta", delta))
        except Exception as exc:
            log.exception("streaming generation failed")
            loop.call_soon_threadsafe(queue.put_nowait, ("error", str(exc)))
        finally:
            close = getattr(iterator, "close", None)  # a generator function's iterator: stop it now
            if close is not None:
                close()
            loop.call_soon_threadsafe(queue.put_nowait, ("end", ""))

    work.lanes.get("generator").submit(ticket, produce)  # QueueFull → 503 before any byte is sent

    async def events() -> AsyncIterator[str]:
        try:
            yield _chunk(cid, created, model, {"role": "assistant", "content": ""})
            while True:
                kind, value = await asyncio.wait_for(queue.get(), timeout=max(0.01, ticket.deadline - time.monotonic()))
                if kind == "delta":
                    yield _chunk(cid, created, model, {"content": value})
                elif kind == "error":
                    yield f"data: {json.dumps({'error': {'message': value, 'type': 'engine_error'}})}\n\n"
                    break
                else:
                    yield _chunk(cid, created, model, {}, info.finish_reason or "stop")
                    if info.completion_tokens:
                        usage = {"prompt_tokens": 0, "completion_tokens": info.completion_tokens,
                                 "total_tokens": info.completion_tokens}
                        yield f"data: {json.dumps({'choices': [], 'usage': usage})}\n\n"
                    break
        except TimeoutError:
            yield f"data: {json.dumps({'error': {'message': 'Quá thời gian xử lý yêu cầu.', 'type': 'timeout'}})}\n\n"
        finally:
            ticket.cancelled.set()
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
