"""`engines_mode = "remote"`: every engine answers through the OpenAI-compatible API at
`engines_url`, so the web, citizen and worker processes hold no model. Which tasks the server
offers is read from its /v1/models; while it is unreachable the features use their fallbacks
and the registry retries a little later."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from appliance.config import Settings
from appliance.engines.base import ChatMessage, Engine, GenerationInfo, Segment, Task, Turn, Vectors
from appliance.engines.client import EnginesClient, EnginesError

log = logging.getLogger(__name__)
ABSENT = (404, 405, 501)  # what a server without an endpoint answers (vLLM, TGI, llama.cpp: 404)
# Model ids that say what a model of a foreign server is for, when it lists several.
HINTS: dict[Task, tuple[str, ...]] = {"embedder": ("e5", "embed", "bge", "gte"), "transcriber": ("whisper", "asr"),
                                      "generator": ("instruct", "chat", "qwen", "llama"), "diarizer": ()}


class NotOffered(LookupError):
    """The server answers but does not offer this task: the appliance runs it locally instead."""


class _Remote:
    def __init__(self, client: EnginesClient, task: Task, model: str):
        self.client, self.task, self.model = client, task, model
        self.name = f"remote:{model} ({client.base_url})"
        self.device = "remote"


class RemoteTranscriber(_Remote):
    def transcribe(self, audio: Path | str, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None) -> list[Segment]:
        return self.client.transcribe(audio, language=language, vad=vad, initial_prompt=initial_prompt)


class RemoteGenerator(_Remote):
    reports_usage = True  # finish_reason and usage come back from the server (appliance.engines.generation)

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None,
             info: GenerationInfo | None = None) -> str:
        return self.client.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                json_schema=json_schema, info=info)

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None, info: GenerationInfo | None = None) -> Iterator[str]:
        return self.client.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop, info=info)


class RemoteEmbedder(_Remote):
    dimension = 0

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        vectors = self.client.embed(texts, kind=kind)
        self.dimension = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[0] else self.dimension
        return vectors


class RemoteDiarizer(_Remote):
    def diarize(self, audio: Path | str, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        return self.client.diarize(audio, num_speakers=num_speakers, max_speakers=max_speakers)


RemoteEngine = RemoteTranscriber | RemoteGenerator | RemoteEmbedder | RemoteDiarizer
REMOTE_CLASSES: dict[Task, type[RemoteEngine]] = {"transcriber": RemoteTranscriber, "generator": RemoteGenerator,
                                                  "embedder": RemoteEmbedder, "diarizer": RemoteDiarizer}


def _offered(client: EnginesClient, task: Task) -> tuple[str, bool]:
    """The model id the server offers for this task and whether the server said so (the engines
    server lists tasks; a foreign one does not), or raise: NotOffered when it answers without this
    task (the task then runs locally), anything else when it cannot be reached (retried later)."""
    models = client.models(timeout=3.0)
    for model in models:
        if model.get("task") == task:
            return str(model["id"]), True
    if any("task" in m for m in models):
        raise NotOffered(f"máy chủ mô hình không phục vụ tác vụ {task}")
    if task == "diarizer":  # not an OpenAI task: only the appliance's engines server offers it
        raise NotOffered("máy chủ OpenAI-compatible này không phân biệt người nói")
    if not models:
        raise NotOffered("máy chủ mô hình không có mô hình nào")
    # A foreign server (vLLM, TGI…) lists models without tasks: a model named for the task, else the first.
    named = [m for m in models if any(h in str(m.get("id", "")).lower() for h in HINTS[task])]
    return str((named or models)[0]["id"]), False


def _probe(client: EnginesClient, task: Task) -> None:
    """Ask a foreign server for one small thing of this task; NotOffered when the endpoint is absent.
    Chat is not probed: it is what every OpenAI-compatible server offers, and a probe would cost a
    generation (a chat call that fails later is a typed failure of the generation contract)."""
    try:
        if task == "transcriber":
            client.probe_transcription()
    except EnginesError as exc:
        if exc.status in ABSENT:
            raise NotOffered(f"máy chủ mô hình không có /audio/transcriptions ({exc.status})") from exc
        raise


def remote_factory(settings: Settings, task: Task) -> Callable[[], Engine]:
    """Builds the remote engine for `task` (asking the server what it offers) when first used."""
    def make() -> Engine:
        client = EnginesClient(settings.engines_url, timeout=settings.engines_timeout_s)
        model, listed = _offered(client, task)
        client.model = model
        if not listed:
            _probe(client, task)
        if task == "embedder":
            embedder = RemoteEmbedder(client, task, model)
            try:
                embedder.dimension = int(embedder.embed(["dimension"]).shape[1])
            except EnginesError as exc:
                if exc.status in ABSENT:
                    raise NotOffered(f"máy chủ mô hình không có /embeddings ({exc.status})") from exc
                raise
            return embedder
        return REMOTE_CLASSES[task](client, task, model)
    return make
