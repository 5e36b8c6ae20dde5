"""A bridged question asking where a procedure is done or which office decides: the article on competence first
(session 18, docs/knowledge.md; unconditional since session 20). The sentences here are this file's own, not the blind
writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import bridge
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- a bridged question asking where the procedure is done: the article on competence -------------------------------

def test_a_question_asking_where_or_which_office():
    for question in ("đăng ký khai sinh cho cháu ở đâu", "khai tử thì cơ quan nào làm",
                     "làm ở phường của vợ hay của chồng", "ra xã nơi sinh hay nơi đang ở",
                     "nộp hồ sơ cho ai", "phường mình có được đăng ký khai sinh cho bé không",
                     "phường sửa được hay phải lên quận", "xã có chứng thực hợp đồng này không"):
        assert bridge.asks_agency(_folded(question)), question
    for question in ("tôi đang ở phường của mẹ đẻ, làm giấy khai sinh cần gì",   # where one lives, nothing asked
                     "đăng ký khai sinh mất bao lâu", "làm giấy khai sinh cần giấy tờ gì",
                     "lệ phí đăng ký kết hôn hay ly hôn là bao nhiêu",
                     "cán bộ phường có được từ chối chứng thực không",                 # a duty, not where
                     "phường có hỗ trợ tiền mai táng không", "ông bà có phải lên phường ký không"):
        assert not bridge.asks_agency(_folded(question)), question


@pytest.mark.parametrize(("question", "procedure", "article"), [
    ("ông mất ở bệnh viện tỉnh, khai tử ở đâu", "HT-KT", "60/2014/QH13|32"),
    ("muốn đăng ký kết hôn thì ra phường của vợ hay của chồng", "HT-KH", "60/2014/QH13|17"),
])
def test_the_article_on_competence_is_shown_for_a_bridged_where_question(library, question, procedure, article):
    on = search(library, question, 5)
    assert on.procedure is not None and on.procedure[0] == procedure and article in _shown(on)


@pytest.mark.parametrize(("question", "article"), [
    ("mẹ ở phường này, bố ở phường khác, phường mình có được đăng ký khai sinh cho bé không", "60/2014/QH13|13"),
    ("bé 10 tuổi bị ghi sai tên trong giấy khai sinh, phường sửa được hay phải lên quận", "60/2014/QH13|27"),
])
def test_the_article_on_competence_comes_before_the_rankings_own_passages(library, question, article):
    assert _shown(search(library, question, 5))[0] == article


def test_a_bridged_question_not_asking_where_keeps_the_procedures_steps_first(library):
    question = "đi làm giấy khai sinh cho con cần mang giấy tờ gì"
    assert _shown(search(library, question, 5))[0] == "60/2014/QH13|16"

