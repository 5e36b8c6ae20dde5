"""Session 17: legal search behaviours behind SESSION17_* flags read at call time (docs/knowledge.md, "Session 17").
The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import search as search_module
from appliance.knowledge import twins
from appliance.knowledge.evaluation import DecisionReport
from appliance.knowledge.search import close_rival, own_top_first, search
from appliance.text import fold_tokens


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


def _row(id_: int, doc: int, title: str = "", text: str = "", status: str = "con_hieu_luc") -> dict[str, object]:
    return {"id": id_, "doc_id": doc, "article_title": title, "folded": _folded(text), "status": status,
            "repealed": 0}


# --- passages of different documents competing: "có thể liên quan", not the answer ---------------------------------

def test_a_close_passage_of_another_document_is_a_rival():
    first, same, other = _row(1, 10), _row(2, 10), _row(3, 20)
    assert close_rival([(1.50, first), (1.49, same), (1.47, other)])        # another document within 0,04
    assert close_rival([(1.50, first), (1.60, other)])                      # … or above the first
    assert not close_rival([(1.50, first), (1.49, same), (1.30, other)])    # another document far below
    assert not close_rival([(1.50, first), (1.50, same)])                   # one document: no rival
    assert not close_rival([(1.50, first)])


@pytest.mark.parametrize("question", [
    "cán bộ nhận đơn khiếu nại thì mấy ngày phải thụ lý",
    "đơn tố cáo không có tên và địa chỉ người tố cáo có phải giải quyết không",
])
def test_close_documents_are_shown_as_candidates_not_as_the_answer(library, monkeypatch, question):
    monkeypatch.setattr(search_module, "SESSION17_CLOSE_RIVAL", False)
    off = search(library, question, 5)
    assert off.answered and not off.rivals and off.procedure is None
    monkeypatch.setattr(search_module, "SESSION17_CLOSE_RIVAL", True)
    on = search(library, question, 5)
    assert not on.answered and on.rivals and on.hits == []
    assert _shown(off) == [f"{h.number}|{h.article}" for h in on.nearest]   # the same passages, as candidates
    assert "có thể liên quan" in on.note and on.api()["rivals"] is True


@pytest.mark.parametrize("question", [
    "khiếu nại lần đầu không được giải quyết đúng hạn thì làm gì",   # one law leads clearly
    "thời hạn thụ lý đơn khiếu nại",                                  # confident: answered
])
def test_a_clear_or_confident_answer_stays_the_answer(library, monkeypatch, question):
    monkeypatch.setattr(search_module, "SESSION17_CLOSE_RIVAL", True)
    on = search(library, question, 5)
    monkeypatch.setattr(search_module, "SESSION17_CLOSE_RIVAL", False)
    off = search(library, question, 5)
    assert on.answered and not on.rivals and _shown(on) == _shown(off)


def test_a_question_naming_the_law_of_the_first_passage_has_no_rival(library, monkeypatch):
    question = "luat ho tich quy dinh le phi dang ky khai sinh the nao"
    monkeypatch.setattr(search_module, "SESSION17_CLOSE_RIVAL", True)
    on = search(library, question, 5)
    assert on.answered and not on.rivals and on.hits[0].number == "60/2014/QH13"


# --- a bridged question: the ranking's own first passage of another document first --------------------------------

def test_the_own_first_passage_comes_first_only_when_it_is_of_another_document_and_names_what_is_asked():
    basis = [_row(1, 10, "Thủ tục đăng ký nhận cha, mẹ, con")]
    question = _folded("người nhận con nuôi phải hơn trẻ bao nhiêu tuổi")
    top = _row(2, 20, "Điều kiện đối với người nhận con nuôi", "hơn con nuôi từ 20 tuổi trở lên")
    assert [r["id"] for r in own_top_first(question, top, basis, basis)] == [2, 1]
    for other in (_row(3, 10, "Điều kiện đối với người nhận con nuôi"),                 # the basis's own document
                  _row(4, 20, "Thủ tục đăng ký nuôi con nuôi"),                          # a rival procedure
                  _row(5, 20, "Căn cứ xác định mức thu lệ phí", "mức thu"),               # no title word asked
                  _row(6, 20, "Điều kiện đối với người nhận con nuôi", status="het_hieu_luc")):   # out of force
        assert own_top_first(question, other, basis, basis) == basis


def test_a_bridged_question_shows_the_rule_the_ranking_found_first(library, monkeypatch):
    question = "người nhận con nuôi phải lớn hơn đứa trẻ bao nhiêu tuổi, bác ruột nhận cháu làm con nuôi có cần không"
    monkeypatch.setattr(search_module, "SESSION17_OWN_TOP_FIRST", True)
    on = search(library, question, 5)
    assert on.answered and on.procedure is not None
    assert _shown(on)[0] == "52/2010/QH12|14" and len(set(_shown(on))) >= 2   # the basis follows
    monkeypatch.setattr(search_module, "SESSION17_OWN_TOP_FIRST", False)
    off = search(library, question, 5)
    assert off.procedure == on.procedure and "52/2010/QH12|14" not in _shown(off)


# --- the domestic twin of an article with a foreign element ---------------------------------------------------------

def test_a_foreign_element_named_in_a_question():
    assert twins.names_foreign_element(_folded("chồng tôi quốc tịch Hàn Quốc"))
    assert twins.names_foreign_element(_folded("cháu là Việt kiều về nước"))
    assert twins.names_foreign_element(_folded("vợ là người nước ngoài"))
    assert not twins.names_foreign_element(_folded("con tôi sinh ở bệnh viện quận khác"))
    assert not twins.names_foreign_element(_folded("bố mẹ ở hai phường khác nhau"))


def test_the_domestic_twin_comes_before_the_article_with_a_foreign_element(library, monkeypatch):
    question = "con tôi sinh ở bệnh viện quận khác thì đăng ký khai sinh cho cháu ở ủy ban phường nào"
    monkeypatch.setattr(twins, "SESSION17_DOMESTIC_TWIN", True)
    on = _shown(search(library, question, 5))
    monkeypatch.setattr(twins, "SESSION17_DOMESTIC_TWIN", False)
    off = _shown(search(library, question, 5))
    assert on[:2] == ["60/2014/QH13|13", "60/2014/QH13|35"]   # Điều 13 (cấp xã), then its twin Điều 35 (cấp huyện)
    assert off[0] == "60/2014/QH13|35"


def test_a_question_with_a_foreign_element_keeps_the_foreign_article(library, monkeypatch):
    question = "chồng tôi quốc tịch Hàn Quốc, con sinh ở Hà Nội thì đăng ký khai sinh ở đâu"
    monkeypatch.setattr(twins, "SESSION17_DOMESTIC_TWIN", True)
    on = _shown(search(library, question, 5))
    monkeypatch.setattr(twins, "SESSION17_DOMESTIC_TWIN", False)
    assert on == _shown(search(library, question, 5)) and on[0] == "60/2014/QH13|35"


def test_only_an_article_with_a_foreign_element_and_one_plain_twin_has_a_domestic_twin(library):
    def first(number: str, article: str):
        return library.execute(
            "SELECT c.* FROM kb_chunks c JOIN kb_documents d ON d.id = c.doc_id WHERE d.number = ? AND c.article = ?"
            " ORDER BY c.id LIMIT 1", (number, article)).fetchone()

    twin = twins.domestic_twin(library, first("60/2014/QH13", "51"))   # Thẩm quyền đăng ký khai tử, foreign
    assert twin is not None and library.execute("SELECT article FROM kb_chunks WHERE id = ?",
                                                (twin,)).fetchone()[0] == "32"
    assert twins.domestic_twin(library, first("60/2014/QH13", "32")) is None   # the domestic one itself
    assert twins.domestic_twin(library, first("60/2014/QH13", "11")) is None   # a title found once


# --- the harness never shows a set's cases in an assertion's repr ---------------------------------------------------

def test_a_reports_repr_holds_counts_only():
    report = DecisionReport(right=1, wrong=1, failures=["wrong: một câu hỏi của bộ đề → …"])
    assert "một câu hỏi" not in repr(report) and "right=1" in repr(report)


# --- a question asking what a term means: the article titled with the term -----------------------------------------

def test_a_question_asking_what_counts_as_something():
    from appliance.knowledge.defined_terms import asks_definition

    for question in ("từ mấy tuổi thì được xem là người già", "thế nào là hộ cận nghèo", "con nuôi là gì",
                     "người giám hộ được hiểu là ai"):
        assert asks_definition(_folded(question)), question
    for question in ("tuổi kết hôn của nam và nữ", "làm giấy khai sinh ở đâu", "người cao tuổi được hưởng gì"):
        assert not asks_definition(_folded(question)), question


def test_the_article_titled_with_the_term_asked_about_is_found(library, monkeypatch):
    from appliance.knowledge import defined_terms

    question = "cụ ông trong tổ dân phố từ mấy tuổi thì được xem là người cao tuổi"
    monkeypatch.setattr(defined_terms, "SESSION17_DEFINED_TERM", True)
    on = search(library, question, 5)
    monkeypatch.setattr(defined_terms, "SESSION17_DEFINED_TERM", False)
    off = search(library, question, 5)
    assert "39/2009/QH12|2" in _shown(on) + [f"{h.number}|{h.article}" for h in on.nearest]
    assert "39/2009/QH12|2" not in _shown(off) + [f"{h.number}|{h.article}" for h in off.nearest]


def test_a_question_not_asking_a_definition_is_ranked_as_before(library, monkeypatch):
    from appliance.knowledge import defined_terms

    question = "người cao tuổi sống một mình không có lương hưu được hưởng chính sách gì"
    monkeypatch.setattr(defined_terms, "SESSION17_DEFINED_TERM", True)
    on = search(library, question, 5)
    monkeypatch.setattr(defined_terms, "SESSION17_DEFINED_TERM", False)
    assert _shown(on) == _shown(search(library, question, 5))


# --- certification away from the office ----------------------------------------------------------------------------

def test_certification_at_home_adds_the_words_of_the_article_on_where_it_is_done():
    from appliance.knowledge.away_from_office import extra_terms

    words, pairs = extra_terms(_folded("mẹ tôi bị tai biến nằm liệt giường, cán bộ tư pháp có xuống nhà chứng thực "
                                       "chữ ký giấy ủy quyền không"))
    assert {"tru", "so", "gia", "yeu"} <= set(words) and "tru_so" in pairs
    assert extra_terms(_folded("cụ đang nằm viện, muốn chứng thực di chúc thì làm sao")) != ([], [])
    for question in ("ông tôi mất tại nhà thì khai tử cần giấy tờ gì",        # at home, but no certification
                     "chứng thực bản sao giấy khai sinh ở phường mất bao lâu",  # certification at the office
                     "bé sinh tại nhà không có giấy chứng sinh thì làm khai sinh thế nào"):
        assert extra_terms(_folded(question)) == ([], []), question


def test_the_article_on_where_certification_is_done_is_shown(library, monkeypatch):
    from appliance.knowledge import away_from_office

    question = "mẹ tôi bị tai biến nằm liệt giường, cán bộ tư pháp có xuống nhà chứng thực chữ ký giấy ủy quyền không"
    monkeypatch.setattr(away_from_office, "SESSION17_AWAY_FROM_OFFICE", True)
    on = search(library, question, 5)
    monkeypatch.setattr(away_from_office, "SESSION17_AWAY_FROM_OFFICE", False)
    off = search(library, question, 5)
    assert on.answered and "23/2015/NĐ-CP|10" in _shown(on)
    assert "23/2015/NĐ-CP|10" not in _shown(off)
