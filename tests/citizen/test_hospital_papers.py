"""Session 29: the hospital's birth paper, wrong or asked again, is the hospital's matter
(hospital_papers.SESSION29_HOSPITAL_PAPER), on and off. Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import hospital_papers
from appliance.citizen.matching import tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings

HOSPITAL_MATTER = [  # the giấy chứng sinh is the subject, a mistake in it or a request for it again
    "giấy chứng sinh của cháu ghi nhầm năm sinh của mẹ, phường có sửa được không",
    "giay chung sinh cua con bi sai ten bo, sua o dau a",
    "Giấy chứng sinh nhà hộ sinh cấp cho bé bị thất lạc, xin cấp lại ở đâu để còn đi làm khai sinh",
    "con tôi sinh ở viện Phụ sản, giấy chứng sinh bị rách mất, giờ xin lại được không",
]
THE_WARDS_MATTER = [  # the birth registration asked, the hospital paper only its input or compared with it
    "làm khai sinh cho con cần giấy chứng sinh không ạ",
    "giấy khai sinh của bé ghi sai ngày sinh so với giấy chứng sinh, sửa thế nào",
    "giấy chứng sinh của bé bị mất rồi, vậy có làm khai sinh được không",
    "đăng ký khai sinh mà giấy chứng sinh ghi sai tên mẹ thì có được không",
]


@pytest.mark.parametrize("text", HOSPITAL_MATTER)
def test_the_hospital_paper_asked_is_the_hospitals_matter(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert hospital_papers.hospital_paper_asked(tokens(text))
    monkeypatch.setattr(hospital_papers, "SESSION29_HOSPITAL_PAPER", False)
    assert not hospital_papers.hospital_paper_asked(tokens(text))


@pytest.mark.parametrize("text", THE_WARDS_MATTER)
def test_the_birth_registration_asked_stays_the_wards(text: str) -> None:
    assert not hospital_papers.hospital_paper_asked(tokens(text))


def test_the_chat_names_the_issuing_facility(monkeypatch: pytest.MonkeyPatch, citizen_settings: Settings) -> None:
    text = HOSPITAL_MATTER[0]
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "hospital-on", text)
        monkeypatch.setattr(hospital_papers, "SESSION29_HOSPITAL_PAPER", False)
        off = bot.handle(conn, "hospital-off", text)
    assert on.detail == "out_of_scope" and "cơ sở y tế" in on.reply
    assert off.detail != "out_of_scope"
