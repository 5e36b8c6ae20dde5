"""The Nghị định 30/2020 renderer (Phụ lục I): a DocumentModel → .docx bytes.

Positions follow the decree's layout grid: a two-column header (ô 1 right, ô 2–3 left, ô 4 right),
tên loại and trích yếu centred (ô 5a), công văn's "V/v" under its number (ô 5b), the body
(ô 6), then nơi nhận (ô 9b, left) beside the signature (ô 7, right).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from appliance.drafting.docx_style import (
    FONT,
    clear_cell,
    grid_table,
    keep_rows_whole,
    page_field,
    paragraph,
    plain_table,
    rule,
    set_fonts,
    style_run,
)
from appliance.drafting.layout import classify, table_cells
from appliance.drafting.model import DocumentModel, Signer
from appliance.drafting.textwidth import text_width_mm

# Page (Phụ lục I, mục II): A4; margins within top/bottom 20–25, left 30–35, right 15–20 mm.
PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT          # 165 mm
HEAD_LEFT, HEAD_RIGHT = 65.0, TEXT_W - 65.0           # header grid
FOOT_LEFT, FOOT_RIGHT = 75.0, TEXT_W - 75.0           # nơi nhận | chữ ký
# Sizes (points), each inside the decree's range.
QUOC_HIEU_PT, TIEU_NGU_PT, CO_QUAN_PT, SO_PT, VV_PT = 12, 13, 13, 13, 12
DATE_PT, TITLE_PT, BODY_PT, SIGN_PT, NOI_NHAN_HEAD_PT, NOI_NHAN_PT, PAGE_NO_PT = 14, 14, 14, 14, 12, 11, 13
BODY_INDENT_CM, BODY_AFTER_PT, BODY_SPACING = 1.27, 6, 1.15
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def _setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    for name in ("Normal", "Header", "Footer", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        style.font.size = Pt(BODY_PT)
        set_fonts(style.element.get_or_add_rPr())
    # Document defaults too, so text Word adds later (a new paragraph, a table) stays in Times.
    rpr_default = document.styles.element.find(qn("w:docDefaults"))
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            set_fonts(rpr)


def _page_numbers(document: DocxDocument, is_draft: bool) -> None:
    """Page numbers centred in the top margin from page 2; page 1 has its own (empty) header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    para = header.paragraphs[0]
    para.alignment = 1  # centre
    page_field(para, PAGE_NO_PT)
    first = section.first_page_header.paragraphs[0]
    if is_draft:
        first.alignment = 2  # right
        style_run(first.add_run("DỰ THẢO"), 12, bold=True)


def _header(document: DocxDocument, model: DocumentModel) -> None:
    table = plain_table(document, 2, [HEAD_LEFT, HEAD_RIGHT])
    left, right = clear_cell(table.cell(0, 0)), clear_cell(table.cell(0, 1))
    if model.co_quan_chu_quan.strip():  # a ward may print no chủ quản line (empty `ward_parent`)
        paragraph(left, model.co_quan_chu_quan.upper(), size=CO_QUAN_PT)
    for line in model.co_quan_ban_hanh:
        paragraph(left, line.upper(), size=CO_QUAN_PT, bold=True)
    widest = max(text_width_mm(line.upper(), CO_QUAN_PT, True) for line in model.co_quan_ban_hanh)
    rule(left, widest * 0.4, HEAD_LEFT, before=1)           # ⅓–½ of the issuer's name
    paragraph(right, QUOC_HIEU, size=QUOC_HIEU_PT, bold=True)
    paragraph(right, TIEU_NGU, size=TIEU_NGU_PT, bold=True)
    rule(right, text_width_mm(TIEU_NGU, TIEU_NGU_PT, True), HEAD_RIGHT, before=1)  # full length
    left2, right2 = clear_cell(table.cell(1, 0)), clear_cell(table.cell(1, 1))
    paragraph(left2, f"Số: {model.so_ky_hieu}", size=SO_PT, before=6)
    if model.doc_type == "cong_van":
        paragraph(left2, model.vv_line, size=VV_PT, before=3)
    if model.show_date_line:
        paragraph(right2, model.date_line, size=DATE_PT, italic=True, before=6)
    else:
        paragraph(right2, "", size=DATE_PT)


def _title(document: DocxDocument, model: DocumentModel) -> None:
    if not model.ten_loai:
        return
    paragraph(document, model.ten_loai, size=TITLE_PT, bold=True, before=18, keep_next=True)
    paragraph(document, model.trich_yeu, size=TITLE_PT, bold=True, keep_next=True)
    width = min(text_width_mm(model.trich_yeu, TITLE_PT, True), TEXT_W * 0.8)
    rule(document, max(width * 0.4, 20), TEXT_W, before=2, after=6)


def _kinh_gui(document: DocxDocument, model: DocumentModel) -> None:
    recipients = [r.rstrip(" ;.") for r in model.kinh_gui if r.strip()]
    if not recipients:
        return
    if len(recipients) == 1:
        end = "" if recipients[0].endswith("…") else "."
        paragraph(document, f"Kính gửi: {recipients[0]}{end}", size=BODY_PT, before=12, after=12)
        return
    head = paragraph(document, "Kính gửi:", size=BODY_PT, align="left", before=12)
    head.paragraph_format.left_indent = Mm(35)
    for index, item in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ";"
        para = paragraph(document, f"- {item}{end}", size=BODY_PT, align="left",
                         after=12 if end == "." else 0)
        para.paragraph_format.left_indent = Mm(55)


TABLE_PT = 13


