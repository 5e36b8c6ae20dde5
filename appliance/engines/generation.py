"""The one generation contract every feature calls instead of `Generator.chat`.

`chat_json` returns a parsed object valid against the feature's schema, or a typed failure;
`chat_text` returns Vietnamese text, or a typed failure. What real models do is handled here once:
JSON wrapped in ``` fences or with a sentence around it (stripped by `model_output`), JSON cut at max_tokens, wrong
keys or types (one retry that quotes the validation error, then a failure: nothing is repaired
silently), English or Chinese in a Vietnamese answer, repetition loops, a server that stalls, is
busy or answers 500. Every call has a deadline set by its feature: the call runs in a worker
thread and the caller gets a failure when the deadline passes (a streamed generation is stopped at
its next token), so a slow model never holds an answer that has a good fallback. Against an
OpenAI-compatible server the schema travels as `response_format` (json_schema), so vLLM, TGI or
llama.cpp enforce it while decoding; the local CTranslate2 backend cannot, and is validated here.

A `GenerationFailure` means: use your fallback and say so (label the answer with the fallback
engine; `failure.say()` is a Vietnamese phrase for the note).
"""

from __future__ import annotations

import json
import logging
import math
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

import httpx

from appliance.engines.base import ChatMessage, GenerationInfo, Generator, UsageReporting
from appliance.engines.client import EnginesError
from appliance.engines.model_output import Reason, check_json, parse_json_object, strip_chatter
from appliance.engines.text_checks import language_problem, repetition_problem

log = logging.getLogger(__name__)

REASON_VI: dict[str, str] = {
    "unavailable": "chưa có mô hình ngôn ngữ hoặc máy chủ mô hình không kết nối được",
    "busy": "mô hình ngôn ngữ đang bận",
    "timeout": "mô hình ngôn ngữ không trả lời kịp",
    "http_error": "máy chủ mô hình báo lỗi",
    "invalid_json": "mô hình trả lời sai định dạng",
    "schema": "mô hình trả lời thiếu hoặc sai trường dữ liệu",
    "truncated": "câu trả lời của mô hình bị cắt giữa chừng",
    "language": "mô hình trả lời không bằng tiếng Việt",
    "repetition": "mô hình lặp lại câu chữ",
    "empty": "mô hình không trả lời gì",
    "error": "mô hình ngôn ngữ gặp lỗi",
}
MAX_OVERDUE = 2  # per generator: calls still running past their deadline; beyond this new calls are "busy" at once
PROGRESS_EVERY_S = 0.5  # how often chat_text's on_text sees the text so far
CHECK_EVERY = 16  # streamed chunks between two repetition checks
FLUSH_EVERY_S = 0.1  # a batch of streamed chunks goes to the caller at least this often (while chunks arrive)
RETRY_RAW_CHARS = 1500  # how much of a bad answer the retry shows the model


@dataclass(frozen=True)
class GenerationFailure:
    reason: Reason
    detail: str  # English, for logs
    raw: str = ""  # what the model wrote, for the eval report (never shown to users)
    engine: str = ""
    elapsed_s: float = 0.0
    attempts: int = 0
    tokens: int = 0

    def say(self) -> str:
        """A Vietnamese phrase for the officer's or citizen's note, e.g. "mô hình ngôn ngữ đang bận"."""
        return REASON_VI.get(self.reason, REASON_VI["error"])


@dataclass(frozen=True)
class JsonResult:
    value: dict[str, object]  # parsed and valid against the schema
    engine: str  # the generator's name, for "engine" fields and the audit log
    elapsed_s: float
    attempts: int  # 1, or 2 after one retry with the validation error
    tokens: int = 0  # generated tokens (reported by the backend, else estimated from the text)
    raw: str = ""


@dataclass(frozen=True)
class TextResult:
    text: str
    engine: str
    elapsed_s: float
    tokens: int = 0


Outcome = JsonResult | TextResult | GenerationFailure
_OBSERVED: ContextVar[list[Outcome] | None] = ContextVar("generation_observed", default=None)
OutcomeT = TypeVar("OutcomeT", bound=JsonResult | TextResult | GenerationFailure)


@contextmanager
def observed() -> Iterator[list[Outcome]]:
    """Every contract call made in this context (this thread), in order: the evaluation command reads
    failures, attempts, tokens and model time from it without the features having to report them."""
    calls: list[Outcome] = []
    token = _OBSERVED.set(calls)
    try:
        yield calls
    finally:
        _OBSERVED.reset(token)


