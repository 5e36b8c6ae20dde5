"""Session 29: a benefit another regime pays (people with merit, social insurance) is not the ward's social allowance
or funeral support (other_regime.SESSION29_OTHER_REGIME), on and off. Every sentence here was written for these tests
(none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import other_regime
from appliance.citizen.matching import tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings

OTHER_REGIME = [  # the benefit asked is paid by another regime, named as such
    ("mẹ tôi là vợ liệt sĩ, giờ muốn xin trợ cấp hằng tháng thì nộp đơn ở đâu ạ", "nguoi_co_cong"),
    ("bố em là bệnh binh vừa mất, nhà em có được nhận tiền mai táng không, làm hồ sơ chỗ nào", "nguoi_co_cong"),
    ("ong noi e bi nhiem chat doc da cam, muon lam ho so huong tro cap thi lam o dau a", "nguoi_co_cong"),
    ("bố tôi đang lĩnh lương hưu thì mất, tiền tuất với tiền mai táng nhận ở đâu", "bhxh"),
    ("vợ tôi đóng bảo hiểm xã hội 15 năm, vừa mất, hỗ trợ mai táng làm ở phường hay ở đâu", "bhxh"),
]
THE_WARDS_OWN = [  # the regime said not to apply, or the ward's own benefit asked beside it
    "bà tôi 85 tuổi, không có lương hưu, có được nhận trợ cấp hằng tháng không",
    "ông tôi chưa có bảo hiểm xã hội ngày nào, nay 81 tuổi thì xin trợ cấp xã hội ở đâu",
    "bố đã nhận tiền mai táng bên bảo hiểm xã hội, nhà tôi có được thêm hỗ trợ mai táng của phường không",
    "mẹ tôi mất, bà đang hưởng trợ cấp xã hội hằng tháng, xin hỗ trợ mai táng ở đâu",
]



@pytest.fixture(autouse=True)
def _reading_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading ships off (rule R1, session 29); its tests show what it does when on."""
    monkeypatch.setattr(other_regime, "SESSION29_OTHER_REGIME", True)

@pytest.mark.parametrize(("text", "topic"), OTHER_REGIME)
def test_another_regimes_benefit_names_its_topic(monkeypatch: pytest.MonkeyPatch, text: str, topic: str) -> None:
    assert other_regime.other_regime(tokens(text)) == topic
    monkeypatch.setattr(other_regime, "SESSION29_OTHER_REGIME", False)
    assert other_regime.other_regime(tokens(text)) is None


@pytest.mark.parametrize("text", THE_WARDS_OWN)
def test_the_wards_own_benefit_is_no_other_regime(text: str) -> None:
    assert other_regime.other_regime(tokens(text)) is None


def test_only_the_social_protection_procedures_are_read() -> None:
    assert other_regime.is_social_protection("tro cap xa hoi hang thang")
    assert other_regime.is_social_protection("ho tro chi phi mai tang")
    assert not other_regime.is_social_protection("chung thuc chu ky")


def test_the_chat_answers_another_regimes_benefit_as_not_handled_here(monkeypatch: pytest.MonkeyPatch,
                                                                     citizen_settings: Settings) -> None:
    text = OTHER_REGIME[0][0]
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        on = bot.handle(conn, "regime-on", text)
        monkeypatch.setattr(other_regime, "SESSION29_OTHER_REGIME", False)
        off = bot.handle(conn, "regime-off", text)
    assert on.detail == "out_of_scope" and "người có công" in on.reply
    assert off.detail != "out_of_scope"  # without the reading, the ward's allowance (or a clarifying question)


def test_the_chat_still_answers_the_wards_allowance(citizen_settings: Settings) -> None:
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        reply = bot.handle(conn, "regime-own", THE_WARDS_OWN[0])
    assert reply.detail != "out_of_scope"
