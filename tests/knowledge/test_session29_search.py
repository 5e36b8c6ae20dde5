"""Session 29: legal search behaviours behind SESSION29_* flags (docs/knowledge.md, "Session 29"), each on and off.
Pure functions on this file's own sentences (not the blind writers'); the searches over the library are at the end of
test_session22_search.py (to share its library)."""

from __future__ import annotations

import pytest

from appliance.knowledge import bridge, defined_terms, official_words
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- official_words.SESSION29_FIRST_PERSON_KIN: the official's own family named with his own pronoun ---------------

@pytest.mark.parametrize("question", [
    "tôi là phó chủ tịch phường, em gái tôi vừa sinh con, tôi có được ký giấy khai sinh cho cháu không",
    "Tôi là công chức tư pháp, vợ tôi muốn chứng thực hợp đồng mua bán xe, tôi có được tự chứng thực không?",
    "em là cán bộ hộ tịch, bố em mất thì em có được tự làm khai tử cho bố không ạ",      # the pronoun he uses: "em"
    "Với tư cách là Chủ tịch UBND phường, tôi ký chứng thực di chúc của bố tôi được không?",
])
def test_an_official_asking_about_his_family_by_his_own_pronoun(monkeypatch, question):
    monkeypatch.setattr(official_words, "SESSION29_FIRST_PERSON_KIN", True)
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"own_interest"}
    monkeypatch.setattr(official_words, "SESSION29_FIRST_PERSON_KIN", False)
    assert official_words.asked(_folded(question)) == []


@pytest.mark.parametrize("question", [
    "Chủ tịch phường có được chứng thực hợp đồng cho con tôi không",           # a citizen's child: no official asks
    "con tôi sinh ở bệnh viện, tôi có được đăng ký khai sinh cho cháu ở phường không",   # no official at all
    "tôi là cán bộ phường, bố của anh Nam mất thì ai đi khai tử",              # another's family, nothing asked allowed
    "em là công chức, em trai của chị hàng xóm nhờ em chứng thực, em có được làm không",   # "em trai của chị …": hers
])
def test_no_official_with_his_own_family(monkeypatch, question):
    monkeypatch.setattr(official_words, "SESSION29_FIRST_PERSON_KIN", True)
    assert official_words.asked(_folded(question)) == [], question


# --- bridge.SESSION29_MAY_WITHOUT_CO: "phường (còn) được … không" asks whether this office may ----------------------

@pytest.mark.parametrize("question", [
    "Nghị định cũ cho phép, nay UBND phường còn được chứng thực chữ ký người dịch không",
    "ubnd phuong duoc chung thuc chu ky nguoi dich ko",
    "xã vẫn được đăng ký kết hôn có yếu tố nước ngoài hay không",
    "phường mình được cấp bản sao trích lục khai sinh chưa",
])
def test_this_office_may_without_co(monkeypatch, question):
    monkeypatch.setattr(bridge, "SESSION29_MAY_WITHOUT_CO", True)
    assert bridge.asks_agency(_folded(question))
    monkeypatch.setattr(bridge, "SESSION29_MAY_WITHOUT_CO", False)
    assert not bridge.asks_agency(_folded(question))


@pytest.mark.parametrize("question", [
    "hồ sơ nộp ở phường được giải quyết trong bao lâu",          # a passive: no yes-no question
    "giấy khai sinh do phường cấp được dùng để làm gì",
    "UBND phường được giao nhiệm vụ gì trong việc chứng thực",
])
def test_a_passive_is_not_asking_whether_the_office_may(monkeypatch, question):
    monkeypatch.setattr(bridge, "SESSION29_MAY_WITHOUT_CO", True)
    assert not bridge.asks_agency(_folded(question))


# --- bridge.SESSION29_ALSO_ASKED: an amount or a time asked in one clause, something else in another --------------

@pytest.mark.parametrize("question", [
    "xin bản sao trích lục kết hôn ở phường nơi tôi ở, có phải về nơi đăng ký trước đây không? lệ phí bao nhiêu",
    "Đăng ký kết hôn mất bao lâu? Có cần mang sổ hộ khẩu không?",
    "chứng thực bản sao hết bao nhiêu tiền một trang, làm ở phường nào cũng được không",
    "làm giấy khai sinh ở đâu, lệ phí bao nhiêu",
])
def test_a_second_question_beside_an_amount_or_a_time(monkeypatch, question):
    monkeypatch.setattr(bridge, "SESSION29_ALSO_ASKED", True)
    assert bridge.also_asked(question)
    monkeypatch.setattr(bridge, "SESSION29_ALSO_ASKED", False)
    assert not bridge.also_asked(question)


@pytest.mark.parametrize("question", [
    "lệ phí đăng ký khai sinh bao nhiêu tiền?",
    "đăng ký khai tử trong bao lâu thì xong",
    "Tôi ở Hà Nội, muốn hỏi lệ phí đăng ký kết hôn là bao nhiêu",      # the first clause asks nothing
    "đăng ký kết hôn ở đâu, có cần mang sổ hộ khẩu không",              # neither asks an amount or a time
])
def test_one_thing_asked(monkeypatch, question):
    monkeypatch.setattr(bridge, "SESSION29_ALSO_ASKED", True)
    assert not bridge.also_asked(question)


# --- defined_terms.SESSION29_AGE_DEFINES: the age joined to a term by "là" asks its definition --------------------

@pytest.mark.parametrize("question", [
    "người cao tuổi là người từ đủ bao nhiêu tuổi trở lên",
    "nguoi cao tuoi la tu may tuoi vay",
    "mấy tuổi thì mới là người cao tuổi ạ",
    "trẻ em là dưới bao nhiêu tuổi",
])
def test_an_age_joined_to_a_term_by_la(monkeypatch, question):
    monkeypatch.setattr(defined_terms, "SESSION29_AGE_DEFINES", True)
    assert defined_terms.asks_definition(_folded(question))
    monkeypatch.setattr(defined_terms, "SESSION29_AGE_DEFINES", False)
    assert not defined_terms.asks_definition(_folded(question))


@pytest.mark.parametrize("question", [
    "người cao tuổi từ bao nhiêu tuổi thì được miễn vé tàu",      # an age asked for a benefit
    "con tôi mấy tuổi thì phải làm căn cước",
    "trẻ em dưới bao nhiêu tuổi được miễn học phí",
])
def test_an_age_asked_for_something_else(monkeypatch, question):
    monkeypatch.setattr(defined_terms, "SESSION29_AGE_DEFINES", True)
    assert not defined_terms.asks_definition(_folded(question))
