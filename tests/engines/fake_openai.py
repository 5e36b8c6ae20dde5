"""A minimal OpenAI-compatible server standing in for a city's vLLM / TGI / llama.cpp cluster:
no `task` on its models, no `input_type`, transcription answers only {"text"}. Deterministic."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import FastAPI, File, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse


def _vector(text: str) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255.0 - 0.5 for b in digest[:16]]


def create_fake_openai() -> FastAPI:
    app = FastAPI()
    app.state.requests = []

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "city-llm", "object": "model", "owned_by": "city"}]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        body = await request.json()
        app.state.requests.append(body)
        answer = "Đã nhận: " + body["messages"][-1]["content"]
        if body.get("stream"):
            def events() -> Any:
                for word in answer.split(" "):
                    chunk = {"choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}]}
                    yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
                yield "data: [DONE]\n\n"
            return StreamingResponse(events(), media_type="text/event-stream")
        return {"id": "x", "object": "chat.completion", "model": body.get("model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}]}

    @app.post("/v1/embeddings")
    async def embeddings(request: Request) -> Any:
        body = await request.json()
        app.state.requests.append(body)
        texts = [body["input"]] if isinstance(body["input"], str) else body["input"]
        return {"object": "list", "data": [{"object": "embedding", "index": i, "embedding": _vector(t)}
                                           for i, t in enumerate(texts)]}

    @app.post("/v1/audio/transcriptions")
    async def transcriptions(file: UploadFile = File(...)) -> Any:
        data = await file.read()
        return JSONResponse({"text": f"tệp {len(data)} byte"})

    return app
