"""Session 26 (law_asked.SESSION26_LAW_ASKED): a question on what the law says is not vetoed by the citizen chat's
out-of-scope reading; one asking where, at which office or for a procedure still is. Own sentences, not the blind
writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import bridge, law_asked
from appliance.text import fold_tokens


def _asks_the_law(question: str) -> bool:
    folded = f" {' '.join(fold_tokens(question))} "
    return law_asked.asks_the_law(folded, bridge.asks_agency(folded))


@pytest.mark.parametrize("question", [
    "bố mẹ đã ly hôn thì người không trực tiếp nuôi con có phải cấp dưỡng cho con không",
    "khi ly hôn con dưới 36 tháng tuổi thì ai được trực tiếp nuôi",
    "nguoi cao tuoi di xe khach co duoc giam gia ve khong",
    "người tố cáo có được giữ bí mật danh tính không",
])
def test_a_question_on_what_the_law_says(monkeypatch, question):
    monkeypatch.setattr(law_asked, "SESSION26_LAW_ASKED", True)
    assert _asks_the_law(question)
    monkeypatch.setattr(law_asked, "SESSION26_LAW_ASKED", False)
    assert not _asks_the_law(question)


@pytest.mark.parametrize("question", [
    "hai vợ chồng ly hôn thì nộp đơn ở phường được không",      # whether the ward does it
    "ly hon thi nop don o dau",                                  # where
    "làm hộ chiếu cần những giấy tờ gì",                         # a procedure's papers
    "đổi giấy phép lái xe quốc tế làm thế nào",                  # its steps
    "thẻ bảo hiểm y tế cho trẻ em thì ai cấp",                   # which office
    "xin ly lich tu phap lam o dau",
    "con dưới 36 tháng tuổi khi cha mẹ ly hôn thì giao cho ai nuôi",   # "cho ai" reads as which office (asks_agency)
])
def test_a_question_on_where_or_how_stays_the_chats(monkeypatch, question):
    monkeypatch.setattr(law_asked, "SESSION26_LAW_ASKED", True)
    assert not _asks_the_law(question)
