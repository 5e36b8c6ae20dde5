"""Session 21: legal search behaviours behind SESSION21_* flags read at call time (docs/knowledge.md, "Session 21").
The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import official_words
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return f" {' '.join(fold_tokens(text))} "


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


# --- official_words.SESSION21_CIVIL_ADDITION: a blank entry of a civil-status record asked to be added ---------------

@pytest.mark.parametrize("question", [
    "giấy khai sinh của cháu bỏ trống mục quê quán, bây giờ bổ sung vào được không",
    "khai sinh cua me toi de trong muc dan toc thi xin bo sung o dau",
    "Ông tôi muốn bổ sung thông tin hộ tịch vì giấy khai sinh chưa ghi ngày sinh",
    "thu tuc bo sung ho tich mat bao lau",
])
def test_a_blank_entry_asked_to_be_added_asks_the_rule_on_adding_civil_information(monkeypatch, question):
    monkeypatch.setattr(official_words, "SESSION21_CIVIL_ADDITION", True)
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"civil_addition"}, question
    monkeypatch.setattr(official_words, "SESSION21_CIVIL_ADDITION", False)
    assert not official_words.asked(_folded(question)), question


@pytest.mark.parametrize("question", [
    "giấy khai sinh của con chưa có tên cha, muốn bổ sung tên cha thì làm sao",     # a father recognised: Điều 25
    "hồ sơ khai sinh còn thiếu giấy tờ thì về bổ sung sau có được không",            # papers missing from a file
    "chứng thực việc sửa đổi, bổ sung hợp đồng mua bán nhà ở đâu",                   # an amendment, no civil record
    "muốn bổ sung giấy khai sinh vào hồ sơ xin trợ cấp thì nộp bản sao hay bản chính",   # a paper added to a file
    "giấy khai sinh bị ghi sai quê quán thì sửa thế nào",                             # a correction, nothing added
])
def test_other_questions_naming_an_addition_or_a_birth_paper_ask_no_such_rule(monkeypatch, question):
    monkeypatch.setattr(official_words, "SESSION21_CIVIL_ADDITION", True)
    assert not [r for r in official_words.asked(_folded(question)) if r.family == "civil_addition"], question


@pytest.mark.parametrize("question", [
    "giấy khai sinh của cháu bỏ trống mục quê quán, bây giờ bổ sung vào được không",
    "Ông tôi muốn bổ sung thông tin hộ tịch vì giấy khai sinh chưa ghi ngày sinh, làm ở đâu",
])
def test_the_rule_on_adding_civil_information_comes_first(library, monkeypatch, question):
    monkeypatch.setattr(official_words, "SESSION21_CIVIL_ADDITION", True)
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "60/2014/QH13|29"
    monkeypatch.setattr(official_words, "SESSION21_CIVIL_ADDITION", False)
    assert _shown(search(library, question, 5))[:1] != ["60/2014/QH13|29"]


# --- rule_articles.SESSION21_BENEFIT_AMOUNT: how much a benefit is → the article titled as its level -----------------

@pytest.mark.parametrize(("question", "asked"), [
    ("cháu mồ côi được hưởng trợ cấp hệ số bao nhiêu", True),
    ("mức trợ cấp hằng tháng của người cao tuổi hiện nay là bao nhiêu", True),
    ("me toi duoc nhan tro cap xa hoi hang thang bao nhieu", True),
    ("hồ sơ xin trợ cấp xã hội hàng tháng gồm những gì", False),            # the papers, not the amount
    ("mức độ khuyết tật nặng được xác định thế nào", False),                 # a degree of disability, no benefit
    ("được hưởng trợ cấp thì phải làm thủ tục ở đâu", False),                # where, not how much
])
def test_how_much_a_benefit_is_asked(monkeypatch, question, asked):
    from appliance.knowledge import rule_articles

    monkeypatch.setattr(rule_articles, "SESSION21_BENEFIT_AMOUNT", True)
    level = rule_articles._AMOUNT[1]
    assert (level in rule_articles.asked_rules(_folded(question))) is asked, question
    monkeypatch.setattr(rule_articles, "SESSION21_BENEFIT_AMOUNT", False)
    assert level not in rule_articles.asked_rules(_folded(question))


@pytest.mark.parametrize("question", [
    "bà tôi 82 tuổi được nhận trợ cấp xã hội hàng tháng bao nhiêu",                       # unbridged: the ranking
    "chau mo coi ong ba dang nuoi, vay chau duoc huong tro cap xa hoi he so bao nhieu a",   # bridged: the procedure
])
def test_the_article_on_the_benefits_level_is_shown(library, monkeypatch, question):
    from appliance.knowledge import rule_articles

    monkeypatch.setattr(rule_articles, "SESSION21_BENEFIT_AMOUNT", True)
    on = search(library, question, 5)
    assert on.answered and "20/2021/NĐ-CP|6" in _shown(on)[:3]
    monkeypatch.setattr(rule_articles, "SESSION21_BENEFIT_AMOUNT", False)
    assert "20/2021/NĐ-CP|6" not in _shown(search(library, question, 5))


def test_only_a_level_whose_title_the_question_repeats_joins_the_candidates(library, monkeypatch):
    from appliance.knowledge import rule_articles

    monkeypatch.setattr(rule_articles, "SESSION21_BENEFIT_AMOUNT", True)
    assert "muc tro cap xa hoi hang thang" in rule_articles.amount_titled(
        library, _folded("được nhận trợ cấp xã hội hàng tháng bao nhiêu")).values()
    assert not rule_articles.amount_titled(library, _folded("được hỗ trợ mai táng bao nhiêu"))   # another benefit
    assert not rule_articles.amount_titled(library, _folded("trợ cấp xã hội hàng tháng làm ở đâu"))   # not how much
