"""Readers for the rules of Phụ lục I, applied to a .docx opened with python-docx."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph
from lxml import etree

EMU_PER_MM = 36000
TNR = "Times New Roman"


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def mm(length: Length | int | None) -> float:
    return (int(length) if length is not None else 0) / EMU_PER_MM


@dataclass
class Style:
    sizes: set[float]
    bold: set[bool | None]
    italic: set[bool | None]


def style_of(para: Paragraph) -> Style:
    runs = [r for r in para.runs if r.text.strip()]
    assert runs, f"paragraph without text: {para.text!r}"
    return Style({r.font.size.pt if r.font.size else 0.0 for r in runs}, {r.bold for r in runs},
                 {r.italic for r in runs})


def all_paragraphs(document: DocxDocument) -> list[Paragraph]:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def border_rule(para: Paragraph) -> bool:
    ppr = para._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None and \
        ppr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def rule_width_mm(para: Paragraph, box_mm: float) -> float:
    fmt = para.paragraph_format
    return box_mm - mm(fmt.left_indent) - mm(fmt.right_indent)


def run_fonts_ok(document: DocxDocument) -> list[str]:
    """Every run with text names Times New Roman for ascii, hAnsi, eastAsia and cs."""
    bad = []
    paragraphs = all_paragraphs(document)
    section = document.sections[0]
    paragraphs += section.header.paragraphs + section.first_page_header.paragraphs
    for para in paragraphs:
        for run in para.runs:
            if not run.text.strip():
                continue
            rfonts = run._element.rPr.find(qn("w:rFonts")) if run._element.rPr is not None else None
            slots = ("ascii", "hAnsi", "eastAsia", "cs")
            names = {rfonts.get(qn(f"w:{a}")) for a in slots} if rfonts is not None else set()
            if names != {TNR}:
                bad.append(run.text)
    return bad


def has_page_field(paragraphs: list[Paragraph]) -> bool:
    for para in paragraphs:
        for instr in para._p.iter(qn("w:instrText")):
            if instr.text and instr.text.strip() == "PAGE":
                return True
        for fld in para._p.iter(qn("w:fldSimple")):
            if "PAGE" in (fld.get(qn("w:instr")) or ""):
                return True
    return False


# Word refuses a file whose property children are out of schema order (LibreOffice is lenient),
# so the sequences of ECMA-376 CT_PPr, CT_RPr and CT_TblPr are checked in every part.
_PPR = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
        "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
_RPR = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
        "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
        "em lang eastAsianLayout specVanish oMath").split()
_TBLPR = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
          "tblInd tblBorders shd tblLayout tblCellMar tblLook").split()
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def schema_order_problems(data: bytes) -> list[tuple[str, str, list[str]]]:
    problems = []
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if not name.endswith(".xml"):
            continue
        root = etree.fromstring(archive.read(name))
        for tag, sequence in (("pPr", _PPR), ("rPr", _RPR), ("tblPr", _TBLPR)):
            for element in root.iter(_W + tag):
                names = [child.tag.replace(_W, "") for child in element]
                order = [sequence.index(n) if n in sequence else -1 for n in names]
                if -1 in order or order != sorted(order) or len(set(names)) != len(names):
                    problems.append((name, tag, names))
    return problems
