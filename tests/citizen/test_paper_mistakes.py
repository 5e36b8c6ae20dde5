"""Session 29: a mistake in another office's paper is that office's to correct (paper_mistakes.
SESSION29_OTHER_PAPER_WRONG), on and off. Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import paper_mistakes
from appliance.citizen.matching import tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings

OTHER_OFFICES = [  # another office's paper, its mistake, no paper of the ward named
    ("thẻ căn cước của mẹ tôi ghi sai năm sinh, phường sửa giúp được không", "can_cuoc"),
    ("can cuoc cua e bi sai ten dem, sua o dau a", "can_cuoc"),
    ("sổ bảo hiểm xã hội của tôi ghi nhầm ngày sinh, đính chính ở đâu", "bhxh"),
    ("hộ chiếu của con tôi bị ghi sai tên, sửa lại ở phường được không", "ho_chieu"),
]
THE_WARDS = [  # the ward's paper named, the other paper only compared; no mistake
    "giấy khai sinh của tôi ghi sai ngày sinh so với căn cước, sửa thế nào",
    "căn cước đã đổi tên, giờ muốn đính chính tên trên sổ đỏ",
    "làm lại căn cước ở đâu",
    "căn cước của tôi sắp hết hạn, phường có làm không",
]



@pytest.fixture(autouse=True)
def _reading_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading ships off (rule R1, session 29); its tests show what it does when on."""
    monkeypatch.setattr(paper_mistakes, "SESSION29_OTHER_PAPER_WRONG", True)

@pytest.mark.parametrize(("text", "topic"), OTHER_OFFICES)
def test_another_offices_paper_with_a_mistake_is_its_matter(monkeypatch: pytest.MonkeyPatch, text: str,
                                                             topic: str) -> None:
    assert paper_mistakes.other_paper_wrong(tokens(text)) == topic
    monkeypatch.setattr(paper_mistakes, "SESSION29_OTHER_PAPER_WRONG", False)
    assert paper_mistakes.other_paper_wrong(tokens(text)) is None


@pytest.mark.parametrize("text", THE_WARDS)
def test_the_wards_paper_or_no_mistake_is_no_other_offices_mistake(text: str) -> None:
    assert paper_mistakes.other_paper_wrong(tokens(text)) is None


def test_the_chat_names_the_issuing_office(monkeypatch: pytest.MonkeyPatch, citizen_settings: Settings) -> None:
    text = "căn cước của tôi ghi sai ngày sinh với quê quán, sửa lại ở phường mình được không"
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "paper-on", text)
        monkeypatch.setattr(paper_mistakes, "SESSION29_OTHER_PAPER_WRONG", False)
        off = bot.handle(conn, "paper-off", text)
    assert on.detail == "out_of_scope" and "Công an" in on.reply
    assert off.detail != "out_of_scope"
