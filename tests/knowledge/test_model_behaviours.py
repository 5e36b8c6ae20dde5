"""The legal assistant and summaries against a model server that misbehaves like real models:
a grounded answer from good, fenced or announced output; sentences with a figure no source holds
dropped and counted; every other behaviour falls back to quoting the sources, and says why."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from appliance.app import create_app
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.engines.registry import Registry
from appliance.knowledge import answer as assistant
from appliance.knowledge import summarize as summaries
from appliance.knowledge.answer import answer
from appliance.knowledge.summarize import sentences, summarize
from tests.conftest import LiveServer, login
from tests.engines.misbehaving import BEHAVIOURS, CHINESE, ENGLISH, LOOP, UNSUPPORTED_FIGURE, Misbehaving

MODEL_ANSWERS = {"good", "fenced", "preamble", "unsupported_citation"}
JUNK = ("```", ENGLISH[:20], CHINESE[:6], LOOP, UNSUPPORTED_FIGURE, "Chắc chắn rồi", "{")
DOCUMENT = ("Ủy ban nhân dân phường tổ chức kiểm tra trật tự đô thị trong tháng 11. Phòng Kinh tế, Hạ tầng và Đô thị "
            "có trách nhiệm lập kế hoạch trước ngày 25/11/2026. Kinh phí dự kiến 15.000.000 đồng. Tỷ lệ hồ sơ đúng "
            "hạn đạt 93,8%. Công an phường phối hợp xử lý các trường hợp lấn chiếm vỉa hè trong thời hạn 05 ngày.")


def first_sentence_of_passage_1(body: dict[str, Any]) -> str:
    """A faithful model: passage [1]'s first sentence, cited."""
    prompt = body["messages"][-1]["content"]
    passage = re.search(r"\[1\] [^\n]*:\n(.*?)(?:\n\n\[2\]|\n\nCâu hỏi:)", prompt, re.S)
    assert passage
    return sentences(passage.group(1))[0] + " [1]"


def two_points(body: dict[str, Any]) -> str:
    return json.dumps({"points": sentences(body["messages"][-1]["content"])[:2]}, ensure_ascii=False)


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_legal_assistant_survives(behaviour: str, misbehaving: Misbehaving, library: sqlite3.Connection,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assistant, "ANSWER_DEADLINE_S", 1.0)
    misbehaving.default, misbehaving.answer = behaviour, first_sentence_of_passage_1
    result = answer(library, "thời hạn đăng ký khai tử", generator=misbehaving.generator(timeout=20))
    assert result.passages and result.sentences and all(s.citations and s.refs for s in result.sentences)
    if behaviour in MODEL_ANSWERS:
        assert result.engine.startswith("llm: remote:city-llm")
        assert [s.text for s in result.sentences] == [sentences(result.passages[0].text)[0]]
        assert result.sentences[0].refs == [1]
        assert (result.dropped, result.notice) == ((1, "1 câu bị bỏ vì không có căn cứ")
                                                   if behaviour == "unsupported_citation" else (0, None))
    else:
        assert result.engine == "extractive" and result.note.startswith("Không dùng được mô hình ngôn ngữ (")
        passage_text = " ".join(p.text for p in result.passages)
        assert all(s.text in passage_text for s in result.sentences)  # quoted verbatim
    for sentence in result.sentences:
        assert not any(junk in sentence.text for junk in JUNK)


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_summary_survives(behaviour: str, misbehaving: Misbehaving, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summaries, "SUMMARY_DEADLINE_S", 1.0)
    misbehaving.default, misbehaving.answer = behaviour, two_points
    result = summarize(DOCUMENT, generator=misbehaving.generator(timeout=20))
    if behaviour in MODEL_ANSWERS:
        assert result.engine == "llm" and result.key_points == sentences(DOCUMENT)[:2]
        expected = (1, "1 câu bị bỏ vì không có căn cứ") if behaviour == "unsupported_citation" else (0, None)
        assert (result.dropped, result.notice) == expected and not result.note
    else:
        assert result.engine == "extractive" and result.note.startswith("Văn bản được tóm tắt bằng cách trích câu vì")
        assert all(point in DOCUMENT for point in result.key_points)
    assert result.key_points and {"15.000.000 đồng", "25/11/2026"} <= {f.text for f in result.figures}
    for text in [result.summary, *result.key_points]:
        assert not any(junk in text for junk in JUNK)


def test_the_officer_sees_what_was_dropped_and_links_to_the_sources(
        misbehaving: Misbehaving, settings: Settings, live_server_factory: Callable[[Any], LiveServer]) -> None:
    from appliance.auth.demo import load_users

    conn = connect(settings.db_path)
    migrate(conn)
    load_users(conn)
    conn.close()
    misbehaving.default, misbehaving.answer = "unsupported_citation", first_sentence_of_passage_1
    registry = Registry.from_instances(settings, generator=misbehaving.generator())
    server = live_server_factory(create_app(settings, engine_registry=registry))
    with server.client() as client:
        csrf = login(client, "canbo", "canbo-demo")
        page = client.post("/tra-cuu/hoi", data={"question": "thời hạn đăng ký khai tử", "csrf_token": csrf}).text
        assert "1 câu bị bỏ vì không có căn cứ" in page and UNSUPPORTED_FIGURE not in page
        assert 'href="#kb-can-cu-1"' in page and 'id="kb-can-cu-1"' in page
        misbehaving.default, misbehaving.answer = "unsupported_citation", two_points
        summary = client.post("/tom-tat", data={"text": DOCUMENT, "csrf_token": csrf}).text
        assert "1 câu bị bỏ vì không có căn cứ" in summary and UNSUPPORTED_FIGURE not in summary