def _table(document: DocxDocument, rows: list[list[str]]) -> None:
    """Rows of a body table ("| a | b |" lines); the first is the header (bold). The first column is
    narrow (a number), the others share the width by how much they hold."""
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    weight = [max(4, max(len(r[i]) for r in rows)) for i in range(columns)]
    first = 12.0 if columns > 1 else TEXT_W
    rest = (TEXT_W - first) / max(1, sum(weight[1:])) if columns > 1 else 0
    widths = [first] + [max(18.0, w * rest) for w in weight[1:]]
    scale = TEXT_W / sum(widths)
    table = grid_table(document, len(rows), [w * scale for w in widths])
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = clear_cell(table.cell(r, c))
            paragraph(cell, text, size=TABLE_PT, bold=r == 0, align="center" if r == 0 or c == 0 else "left",
                      before=2, after=2)
    paragraph(document, "", size=6)  # the next paragraph must not touch the table


def _body(document: DocxDocument, model: DocumentModel) -> None:
    rows: list[list[str]] = []
    for raw in [*model.body, ""]:
        line = classify(raw, model.doc_type)
        if line.kind == "row":
            rows.append(table_cells(line.text))
            continue
        if rows:
            _table(document, rows)
            rows = []
        if not raw.strip():
            continue
        if line.kind == "center":
            paragraph(document, line.text, size=BODY_PT, bold=True, before=6, after=6, keep_next=True)
            continue
        para = paragraph(document, "", size=BODY_PT, align="justify", after=BODY_AFTER_PT,
                         first_indent_cm=BODY_INDENT_CM, spacing=BODY_SPACING,
                         keep_next=line.kind == "heading")
        if line.label:
            style_run(para.add_run(line.label + " "), BODY_PT, bold=True)
        style_run(para.add_run(line.text), BODY_PT, bold=line.kind == "heading", italic=line.kind == "basis")


def _signature(cell: object, signer: Signer) -> None:
    if signer.authority:
        paragraph(cell, signer.authority, size=SIGN_PT, bold=True, before=6)
    paragraph(cell, signer.title, size=SIGN_PT, bold=True, before=0 if signer.authority else 6)
    for _ in range(4):  # room for the signature and the seal (ô 7c, 8)
        paragraph(cell, "", size=SIGN_PT)
    paragraph(cell, signer.name, size=SIGN_PT, bold=True)


def _noi_nhan(cell: object, model: DocumentModel) -> None:
    paragraph(cell, "Nơi nhận:", size=NOI_NHAN_HEAD_PT, bold=True, italic=True, align="left", before=6)
    for line in model.noi_nhan_lines:
        paragraph(cell, line, size=NOI_NHAN_PT, align="left")


def _closing(document: DocxDocument, model: DocumentModel) -> None:
    if model.doc_type == "bien_ban" and len(model.signers) >= 2:
        # Mẫu 1.9: THƯ KÝ on the left, CHỦ TỌA on the right, nơi nhận below.
        table = plain_table(document, 2, [TEXT_W / 2, TEXT_W / 2])
        _signature(clear_cell(table.cell(0, 0)), model.signers[0])
        _signature(clear_cell(table.cell(0, 1)), model.signers[1])
        _noi_nhan(clear_cell(table.cell(1, 0)), model)
        clear_cell(table.cell(1, 1))
        paragraph(table.cell(1, 1), "", size=NOI_NHAN_PT)
        keep_rows_whole(table)
        return
    table = plain_table(document, 1, [FOOT_LEFT, FOOT_RIGHT])
    _noi_nhan(clear_cell(table.cell(0, 0)), model)
    right = clear_cell(table.cell(0, 1))
    for signer in model.signers[:1]:
        _signature(right, signer)
    if not model.signers:
        paragraph(right, "", size=SIGN_PT)
    keep_rows_whole(table)


def _appendix(document: DocxDocument, model: DocumentModel) -> None:
    """Phụ lục on its own page after the signatures: "PHỤ LỤC", its title, then its lines."""
    if not model.appendix:
        return
    head = paragraph(document, "PHỤ LỤC", size=TITLE_PT, bold=True, keep_next=True)
    head.paragraph_format.page_break_before = True
    paragraph(document, model.appendix_title, size=TITLE_PT, bold=True, after=6, keep_next=True)
    paragraph(document, f"(Kèm theo Biên bản số {model.so_ky_hieu})", size=TITLE_PT, italic=True, after=12)
    for line in model.appendix:
        paragraph(document, line, size=BODY_PT, align="justify", after=BODY_AFTER_PT, first_indent_cm=BODY_INDENT_CM,
                  spacing=BODY_SPACING)


def build(model: DocumentModel) -> DocxDocument:
    document = Document()
    _setup(document)
    # The template's opening empty paragraph would push the header down one line.
    body = document.element.body
    for para in list(body.iterchildren(qn("w:p"))):
        body.remove(para)
    _page_numbers(document, model.is_draft)
    _header(document, model)
    _title(document, model)
    _kinh_gui(document, model)
    _body(document, model)
    _closing(document, model)
    _appendix(document, model)
    props = document.core_properties
    props.title = model.trich_yeu[:250]
    props.author = " ".join(model.co_quan_ban_hanh).title()
    props.subject = model.so_ky_hieu
    props.comments = "Dự thảo - chưa ban hành" if model.is_draft else "Đã ban hành"
    props.language = "vi-VN"
    # A tiny trailing paragraph: Word needs one after a final table.
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return document


def render_model(model: DocumentModel) -> bytes:
    out = io.BytesIO()
    build(model).save(out)
    return out.getvalue()
