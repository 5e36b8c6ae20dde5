"""Low-level python-docx helpers: Times New Roman on every script, borders, fields, widths."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"


def set_fonts(rpr: object) -> None:
    """Name the font for Latin, East Asian and complex scripts: Word picks the slot per
    character, and Vietnamese letters must never fall back to another face."""
    rfonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def style_run(run: Run, size: float, bold: bool = False, italic: bool = False) -> Run:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    rpr = run._element.get_or_add_rPr()
    set_fonts(rpr)
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(int(size * 2)))
    rpr.append(szcs)
    return run


def paragraph(container: object, text: str = "", *, size: float = 14, bold: bool = False,
              italic: bool = False, align: str = "center", before: float = 0, after: float = 0,
              first_indent_cm: float = 0.0, spacing: float = 1.0, keep_next: bool = False) -> Paragraph:
    para: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    fmt = para.paragraph_format
    fmt.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = spacing
    fmt.keep_with_next = keep_next
    if first_indent_cm:
        fmt.first_line_indent = Mm(first_indent_cm * 10)
    if text:
        style_run(para.add_run(text), size, bold, italic)
    return para


def rule(container: object, width_mm: float, box_mm: float, *, before: float = 0, after: float = 0) -> Paragraph:
    """A centred horizontal rule `width_mm` long inside a box `box_mm` wide: an empty paragraph
    whose bottom border is narrowed by equal indents (Word and LibreOffice both draw it)."""
    width_mm = max(5.0, min(width_mm, box_mm))
    para = paragraph(container, "", size=2, before=before, after=after)
    side = (box_mm - width_mm) / 2
    para.paragraph_format.left_indent = Mm(side)
    para.paragraph_format.right_indent = Mm(side)
    para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    para.paragraph_format.line_spacing = Pt(2)
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                              "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                              "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    return para


def plain_table(container: object, rows: int, widths_mm: list[float]) -> Table:
    """A borderless, fixed-layout table with zero cell margins: the layout grid of the header
    and the signature block (as in the decree's own samples)."""
    table: Table = container.add_table(rows=rows, cols=len(widths_mm))  # type: ignore[attr-defined]
    table.autofit = False  # w:tblLayout type="fixed": Word keeps the grid's widths
    tbl_pr = table._tbl.tblPr
    # CT_TblPr is a sequence: each child goes before the ones the schema puts after it.
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table


def keep_rows_whole(table: Table) -> None:
    """A signature block must not break across pages (the name would stand alone on page 2)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def clear_cell(cell: _Cell) -> _Cell:
    """A new cell holds one empty paragraph; drop it so content starts at the top."""
    for para in list(cell.paragraphs):
        para._p.getparent().remove(para._p)
    return cell


def page_field(para: Paragraph, size: float) -> None:
    """A PAGE field (begin / instrText / separate / result / end) in Times New Roman."""
    def fld(kind: str) -> None:
        run = style_run(para.add_run(), size)
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._element.append(char)

    fld("begin")
    run = style_run(para.add_run(), size)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._element.append(instr)
    fld("separate")
    style_run(para.add_run("2"), size)
    fld("end")


def grid_table(container: object, rows: int, widths_mm: list[float]) -> Table:
    """A fixed-layout table with single black borders (a biên bản's table of assigned tasks)."""
    table: Table = container.add_table(rows=rows, cols=len(widths_mm))  # type: ignore[attr-defined]
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(key), value)
        borders.append(el)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table