def _seen(outcome: OutcomeT) -> OutcomeT:
    calls = _OBSERVED.get()
    if calls is not None:
        calls.append(outcome)
    return outcome


# --- running a call under a deadline ----------------------------------------------------------------

class _Overdue:
    """Calls that outlived their deadline and still hold a worker thread, per generator."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[int, int] = {}

    def add(self, key: int) -> None:
        with self._lock:
            self._counts[key] = self._counts.get(key, 0) + 1

    def remove(self, key: int) -> None:
        with self._lock:
            left = self._counts.get(key, 0) - 1
            if left > 0:
                self._counts[key] = left
            else:
                self._counts.pop(key, None)

    def count(self, key: int) -> int:
        with self._lock:
            return self._counts.get(key, 0)


OVERDUE = _Overdue()
Event = tuple[str, object]  # ("delta", list[str]) | ("done", str) | ("end", None) | ("error", BaseException)


class _Worker:
    """One model call in a daemon thread, talking to the caller through a queue. The caller can
    abandon it (deadline passed, loop detected): the thread then stops at its next chunk, and until it
    ends it counts as overdue for its generator."""

    def __init__(self, key: int, body: Callable[[_Worker], None]):
        self.key = key
        self.events: queue.Queue[Event] = queue.Queue()
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self._done = False
        self._overdue = False
        threading.Thread(target=self._main, args=(body,), daemon=True, name="generation").start()

    def _main(self, body: Callable[[_Worker], None]) -> None:
        try:
            body(self)
        except BaseException as exc:  # handed to the caller, which turns it into a typed failure
            self.events.put(("error", exc))
        finally:
            with self._lock:
                self._done = True
                if self._overdue:
                    OVERDUE.remove(self.key)

    def next(self, deadline: float) -> Event | None:
        """The next event, or None when the deadline passed first."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            return self.events.get(timeout=remaining)
        except queue.Empty:
            return None

    def abandon(self) -> None:
        self.cancel.set()
        with self._lock:
            if not self._done and not self._overdue:
                self._overdue = True
                OVERDUE.add(self.key)


def _name(generator: Generator) -> str:
    return str(getattr(generator, "name", "generator"))


def _failure_of(exc: BaseException) -> tuple[Reason, str]:
    if isinstance(exc, EnginesError):
        if exc.status in (429, 503):
            return "busy", str(exc)
        if exc.status == 504:
            return "timeout", str(exc)
        return "http_error", str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.ConnectError):
        return "unavailable", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, httpx.HTTPError):
        return "http_error", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TimeoutError):  # a bounded generator whose slots are all taken
        return "busy", str(exc) or "generator busy"
    return "error", f"{type(exc).__name__}: {exc}"


def _estimate_tokens(text: str) -> int:
    """Vietnamese runs about 3 characters per token in the usual tokenizers (used when the backend
    reports no count)."""
    return math.ceil(len(text) / 3) if text else 0


def _precheck(generator: Generator | None) -> GenerationFailure | None:
    if generator is None:
        return GenerationFailure("unavailable", "no generator installed")
    if OVERDUE.count(id(generator)) >= MAX_OVERDUE:
        return GenerationFailure("busy", f"{MAX_OVERDUE} earlier calls still running past their deadline",
                                 engine=_name(generator))
    return None


def _complete(generator: Generator, messages: Sequence[ChatMessage], *, schema: dict[str, object] | None,
              max_tokens: int, temperature: float, deadline: float) -> tuple[str, GenerationInfo] | GenerationFailure:
    """One whole (not streamed) chat call under the deadline."""
    info = GenerationInfo()

    def body(worker: _Worker) -> None:
        if isinstance(generator, UsageReporting) and generator.reports_usage:
            text = generator.chat(messages, max_tokens=max_tokens, temperature=temperature, json_schema=schema,
                                  info=info)
        else:
            text = generator.chat(messages, max_tokens=max_tokens, temperature=temperature, json_schema=schema)
        worker.events.put(("done", str(text)))

    worker = _Worker(id(generator), body)
    event = worker.next(deadline)
    if event is None:
        worker.abandon()
        return GenerationFailure("timeout", "deadline passed before the model answered", engine=_name(generator))
    kind, value = event
    if kind == "error" and isinstance(value, BaseException):
        reason, detail = _failure_of(value)
        log.info("generation failed (%s): %s", reason, detail)
        return GenerationFailure(reason, detail, engine=_name(generator))
    return str(value), info


# --- JSON ---------------------------------------------------------------------------------------

