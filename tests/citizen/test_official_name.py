"""Session 23: a procedure named by its full official name is not answered as another one (official_name; plain
behaviour since session 25), with and without it. Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from appliance.citizen import official_name
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.public import chat
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.readers import reader_for
from appliance.citizen.understanding import Reading, Understanding
from appliance.config import Settings
from appliance.knowledge.procedures import load_catalogue

NAMED = "đăng ký thường trú qua vneid ở nhà được không hay phải lên công an phường ạ"


def _reader():  # type: ignore[no-untyped-def]
    return reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])


def _instead(text: str, code: str | None) -> str | None:
    reader = _reader()
    words = tokens(text)
    return official_name.named_instead(code, words, reader.rules.scores(words), reader.index)


def test_the_whole_name_wins_over_another_reading() -> None:
    assert _instead(NAMED, "CU-TAM") == "CU-TT"
    assert _instead(NAMED, "CU-TT") is None  # the reading agrees


@pytest.mark.parametrize(("text", "code"), [
    ("thường trú online được không", "CU-TAM"),  # a phrase, not the whole name
    ("xin giấy xác nhận độc thân để đăng ký kết hôn với người Nhật", "HT-XNHN"),  # another procedure named too
    ("chưa đăng ký kết hôn thì làm giấy khai sinh cho con thế nào", "HT-KS"),
])
def test_no_whole_name_alone_keeps_the_reading(text: str, code: str) -> None:
    assert _instead(text, code) is None


def test_the_chat_answers_the_named_procedure(monkeypatch: pytest.MonkeyPatch, citizen_settings: Settings) -> None:
    """The reading is made to name tạm trú surely (as the embedder did for such a message); the chat answers the
    procedure the message names by its whole name; without `named_instead` (replaced by one that finds nothing), the
    reading's."""
    read = Understanding.read

    def misread(self: Understanding, text: str) -> Reading:
        return replace(read(self, text), intent="procedure", label="proc:CU-TAM", confidence=0.9)

    monkeypatch.setattr(Understanding, "read", misread)
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "official-on", NAMED)
        monkeypatch.setattr(chat, "named_instead", lambda *args: None)
        off = bot.handle(conn, "official-off", NAMED)
    assert on.procedure is not None and on.procedure.code == "CU-TT"
    assert off.procedure is not None and off.procedure.code == "CU-TAM"
