"""Session 28: a citizen asking what they may receive is asking, not complaining
(entitlement_questions.SESSION28_ENTITLEMENT_ASKED, off by rule R1 in session 28: the reading is tested with the flag
switched on). Every sentence here was written for these tests (none is from a training, development, held-out or fresh
batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import entitlement_questions
from appliance.citizen.matching import tokens
from appliance.citizen.public import chat
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings

ASKED = [  # whether or what the citizen may receive, or the file for receiving it: benefits of many kinds
    "bố tôi là bệnh binh thì được hưởng những chế độ gì ạ",
    "ông ngoại nhiễm chất độc màu da cam có được trợ cấp hàng tháng không",
    "con của liệt sĩ đi học có được miễn học phí không ạ",
    "thủ tục hưởng trợ cấp ưu đãi người có công với cách mạng",
    "vợ thương binh mất thì con cái làm hồ sơ hưởng tuất ở đâu",
    "cựu thanh niên xung phong như bà em được hỗ trợ gì hông",
    "nha e ho can ngheo co dc ho tro tien dien ko a",
    "người khuyết tật nặng được nhận bao nhiêu tiền một tháng vậy",
    "mẹ Việt Nam anh hùng được tặng quà dịp 27/7 nào ạ",
]
GRIEVANCES = [  # the same benefits told as not received, refused, cut, asked why
    "bố tôi là thương binh mà 3 tháng nay chưa nhận được trợ cấp",
    "tại sao ông tôi nhiễm chất độc da cam lại không được hưởng chế độ gì?",
    "trợ cấp của mẹ tôi bị cắt từ tháng 9, hỏi thì không ai trả lời, có đúng không",
    "hồ sơ hưởng chế độ liệt sĩ nộp hai năm rồi mà vẫn không có kết quả, bao giờ mới được nhận?",
    "phường hứa hỗ trợ sửa nhà cho gia đình có công, năm nào cũng hẹn",
    "Dịp tết các hộ nghèo đều được tặng quà, riêng nhà bà tôi lại không có tên trong danh sách",
    "gia đình chính sách đề nghị được hỗ trợ sửa nhà dột, phường có làm gì không",
    "tiền hỗ trợ bị trả về vì ghi sai số tài khoản, làm sao đây",
]


@pytest.mark.parametrize("text", ASKED)
def test_an_entitlement_asked_is_read(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(entitlement_questions, "SESSION28_ENTITLEMENT_ASKED", True)
    assert entitlement_questions.asks_entitlement(tokens(text))


@pytest.mark.parametrize("text", GRIEVANCES)
def test_a_grievance_about_a_benefit_is_no_question(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(entitlement_questions, "SESSION28_ENTITLEMENT_ASKED", True)
    assert not entitlement_questions.asks_entitlement(tokens(text))


def test_off_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entitlement_questions, "SESSION28_ENTITLEMENT_ASKED", False)
    assert not any(entitlement_questions.asks_entitlement(tokens(text)) for text in ASKED)


def test_the_chat_asks_instead_of_offering_a_complaint(monkeypatch: pytest.MonkeyPatch,
                                                        citizen_settings: Settings) -> None:
    """With the rules alone (no embedder), the benefit questions are read as complaints at the bar; on, none is
    offered as a complaint, and the grievances read as before."""
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        monkeypatch.setattr(entitlement_questions, "SESSION28_ENTITLEMENT_ASKED", False)
        off = [bot.handle(conn, f"benefit-off-{n}", text).detail for n, text in enumerate(ASKED)]
        kept_off = [bot.handle(conn, f"grievance-off-{n}", text).detail for n, text in enumerate(GRIEVANCES)]
        monkeypatch.setattr(entitlement_questions, "SESSION28_ENTITLEMENT_ASKED", True)
        on = [bot.handle(conn, f"benefit-on-{n}", text).detail for n, text in enumerate(ASKED)]
        kept_on = [bot.handle(conn, f"grievance-on-{n}", text).detail for n, text in enumerate(GRIEVANCES)]
    assert chat.asks_entitlement is entitlement_questions.asks_entitlement
    assert "confirm_complaint" in off
    assert "confirm_complaint" not in on and "filed" not in on
    assert kept_on == kept_off
