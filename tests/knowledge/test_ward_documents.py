"""The ward's own documents are named by their Nghị định 30 header: type and trích yếu or number,
and a regulation issued with a decision by its title and that decision, never by the issuer line."""

from __future__ import annotations

import io

from docx import Document

from appliance.knowledge.documents import get_document
from appliance.knowledge.ingest import add_bytes
from appliance.knowledge.search import search

BODY = ["QUYẾT ĐỊNH", "Về việc ban hành Quy chế tiếp công dân của Ủy ban nhân dân phường Hoa Sen",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN", "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;",
        "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Văn phòng HĐND và UBND phường chịu trách nhiệm thi hành Quyết định này."]
REGULATION = ["QUY CHẾ", "Tiếp công dân của Ủy ban nhân dân phường Hoa Sen",
              "(Ban hành kèm theo Quyết định số 17/QĐ-UBND ngày 05/3/2026 của Chủ tịch UBND phường Hoa Sen)",
              "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
              "Quy chế này quy định việc tiếp công dân tại trụ sở Ủy ban nhân dân phường.",
              "Điều 3. Lịch tiếp công dân",
              "1. Chủ tịch Ủy ban nhân dân phường tiếp công dân vào sáng thứ Năm hằng tuần.",
              "2. Cán bộ tiếp công dân thường xuyên trực tại Bộ phận tiếp công dân."]


def _docx(header: bool, lines: list[str]) -> bytes:
    document = Document()
    if header:  # the two-column Nghị định 30 header, as a table
        table = document.add_table(rows=3, cols=2)
        for row, (left, right) in enumerate([("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                             ("PHƯỜNG HOA SEN", "Độc lập - Tự do - Hạnh phúc"),
                                             ("Số: 17/QĐ-UBND", "Hoa Sen, ngày 05 tháng 3 năm 2026")]):
            table.cell(row, 0).text, table.cell(row, 1).text = left, right
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_decision_with_its_regulation(conn):
    result = add_bytes(conn, _docx(True, BODY + REGULATION), "qd17.docx")
    doc = get_document(conn, result.doc_id)
    assert doc is not None and doc.number == "17/QĐ-UBND" and doc.doc_type == "Quyết định"
    assert doc.issuer == "Ủy ban nhân dân phường Hoa Sen" and doc.issued_on == "2026-03-05"
    assert doc.title == "Quyết định về việc ban hành Quy chế tiếp công dân của Ủy ban nhân dân phường Hoa Sen"
    assert doc.effective_on == "2026-03-05"  # "có hiệu lực kể từ ngày ký"
    cites = [r[0] for r in conn.execute("SELECT citation FROM kb_chunks WHERE doc_id = ? ORDER BY ord", (doc.id,))]
    assert cites[0] == "Điều 1 Quyết định số 17/QĐ-UBND"
    assert "Khoản 1 Điều 3 Quy chế tiếp công dân của Ủy ban nhân dân phường Hoa Sen (ban hành kèm theo Quyết định " \
           "số 17/QĐ-UBND)" in cites
    assert not any("ỦY BAN NHÂN DÂN" in c for c in cites)
    hit = search(conn, "lịch tiếp công dân của chủ tịch phường sáng thứ năm", 3).hits[0]
    assert hit.citation.startswith("Khoản 1 Điều 3 Quy chế tiếp công dân")


def test_regulation_uploaded_alone(conn):
    result = add_bytes(conn, _docx(False, ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOA SEN", *REGULATION]), "quy-che.docx")
    doc = get_document(conn, result.doc_id)
    assert doc is not None and doc.doc_type == "Quy chế" and doc.number == ""
    assert doc.title == "Quy chế tiếp công dân của Ủy ban nhân dân phường Hoa Sen"
    assert doc.parent == "Quyết định số 17/QĐ-UBND" and doc.issuer == "Ủy ban nhân dân phường Hoa Sen"
    assert doc.cite_as == "Quy chế tiếp công dân của Ủy ban nhân dân phường Hoa Sen (ban hành kèm theo Quyết định số " \
                          "17/QĐ-UBND)"
    again = add_bytes(conn, _docx(False, ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOA SEN", *REGULATION]), "quy-che-ban-2.docx")
    assert again.updated and again.doc_id == doc.id  # same regulation of the same decision: updated, not doubled
