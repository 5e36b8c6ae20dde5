"""Session 21: "can I do X online?" answered with X's record (online_procedure.named_procedure; plain behaviour since
session 23). Every sentence here was written for these tests (none is from a training, development, held-out or fresh
batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import online_procedure
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.readers import reader_for
from appliance.config import Settings
from appliance.knowledge.procedures import load_catalogue

ONLINE = [  # (sentence, the one procedure it names)
    ("Đăng ký kết hôn làm online trên dịch vụ công được không ạ", "HT-KH"),
    ("đăng ký tạm trú nộp online trên dịch vụ công được không hay phải lên phường", "CU-TAM"),
    ("khai tử cho bố có nộp trực tuyến được không", "HT-KT"),
]
NOT_ONE_PROCEDURE = [  # no procedure named, two named, or a status question
    "nop ho so online o dau",
    "làm thủ tục online có cần tài khoản định danh không",
    "hồ sơ khai sinh nộp trên dịch vụ công rồi xem kết quả ở đâu",
    "đăng ký kết hôn với đăng ký tạm trú làm online được không",
]


def _named(text: str) -> str | None:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    reading = reader.read(text)
    return online_procedure.named_procedure(reading.label, reading.aspects, reader.rules.scores(tokens(text)))


@pytest.mark.parametrize(("text", "code"), ONLINE)
def test_one_procedure_asked_online_is_that_procedure(text: str, code: str) -> None:
    assert _named(text) == code


@pytest.mark.parametrize("text", NOT_ONE_PROCEDURE)
def test_no_single_procedure_keeps_the_faq(text: str) -> None:
    assert _named(text) is None


def test_the_chat_answers_the_procedure_with_its_online_aspect(citizen_settings: Settings) -> None:
    text, code = ONLINE[0]
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "online-on", text)
    assert on.procedure is not None and on.procedure.code == code and "online" in on.aspects