_RETRY_WHY: dict[str, str] = {
    "invalid_json": "Câu trả lời trước không phải JSON hợp lệ ({detail}).",
    "truncated": "Câu trả lời trước bị cắt giữa chừng vì quá dài; hãy trả lời ngắn gọn hơn.",
    "schema": "Câu trả lời trước sai lược đồ: {detail}.",
    "language": "Câu trả lời trước không viết bằng tiếng Việt; hãy viết toàn bộ bằng tiếng Việt.",
    "repetition": "Câu trả lời trước lặp đi lặp lại; không lặp lại câu chữ.",
}


def retry_messages(messages: Sequence[ChatMessage], raw: str, reason: str, detail: str,
                   schema: dict[str, object]) -> list[ChatMessage]:
    why = _RETRY_WHY.get(reason, "Câu trả lời trước không dùng được.").format(detail=detail)
    return [*messages, {"role": "assistant", "content": raw[:RETRY_RAW_CHARS]},
            {"role": "user", "content": f"{why} Chỉ trả lời bằng MỘT đối tượng JSON hợp lệ theo lược đồ sau, không "
                                        f"thêm lời nào khác:\n{json.dumps(schema, ensure_ascii=False)}"}]


def chat_json(generator: Generator | None, messages: Sequence[ChatMessage], *, schema: dict[str, object],
              deadline_s: float, max_tokens: int = 512, language: str | None = None,
              temperature: float = 0.0) -> JsonResult | GenerationFailure:
    """A JSON object valid against `schema`, or a typed failure. One retry (quoting the error) when
    the answer is not JSON, is cut, breaks the schema, or its strings drift out of `language` or
    loop; none when the server is unavailable, busy, failing or past the deadline."""
    return _seen(_chat_json(generator, messages, schema, deadline_s, max_tokens, language, temperature))


def _chat_json(generator: Generator | None, messages: Sequence[ChatMessage], schema: dict[str, object],
               deadline_s: float, max_tokens: int, language: str | None,
               temperature: float) -> JsonResult | GenerationFailure:
    started = time.monotonic()
    deadline = started + deadline_s
    refused = _precheck(generator)
    if refused is not None or generator is None:
        return refused or GenerationFailure("unavailable", "no generator installed")
    engine = _name(generator)
    msgs, tokens = list(messages), 0
    failure = GenerationFailure("error", "no attempt made", engine=engine)
    for attempt in (1, 2):
        outcome = _complete(generator, msgs, schema=schema, max_tokens=max_tokens, temperature=temperature,
                            deadline=deadline)
        elapsed = time.monotonic() - started
        if isinstance(outcome, GenerationFailure):
            return GenerationFailure(outcome.reason, outcome.detail, failure.raw, engine, elapsed, attempt, tokens)
        raw, info = outcome
        tokens += info.completion_tokens if info.completion_tokens is not None else _estimate_tokens(raw)
        checked = check_json(raw, schema, language=language, cut=info.finish_reason == "length")
        if not isinstance(checked, tuple):
            return JsonResult(checked, engine, elapsed, attempt, tokens, raw)
        reason, detail = checked
        log.info("model JSON refused (attempt %d, %s): %s", attempt, reason, detail)
        failure = GenerationFailure(reason, detail, raw, engine, elapsed, attempt, tokens)
        if time.monotonic() >= deadline:
            break
        msgs = retry_messages(messages, raw, reason, detail, schema)
    return failure


# --- text ---------------------------------------------------------------------------------------

def chat_text(generator: Generator | None, messages: Sequence[ChatMessage], *, deadline_s: float,
              max_tokens: int = 512, language: str = "vi", temperature: float = 0.0,
              stop: Sequence[str] | None = None,
              on_text: Callable[[str], None] | None = None) -> TextResult | GenerationFailure:
    """Text in `language`, streamed under the deadline, or a typed failure: "language" (English or
    Chinese in a Vietnamese answer), "repetition" (a loop: the stream is stopped as soon as it shows),
    "truncated" (max_tokens reached), "invalid_json" (a JSON object where text was asked), "timeout", "busy",
    "unavailable", "http_error", "empty". A fence around the whole answer, an announcing first line and a
    closing pleasantry are removed (`strip_chatter`).
    `on_text(text_so_far)` is called in the caller's thread every PROGRESS_EVERY_S (progress for long
    drafts and summaries); `language=""` skips the language check (SQL, codes)."""
    return _seen(_chat_text(generator, messages, deadline_s, max_tokens, language, temperature, stop, on_text))


