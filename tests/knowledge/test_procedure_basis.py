"""Every fact of the procedure catalogue is grounded in the library: each cited article exists and
states it in the words the catalogue quotes; a fact resting on a document the library has no
official text of is marked "cần xác nhận". The wrong facts found in the memory-written catalogue
(issue 15) stay corrected."""

from __future__ import annotations

from appliance.knowledge.articles import find_article
from appliance.knowledge.bridge import fact_passages
from appliance.knowledge.procedure_basis import article_scope, check
from appliance.knowledge.procedures import FACT_FIELDS, get_procedure, load_catalogue


def test_every_fact_carries_a_basis_and_every_document_item_is_covered():
    for proc in load_catalogue():
        for field in FACT_FIELDS:
            assert proc.bases(field), f"{proc.code}: {field} has no basis"
        items = {b.item for b in proc.bases("documents")}
        for index in range(1, len(proc.documents) + 1):
            assert index in items or 0 in items, f"{proc.code}: document item {index} has no basis"


def test_every_basis_checks_out_or_its_field_needs_confirmation(library):
    problems = []
    for proc in load_catalogue():
        for result in check(library, proc):
            b = result.basis
            if result.state in ("no_text", "no_article"):  # the library lacks the text: must say so
                if b.field not in proc.needs_confirmation:
                    problems.append(f"{proc.code} {b.field}: {b.label} is not in the library, field not marked")
            elif not result.ok:
                problems.append(f"{proc.code} {b.field}: {b.label} {result.state}: “{b.quote}”")
    assert not problems, "\n".join(problems)


def test_the_grounding_check_is_real(library):
    """The check opens the article: the issue's own examples pass, a changed figure fails."""
    article = find_article(library, "60/2014/QH13", "15")
    assert article is not None and "60 ngày" in article_scope(article, "1")
    assert "60 ngày" not in article_scope(article, "2")
    fees = find_article(library, "226/2016/TT-BTC", "4")
    assert fees is not None and "2.000 đồng/trang" in fees.text
    proc = next(p for p in load_catalogue() if p.code == "CTH-BS")
    proc.basis[[b.field for b in proc.basis].index("fee")].quote = "3.000 đồng/trang"
    assert [r.state for r in check(library, proc) if r.basis.field == "fee"] == ["not_stated"]


def test_search_shows_a_fact_only_where_its_check_confirms_it(library):
    """Search's answers to "how much" / "how long" select through the same check
    (procedure_basis.stating_passages): the passage holding the quoted words, nothing where the check
    fails, the whole scope the check read when the words run across passages (an article's title)."""
    catalogue = {p.code: p for p in load_catalogue()}
    copies = catalogue["CTH-BS"]
    assert [r["citation"] for r in fact_passages(library, copies, "fee")] == ["Điều 4 Thông tư số 226/2016/TT-BTC"]
    marriage = catalogue["HT-KH"]
    assert {r["citation"] for r in fact_passages(library, marriage, "processing_time")} == \
        {"Khoản 2 Điều 18 Luật Hộ tịch số 60/2014/QH13"}
    guardian = catalogue["HT-GH"]  # quoted: the titles of Điều 20 and 21
    assert [r["citation"] for r in fact_passages(library, guardian, "legal_basis")] == [
        f"Khoản {k} Điều {a} Luật Hộ tịch số 60/2014/QH13" for a in (20, 21) for k in (1, 2)]
    # The right words cited at the wrong khoản are not confirmed, so not shown (they are in khoản 2).
    for basis in marriage.bases("processing_time"):
        basis.clause = "1"
    assert fact_passages(library, marriage, "processing_time") == []
    copies.basis[[b.field for b in copies.basis].index("fee")].quote = "3.000 đồng/trang"
    assert fact_passages(library, copies, "fee") == []


def test_wrong_facts_of_the_memory_catalogue_stay_corrected(library):
    catalogue = {p.code: p for p in load_catalogue()}
    hd = catalogue["CTH-HD"]
    # The 2-day rule for contracts is Điều 37 of Nghị định 23/2015, not Điều 7 (same-day rule).
    assert any(b.article == "37" and "02 (hai) ngày làm việc" in b.quote for b in hd.bases("processing_time"))
    assert "Điều 37" in hd.processing_time and "Điều 7 " not in hd.processing_time
    # Nghị định 20/2021: the ward chairman reviews and lists publicly; no ward "Hội đồng xét duyệt".
    tc = catalogue["BTXH-TCHT"]
    assert not any("Hội đồng" in step for step in tc.how) and "Chủ tịch UBND cấp huyện quyết định" in tc.agency
    # Mai táng: the ward sends within 02 working days, the decision is not the ward chairman's.
    mt = catalogue["BTXH-MT"]
    assert "02 ngày làm việc" in mt.processing_time and "Bản sao giấy chứng tử của đối tượng" in mt.documents
    # No penalty article that Nghị định 82/2020 does not contain; nothing cites the old 01/2021 as in force.
    ks = catalogue["HT-KS"]
    assert not any("82/2020" in basis for basis in ks.legal_basis)
    stored = get_procedure(library, "CTH-HD")
    assert stored is not None and stored.processing_time == hd.processing_time  # the database follows the file
