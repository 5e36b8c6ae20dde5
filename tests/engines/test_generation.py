"""The generation contract against a server that misbehaves like real models, over real HTTP."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from appliance.engines.base import ChatMessage
from appliance.engines.client import EnginesClient
from appliance.engines.generation import (
    MAX_OVERDUE,
    GenerationFailure,
    JsonResult,
    TextResult,
    chat_json,
    chat_text,
    observed,
)
from appliance.engines.model_output import parse_json_object
from appliance.engines.remote import RemoteGenerator
from tests.conftest import free_port
from tests.engines.misbehaving import UNSUPPORTED, Misbehaving

SCHEMA: dict[str, object] = {
    "type": "object", "additionalProperties": False, "required": ["points"],
    "properties": {"points": {"type": "array", "minItems": 1, "items": {"type": "string"}}},
}
POINTS = {"points": ["Hồ sơ gồm tờ khai và bản sao giấy khai sinh.", "Thời hạn giải quyết là 5 ngày làm việc."]}
GOOD_JSON = json.dumps(POINTS, ensure_ascii=False)
GOOD_TEXT = ("Kính gửi ông bà, hồ sơ đăng ký khai sinh gồm tờ khai theo mẫu và giấy chứng sinh. "
             "Thời hạn giải quyết là trong ngày làm việc.")
MESSAGES: list[ChatMessage] = [{"role": "system", "content": "Bạn tóm tắt văn bản."},
                               {"role": "user", "content": "Tóm tắt văn bản sau."}]


def _json(server: Misbehaving, *behaviours: str, deadline_s: float = 10.0) -> JsonResult | GenerationFailure:
    server.script(*behaviours, answer=lambda _body: GOOD_JSON)
    return chat_json(server.generator(), MESSAGES, schema=SCHEMA, deadline_s=deadline_s, language="vi")


def _text(server: Misbehaving, *behaviours: str, deadline_s: float = 10.0,
          **kwargs: Any) -> TextResult | GenerationFailure:
    server.script(*behaviours, answer=lambda _body: GOOD_TEXT)
    return chat_text(server.generator(), MESSAGES, deadline_s=deadline_s, **kwargs)


@pytest.mark.parametrize("behaviour", ["good", "fenced", "preamble", "unsupported_citation"])
def test_json_comes_back_parsed_at_the_first_attempt(misbehaving: Misbehaving, behaviour: str) -> None:
    result = _json(misbehaving, behaviour)
    assert isinstance(result, JsonResult), result
    expected = POINTS if behaviour != "unsupported_citation" else {"points": [*POINTS["points"], UNSUPPORTED]}
    assert result.value == expected  # the contract does not know sources: grounding drops the last point
    assert result.attempts == 1 and result.engine.startswith("remote:city-llm")
    assert result.tokens > 0
    request = misbehaving.requests[0]
    assert request["response_format"]["type"] == "json_schema"  # guided decoding where the server has it
    assert request["response_format"]["json_schema"]["schema"] == SCHEMA


@pytest.mark.parametrize(("behaviour", "reason", "said"), [
    ("truncated", "truncated", "bị cắt giữa chừng"),
    ("wrong_keys", "schema", "missing required key 'points'"),
    ("english", "language", "không viết bằng tiếng Việt"),
    ("chinese", "language", "không viết bằng tiếng Việt"),
    ("repetition", "repetition", "lặp đi lặp lại"),
])
def test_one_retry_quotes_what_was_wrong_then_succeeds(misbehaving: Misbehaving, behaviour: str, reason: str,
                                                       said: str) -> None:
    result = _json(misbehaving, behaviour, "good")
    assert isinstance(result, JsonResult), result
    assert result.value == POINTS and result.attempts == 2
    retry = misbehaving.requests[1]["messages"]
    assert retry[-2]["role"] == "assistant"  # the model sees its own answer…
    assert said in retry[-1]["content"] and '"points"' in retry[-1]["content"]  # …and why it was refused


@pytest.mark.parametrize(("behaviour", "reason"), [
    ("truncated", "truncated"), ("wrong_keys", "schema"), ("english", "language"), ("chinese", "language"),
    ("repetition", "repetition"),
])
def test_a_second_bad_answer_is_a_typed_failure_nothing_repaired(misbehaving: Misbehaving, behaviour: str,
                                                                 reason: str) -> None:
    result = _json(misbehaving, behaviour, behaviour)
    assert isinstance(result, GenerationFailure)
    assert result.reason == reason and result.attempts == 2 and result.raw
    assert len(misbehaving.requests) == 2
    assert result.say()  # a Vietnamese phrase for the note


@pytest.mark.parametrize(("behaviour", "reason"), [("error_500", "http_error"), ("busy", "busy")])
def test_server_errors_fail_at_once_without_retry(misbehaving: Misbehaving, behaviour: str, reason: str) -> None:
    result = _json(misbehaving, behaviour)
    assert isinstance(result, GenerationFailure) and result.reason == reason and result.attempts == 1
    assert len(misbehaving.requests) == 1


def test_a_stalled_server_costs_the_deadline_not_thirty_seconds(misbehaving: Misbehaving) -> None:
    started = time.monotonic()
    result = _json(misbehaving, "stall", deadline_s=0.5)
    assert isinstance(result, GenerationFailure) and result.reason == "timeout"
    assert time.monotonic() - started < 5.0  # the deadline (0.5 s) and a loaded machine's slack, not 30 s
    started = time.monotonic()
    text = _text(misbehaving, "stall", deadline_s=0.5)
    assert isinstance(text, GenerationFailure) and text.reason == "timeout"
    assert time.monotonic() - started < 5.0


def test_calls_piling_up_past_their_deadline_make_the_generator_busy(misbehaving: Misbehaving) -> None:
    generator = misbehaving.generator()
    misbehaving.script(*["stall"] * MAX_OVERDUE, answer=lambda _body: GOOD_TEXT)
    for _ in range(MAX_OVERDUE):
        failure = chat_text(generator, MESSAGES, deadline_s=0.3)
        assert isinstance(failure, GenerationFailure) and failure.reason == "timeout"
    started = time.monotonic()
    busy = chat_text(generator, MESSAGES, deadline_s=3.0)
    assert isinstance(busy, GenerationFailure) and busy.reason == "busy"
    assert time.monotonic() - started < 0.5 and len(misbehaving.requests) == MAX_OVERDUE  # never asked
    misbehaving.release.set()  # the stalled calls end: the generator takes calls again
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        result = chat_text(generator, MESSAGES, deadline_s=3.0)
        if isinstance(result, TextResult):
            break
        time.sleep(0.05)
    assert isinstance(result, TextResult)


def test_unavailable_when_nothing_is_installed_or_nobody_listens() -> None:
    failure = chat_json(None, MESSAGES, schema=SCHEMA, deadline_s=1.0)
    assert isinstance(failure, GenerationFailure) and failure.reason == "unavailable"
    closed = RemoteGenerator(EnginesClient(f"http://127.0.0.1:{free_port()}/v1", timeout=2.0), "generator", "x")
    for result in (chat_json(closed, MESSAGES, schema=SCHEMA, deadline_s=3.0),
                   chat_text(closed, MESSAGES, deadline_s=3.0)):
        assert isinstance(result, GenerationFailure) and result.reason == "unavailable"


# --- text ----------------------------------------------------------------------------------------

def test_good_text_streams_with_progress(misbehaving: Misbehaving) -> None:
    seen: list[str] = []
    result = _text(misbehaving, "good", on_text=seen.append)
    assert isinstance(result, TextResult) and result.text == GOOD_TEXT
    assert seen and seen[-1] == GOOD_TEXT
    assert misbehaving.requests[0]["stream"] is True
    assert result.tokens == len(GOOD_TEXT.split())  # the server's usage count, not an estimate


@pytest.mark.parametrize(("behaviour", "reason"), [
    ("english", "language"), ("chinese", "language"), ("truncated", "truncated"), ("repetition", "repetition"),
    ("error_500", "http_error"), ("busy", "busy"), ("wrong_keys", "invalid_json"),
])
def test_bad_text_is_a_typed_failure(misbehaving: Misbehaving, behaviour: str, reason: str) -> None:
    result = _text(misbehaving, behaviour)
    assert isinstance(result, GenerationFailure), result
    assert result.reason == reason


def test_a_repetition_loop_is_stopped_early(misbehaving: Misbehaving) -> None:
    result = _text(misbehaving, "repetition", max_tokens=4000)
    assert isinstance(result, GenerationFailure) and result.reason == "repetition"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not misbehaving.streams:
        time.sleep(0.01)
    time.sleep(0.3)
    stream = misbehaving.streams[0]
    assert not stream["completed"] and stream["chunks"] < 1000  # of ~5,000: the client hung up


def test_sql_is_not_checked_as_vietnamese(misbehaving: Misbehaving) -> None:
    misbehaving.script("good", answer=lambda _b: "SELECT count(*) FROM v_ho_so WHERE the_date IS NOT NULL AND x = 1")
    result = chat_text(misbehaving.generator(), MESSAGES, deadline_s=5.0, language="")
    assert isinstance(result, TextResult)


# --- a local backend (no response_format: the contract validates) ---------------------------------

class Scripted:
    """A local generator without guided decoding: answers from a list, records what it was asked."""

    def __init__(self, answers: Sequence[str]):
        self.name = "scripted"
        self.answers = list(answers)
        self.asked: list[tuple[list[ChatMessage], dict[str, Any] | None]] = []

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None) -> str:
        self.asked.append((list(messages), json_schema))
        return self.answers.pop(0)

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None) -> Iterator[str]:
        yield self.chat(messages)


def test_a_local_backend_is_validated_and_retried_once() -> None:
    generator = Scripted(['{"points": ["a", 3]}', 'Đây: {"points": ["Một ý."]} xong.'])
    result = chat_json(generator, MESSAGES, schema=SCHEMA, deadline_s=5.0)
    assert isinstance(result, JsonResult) and result.value == {"points": ["Một ý."]} and result.attempts == 2
    assert "$.points[1]: expected string, got integer" in generator.asked[1][0][-1]["content"]
    assert generator.asked[0][1] == SCHEMA  # the backend still gets the schema (CTranslate2 puts it in the prompt)
    assert result.tokens > 0  # estimated from the text when the backend reports no count


@pytest.mark.parametrize(("raw", "outcome"), [
    ('```json\n{"a": 1}\n```', {"a": 1}),
    ('Kết quả: {"a": "x } y"} — hết.', {"a": "x } y"}),
    ('{"a": 1,}', "invalid_json"),             # a trailing comma is not repaired
    ("{'a': 1}", "invalid_json"),              # nor single quotes
    ('{"a": [1, 2', "truncated"),
    ('```json\n{"a": 1', "truncated"),
    ("Không có dữ liệu.", "invalid_json"),
    ("[1, 2]", "invalid_json"),
])
def test_parsing_strips_fences_and_prose_and_repairs_nothing(raw: str, outcome: object) -> None:
    parsed = parse_json_object(raw)
    assert (parsed if isinstance(parsed, dict) else parsed[0]) == outcome


def test_observed_collects_every_contract_call(misbehaving: Misbehaving) -> None:
    misbehaving.script("good", "error_500", answer=lambda _body: GOOD_TEXT)
    with observed() as calls:
        first = chat_text(misbehaving.generator(), MESSAGES, deadline_s=5.0)
        second = chat_text(misbehaving.generator(), MESSAGES, deadline_s=5.0)
    assert calls == [first, second] and isinstance(second, GenerationFailure) and second.reason == "http_error"
    assert isinstance(chat_text(None, MESSAGES, deadline_s=1.0), GenerationFailure) and len(calls) == 2


def test_no_feature_calls_a_generator_around_the_contract() -> None:
    """Every model call of a feature goes through chat_json / chat_text (the citizen app's bounded
    generator only forwards them): a direct `.chat(` or `.stream(` would skip every check."""
    root = Path(__file__).resolve().parents[2] / "appliance"
    allowed = {root / "citizen" / "public" / "generator.py"}
    direct = re.compile(r"\b(?:generator|inner|model|llm)\.(?:chat|stream)\(")
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if "engines" not in path.relative_to(root).parts[:1] and path not in allowed
                 and direct.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
