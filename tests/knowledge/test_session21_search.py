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
