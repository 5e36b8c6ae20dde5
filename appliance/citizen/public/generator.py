"""The citizen app's generator: asked of the engines server only, a few chats at a time.

The internet-facing process never loads a model itself. At most GENERATOR_SLOTS chats use the
generator at once; the others get the template answer at once instead of queueing behind it
(labelled "rules", `answers.py`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

from appliance.config import Settings
from appliance.engines import ChatMessage, Generator, engine
from appliance.engines.base import GenerationInfo, UsageReporting

GENERATOR_SLOTS = 2  # concurrent generator calls; more chats answer from templates meanwhile
CHAT_GENERATOR_TIMEOUT_S = 20.0  # the HTTP limit; the chat itself waits answers.CHAT_DEADLINE_S (3 s)


class BoundedGenerator:
    """A Generator that lets `slots` chats through at once and raises TimeoutError for the rest
    (and when there is no generator). The generator is looked up again every LOOKUP_EVERY_S, so
    an engines server that comes up (or goes away) later is noticed."""

    LOOKUP_EVERY_S = 15.0
    reports_usage = True  # passes GenerationInfo through to the engines client

    def __init__(self, provider: Callable[[], Generator | None], slots: int):
        self.provider = provider
        self.name = "generator"
        self._slots = threading.BoundedSemaphore(slots)
        self._inner: Generator | None = None
        self._looked_up = -1e9

    def _current(self) -> Generator | None:
        now = time.monotonic()
        if now - self._looked_up > self.LOOKUP_EVERY_S:  # the registry call is not free: not on every chat
            self._inner, self._looked_up = self.provider(), now
        return self._inner

    def _acquire(self) -> Generator:
        inner = self._current()
        if inner is None:
            raise TimeoutError("no generator")  # the template answers
        if not self._slots.acquire(timeout=0.2):
            raise TimeoutError("generator busy")
        return inner

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None,
             info: GenerationInfo | None = None) -> str:
        inner = self._acquire()
        try:
            if isinstance(inner, UsageReporting) and inner.reports_usage and info is not None:
                return str(inner.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                      json_schema=json_schema, info=info))
            if json_schema is None:
                return str(inner.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop))
            return str(inner.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                  json_schema=json_schema))
        finally:
            self._slots.release()

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None, info: GenerationInfo | None = None) -> Iterator[str]:
        """The inner stream under the same bound: the slot is freed when the stream ends or is closed
        (the generation contract closes it at the chat's deadline, and the engines server stops)."""
        inner = self._acquire()
        try:
            if isinstance(inner, UsageReporting) and inner.reports_usage and info is not None:
                yield from inner.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                        info=info)
            else:
                yield from inner.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)
        finally:
            self._slots.release()


def citizen_generator(settings: Settings) -> Generator | None:
    """Remote mode always: the engines server, waited on at most CHAT_GENERATOR_TIMEOUT_S before
    the template answers."""
    remote = settings.model_copy(update={"engines_mode": "remote", "engines_timeout_s": CHAT_GENERATOR_TIMEOUT_S})
    return engine(remote, "generator")


def bounded(settings: Settings, generator: Generator | Literal["auto"] | None) -> BoundedGenerator | None:
    """The chatbot's generator: "auto" asks the engines server; tests pass their own, or None."""
    if generator == "auto":
        return BoundedGenerator(lambda: citizen_generator(settings), GENERATOR_SLOTS)
    if generator is None:
        return None
    given = generator
    return BoundedGenerator(lambda: given, GENERATOR_SLOTS)
