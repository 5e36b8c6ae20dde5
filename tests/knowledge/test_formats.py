"""Real files of every accepted type go in with their structure and metadata."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document

from appliance.knowledge.ingest import add_bytes, add_path
from tests.conftest import CHROMIUM

DECREE_HTML = """<html><head><meta charset="utf-8"><style>p{margin:0}</style>
<script>var x = "không lấy";</script></head><body><p>CHÍNH PHỦ</p><p>Số: 77/2026/NĐ-CP</p>
<p>Hà Nội, ngày 10 tháng 02 năm 2026</p><p>NGHỊ ĐỊNH</p>
<p>Quy định về thử nghiệm tra cứu</p><p>Chương I</p><p>QUY ĐỊNH CHUNG</p>
<p>Điều 1. Phạm vi điều chỉnh</p><p>Nghị định này quy định việc thử nghiệm tra cứu văn bản tại phường.</p>
<p>Điều 2. Trách nhiệm của Ủy ban nhân dân phường</p><p>1. Công khai thủ tục hành chính tại trụ sở.</p>
<p>2. Tiếp nhận hồ sơ theo một trong các hình thức sau:</p><p>a) Trực tiếp tại bộ phận một cửa;</p>
<p>b) Qua dịch vụ bưu chính công ích.</p>
<p>Điều 3. Hiệu lực thi hành</p><p>Nghị định này có hiệu lực thi hành từ ngày 01 tháng 4 năm 2026.</p></body></html>"""


def _chunks(conn, doc_id):
    return conn.execute("SELECT citation, chapter, article_title, text FROM kb_chunks WHERE doc_id = ? ORDER BY ord",
                        (doc_id,)).fetchall()


def _check_decree(conn, result):
    doc = conn.execute("SELECT * FROM kb_documents WHERE id = ?", (result.doc_id,)).fetchone()
    assert doc["number"] == "77/2026/NĐ-CP" and doc["doc_type"] == "Nghị định" and doc["issuer"] == "Chính phủ"
    assert doc["issued_on"] == "2026-02-10" and doc["effective_on"] == "2026-04-01"
    rows = _chunks(conn, result.doc_id)
    citations = [r["citation"] for r in rows]
    # Citations name the document as legal writing does (issue 15): "<loại> số <số ký hiệu>".
    assert citations == ["Điều 1 Nghị định số 77/2026/NĐ-CP", "Khoản 1 Điều 2 Nghị định số 77/2026/NĐ-CP",
                         "Khoản 2 Điều 2 Nghị định số 77/2026/NĐ-CP", "Điều 3 Nghị định số 77/2026/NĐ-CP"]
    assert rows[0]["chapter"] == "Chương I: QUY ĐỊNH CHUNG"
    assert "b) Qua dịch vụ bưu chính công ích." in rows[2]["text"]
    assert all("không lấy" not in r["text"] for r in rows)


def test_html(conn):
    _check_decree(conn, add_bytes(conn, DECREE_HTML.encode(), "nd77.html"))


@pytest.mark.skipif(not shutil.which(CHROMIUM) and not shutil.os.path.exists(CHROMIUM), reason="no chromium")
def test_pdf_text_layer_made_by_chromium(conn, tmp_path):
    html = tmp_path / "nd77.html"
    html.write_text(DECREE_HTML, encoding="utf-8")
    pdf = tmp_path / "nd77.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=True, capture_output=True, timeout=60)
    _check_decree(conn, add_path(conn, pdf))


def test_docx_paragraphs_and_tables(conn):
    document = Document()
    for line in ("THÔNG TƯ", "Số: 09/2026/TT-BTP", "Điều 1. Biểu mẫu",
                 "1. Ban hành kèm theo Thông tư này các mẫu sau."):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Mẫu", "Tên"
    table.cell(1, 0).text, table.cell(1, 1).text = "TP/HT-01", "Tờ khai đăng ký khai sinh"
    out = io.BytesIO()
    document.save(out)
    result = add_bytes(conn, out.getvalue(), "tt09.docx")
    doc = conn.execute("SELECT issuer, short_title FROM kb_documents WHERE id = ?", (result.doc_id,)).fetchone()
    assert doc["issuer"] == "Bộ Tư pháp" and doc["short_title"] == "Thông tư 09/2026/TT-BTP"
    assert "Tờ khai đăng ký khai sinh" in _chunks(conn, result.doc_id)[-1]["text"]


def test_plain_report_is_cited_by_paragraph_and_tone_placement_is_normalised(conn):
    text = ("BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG 10\n\nPhường đã tiếp nhận 420 hồ sơ, tỉ lệ đúng hạn 96%.\n\n"
            "Công tác hoà giải ở cơ sở được duy trì; việc thuỷ lợi nội đồng hoàn thành.")
    result = add_bytes(conn, text.encode("utf-8"), "bao-cao.txt")
    rows = _chunks(conn, result.doc_id)
    assert rows[0]["citation"].startswith("Đoạn 1, ")
    body = " ".join(r["text"] for r in rows)
    assert "hòa giải" in body and "thủy lợi" in body  # stored with the classic tone placement
    doc = conn.execute("SELECT status, is_legal FROM kb_documents WHERE id = ?", (result.doc_id,)).fetchone()
    assert doc["is_legal"] == 0 and doc["status"] == "chua_xac_dinh"
