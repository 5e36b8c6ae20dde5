"""Session 29: a copy asked of a lost or ruined civil-status paper is the copy from the register, not the registration
(lost_papers.SESSION29_COPY_OF_LOST_PAPER), on and off. Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import lost_papers
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings
from appliance.knowledge.procedures import load_catalogue

COPY_ASKED = [  # a paper lost or ruined, a copy asked, the register not said gone
    ("giấy kết hôn của ông bà tôi bị nước ngập ướt hết, nhoè cả chữ, muốn xin bản sao ở phường", "HT-KH"),
    ("con em làm rách giấy khai sinh của nó rồi, giờ xin trích lục lại thế nào ạ", "HT-KS"),
    ("giay chung tu cua bo bi chay trong dam chay, xin ban khac o dau", "HT-KT"),
    ("tờ đăng ký kết hôn của tôi bị thất lạc khi chuyển nhà, xin bản sao ở phường mất mấy ngày", "HT-KH"),
]
NO_COPY = [  # the register gone too; no copy asked; a certified copy; a death, not a lost paper
    "giấy kết hôn bị cháy, sổ gốc ở xã cũng không còn lưu, xin bản sao được không",
    "giấy khai sinh bị chuột cắn nát rồi, làm lại thế nào",
    "giấy kết hôn rách một góc, có chứng thực bản sao được không",
    "bố tôi mất rồi, xin bản sao giấy chứng tử ở đâu",
]


def _catalogue() -> list[Procedure]:
    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


@pytest.mark.parametrize(("text", "read_as"), COPY_ASKED)
def test_a_lost_papers_copy_is_the_copy_procedure(monkeypatch: pytest.MonkeyPatch, text: str, read_as: str) -> None:
    procedures = _catalogue()
    assert lost_papers.copy_instead(read_as, tokens(text), procedures) == "HT-TLBS"
    monkeypatch.setattr(lost_papers, "SESSION29_COPY_OF_LOST_PAPER", False)
    assert lost_papers.copy_instead(read_as, tokens(text), procedures) is None


@pytest.mark.parametrize("text", NO_COPY)
def test_no_copy_of_a_lost_paper_keeps_the_reading(text: str) -> None:
    assert lost_papers.copy_instead("HT-KH", tokens(text), _catalogue()) is None


def test_only_a_registration_reading_is_overruled() -> None:
    text = COPY_ASKED[0][0]
    assert lost_papers.copy_instead("XD-GPXD", tokens(text), _catalogue()) is None
    assert lost_papers.copy_instead(None, tokens(text), _catalogue()) is None


def test_a_catalogue_without_the_copy_procedure_never_fires() -> None:
    others = [p for p in _catalogue() if p.code != "HT-TLBS"]
    assert lost_papers.copy_instead("HT-KH", tokens(COPY_ASKED[0][0]), others) is None


def test_the_chat_answers_the_copy(monkeypatch: pytest.MonkeyPatch, citizen_settings: Settings) -> None:
    # the registration's words twice: without the reading, the chat answers the marriage registration
    text = "tờ giấy đăng ký kết hôn của vợ chồng tôi bị cháy, hồi đó đăng ký kết hôn ở đây, có xin bản khác được không"
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "lost-on", text)
        monkeypatch.setattr(lost_papers, "SESSION29_COPY_OF_LOST_PAPER", False)
        off = bot.handle(conn, "lost-off", text)
    assert on.procedure is not None and on.procedure.code == "HT-TLBS"
    assert off.procedure is not None and off.procedure.code == "HT-KH"
