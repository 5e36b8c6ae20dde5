"""The citizen app's shape: its routes come from the manifests' `public_routers`, and the chat
session state is a dataclass stored as the JSON sessions have always had."""

from __future__ import annotations

import json
import sqlite3
import sys

import appliance
from appliance import features
from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.chat_state import ChatState


def test_chat_state_reads_sessions_stored_before_it_and_writes_the_same_keys():
    stored = json.dumps({"procedure": "1.000656", "awaiting": "details", "draft": "đèn hỏng",
                         "choices": ["a", "b"], "aspects": ["fee"], "last_ticket": "PA-7K3-M4X"}, ensure_ascii=False)
    state = ChatState.from_json(stored)
    assert state == ChatState(procedure="1.000656", awaiting="details", draft="đèn hỏng", choices=["a", "b"],
                              aspects=["fee"], last_ticket="PA-7K3-M4X")
    assert json.loads(state.to_json()) == json.loads(stored)
    assert ChatState().to_json() == "{}"  # a new session stores what it always stored


def test_chat_state_ignores_what_it_cannot_read():
    assert ChatState.from_json(None) == ChatState()
    assert ChatState.from_json("not json") == ChatState()
    assert ChatState.from_json("[1, 2]") == ChatState()
    odd = ChatState.from_json(json.dumps({"awaiting": "something else", "choices": "a", "procedure": 7,
                                          "aspects": ["fee", 3], "unknown": True}))
    assert odd == ChatState(aspects=["fee"])


def _stored(settings, session_id):
    conn = sqlite3.connect(settings.public_db_path)
    try:
        return json.loads(conn.execute("SELECT state FROM chat_sessions WHERE id = ?", (session_id,)).fetchone()[0])
    finally:
        conn.close()


def test_the_stored_state_carries_a_choice_to_the_next_message(citizen_settings, live_server_factory):
    server = live_server_factory(create_public_app(citizen_settings, generator=None))
    with server.client() as c:
        ask = c.post("/api/v1/chat", json={"session_id": "s-state-0001", "message": "cong chung nop o dau"}).json()
        assert ask["detail"] == "clarify"
        assert _stored(citizen_settings, "web:s-state-0001") == {
            "choices": [choice["id"] for choice in ask["choices"]], "aspects": ["where"]}
        pick = c.post("/api/v1/chat", json={"session_id": "s-state-0001", "message": "2"}).json()
        assert pick["procedure"]["code"] == ask["choices"][1]["code"]
        assert _stored(citizen_settings, "web:s-state-0001") == {"procedure": ask["choices"][1]["code"]}


def test_a_features_public_router_is_served_by_the_citizen_app(tmp_path, monkeypatch, citizen_settings,
                                                              live_server_factory):
    package = tmp_path / "toypublic"
    package.mkdir()
    (package / "__init__.py").write_text('''
from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from appliance.features import Feature

router = APIRouter()


@router.get("/do-choi-cong-dan")
def page() -> PlainTextResponse:
    return PlainTextResponse("đồ chơi công dân")


def manifest() -> Feature:
    return Feature(name="toypublic", public_routers=(router,))
''', encoding="utf-8")
    monkeypatch.setattr(appliance, "__path__", [*appliance.__path__, str(tmp_path)])
    try:
        features.features(refresh=True)
        server = live_server_factory(create_public_app(citizen_settings, generator=None))
        with server.client() as client:
            assert client.get("/do-choi-cong-dan").text == "đồ chơi công dân"
            assert client.get("/widget.js").status_code == 200  # citizen's own routers still there
            assert client.get("/do-choi-cong-dan").headers["x-content-type-options"] == "nosniff"
    finally:
        sys.modules.pop("appliance.toypublic", None)
        monkeypatch.undo()
        features.features(refresh=True)
