"""How each body line is set, shared by the .docx renderer and the HTML preview, so what the
officer sees in the browser is what Word shows. The body is stored as plain lines; the style
follows from the text, as a văn thư would set it by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\.\s")
_ARTICLE = re.compile(r"^(Điều\s+\d+\.)\s*")
_CAN_CU = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Xét đề xuất)\b")
_BB_LABEL = re.compile(r"^(Thời gian bắt đầu:|Địa điểm:|Thành phần tham dự:|Chủ trì \(chủ tọa\):|"
                       r"Thư ký \(người ghi biên bản\):|Nội dung \(theo diễn biến cuộc họp\):|"
                       r"Kết luận của chủ tọa:|Kết luận, ý kiến chỉ đạo của chủ trì:|Kết luận:|Phân công nhiệm vụ:)")


_ROW = re.compile(r"^\|.*\|$")


def table_cells(line: str) -> list[str]:
    """"| 1 | Trần Văn Hùng | Rà soát… | 05/12/2026 |" → its cells."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


@dataclass(frozen=True)
class Line:
    kind: str          # "center" | "heading" | "basis" | "text" | "row" (a table row: "| a | b |")
    label: str         # bold lead-in ("Điều 1.", "Địa điểm:") or ""
    text: str          # the rest


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def classify(line: str, doc_type: str) -> Line:
    text = line.strip()
    if _ROW.match(text):
        return Line("row", "", text)
    if _ROMAN_HEADING.match(text):
        return Line("heading", "", text)
    if _is_caps_line(text):
        return Line("center", "", text)  # thẩm quyền ban hành, "QUYẾT ĐỊNH:"
    if doc_type == "quyet_dinh" and _CAN_CU.match(text):
        return Line("basis", "", text)   # căn cứ ban hành: italic (Phụ lục I)
    if m := _ARTICLE.match(text):
        return Line("text", m.group(1), text[m.end():].strip())
    if doc_type == "bien_ban" and (m := _BB_LABEL.match(text)):
        return Line("text", m.group(1), text[m.end():].strip())
    return Line("text", "", text)
