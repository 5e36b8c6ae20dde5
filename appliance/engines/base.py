"""The four engine interfaces every AI feature calls. Backends live one per file beside this
module; the registry picks the best installed one for the configured device, and a feature
that gets `None` from the registry uses its own fallback and says so ("engine": "rules")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

Task = Literal["transcriber", "diarizer", "generator", "embedder"]
TASKS: tuple[Task, ...] = ("transcriber", "diarizer", "generator", "embedder")
Vectors = NDArray[np.float32]  # (n, dimension), one L2-normalised row per text
Samples = NDArray[np.float32]  # 16 kHz mono audio


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Turn:
    start: float
    end: float
    speaker: str


ChatMessage = dict[str, str]  # {"role": "system"|"user"|"assistant", "content": "..."}


@dataclass
class GenerationInfo:
    """Filled by generators that report how a generation ended (`reports_usage = True`): "stop"
    (end of turn or a stop string) or "length" (max_tokens reached: the text is cut), and the
    number of tokens generated. The generation contract reads it to tell a truncated answer
    from a finished one and to measure tokens per second."""
    finish_reason: str | None = None
    completion_tokens: int | None = None


@runtime_checkable
class Transcriber(Protocol):
    name: str  # e.g. "faster-whisper:whisper-base (cpu, int8)"

    def transcribe(self, audio: Path | str, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None) -> list[Segment]: ...


@runtime_checkable
class DraftTranscriber(Protocol):
    """A transcriber that also offers a quick pass for provisional live captions: greedy decoding, one
    temperature, word timings, over a few seconds of 16 kHz samples already in memory, never looping for
    long. Transcribers without it are called through `transcribe` on a file (their own settings)."""
    name: str

    def transcribe_draft(self, audio: Samples, *, language: str = "vi") -> list[Segment]: ...


@runtime_checkable
class Diarizer(Protocol):
    name: str

    def diarize(self, audio: Path | str, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        """Turns in order; `num_speakers` exactly that many voices, `max_speakers` at most (the attendees)."""
        ...


@runtime_checkable
class Generator(Protocol):
    name: str

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None) -> str: ...

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None) -> Iterator[str]: ...


@runtime_checkable
class UsageReporting(Protocol):
    """A generator whose `chat` and `stream` also accept `info=GenerationInfo()` and fill it."""
    name: str
    reports_usage: bool

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None,
             info: GenerationInfo | None = None) -> str: ...

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None, info: GenerationInfo | None = None) -> Iterator[str]: ...


@runtime_checkable
class Embedder(Protocol):
    name: str
    dimension: int

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        """A float32 numpy array of shape (len(texts), dimension), L2-normalised."""
        ...


Engine = Transcriber | Diarizer | Generator | Embedder


def as_task(name: str) -> Task | None:
    """A task named in a URL or on the command line, or None when there is no such task."""
    for task in TASKS:
        if task == name:
            return task
    return None
