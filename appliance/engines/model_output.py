"""What a model's raw answer is checked and cleaned with, before any feature sees it: the one JSON
object in it (fences and prose around it dropped, nothing repaired), its schema, language and loops;
and the chatter real models put around a text answer. Pure functions over strings: the calling,
deadlines and retries live in `generation`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Literal

from appliance.engines.schema_check import validate
from appliance.engines.text_checks import language_problem, repetition_problem

Reason = Literal["unavailable", "busy", "timeout", "http_error", "invalid_json", "schema", "truncated",
                 "language", "repetition", "empty", "error"]

_FENCED = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\n?(.*?)```", re.S)


def _closing(text: str, start: int) -> int | None:
    """Index of the brace closing the object that opens at `start` (strings and escapes respected)."""
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index
    return None


def parse_json_object(raw: str) -> dict[str, object] | tuple[Reason, str]:
    """The JSON object in a model's answer: inside ``` fences if there are some, prose before and
    after dropped. Nothing is repaired: a trailing comma, single quotes or a cut object fail."""
    text = raw.strip()
    fenced = _FENCED.search(text)
    if fenced:
        text = fenced.group(1)
    elif text.startswith("```"):  # a fence opened and never closed: the answer was cut
        text = text.split("\n", 1)[1] if "\n" in text else ""
    start = text.find("{")
    if start < 0:
        return ("truncated", "the answer stops before any JSON object") if not text.strip() and raw.strip() \
            else ("invalid_json", "no JSON object in the answer")
    end = _closing(text, start)
    if end is None:
        return "truncated", "the JSON object is not closed (cut at max_tokens?)"
    try:
        value = json.loads(text[start:end + 1])
    except json.JSONDecodeError as exc:
        return "invalid_json", f"{exc.msg} at character {exc.pos}"
    if not isinstance(value, dict):
        return "schema", "expected a JSON object"
    return value


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def check_json(raw: str, schema: dict[str, object], *, language: str | None = None,
               cut: bool = False) -> dict[str, object] | tuple[Reason, str]:
    """Parse, validate against the schema, and check the language and loops of its strings."""
    parsed = parse_json_object(raw)
    if isinstance(parsed, tuple):
        reason, detail = parsed
        return ("truncated", f"{detail}; the model stopped at max_tokens") if cut else (reason, detail)
    errors = validate(parsed, schema)
    if errors:
        return "schema", "; ".join(errors[:3])
    words = "\n".join(_strings(parsed))
    if language:
        problem = language_problem(words, language)
        if problem:
            return "language", problem
    loop = repetition_problem(words)
    if loop:
        return "repetition", loop
    return parsed


_PREAMBLE = re.compile(r"^[\s*_#>]*(?:(?:chắc chắn|vâng|dạ vâng|được rồi|sure|certainly|of course|okay|here is|"
                       r"here's)\b|(?:dưới đây|sau đây|đây) là "
                       r"(?:kết quả|câu trả lời|bản (?:dự thảo|tóm tắt)|nội dung|văn bản))"
                       r"[^\n]{0,120}:[\s*_]*$", re.I)
_CLOSING = re.compile(r"^\s*(?:hy vọng|hi vọng|nếu (?:anh|chị|bạn|ông|bà)[^\n]*cần|chúc (?:anh|chị|bạn)|i hope|"
                      r"let me know)\b", re.I)
_WHOLE_FENCE = re.compile(r"^\s*```[A-Za-z0-9_-]*[ \t]*\n(.*?)\n?```\s*$", re.S)


def strip_chatter(text: str) -> str:
    """The answer without what models put around it: a ``` fence around the whole text, an
    announcing first line ("Chắc chắn rồi! Dưới đây là kết quả:", "Sure, here is…:") and a closing
    pleasantry ("Hy vọng thông tin trên hữu ích…"). The words of the answer are never changed."""
    fenced = _WHOLE_FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    lines = text.strip().split("\n")
    if len(lines) > 1 and _PREAMBLE.match(lines[0]):
        lines = lines[1:]
    while len(lines) > 1 and _CLOSING.match(lines[-1]):
        lines = lines[:-1]
    return "\n".join(lines).strip()
