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
from appliance.engines.base import ChatMessage, Segment, Turn
from appliance.engines.client import EnginesClient

log = logging.getLogger(__name__)


class _Remote:
    def __init__(self, client: EnginesClient, task: str, model: str):
        self.client, self.task, self.model = client, task, model
        self.name = f"remote:{model} ({client.base_url})"
        self.device = "remote"


class RemoteTranscriber(_Remote):
    def transcribe(self, audio: Path | str, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None) -> list[Segment]:
        return self.client.transcribe(audio, language=language, vad=vad, initial_prompt=initial_prompt)


class RemoteGenerator(_Remote):
    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None) -> str:
        return self.client.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                json_schema=json_schema)

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None) -> Iterator[str]:
        return self.client.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)


class RemoteEmbedder(_Remote):
    dimension = 0

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Any:
        vectors = self.client.embed(texts, kind=kind)
        self.dimension = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[0] else self.dimension
        return vectors


class RemoteDiarizer(_Remote):
    def diarize(self, audio: Path | str, *, num_speakers: int | None = None) -> list[Turn]:
        return self.client.diarize(audio, num_speakers=num_speakers)


REMOTE_CLASSES: dict[str, type[_Remote]] = {"transcriber": RemoteTranscriber, "generator": RemoteGenerator,
                                            "embedder": RemoteEmbedder, "diarizer": RemoteDiarizer}


def _offered(client: EnginesClient, task: str) -> str:
    """The model id the server offers for this task, or raise (the slot then falls back, retried later)."""
    models = client.models(timeout=3.0)
    for model in models:
        if model.get("task") == task:
            return str(model["id"])
    if any("task" in m for m in models):
        raise LookupError(f"máy chủ mô hình không phục vụ tác vụ {task}")
    if task == "diarizer":  # not an OpenAI task: only the appliance's engines server offers it
        raise LookupError("máy chủ OpenAI-compatible này không phân biệt người nói")
    # A foreign server (vLLM, TGI…) lists models without tasks: trust the configured URL.
    if not models:
        raise LookupError("máy chủ mô hình không có mô hình nào")
    return str(models[0]["id"])


def remote_factory(settings: Settings, task: str) -> Callable[[], Any]:
    def make() -> Any:
        client = EnginesClient(settings.engines_url, timeout=float(getattr(settings, "engines_timeout_s", 300)))
        model = _offered(client, task)
        client.model = model
        if task == "embedder":
            instance = RemoteEmbedder(client, task, model)
            instance.dimension = int(instance.embed(["dimension"]).shape[1])
            return instance
        return REMOTE_CLASSES[task](client, task, model)
    return make


def remote_plan(settings: Settings) -> dict[str, Any]:
    from appliance.engines.registry import TASKS, Slot, _cpu_diarizer_slot

    slots: dict[str, Slot] = {}
    for task in TASKS:
        slots[task] = Slot(task, backend="remote", model=settings.engines_url, device="remote",
                           factory=remote_factory(settings, task), retry_s=30.0)
    # Diarization is not an OpenAI task: a foreign server, or the engines server while it is down,
    # leaves it to the CPU baseline in this process.
    slots["diarizer"].next = _cpu_diarizer_slot()
    return slots
