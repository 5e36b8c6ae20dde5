"""The monthly .docx, downloaded over HTTP, passes the Phụ lục I (Nghị định 30/2020) checks the
drafting tests apply to every draft: page, margins, fonts, header block, title, body, recipients,
signature, page numbers, XML order; and it says the page's figures."""

from __future__ import annotations

import re
from contextlib import closing

import httpx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING

from appliance.db import connect
from appliance.drafting.model import issuer_lines
from appliance.ward.service import ward_settings
from tests.conftest import login
from tests.drafting.docx_checks import (
    all_paragraphs,
    border_rule,
    has_page_field,
    mm,
    open_docx,
    run_fonts_ok,
    schema_order_problems,
    style_of,
)
from tests.impact.conftest import Ward

DATE_RE = re.compile(r"^Hà Nội, ngày \d{2} tháng \d{1,2} năm \d{4}$")


def between(value: float, low: float, high: float) -> bool:
    return low - 0.01 <= value <= high + 0.01


@pytest.fixture(scope="module")
def report(ward: Ward) -> tuple[bytes, str]:
    with closing(httpx.Client(base_url=ward.server.url, timeout=60)) as client:
        login(client, "lanhdao", "lanhdao-demo")
        response = client.get("/hieu-qua/bao-cao.docx", params={"thang": "11/2026"})
        page = client.get("/hieu-qua", params={"thang": "11/2026"}).text
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="bao-cao-hieu-qua-2026-11.docx"'
    return response.content, page


def test_page_fonts_and_page_numbers(report):
    document = open_docx(report[0])
    section = document.sections[0]
    assert round(mm(section.page_width)) == 210 and round(mm(section.page_height)) == 297
    assert between(mm(section.top_margin), 20, 25) and between(mm(section.bottom_margin), 20, 25)
    assert between(mm(section.left_margin), 30, 35) and between(mm(section.right_margin), 15, 20)
    assert run_fonts_ok(document) == []
    assert section.different_first_page_header_footer
    assert has_page_field(section.header.paragraphs) and not has_page_field(section.first_page_header.paragraphs)
    assert schema_order_problems(report[0]) == []


def test_header_title_body_and_signature(report, ward):
    document = open_docx(report[0])
    conn = connect(ward.settings.db_path)
    try:
        settings = ward_settings(conn, ward.settings)  # the ward's profile names it, as in every draft
    finally:
        conn.close()
    header = document.tables[0]
    quoc_hieu, tieu_ngu, rule = header.cell(0, 1).paragraphs[:3]
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert style_of(quoc_hieu).bold == {True} and border_rule(rule)
    parent, *issuer = [p.text for p in header.cell(0, 0).paragraphs if p.text.strip()]
    assert parent == settings.ward_parent.upper()
    assert issuer == issuer_lines(settings)
    assert header.cell(1, 0).paragraphs[0].text == "Số: …/BC-UBND"
    dated = [p for p in header.cell(1, 1).paragraphs if p.text.strip()]
    assert DATE_RE.match(dated[0].text) and style_of(dated[0]).italic == {True}
    texts = [p.text for p in document.paragraphs]
    index = texts.index("BÁO CÁO")
    title, subject, line = document.paragraphs[index:index + 3]
    assert subject.text == "Kết quả ứng dụng trợ lý số tháng 11/2026"
    for para in (title, subject):
        st = style_of(para)
        assert st.bold == {True} and all(between(s, 13, 14) for s in st.sizes)
        assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert border_rule(line)
    body = [p for p in document.paragraphs if p.text.startswith(("Thực hiện nhiệm vụ", "1. Hỏi đáp số liệu"))]
    assert len(body) == 2
    for para in body:
        fmt = para.paragraph_format
        assert para.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and between(mm(fmt.first_line_indent), 10, 12.7)
        assert fmt.line_spacing_rule == WD_LINE_SPACING.MULTIPLE and between(fmt.line_spacing, 1.0, 1.5)
        assert all(between(s, 13, 14) for s in style_of(para).sizes)
    headings = [p for p in document.paragraphs if re.match(r"^I{1,3}\. ", p.text)]
    assert [p.text[:4] for p in headings] == ["I. M", "II. ", "III."] and all(
        style_of(p).bold == {True} for p in headings)
    closing_table = document.tables[-1]
    paras = [p for c in closing_table.row_cells(0) for p in c.paragraphs if p.text.strip()]
    head = next(p for p in paras if p.text == "Nơi nhận:")
    assert style_of(head).bold == {True} and style_of(head).italic == {True}
    items = [p.text for p in paras if p.text.startswith("- ")]
    assert items[-1] == "- Lưu: VT, VP."
    sign = [p.text for p in closing_table.cell(0, 1).paragraphs if p.text]
    assert sign == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", settings.ward_chairman]
    assert document.sections[0].first_page_header.paragraphs[0].text == "DỰ THẢO"


def test_the_document_says_the_pages_figures(report):
    data, page = report
    text = "\n".join(p.text for p in all_paragraphs(open_docx(data)))
    counts = dict(re.findall(r'data-kind="(\w+)">([\d.]+)</a>', page))
    assert f"1. Hỏi đáp số liệu: {counts['hoi_so_lieu']} câu hỏi." in text
    assert f"3. Soạn dự thảo văn bản: {counts['du_thao']} văn bản." in text
    assert f"7. Phân loại, chuyển phản ánh: {counts['chuyen_phan_anh']} phản ánh." in text
    for month in ("06", "07", "08", "09", "10", "11"):
        assert f"- Tháng {month}/2026: giải quyết đúng hạn" in text
    assert "là ước tính" in text and "không phải thời gian đo được" in text
