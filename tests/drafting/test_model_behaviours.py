"""Draft bodies against a model server that misbehaves like real models: the model's body (fences,
announcements and invented figures removed, ending "./.") or the type's template, and the note
says which and why; never English, Chinese, loops, a cut body or a figure the officer did not give."""

from __future__ import annotations

import pytest

from appliance.drafting import composer
from appliance.drafting.composer import compose_body
from appliance.drafting.doctypes import load_doctype
from tests.engines.misbehaving import BEHAVIOURS, CHINESE, ENGLISH, LOOP, UNSUPPORTED_FIGURE, Misbehaving

REQUEST = {"trich_yeu": "Tổng vệ sinh môi trường",
           "yeu_cau": "đề nghị các tổ dân phố vận động Nhân dân tổng vệ sinh ngày 15/12/2026"}
BODY = ["Thực hiện kế hoạch của Ủy ban nhân dân phường, đề nghị các tổ dân phố vận động Nhân dân tham gia "
        "tổng vệ sinh môi trường vào ngày 15/12/2026.", "Đề nghị các đơn vị thực hiện nghiêm túc./."]
MODEL_WRITES = {"good", "fenced", "preamble", "unsupported_citation"}


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_draft_body_survives(behaviour: str, misbehaving: Misbehaving, settings, monkeypatch) -> None:
    monkeypatch.setattr(composer, "DRAFT_DEADLINE_S", 1.0)
    misbehaving.default, misbehaving.answer = behaviour, lambda _body: "\n".join(BODY)
    doctype = load_doctype(settings, "cong_van")
    body, engine, note = compose_body(settings, doctype, REQUEST, "VP", generator=misbehaving.generator(timeout=20),
                                      use_registry=False)
    assert note
    if behaviour in MODEL_WRITES:
        assert engine == "llm" and body[-len(BODY):] == BODY
        assert ("1 câu bị bỏ vì không có căn cứ" in note) == (behaviour == "unsupported_citation")
    else:
        assert engine == "template" and note.startswith("Chưa có mô hình ngôn ngữ dùng được (")
        assert "Đề nghị các tổ dân phố vận động Nhân dân tổng vệ sinh ngày 15/12/2026." in body
    text = "\n".join(body)
    assert text.endswith("./.") and "**" not in text
    for junk in ("```", ENGLISH[:20], CHINESE[:6], LOOP, UNSUPPORTED_FIGURE, "Chắc chắn rồi", "Hy vọng", "{"):
        assert junk not in text


def test_a_decisions_own_articles_are_not_references(settings, misbehaving: Misbehaving) -> None:
    misbehaving.answer = lambda _b: ("Điều 1. Thành lập Tổ kiểm tra theo Quyết định số 45/QĐ-UBND.\n"
                                     "Điều 2. Tổ có 5 thành viên.\nĐiều 3. Quyết định có hiệu lực từ ngày ký.")
    request = {"trich_yeu": "Thành lập tổ kiểm tra", "yeu_cau": "thành lập tổ kiểm tra 5 người"}
    body, engine, note = compose_body(settings, load_doctype(settings, "quyet_dinh"), request, "VP",
                                      generator=misbehaving.generator(), use_registry=False)
    assert engine == "llm"
    assert body[-2:] == ["Điều 2. Tổ có 5 thành viên.", "Điều 3. Quyết định có hiệu lực từ ngày ký./."]
    assert not any("45/QĐ-UBND" in line for line in body) and "1 câu bị bỏ vì không có căn cứ" in note


def test_a_long_body_streams_its_progress(misbehaving: Misbehaving, settings, users_template,
                                          live_server_factory) -> None:
    from appliance.app import create_app
    from appliance.engines.registry import Registry
    from tests.conftest import install_db, login

    install_db(users_template, settings)  # migrated, with the demo accounts (hashed once per session)
    misbehaving.answer = lambda _body: "\n".join(BODY)
    registry = Registry.from_instances(settings, generator=misbehaving.generator())
    server = live_server_factory(create_app(settings, engine_registry=registry))
    with server.client() as client:
        csrf = login(client, "canbo", "canbo-demo")
        with client.stream("POST", "/api/v1/drafts/stream", headers={"X-CSRF-Token": csrf},
                           json={"doc_type": "cong_van", **REQUEST}) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            events = [line.split(":", 1)[1].strip() for line in response.iter_lines() if line.startswith("event:")]
            assert response.status_code == 200
        assert events[0] == "progress" and events[-1] == "draft"
        listed = client.get("/api/v1/drafts").json()["drafts"]
        assert listed and listed[0]["engine"] == "llm"
        refused = client.post("/api/v1/drafts/stream", headers={"X-CSRF-Token": csrf}, json=["not", "an", "object"])
        assert refused.status_code == 422
