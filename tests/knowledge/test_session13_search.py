"""Session 13 (issue 15): legal search on precise questions of civil servants and citizens (docs/knowledge.md,
"Session 13: blind legal questions"; its flags kept by rule R1 are unconditional since session 16, the others were
retired). The sentences here are this file's own, not the blind writer's."""

from __future__ import annotations

import pytest

from appliance.knowledge import relevance
from appliance.knowledge import search as search_module
from appliance.knowledge.search import search, title_adjustment
from appliance.text import fold_tokens


def folded(question: str) -> str:
    return f" {' '.join(fold_tokens(question))} "


# --- what the question form asks ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "title"), [
    ("làm giấy khai sinh cho con thì nộp ở đâu", "Thẩm quyền đăng ký khai sinh"),
    ("co quan nao giai quyet to cao chu tich phuong", "Thẩm quyền giải quyết tố cáo"),
    ("ubnd phuong nao lam cai chinh ho tich", "Thẩm quyền đăng ký thay đổi, cải chính hộ tịch"),
    ("giải quyết khiếu nại mất bao lâu", "Thời hạn giải quyết khiếu nại lần đầu"),
    ("nộp đơn khiếu nại trong mấy ngày thì hết quyền", "Thời hiệu khiếu nại"),
    ("đăng ký kết hôn cần giấy tờ gì", "Thủ tục đăng ký kết hôn"),
    ("xin tro cap xa hoi thi ho so gom nhung gi", "Hồ sơ đề nghị trợ cấp xã hội"),
    ("thế nào là người khuyết tật nặng", "Giải thích từ ngữ"),
])
def test_the_form_of_the_question_favours_the_article_of_that_kind(question, title):
    assert title_adjustment(folded(question), title) == search_module.ASKED_FORM_BONUS


@pytest.mark.parametrize(("question", "title"), [
    ("lệ phí đăng ký kết hôn bao nhiêu tiền", "Thẩm quyền đăng ký kết hôn"),
    ("con dưới 36 tháng tuổi ai được nuôi", "Thời hạn giải quyết khiếu nại lần đầu"),
    ("giải quyết khiếu nại mất bao lâu", "Thẩm quyền giải quyết khiếu nại"),
    ("đăng ký kết hôn cần giấy tờ gì", "Thời hạn giải quyết việc đăng ký kết hôn"),
    ("người khuyết tật được hưởng trợ cấp bao nhiêu", "Giải thích từ ngữ"),
])
def test_a_question_of_another_form_gets_no_bonus(question, title):
    assert title_adjustment(folded(question), title) == 0.0


# --- the bridged procedure's own law, ranked ---------------------------------------------------------------------

def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


@pytest.mark.parametrize(("question", "article", "procedure"), [
    # Who may ask for a copy of a lost birth certificate: Điều 63, not the copy procedure (Điều 64) alone.
    ("lam lai giay khai sinh bi mat thi phuong co duoc cap ban sao trich luc khong", "60/2014/QH13|63", "HT-TLBS"),
    # Asking through someone else: Điều 6 (quyền, nghĩa vụ đăng ký hộ tịch), beside a procedure's basis of that law (the
    # matcher reads cải chính, the chat, clearly, the copy of an extract: bridged by bridge.chat_choice).
    ("người dân có được nhờ người khác đi đăng ký hộ tịch thay mình không", "60/2014/QH13|6", None),
])
def test_a_bridged_question_shows_the_rankings_article_of_that_law_first(library, question, article, procedure):
    on = search(library, question, 5)
    assert on.answered and on.procedure is not None and procedure in (None, on.procedure[0])
    assert article in _shown(on)[:3], _shown(on)
    # Still the procedure's law, said so; "phường có được cấp … không" also asks which office: the procedure's
    # competence facts lead its basis, one of them of the fee circular (test_asked_agency.py).
    assert sum(h.number == "60/2014/QH13" for h in on.hits) >= len(on.hits) - 1


def test_a_chatty_procedure_question_keeps_its_basis_first(library):
    # Another "Thủ tục …" article (Điều 36, with a foreign element) or the definitions are rival readings of the
    # procedure the catalogue chose: they are not put before its basis. ("làm ở đâu": the procedure's competence
    # article, Điều 27, then its basis: test_asked_agency.py.)
    for question, first in [
        ("nhà mình mới sinh em bé, giờ muốn đi làm giấy khai sinh thì phải mang theo những gì vậy ạ", ["16"]),
        ("giấy khai sinh ghi sai ngày sinh, giờ muốn sửa khai sinh thì làm ở đâu", ["27", "28"]),
    ]:
        result = search(library, question, 5)
        assert result.procedure is not None and [h.article for h in result.hits[:len(first)]] == first, \
            _shown(result)


def test_own_passages_must_state_what_is_asked(library):
    # An amount is asked: a passage of the law that states none is not put first.
    result = search(library, "chứng thực bản sao giấy tờ mất bao nhiêu tiền một trang vậy ạ", 5)
    for hit in result.hits[:1]:
        assert relevance.states_what_is_asked(" ".join(fold_tokens("bao nhiêu tiền")), " ".join(fold_tokens(hit.text)))


# --- a law named by its title ----------------------------------------------------------------------------------

def test_the_laws_a_question_names(library):
    def named(question: str) -> list[str]:
        return search_module.named_laws(library, f" {' '.join(fold_tokens(question))} ")   # folded once by search

    assert named("Theo Luật Người cao tuổi thì ai được chăm sóc") == ["luat nguoi cao tuoi"]
    assert named("luat hon nhan va gia dinh quy dinh gi ve cap duong") == ["luat hon nhan va gia dinh"]
    assert named("người cao tuổi được giảm giá vé không") == []   # no law named
    assert named("luật số 59/2020/QH14 nói gì") == []


@pytest.mark.parametrize("question", [
    "theo Luật Người cao tuổi thì làm hồ sơ hưởng trợ cấp xã hội hằng tháng ở đâu",
    "Luật Tiếp công dân quy định chứng thực bản sao giấy tờ ở đâu",
])
def test_a_question_naming_a_law_is_not_answered_from_another(library, question):
    result = search(library, question, 5)
    assert not result.answered and result.hits == [] and result.procedure is None and result.nearest


@pytest.mark.parametrize(("question", "number"), [
    ("thời hiệu khiếu nại theo Luật Khiếu nại là bao lâu", "02/2011/QH13"),
    ("luat ho tich quy dinh le phi dang ky khai sinh the nao", "60/2014/QH13"),
    ("theo Luật Tố cáo thì người tố cáo có quyền gì", "25/2018/QH14"),
    ("Luật Hôn nhân và gia đình quy định ai phải cấp dưỡng cho con sau ly hôn", "52/2014/QH13"),
])
def test_a_question_naming_a_law_answered_from_it_stays_answered(library, question, number):
    result = search(library, question, 5)
    assert result.answered and any(h.number == number for h in result.hits[:search_module.SHOWN])
