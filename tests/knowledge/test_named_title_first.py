"""A bridged question that repeats the title of another law's article the ranking found: that article first
(docs/knowledge.md, "Session 16"; unconditional since the session 18 retirement). The sentences here are this file's
own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge.search import named_title_first, search, title_share
from appliance.text import fold_tokens


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- the article whose title a bridged question repeats, shown first ----------------------------------------------

def test_the_share_of_a_title_the_question_repeats():
    assert title_share(_folded("có phải đăng ký kết hôn lại không"), "Đăng ký kết hôn") == (1.0, 4)
    assert title_share(_folded("ký giấy đồng ý cho con làm con nuôi"), "Sự đồng ý cho làm con nuôi") == (0.75, 4)
    assert title_share(_folded("làm giấy khai sinh cho con"), "Đăng ký kết hôn") == (0.0, 4)
    assert title_share(_folded("bất kỳ câu nào"), "") == (0.0, 0)


@pytest.mark.parametrize(("question", "procedure", "article"), [
    ("Hai người đã ly hôn nay muốn chung sống lại thì có cần đăng ký kết hôn lần nữa không", "HT-KH",
     "52/2014/QH13|9"),
    # The matcher reads khai sinh, the chat the recognition of a child (0,86): since session 24 the chat's clear reading
    # of the same law is bridged (bridge.chat_choice). Either way the adoption law's article comes first.
    ("mẹ đẻ có được ký giấy đồng ý cho người khác nhận con mình làm con nuôi không, có cần làm giấy khai sinh trước "
     "không", None, "52/2010/QH12|21"),
])
def test_a_bridged_question_repeating_another_laws_title_shows_that_article_first(library, question, procedure,
                                                                                   article):
    on = search(library, question, 5)
    assert on.answered and on.procedure is not None and procedure in (None, on.procedure[0])
    assert _shown(on)[0] == article and len(set(_shown(on))) >= 2   # the basis follows


def _row(id_: int, doc: int, title: str, text: str = "", status: str = "con_hieu_luc") -> dict[str, object]:
    return {"id": id_, "doc_id": doc, "article_title": title, "folded": _folded(text), "status": status,
            "repealed": 0}


def test_only_a_title_of_another_document_in_force_stating_what_is_asked_and_not_a_procedure_comes_first():
    basis = [_row(1, 10, "Thủ tục đăng ký khai sinh")]
    question = "đi làm giấy khai sinh thì có cần bản sao từ sổ gốc không, cấp bản sao từ sổ gốc mất bao lâu"
    rival = _row(2, 20, "Thủ tục cấp bản sao từ sổ gốc", "trong ngày")   # a rival procedure: not moved
    same = _row(3, 10, "Cấp bản sao từ sổ gốc", "trong 3 ngày")          # the basis's own law: bridge_own_first's
    old = _row(4, 30, "Cấp bản sao từ sổ gốc", "trong 3 ngày", status="het_hieu_luc")   # out of force
    unstated = _row(5, 20, "Cấp bản sao từ sổ gốc", "người yêu cầu xuất trình giấy tờ")   # no time stated
    for row in (rival, same, old, unstated):
        assert named_title_first(_folded(question), [row], basis, basis) == basis
    good = _row(6, 20, "Cấp bản sao từ sổ gốc", "trong ngày hoặc 02 ngày làm việc")
    assert named_title_first(_folded(question), [rival, good], basis, basis) == [good, *basis]
    short = _row(7, 20, "Lệ phí", "50.000 đồng")                       # fewer than NAMED_TITLE_WORDS syllables
    assert named_title_first(_folded("lệ phí khai sinh bao nhiêu tiền"), [short], basis, basis) == basis
