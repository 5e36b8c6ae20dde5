"""Session 28: legal search behaviours behind SESSION28_* flags (docs/knowledge.md, "Session 28"), each on and off.
Pure functions on clauses written here in the official style; the questions are this file's own, not the blind
writers'. The searches over the library are at the end of test_session22_search.py (to share its library)."""

from __future__ import annotations

import pytest

from appliance.knowledge import defined_terms
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


# --- defined_terms.SESSION28_DEFINED_CLAUSE: the clause of a definitions article defining the term asked -----------

@pytest.mark.parametrize(("clause", "term"), [
    ("Trong Luật này, những từ ngữ dưới đây được hiểu như sau: 1. Cơ quan đăng ký hộ tịch là Ủy ban nhân dân …",
     "co quan dang ky ho tich"),                                       # the first clause carries the lead-in
    ("8. Quê quán của cá nhân được xác định theo quê quán của cha hoặc mẹ …", "que quan"),   # cut at "của"
    ("2. Lệ phí là khoản tiền được ấn định …", "le phi"),
    ("16. Thành viên gia đình bao gồm vợ, chồng, cha mẹ đẻ …", "thanh vien gia dinh"),
    ("1. Phí là khoản tiền …", None),                                  # one syllable names too much
    ("Người khuyết tật được Nhà nước hỗ trợ …", None),                  # not a numbered clause
])
def test_the_term_a_definitions_clause_defines(clause, term):
    assert defined_terms.defined_term(_folded(clause)) == term


@pytest.mark.parametrize(("question", "term"), [
    ("Quê quán của trẻ khi đăng ký khai sinh được xác định theo nguyên tắc nào?", "que quan"),
    ("phi va le phi khac nhau the nao", "le phi"),                     # another term joined before it
    ("Cho em hỏi kết hôn giả tạo là gì ạ", "ket hon gia tao"),          # asked after an opener
    ("Thế nào là kết hôn trái pháp luật?", "ket hon trai phap luat"),   # asked before the term
    ("những người nào được coi là người thân thích", "nguoi than thich"),
    ("tre em mo coi duoc hieu the nao", "tre em mo coi"),
])
def test_a_term_asked_for_its_meaning(question, term):
    assert defined_terms.asks_term(question, term)


@pytest.mark.parametrize(("question", "term"), [
    ("Thời hạn giải quyết khiếu nại lần đầu được xác định thế nào?", "giai quyet khieu nai"),  # does not open it
    ("bố mẹ ly hôn thì cấp dưỡng cho con bao nhiêu là đủ", "cap duong"),    # an amount asked, not the meaning
    ("Vợ chồng em ở hai phường khác nhau, khai sinh cho con ở đâu", "vo chong"),   # "khác nhau": different
    ("Người thân thích của người tố cáo có được bảo vệ không", "nguoi than thich"),
])
def test_a_term_named_but_not_asked_for_its_meaning(question, term):
    assert not defined_terms.asks_term(question, term)


# --- input_papers.SESSION28_PAPER_AGAIN: the issuer's paper asked again or said written wrongly -------------------

CATALOGUE = (
    ("Đăng ký khai sinh", ("làm giấy khai sinh",),
     ("Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh; nếu không có: văn bản của người làm chứng")),
    ("Đăng ký khai tử", ("làm giấy báo tử",), ("Giấy báo tử hoặc giấy tờ khác thay giấy báo tử",)),
    ("Đăng ký kết hôn", (), ("Giấy khai sinh của hai bên", "Giấy chứng nhận kết hôn cũ (nếu có)")),
)


def _again(question: str) -> str | None:
    from appliance.knowledge import input_papers

    return input_papers.asks_again(CATALOGUE, _folded(question))


def test_the_issuers_papers_are_those_no_procedure_issues():
    from appliance.knowledge import input_papers

    # "giấy khai sinh", "giấy chứng nhận kết hôn", "giấy báo tử" (an alias of the death registration) are the ward's.
    assert input_papers.issuers_papers(CATALOGUE) == ("giay chung sinh",)


@pytest.mark.parametrize("question", [
    "mất giấy chứng sinh của cháu rồi, giờ xin cấp lại giấy chứng sinh ở đâu",
    "giấy chứng sinh của bé bị rách hết rồi thì làm lại ở đâu",
    "giay chung sinh nha vien cap bi ghi sai ngay sinh cua be, phuong co sua duoc khong",
])
def test_the_issuers_paper_asked_again_or_written_wrongly(monkeypatch, question):
    from appliance.knowledge import input_papers

    monkeypatch.setattr(input_papers, "SESSION28_PAPER_AGAIN", True)
    assert _again(question) == "giay chung sinh"
    monkeypatch.setattr(input_papers, "SESSION28_PAPER_AGAIN", False)
    assert _again(question) is None


@pytest.mark.parametrize("question", [
    "giấy chứng sinh của con bị mất rồi thì còn làm khai sinh được không",      # lost, but the birth is asked
    "giấy khai sinh ghi sai năm sinh so với giấy chứng sinh, sửa thế nào",    # the ward's paper is wrong
    "giấy khai sinh bị mất, xin cấp lại ở đâu",                                # the ward's own paper
    "bị mất giấy báo tử thì xin lại ở đâu",                                    # the death registration's alias
])
def test_the_wards_own_papers_and_a_paper_only_named_keep_the_procedure(monkeypatch, question):
    from appliance.knowledge import input_papers

    monkeypatch.setattr(input_papers, "SESSION28_PAPER_AGAIN", True)
    assert _again(question) is None


# --- defined_terms.defined_clauses kept per library (rule R7, session 29) ------------------------------------------

def test_the_definitions_clauses_are_parsed_once_per_library_state(tmp_path, monkeypatch):
    # Parsing the ~134 clauses of the definitions articles on every search cost about 5,8 ms a search: they are
    # parsed once per database file and library stamp, and parsed again after the library changed.
    from appliance.db import connect, migrate
    from appliance.knowledge import store
    from appliance.knowledge.search import search

    conn = connect(tmp_path / "appliance.db")
    migrate(conn)
    parsed: list[str] = []
    parse = defined_terms.defined_term

    def counting(folded_clause: str) -> str | None:
        parsed.append(folded_clause)
        return parse(folded_clause)

    monkeypatch.setattr(defined_terms, "defined_term", counting)
    monkeypatch.setattr(defined_terms, "SESSION28_DEFINED_CLAUSE", True)
    question = "quê quán của một người được xác định như thế nào"
    first = defined_terms.defined_clauses(conn, question)
    assert "que quan" in first.values() and parsed
    once = len(parsed)
    search(conn, question, 5)
    search(conn, "thế nào là kết hôn trái pháp luật", 5)
    assert len(parsed) == once   # two more searches: not parsed again
    # The law defining the term deleted (a library change): parsed again, and its clause is gone.
    doc_id = int(conn.execute("SELECT doc_id FROM kb_chunks WHERE id = ?", (next(iter(first)),)).fetchone()[0])
    store.delete_document(conn, doc_id)
    assert "que quan" not in defined_terms.defined_clauses(conn, question).values()
    assert len(parsed) > once
    conn.close()
