"""Only facts the library's official text confirms reach citizens. Luật Cư trú 2020 has no official
text in the library here, so the catalogue's time limit and papers for đăng ký tạm trú (written by
the team, unchecked) must not be told to a citizen: the chat and the procedure page say "cần xác
nhận" and show no text. Đăng ký khai sinh rests on Luật Hộ tịch, which the library holds: its facts
are told as before."""

from __future__ import annotations

import json
import sqlite3

import pytest

from appliance.citizen.public.answers import UNSOURCED_NOTE
from appliance.citizen.public.app import create_public_app
from appliance.knowledge.procedures import load_catalogue
from appliance.knowledge.published import STATED_FACTS


def published(settings, code: str) -> dict[str, object]:
    conn = sqlite3.connect(settings.public_db_path)
    try:
        rows = [json.loads(data) for (data,) in conn.execute("SELECT data FROM pub_procedures")]
    finally:
        conn.close()
    return next(r for r in rows if r["code"] == code)


def test_unsourced_facts_are_withheld_at_publishing(citizen_settings):
    shipped = {p.code: p for p in load_catalogue()}
    tam_tru = published(citizen_settings, "CU-TAM")
    assert set(tam_tru["unsourced"]) == set(STATED_FACTS)
    assert shipped["CU-TAM"].processing_time and tam_tru["processing_time"] == "" and tam_tru["documents"] == []
    # Its own law (Luật Cư trú 2020) is a registry row without text: published with its entry.
    assert tam_tru["library_gap"]["number"] == "68/2020/QH14"
    assert tam_tru["library_gap"]["message"].startswith("Thư viện chưa có toàn văn Luật Cư trú số 68/2020/QH14")
    khai_sinh = published(citizen_settings, "HT-KS")
    assert khai_sinh["unsourced"] == [] and "library_gap" not in khai_sinh
    assert khai_sinh["processing_time"] == shipped["HT-KS"].processing_time
    assert khai_sinh["documents"] == shipped["HT-KS"].documents


@pytest.fixture
def public(citizen_settings, live_server_factory):
    return live_server_factory(create_public_app(citizen_settings, generator=None))


def test_the_chat_and_the_page_say_it_needs_confirming(public, citizen_settings):
    shipped = {p.code: p for p in load_catalogue()}
    time_limit = shipped["CU-TAM"].processing_time
    with public.client() as c:
        reply = c.post("/api/v1/chat", json={"session_id": "s-sourced-facts-1",
                                             "message": "đăng ký tạm trú mất bao lâu thì xong"}).json()
        assert reply["procedure"]["code"] == "CU-TAM" and UNSOURCED_NOTE in reply["reply"], reply
        assert time_limit not in reply["reply"] and "07 ngày" not in reply["reply"], reply
        # The same sentence as the staff search, with the registry entry (number, status).
        gap = published(citizen_settings, "CU-TAM")["library_gap"]
        assert gap["message"] in reply["reply"] and "68/2020/QH14" in reply["reply"], reply
        known = c.post("/api/v1/chat", json={"session_id": "s-sourced-facts-2",
                                             "message": "đăng ký khai sinh cần giấy tờ gì"}).json()
        assert known["procedure"]["code"] == "HT-KS" and "Giấy chứng sinh" in known["reply"], known
        assert UNSOURCED_NOTE not in known["reply"]
        page = c.get("/thu-tuc/HT-KS")
        assert page.status_code == 200 and "Giấy chứng sinh" in page.text
        tam_tru = c.get("/thu-tuc/CU-TAM")
        assert tam_tru.status_code == 200 and "Cần xác nhận" in tam_tru.text and time_limit not in tam_tru.text
        assert "Thư viện chưa có toàn văn Luật Cư trú số 68/2020/QH14" in tam_tru.text