def _chat_text(generator: Generator | None, messages: Sequence[ChatMessage], deadline_s: float, max_tokens: int,
               language: str, temperature: float, stop: Sequence[str] | None,
               on_text: Callable[[str], None] | None) -> TextResult | GenerationFailure:
    started = time.monotonic()
    deadline = started + deadline_s
    refused = _precheck(generator)
    if refused is not None or generator is None:
        return refused or GenerationFailure("unavailable", "no generator installed")
    engine = _name(generator)
    info = GenerationInfo()

    def body(worker: _Worker) -> None:
        iterator: Iterator[str]
        if isinstance(generator, UsageReporting) and generator.reports_usage:
            iterator = generator.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop, info=info)
        elif callable(getattr(generator, "stream", None)):
            iterator = generator.stream(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)
        else:  # a test double with `chat` only: called whole
            iterator = iter([generator.chat(messages, max_tokens=max_tokens, temperature=temperature, stop=stop)])
        # Deltas go to the caller in batches of CHECK_EVERY (or sooner once FLUSH_EVERY_S has passed, so a
        # slow model's progress still shows): one queue hand-off per token cost a thread switch per token,
        # which doubled the cost of a fast stream on a loaded 2-core unit, and the caller checks only every
        # CHECK_EVERY chunks anyway.
        batch: list[str] = []
        flushed_at = time.monotonic()
        try:
            for delta in iterator:
                batch.append(str(delta))
                if len(batch) >= CHECK_EVERY or time.monotonic() - flushed_at >= FLUSH_EVERY_S:
                    worker.events.put(("delta", batch))
                    batch, flushed_at = [], time.monotonic()
                if worker.cancel.is_set():
                    break
        finally:
            close = getattr(iterator, "close", None)  # stops a remote stream (the server frees the model)
            if close is not None:
                close()
        if batch:
            worker.events.put(("delta", batch))
        worker.events.put(("end", None))

    worker = _Worker(id(generator), body)
    pieces: list[str] = []
    chunks, shown_at, check_at = 0, time.monotonic(), CHECK_EVERY

    def fail(reason: Reason, detail: str) -> GenerationFailure:
        worker.abandon()
        text = "".join(pieces)
        return GenerationFailure(reason, detail, text, engine, time.monotonic() - started, 1,
                                 info.completion_tokens or _estimate_tokens(text))

    while True:
        event = worker.next(deadline)
        if event is None:
            return fail("timeout", f"deadline of {deadline_s:.1f} s passed after {chunks} chunks")
        kind, value = event
        if kind == "error" and isinstance(value, BaseException):
            reason, detail = _failure_of(value)
            return fail(reason, detail)
        if kind == "end":
            break
        deltas = value if isinstance(value, list) else [str(value)]
        pieces.extend(deltas)
        chunks += len(deltas)
        if chunks >= check_at:  # a loop or a drift shows early: stop paying for it
            check_at = chunks + CHECK_EVERY
            so_far = "".join(pieces)
            loop = repetition_problem(so_far[-4000:])
            if loop:
                return fail("repetition", loop)
            drift = language_problem(so_far, language) if language else None
            if drift:
                return fail("language", drift)
        if on_text is not None and time.monotonic() - shown_at >= PROGRESS_EVERY_S:
            on_text("".join(pieces))
            shown_at = time.monotonic()
    text = strip_chatter("".join(pieces))
    tokens = info.completion_tokens if info.completion_tokens is not None else _estimate_tokens(text)
    elapsed = time.monotonic() - started

    def refuse(reason: Reason, detail: str) -> GenerationFailure:
        return GenerationFailure(reason, detail, text, engine, elapsed, 1, tokens)

    if info.finish_reason == "length" or (info.finish_reason is None and chunks >= max_tokens):
        return refuse("truncated", f"stopped at max_tokens ({max_tokens})")
    if not text:
        return refuse("empty", "the model wrote nothing")
    if text.startswith("{") and isinstance(parse_json_object(text), dict):
        return refuse("invalid_json", "a JSON object where text was asked")
    loop = repetition_problem(text)
    if loop:
        return refuse("repetition", loop)
    drift = language_problem(text, language) if language else None
    if drift:
        return refuse("language", drift)
    if on_text is not None:
        on_text(text)
    return TextResult(text, engine, elapsed, tokens)


__all__ = ["REASON_VI", "GenerationFailure", "JsonResult", "Outcome", "Reason", "TextResult", "chat_json",
           "chat_text", "observed"]
