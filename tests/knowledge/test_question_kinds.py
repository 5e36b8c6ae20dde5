"""Questions of particular kinds (docs/knowledge.md, "Session 17"): a bridged question asking a rule the ranking
found in another document, a question asking what a term means, certification away from the office; and the
harness's reports, which never show a set's cases. The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

from appliance.knowledge.evaluation import DecisionReport
from appliance.knowledge.search import own_top_first, search
from appliance.text import fold_tokens


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


def _row(id_: int, doc: int, title: str = "", text: str = "", status: str = "con_hieu_luc") -> dict[str, object]:
    return {"id": id_, "doc_id": doc, "article_title": title, "folded": _folded(text), "status": status,
            "repealed": 0}


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


def test_a_bridged_question_shows_the_rule_the_ranking_found_first(library):
    question = "người nhận con nuôi phải lớn hơn đứa trẻ bao nhiêu tuổi, bác ruột nhận cháu làm con nuôi có cần không"
    found = search(library, question, 5)
    assert found.answered and found.procedure is not None
    assert _shown(found)[0] == "52/2010/QH12|14" and len(set(_shown(found))) >= 2   # the basis follows


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


def test_the_article_titled_with_the_term_asked_about_is_found(library):
    question = "cụ ông trong tổ dân phố từ mấy tuổi thì được xem là người cao tuổi"
    found = search(library, question, 5)
    assert "39/2009/QH12|2" in _shown(found) + [f"{h.number}|{h.article}" for h in found.nearest]


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


def test_the_article_on_where_certification_is_done_is_shown(library):
    question = "mẹ tôi bị tai biến nằm liệt giường, cán bộ tư pháp có xuống nhà chứng thực chữ ký giấy ủy quyền không"
    found = search(library, question, 5)
    assert found.answered and "23/2015/NĐ-CP|10" in _shown(found)
