"""Task extraction with a generator, against a model server that misbehaves like real models: the model's
tasks when it answers (every task must quote a sentence that was said: an invented one is dropped and
counted), the rules engine's tasks when it fails, saying why."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

import pytest

from appliance.tasks import llm
from appliance.tasks.service import propose
from tests.engines.misbehaving import BEHAVIOURS, Misbehaving
from tests.tasks.transcripts import load_staff

TRANSCRIPT = ("Nguyễn Văn An: Giao anh Hùng rà soát các công trình không phép trên tuyến Tam Trinh, trước ngày 5/12 "
              "báo cáo tôi.\nTrần Văn Hùng: Vâng ạ.\n"
              "Nguyễn Văn An: Chị Lan chuẩn bị báo cáo tổng hợp ý kiến cử tri nhé, trong tuần này.")
INVENTED = "Anh Minh kiểm tra toàn bộ 300 hộ kinh doanh trước ngày 1/12."
MODEL_ANSWERS = {"good", "fenced", "preamble"}


def faithful_and_one_invented(body: dict[str, Any]) -> str:
    return json.dumps({"tasks": [
        {"assignee": "anh Hùng", "content": "Rà soát công trình không phép", "deadline": "trước ngày 5/12",
         "quote": "Giao anh Hùng rà soát các công trình không phép trên tuyến Tam Trinh, trước ngày 5/12 báo cáo tôi."},
        {"assignee": "Lê Thị Lan", "content": "Chuẩn bị báo cáo tổng hợp ý kiến cử tri", "deadline": "trong tuần này",
         "quote": "Chị Lan chuẩn bị báo cáo tổng hợp ý kiến cử tri nhé"},
        {"assignee": "anh Minh", "content": "Kiểm tra hộ kinh doanh", "deadline": "trước ngày 1/12", "quote": INVENTED},
    ]}, ensure_ascii=False)


@pytest.fixture
def ward(conn: sqlite3.Connection) -> sqlite3.Connection:
    load_staff(conn)
    return conn


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_task_extraction_survives(behaviour: str, misbehaving: Misbehaving, ward: sqlite3.Connection,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llm, "TASKS_DEADLINE_S", 1.0)
    misbehaving.default, misbehaving.answer = behaviour, faithful_and_one_invented
    result = propose(ward, TRANSCRIPT, dt.date(2026, 11, 23), generator=misbehaving.generator(timeout=20))
    pairs = {(t.assignee, t.deadline) for t in result.tasks}
    assert pairs == {("Trần Văn Hùng", "2026-12-05"), ("Lê Thị Lan", "2026-11-27")}, result
    assert all(t.quote and t.quote in TRANSCRIPT for t in result.tasks)
    assert all(t.staff_id is not None for t in result.tasks)
    assert all(t.review == "" for t in result.tasks)  # directory people with their deadlines: firm either way
    if behaviour in MODEL_ANSWERS:
        assert result.engine != "rules" and result.note == "1 nhiệm vụ bị bỏ vì câu trích không có trong lời họp"
    else:
        assert result.engine == "rules" and result.note and result.note.startswith("Trích nhiệm vụ bằng quy tắc vì")
    schema = misbehaving.requests[0].get("response_format", {})
    assert schema.get("type") == "json_schema"


def test_without_a_generator_the_rules_answer(ward: sqlite3.Connection) -> None:
    result = propose(ward, TRANSCRIPT, dt.date(2026, 11, 23))
    assert result.engine == "rules" and result.note is None and len(result.tasks) == 2
