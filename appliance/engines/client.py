"""The one client every feature's model call goes through in `remote` mode: the OpenAI-compatible
API at `engines_url` (the appliance's engines server, or a city's vLLM / TGI / llama.cpp server)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import httpx
import numpy as np

from appliance.engines.base import ChatMessage, GenerationInfo, Segment, Turn, Vectors


class EnginesError(RuntimeError):
    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


class EnginesClient:
    def __init__(self, base_url: str, *, timeout: float = 300.0, api_key: str | None = None,
                 model: str | None = None, transport: httpx.BaseTransport | None = None):
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._http = httpx.Client(base_url=self.base_url, timeout=httpx.Timeout(timeout, connect=5.0),
                                  headers=headers, transport=transport)

    def close(self) -> None:
        self._http.close()

    def _post(self, path: str, **kwargs: Any) -> httpx.Response:
        response = self._http.post(path, **kwargs)
        if response.status_code >= 400:
            raise EnginesError(response.status_code, _message(response))
        return response

    def models(self, timeout: float | None = None) -> list[dict[str, Any]]:
        response = self._http.get("/models", timeout=timeout) if timeout else self._http.get("/models")
        if response.status_code >= 400:
            raise EnginesError(response.status_code, _message(response))
        return list(response.json().get("data", []))

    def _chat_body(self, messages: Sequence[ChatMessage], max_tokens: int, temperature: float,
                   stop: Sequence[str] | None) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model or "default", "messages": list(messages),
                                "max_tokens": max_tokens, "temperature": temperature}
        if stop:
            body["stop"] = list(stop)
        return body

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None,
             info: GenerationInfo | None = None) -> str:
        body = self._chat_body(messages, max_tokens, temperature, stop)
        if json_schema is not None:
            # Servers with guided decoding (vLLM, TGI, llama.cpp) enforce the schema while generating.
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "answer", "schema": json_schema, "strict": True}}
        data = self._post("/chat/completions", json=body).json()
        choice = data["choices"][0]
        if info is not None:
            info.finish_reason = choice.get("finish_reason")
            tokens = (data.get("usage") or {}).get("completion_tokens")
            info.completion_tokens = int(tokens) if tokens else None  # 0 means "not counted" on some servers
        return str(choice["message"].get("content") or "")

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None, info: GenerationInfo | None = None) -> Iterator[str]:
        body = self._chat_body(messages, max_tokens, temperature, stop) | {"stream": True}
        if info is not None:
            body["stream_options"] = {"include_usage": True}
        with self._http.stream("POST", "/chat/completions", json=body) as response:
            if response.status_code >= 400:
                response.read()
                raise EnginesError(response.status_code, _message(response))
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue
                payload = line[5:].strip()
                if payload == "[DONE]":
                    return
                event = json.loads(payload)
                if "error" in event:
                    error = event["error"]
                    raise EnginesError(504 if error.get("type") == "timeout" else 500, str(error.get("message")))
                usage = event.get("usage") or {}
                if info is not None and usage.get("completion_tokens"):
                    info.completion_tokens = int(usage["completion_tokens"])
                for choice in event.get("choices", []):
                    if info is not None and choice.get("finish_reason"):
                        info.finish_reason = str(choice["finish_reason"])
                    content = choice.get("delta", {}).get("content")
                    if content:
                        yield content

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        body = {"model": self.model or f"e5-{kind}", "input": list(texts), "input_type": kind,
                "encoding_format": "float"}
        data = sorted(self._post("/embeddings", json=body).json()["data"], key=lambda d: d["index"])
        rows = [np.frombuffer(base64.b64decode(d["embedding"]), dtype="<f4") if isinstance(d["embedding"], str)
                else np.asarray(d["embedding"], dtype=np.float32) for d in data]
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.vstack(rows).astype(np.float32)
        normalised: Vectors = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        return normalised

    def transcribe(self, audio: Path | str, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None) -> list[Segment]:
        path = Path(audio)
        form = {"model": self.model or "whisper", "language": language, "response_format": "verbose_json"}
        if initial_prompt:
            form["prompt"] = initial_prompt
        with open(path, "rb") as fh:
            data = self._post("/audio/transcriptions", data=form, files={"file": (path.name, fh)}).json()
        segments = data.get("segments")
        if not segments:  # a server that only answers {"text"}: one segment for the whole file
            text = str(data.get("text", "")).strip()
            return [Segment(0.0, float(data.get("duration") or 0.0), text)] if text else []
        return [Segment(float(s["start"]), float(s["end"]), str(s["text"]).strip()) for s in segments]

    def probe_transcription(self) -> None:
        """A quarter second of silence to /audio/transcriptions: raises EnginesError (404 when the
        server has no such endpoint)."""
        pcm = b"\x00\x00" * 4000
        header = (b"RIFF" + (36 + len(pcm)).to_bytes(4, "little") + b"WAVEfmt " + (16).to_bytes(4, "little")
                  + (1).to_bytes(2, "little") + (1).to_bytes(2, "little") + (16000).to_bytes(4, "little")
                  + (32000).to_bytes(4, "little") + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
                  + b"data" + len(pcm).to_bytes(4, "little"))
        self._post("/audio/transcriptions", data={"model": self.model or "whisper", "response_format": "json"},
                   files={"file": ("probe.wav", header + pcm, "audio/wav")}, timeout=30.0)

    def diarize(self, audio: Path | str, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        """Who spoke when: `/v1/audio/diarizations`, the appliance engines server's one non-OpenAI route."""
        path = Path(audio)
        form = {"num_speakers": str(num_speakers)} if num_speakers else {}
        if max_speakers and not num_speakers:
            form["max_speakers"] = str(max_speakers)
        with open(path, "rb") as fh:
            data = self._post("/audio/diarizations", data=form, files={"file": (path.name, fh)}).json()
        return [Turn(float(t["start"]), float(t["end"]), str(t["speaker"])) for t in data.get("turns", [])]


def _message(response: httpx.Response) -> str:
    try:
        error = response.json().get("error")
        if isinstance(error, dict):
            return str(error.get("message"))
        return str(error or response.text)
    except ValueError:
        return response.text[:200]
