"""Every generated .docx, for all 8 types, opened with python-docx and checked against
Phụ lục I of Nghị định 30/2020/NĐ-CP: page, margins, fonts, sizes, bold/italic, positions,
number and date formats, page numbers from page 2."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn

from appliance.drafting.service import create_draft, issue_document, render_docx
from appliance.drafting.textwidth import text_width_mm
from tests.drafting.docx_checks import (
    all_paragraphs,
    border_rule,
    has_page_field,
    mm,
    open_docx,
    rule_width_mm,
    run_fonts_ok,
    schema_order_problems,
    style_of,
)

TYPES = ["cong_van", "thong_bao", "bao_cao", "to_trinh", "ke_hoach", "giay_moi", "quyet_dinh", "bien_ban"]
ABBR = {"thong_bao": "TB", "bao_cao": "BC", "to_trinh": "TTr", "ke_hoach": "KH", "giay_moi": "GM",
        "quyet_dinh": "QĐ", "bien_ban": "BB"}
TITLES = {"thong_bao": "THÔNG BÁO", "bao_cao": "BÁO CÁO", "to_trinh": "TỜ TRÌNH", "ke_hoach": "KẾ HOẠCH",
          "giay_moi": "GIẤY MỜI", "quyet_dinh": "QUYẾT ĐỊNH", "bien_ban": "BIÊN BẢN"}
LONG_BODY = "\n".join(
    f"{i}. Ủy ban nhân dân phường đề nghị các tổ dân phố phối hợp thực hiện nội dung số {i}, bảo đảm đúng tiến độ, "
    "an toàn, tiết kiệm và báo cáo kết quả về Văn phòng HĐND và UBND phường trước ngày 30 hằng tháng."
    for i in range(1, 15))
DATE_RE = re.compile(r"^Hà Nội, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$")


def payload(doc_type: str, ngay: str = "2026-02-05") -> dict:
    body = {"doc_type": doc_type, "trich_yeu": "Tổ chức tổng vệ sinh môi trường cuối năm", "noi_dung": LONG_BODY,
            "noi_nhan": ["UBND Thành phố Hà Nội", "Các tổ dân phố"], "nguoi_ky": "Nguyễn Văn An",
            "chuc_vu": "Chủ tịch", "ngay": ngay}
    if doc_type == "bien_ban":
        body.update({"thoi_gian_bat_dau": "08:00", "dia_diem": "Hội trường UBND phường", "chu_tri": "Nguyễn Văn An",
                     "thu_ky": "Phạm Thu Hà", "thanh_phan": ["Nguyễn Văn An", "Trần Thị Bình"],
                     "ket_luan": "Giao Văn phòng tổng hợp.", "thoi_gian_ket_thuc": "10:30"})
    return body


def make(db, settings, doc_type: str, **kw):
    result = create_draft(db, settings, payload(doc_type, **kw), None, use_registry=False)
    return result, open_docx(render_docx(result["id"], conn=db))


@pytest.fixture
def db(module_db):
    return module_db[0]


@pytest.fixture
def settings(module_db):
    return module_db[1]


def between(value: float, low: float, high: float) -> bool:
    return low - 0.01 <= value <= high + 0.01


@pytest.mark.parametrize("doc_type", TYPES)
def test_page_margins_fonts_and_page_numbers(db, settings, doc_type):
    _, document = make(db, settings, doc_type)
    section = document.sections[0]
    assert round(mm(section.page_width)) == 210 and round(mm(section.page_height)) == 297  # A4 portrait
    assert between(mm(section.top_margin), 20, 25) and between(mm(section.bottom_margin), 20, 25)
    assert between(mm(section.left_margin), 30, 35) and between(mm(section.right_margin), 15, 20)
    assert run_fonts_ok(document) == []
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    rfonts = normal.element.rPr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == rfonts.get(qn("w:cs")) == "Times New Roman"
    # No number on page 1; centred PAGE field in the top margin from page 2.
    assert section.different_first_page_header_footer
    assert has_page_field(section.header.paragraphs)
    assert not has_page_field(section.first_page_header.paragraphs)
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    page_no = [r for r in section.header.paragraphs[0].runs if r.font.size]
    assert all(between(r.font.size.pt, 13, 14) for r in page_no)
    assert mm(section.header_distance) < mm(section.top_margin)


@pytest.mark.parametrize("doc_type", TYPES)
def test_header_block_positions_and_styles(db, settings, doc_type):
    result, document = make(db, settings, doc_type)
    header = document.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    # ô 1, right: Quốc hiệu caps bold 12–13, Tiêu ngữ bold 13–14 with a full-length rule.
    quoc_hieu, tieu_ngu, rule = right.paragraphs[:3]
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and quoc_hieu.text.isupper()
    st = style_of(quoc_hieu)
    assert st.bold == {True} and all(between(s, 12, 13) for s in st.sizes)
    assert tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    st = style_of(tieu_ngu)
    assert st.bold == {True} and all(between(s, 13, 14) for s in st.sizes)
    assert border_rule(rule)
    box = mm(header.columns[1].width)
    full = text_width_mm(tieu_ngu.text, max(st.sizes), True)
    assert abs(rule_width_mm(rule, box) - full) < 0.5
    # ô 2, left: cơ quan chủ quản caps not bold; tên cơ quan ban hành caps bold, rule ⅓–½ of it.
    parent, *issuer = [p for p in left.paragraphs if p.text.strip()]
    assert parent.text == settings.ward_parent.upper()
    st = style_of(parent)
    assert st.bold <= {False, None} and all(between(s, 12, 13) for s in st.sizes)
    assert [p.text for p in issuer] == ["ỦY BAN NHÂN DÂN", settings.ward_name.upper()]
    for para in issuer:
        st = style_of(para)
        assert st.bold == {True} and all(between(s, 12, 13) for s in st.sizes)
    short_rule = [p for p in left.paragraphs if border_rule(p)]
    assert len(short_rule) == 1
    widest = max(text_width_mm(p.text, 13, True) for p in issuer)
    ratio = rule_width_mm(short_rule[0], mm(header.columns[0].width)) / widest
    assert 1 / 3 <= ratio <= 1 / 2
    # ô 3: "Số:" 13 pt, a draft shows "…" where the number goes; ký hiệu per Điều 15.
    number_para = header.cell(1, 0).paragraphs[0]
    code = "UBND-VP" if doc_type == "cong_van" else f"{ABBR[doc_type]}-UBND"
    assert number_para.text == f"Số: …/{code}" == f"Số: {result['so_ky_hieu']}"
    assert all(between(s, 13, 13) for s in style_of(number_para).sizes)
    # ô 4: địa danh and date, italic 13–14, leading zeros (biên bản, Mẫu 1.9: none in the header).
    dated = [p for p in header.cell(1, 1).paragraphs if p.text.strip()]
    if doc_type == "bien_ban":
        assert dated == []
    else:
        assert DATE_RE.match(dated[0].text) and dated[0].text.endswith("ngày 05 tháng 02 năm 2026")
        st = style_of(dated[0])
        assert st.italic == {True} and all(between(s, 13, 14) for s in st.sizes)
        assert dated[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("doc_type", TYPES)
def test_title_body_signature_and_recipients(db, settings, doc_type):
    _, document = make(db, settings, doc_type)
    body = document.paragraphs
    texts = [p.text for p in body]
    if doc_type == "cong_van":
        # ô 5b: no tên loại; "V/v …" 12–13 pt under the number; "Kính gửi:".
        vv = document.tables[0].cell(1, 0).paragraphs[1]
        assert vv.text == "V/v tổ chức tổng vệ sinh môi trường cuối năm"
        assert all(between(s, 12, 13) for s in style_of(vv).sizes)
        assert not any(t in texts for t in TITLES.values())
        assert any(t.startswith("Kính gửi:") for t in texts)
    else:
        # ô 5a: tên loại caps bold 13–14 centred, trích yếu bold below, then a short rule.
        index = texts.index(TITLES[doc_type])
        title, subject, rule = body[index], body[index + 1], body[index + 2]
        for para in (title, subject):
            st = style_of(para)
            assert st.bold == {True} and all(between(s, 13, 14) for s in st.sizes)
            assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert subject.text == "Tổ chức tổng vệ sinh môi trường cuối năm"
        assert border_rule(rule)
    # ô 6: body 13–14 pt, justified, first-line indent 1–1.27 cm, ≥ 6 pt after, line spacing 1–1.5.
    content = [p for p in body if p.text.startswith(("1. Ủy ban", "14. Ủy ban"))]
    assert len(content) == 2
    for para in content:
        fmt = para.paragraph_format
        assert para.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert between(mm(fmt.first_line_indent), 10, 12.7)
        assert fmt.space_after.pt >= 6
        assert fmt.line_spacing_rule == WD_LINE_SPACING.MULTIPLE and between(fmt.line_spacing, 1.0, 1.5)
        assert all(between(s, 13, 14) for s in style_of(para).sizes)
    closing = document.tables[-1]
    cells = [c for row in closing.rows for c in row.cells]
    paras = [p for c in cells for p in c.paragraphs if p.text.strip()]
    # ô 9b: "Nơi nhận:" bold italic 12; list 11 pt, ending "- Lưu: VT, … ."
    head = next(p for p in paras if p.text == "Nơi nhận:")
    st = style_of(head)
    assert st.bold == {True} and st.italic == {True} and st.sizes == {12.0}
    cell = next(c for c in cells if head._p in [p._p for p in c.paragraphs])
    items = [p for p in cell.paragraphs if p.text.startswith("- ")]
    assert items and all(style_of(p).sizes == {11.0} for p in items)
    assert items[-1].text.startswith("- Lưu: VT, ") and items[-1].text.endswith(".")
    assert all(p.text.endswith(";") for p in items[:-1])
    # ô 7: signature: authority and title caps bold 13–14, name bold.
    if doc_type == "bien_ban":
        left = [p.text for p in closing.cell(0, 0).paragraphs if p.text]
        right = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
        assert left == ["THƯ KÝ", "Phạm Thu Hà"] and right == ["CHỦ TỌA", "Nguyễn Văn An"]
        assert items[-1].text == "- Lưu: VT, Hồ sơ."
        assert any(t.startswith("Thời gian bắt đầu: 08 giờ 00, ngày 05 tháng 02 năm 2026") for t in texts)
        assert "Cuộc họp kết thúc vào 10 giờ 30, ngày 05 tháng 02 năm 2026./." in texts
        sign_paras = [p for p in closing.cell(0, 1).paragraphs if p.text]
    else:
        sign_paras = [p for p in closing.cell(0, 1).paragraphs if p.text]
        assert [p.text for p in sign_paras] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    for para in sign_paras:
        st = style_of(para)
        assert st.bold == {True} and all(between(s, 13, 14) for s in st.sizes)


@pytest.mark.parametrize("doc_type", TYPES)
def test_xml_children_in_schema_order(db, settings, doc_type):
    result = create_draft(db, settings, {**payload(doc_type), "kinh_gui": ["Sở Tài chính", "Sở Nội vụ"]}, None,
                          use_registry=False)
    assert schema_order_problems(render_docx(result["id"], conn=db)) == []


def test_settings_name_the_ward_and_an_empty_parent_line_is_left_out(tmp_path):
    from appliance.db import connect, migrate
    from tests.conftest import make_settings

    other = make_settings(tmp_path / "d", ward_name="Phường Tương Mai", ward_parent="", ward_place="Hà Nội",
                          ward_chairman="Đỗ Văn Nam", ward_vice_chairmen=["Vũ Thị Hoa"])
    other.data_dir.mkdir(parents=True)
    conn = connect(other.db_path)
    migrate(conn)
    result = create_draft(conn, other, {"doc_type": "thong_bao", "trich_yeu": "Lịch trực", "chuc_vu": "Phó Chủ tịch",
                                        "yeu_cau": "trực Tết"}, None, use_registry=False)
    document = open_docx(render_docx(result["id"], conn=conn))
    left = [p.text for p in document.tables[0].cell(0, 0).paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TƯƠNG MAI"]
    assert "Ủy ban nhân dân phường Tương Mai thông báo" in result["text"]
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVũ Thị Hoa" in result["text"]
    conn.close()


@pytest.mark.parametrize(("ngay", "expected"), [
    ("2026-01-09", "ngày 09 tháng 01 năm 2026"),
    ("2026-02-28", "ngày 28 tháng 02 năm 2026"),
    ("2026-03-04", "ngày 04 tháng 3 năm 2026"),
    ("2026-11-20", "ngày 20 tháng 11 năm 2026"),
])
def test_date_leading_zeros(db, settings, ngay, expected):
    _, document = make(db, settings, "thong_bao", ngay=ngay)
    assert document.tables[0].cell(1, 1).paragraphs[0].text == f"Hà Nội, {expected}"


def test_issued_numbers_have_leading_zero_and_the_right_code(db, settings):
    ids = [make(db, settings, "thong_bao")[0]["id"] for _ in range(5)]
    issued = [issue_document(db, i, None, dt.date(2026, 5, 4)) for i in ids]
    assert [r["so_ky_hieu"] for r in issued] == [f"0{n}/TB-UBND" for n in range(1, 6)]
    document = open_docx(render_docx(ids[-1], conn=db))
    assert document.tables[0].cell(1, 0).paragraphs[0].text == "Số: 05/TB-UBND"
    assert not document.sections[0].first_page_header.paragraphs[0].text  # no "DỰ THẢO" once issued
    # Công văn: issuer + unit, no type abbreviation (125/UBND-VP).
    db.execute("INSERT INTO drafting_register_counters (register, year, last_number) VALUES ('van_ban_di', 2026, 124)"
               " ON CONFLICT (register, year) DO UPDATE SET last_number = 124")
    cv = make(db, settings, "cong_van")[0]
    assert issue_document(db, cv["id"], None, on=dt.date(2026, 6, 1))["so_ky_hieu"] == "125/UBND-VP"
    qd = make(db, settings, "quyet_dinh")[0]
    assert issue_document(db, qd["id"], None)["so_ky_hieu"].endswith("/QĐ-UBND")


def test_draft_is_marked_until_issued(db, settings):
    result, document = make(db, settings, "cong_van")
    assert document.sections[0].first_page_header.paragraphs[0].text == "DỰ THẢO"
    assert result["text"].startswith("DỰ THẢO") and result["status"] == "draft"
    assert all("DỰ THẢO" not in p.text for p in all_paragraphs(document))  # only in the header, not the body
