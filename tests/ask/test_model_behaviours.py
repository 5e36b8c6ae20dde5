"""The question box's model path against a server that misbehaves like real models: the right
figure from good, fenced or announced SQL; otherwise an honest "not sure" that says why, and never
a figure from SQL the wall refused."""

from __future__ import annotations

import json

import pytest

from appliance.ask import llm
from appliance.ask.service import answer_question
from tests.ask.cases import TODAY
from tests.engines.misbehaving import BEHAVIOURS, CHINESE, ENGLISH, LOOP, UNSUPPORTED_FIGURE, Misbehaving

QUESTION = "Có bao nhiêu hồ sơ liên quan đến hôn nhân nói chung?"  # the parser is not sure: the model writes SQL
SQL = "SELECT COUNT(*) AS so_ho_so FROM v_ho_so WHERE ten_thu_tuc LIKE '%kết hôn%'"
ANSWERED = {"good", "fenced", "preamble"}
REFUSED_BY_THE_WALL = {"english", "chinese", "unsupported_citation"}  # the model answered; the SQL guard refused it


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_question_box_survives(behaviour: str, misbehaving: Misbehaving, ask_db, reference, monkeypatch):
    monkeypatch.setattr(llm, "ASK_DEADLINE_S", 1.0)  # the stall costs one second here, not twenty
    misbehaving.default = behaviour  # every attempt misbehaves
    misbehaving.answer = lambda _body: json.dumps({"answerable": True, "sql": SQL}, ensure_ascii=False)
    result = answer_question(ask_db, QUESTION, today=TODAY, generator=misbehaving.generator(timeout=20))
    want = sum(1 for r in reference.records if "kết hôn" in r["ten_thu_tuc"])
    if behaviour in ANSWERED:
        assert result.status == "ok" and result.engine == "llm" and result.rows == [[want]]
        assert result.sql == SQL
        return
    assert result.status == "unsure" and result.rows == []
    if behaviour in REFUSED_BY_THE_WALL:
        assert result.engine == "llm" and "câu lệnh do mô hình viết bị từ chối" in result.answer
    else:
        assert result.engine == "rules" and "không dùng được mô hình ngôn ngữ" in result.answer
    for junk in (ENGLISH[:20], CHINESE[:6], LOOP, UNSUPPORTED_FIGURE):
        assert junk not in result.answer
    assert result.suggestions  # the fallback still helps: questions the parser answers
