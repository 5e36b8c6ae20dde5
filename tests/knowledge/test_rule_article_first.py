"""A bridged question asking one rule of the procedure's law gets that rule's article first; a complaint question
naming no second complaint gets the first-instance article before its "lần hai" twin (session 18, second round,
docs/knowledge.md; unconditional since session 20). The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import first_instance, rule_articles
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- a bridged question asking a specific rule of the procedure's law: that rule's article first ---------------------

def test_the_kinds_of_rule_a_question_asks():
    for question in ("phường có từ chối chứng thực không", "trường hợp nào thì không được chứng thực chữ ký",
                     "giấy tờ này có được chứng thực bản sao không",
                     "bản chính bị tẩy xóa thì phường có chứng thực cho không",
                     "bé mới sinh, mấy ngày thì phải đi làm khai sinh", "ai phải đi khai tử cho ông",
                     "bà nội làm khai sinh cho cháu thay bố mẹ", "kết hôn phải đủ bao nhiêu tuổi",
                     "người dịch cần điều kiện gì"):
        assert rule_articles.asked_rules(_folded(question)), question
    for question in ("đăng ký khai sinh mất bao lâu thì xong", "làm giấy khai sinh cần giấy tờ gì",
                     "chứng thực chữ ký ở đâu", "lệ phí đăng ký kết hôn là bao nhiêu",
                     "thay đổi họ cho con thì làm thế nào"):
        assert not rule_articles.asked_rules(_folded(question)), question


def test_an_article_names_the_procedure_by_most_of_its_name():
    assert rule_articles.names_procedure("Trường hợp không được chứng thực chữ ký", "Chứng thực chữ ký")
    assert rule_articles.names_procedure("Bản chính giấy tờ, văn bản không được dùng làm cơ sở để chứng thực bản sao",
                                         "Chứng thực bản sao từ bản chính")
    assert not rule_articles.names_procedure("Các hành vi bị nghiêm cấm", "Đăng ký khai sinh")
    assert not rule_articles.names_procedure("Thời hạn và trách nhiệm đăng ký khai tử", "Đăng ký khai sinh")


@pytest.mark.parametrize(("question", "article", "basis"), [
    ("người nhờ chứng thực chữ ký mà không mang giấy tờ tùy thân thì phường có từ chối không", "23/2015/NĐ-CP|25",
     "23/2015/NĐ-CP|24"),
    ("bé nhà tôi mới đẻ, mấy ngày thì phải đi làm giấy khai sinh cho bé", "60/2014/QH13|15", "60/2014/QH13|16"),
    ("cháu nhà tôi mới sinh, bố mẹ đi làm xa, bà nội đi làm giấy khai sinh thay bố mẹ được không", "60/2014/QH13|15",
     "60/2014/QH13|16"),
])
def test_the_rule_asked_comes_before_the_procedures_basis(library, question, article, basis):
    on = search(library, question, 5)
    assert on.procedure is not None and _shown(on)[0] == article
    assert basis in _shown(on)[1:]          # the procedure's basis still follows


def test_a_question_asking_no_rule_keeps_the_basis_first(library):
    assert _shown(search(library, "làm giấy khai sinh cho con cần giấy tờ gì", 5))[0] == "60/2014/QH13|16"


# --- a complaint question naming no second complaint: the first-instance article before its "lần hai" twin ----------

def test_a_question_naming_a_second_complaint():
    for question in ("xác minh nội dung khiếu nại lần hai", "không đồng ý với quyết định thì khiếu nại tiếp ở đâu",
                     "đã giải quyết lần đầu rồi mà vẫn chưa xong"):
        assert first_instance.asks_second(_folded(question)), question
    for question in ("thời hạn giải quyết khiếu nại là bao nhiêu ngày", "thụ lý đơn khiếu nại trong bao lâu"):
        assert not first_instance.asks_second(_folded(question)), question


def test_the_first_instance_twin_comes_before_the_second(library):
    question = "thời hạn giải quyết khiếu nại là bao nhiêu ngày"
    on = _shown(search(library, question, 5))
    assert on.index("02/2011/QH13|28") < on.index("02/2011/QH13|37")
    second = "thời hạn giải quyết khiếu nại lần hai là bao nhiêu ngày"
    assert _shown(search(library, second, 5)).index("02/2011/QH13|37") == 0
