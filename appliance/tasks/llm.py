"""Task extraction with a generator, through the generation contract: the model lists the tasks as JSON
(`chat_json`, schema below), each with the exact sentence it comes from. What comes back is checked, not
trusted: a task whose quote is not in the transcript is dropped and counted; assignees are matched to the
ward's directory and units as in the rules engine; deadlines are resolved from the words said (the model's
`deadline` phrase, else its quote) by the same date rules against the meeting date and the ward's calendar.
A failed generation (timeout, busy, bad JSON…) gives the rules engine's answer and says why."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from appliance.engines import Generator
from appliance.engines.generation import GenerationFailure, chat_json
from appliance.tasks.confidence import Evidence, assess
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.extract import ExtractedTask
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

TASKS_DEADLINE_S = 120.0
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
SCHEMA: dict[str, object] = {
    "type": "object",
    "properties": {"tasks": {"type": "array", "maxItems": 80, "items": {
        "type": "object",
        "properties": {"assignee": {"type": "string", "maxLength": 160},
                       "content": {"type": "string", "maxLength": 400},
                       "deadline": {"type": "string", "maxLength": 120},
                       "quote": {"type": "string", "minLength": 4, "maxLength": 800}},
        "required": ["assignee", "content", "deadline", "quote"], "additionalProperties": False}}},
    "required": ["tasks"], "additionalProperties": False,
}
SYSTEM = (
    "Bạn là thư ký cuộc họp của Ủy ban nhân dân phường. Từ lời họp, hãy liệt kê các nhiệm vụ được giao hoặc "
    "được nhận: ai làm (họ tên hoặc đơn vị như trong danh bạ, để trống nếu người nói không được nêu tên), làm "
    "gì, hạn (đúng lời đã nói, ví dụ \"trước thứ Sáu tuần này\", để trống nếu không nói) và trích nguyên văn câu "
    "giao việc (quote phải là một đoạn có thật trong lời họp, chép đúng từng chữ). Không tính: việc đã làm xong, "
    "việc để sau hoặc có điều kiện (\"nếu có thời gian\"), việc đã rút lại hoặc giao lại cho người khác (chỉ tính "
    "người nhận cuối cùng, hạn cuối cùng), lời đề nghị với người dân, câu hỏi. \"X chủ trì, Y phối hợp\" là một "
    "nhiệm vụ của X. Chỉ trả lời bằng JSON.")


@dataclass(frozen=True)
class ModelTasks:
    tasks: list[ExtractedTask]
    engine: str
    dropped: int               # tasks whose quote was not in the transcript


def _directory_text(roster: Roster) -> str:
    people = [f"- {m.full_name} ({m.title}, {m.unit})" for m in roster.members]
    return "\n".join(people + [f"- Đơn vị: {u}" for u in roster.units]) or "(chưa có danh bạ)"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalize(text)).strip().lower()


def _person(roster: Roster, said: str) -> Person:
    said = normalize(said).strip()
    if not said:
        return Person("", kind="voice")
    found = roster.by_name(said)
    if len(found) >= 1:
        return found[0]
    unit = roster.unit(said)
    if unit:
        return Person(unit, unit, None, "unit")
    return Person(said, kind="said")


def extract_with_model(generator: Generator | None, text: str, meeting_date: dt.date, *, roster: Roster,
                       calendar: WorkCalendar | None = None, title: str = "") -> ModelTasks | GenerationFailure:
    weekday = WEEKDAYS[meeting_date.weekday()]
    prompt = (f"Cuộc họp: {title or 'không tên'}, ngày {meeting_date:%d/%m/%Y} ({weekday}).\n"
              f"Danh bạ phường:\n{_directory_text(roster)}\n\nLời họp:\n{text}\n\n"
              'Trả lời JSON dạng {"tasks": [{"assignee", "content", "deadline", "quote"}]}.')
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]
    result = chat_json(generator, messages, schema=SCHEMA, deadline_s=TASKS_DEADLINE_S, max_tokens=1500,
                       language="vi")
    if isinstance(result, GenerationFailure):
        return result
    transcript = _squash(text)
    tasks: list[ExtractedTask] = []
    dropped = 0
    items = result.value.get("tasks")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        quote = normalize(str(item.get("quote", ""))).strip()
        if not quote or _squash(quote) not in transcript:
            dropped += 1  # a sentence nobody said: the task has no ground
            continue
        person = _person(roster, str(item.get("assignee", "")))
        said = str(item.get("deadline", "")).strip()
        found = (find_deadline(said, meeting_date, None, calendar) if said else None) or \
            (find_deadline(quote, meeting_date, None, calendar) if said else None)
        content = normalize(str(item.get("content", ""))).strip() or quote
        # The model's word is the only evidence: firm for a person or unit of the directory, else to check.
        confidence, review = assess(Evidence("named", False, person.kind, found is not None))
        tasks.append(ExtractedTask(person.name, person.unit, content, found[0].isoformat() if found else None,
                                   quote, person.staff_id, confidence, review))
    return ModelTasks(tasks, result.engine, dropped)


def as_json(tasks: list[ExtractedTask]) -> str:
    """What a faithful model would answer for these tasks (tests and the evaluation command)."""
    return json.dumps({"tasks": [{"assignee": t.assignee, "content": t.content, "deadline": "",
                                  "quote": t.quote} for t in tasks]}, ensure_ascii=False)
