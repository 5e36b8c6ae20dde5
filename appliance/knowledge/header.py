"""A document's metadata from its own header: the Nghị định 30/2020 layout of administrative
documents (and the same layout of laws and decrees).

    ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    PHƯỜNG HOA SEN             Độc lập - Tự do - Hạnh phúc
    Số: 17/QĐ-UBND             Hoa Sen, ngày 05 tháng 3 năm 2026
                     QUYẾT ĐỊNH
      Về việc ban hành Quy chế tiếp công dân …

Two columns arrive as one line (" | " between DOCX table cells, a run of spaces in PDF layout
text), so lines are cut into cells first. A regulation issued with a decision carries
"(Ban hành kèm theo Quyết định số 17/QĐ-UBND …)" under its title: that is its `parent`, and it
is named "Quy chế … (ban hành kèm theo Quyết định số 17/QĐ-UBND)".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from appliance.knowledge.validity import STATUSES

_CELL_SPLIT = re.compile(r"\s*\|\s*|\s{3,}|\t+")
_NUMBER = re.compile(r"\b(\d{1,4}/\d{4}/[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐa-z0-9]+)*)\b")
_SO = re.compile(r"^(?:[A-ZĐa-zđ ]+\s)?[Ss]ố\s*:\s*(\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐa-z0-9]+)*)")
_PLACE_DATE = re.compile(r"^(?:(?P<place>[^,]{2,40}),\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
                         re.IGNORECASE)
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_EFFECTIVE = re.compile(r"(?:có\s+hiệu\s+lực|hiệu\s+lực\s+thi\s+hành)[^.\n]{0,40}?(?:kể\s+)?từ\s+ngày\s+"
                        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_FROM_SIGNING = re.compile(r"có\s+hiệu\s+lực[^.\n]{0,30}?(?:kể\s+)?từ\s+ngày\s+ký", re.IGNORECASE)
_ATTACHED = re.compile(r"^\(?\s*Ban\s+hành\s+kèm\s+theo\s+(?P<what>(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định)"
                       r"\s+số\s+(?P<number>\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐa-z0-9]+)*))",
                       re.IGNORECASE)
_MOTTO = re.compile(r"CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập\s*-|ĐỘC\s+LẬP|^[-_=.…\s]+$", re.IGNORECASE)
_STOP = re.compile(r"^(Số\s*:|[^,]{2,40},\s*ngày\s|Căn\s+cứ|Kính\s+gửi|Điều\s+\d|Chương\s|CHƯƠNG\s|Phần\s|PHẦN\s|"
                   r"Mục\s|MỤC\s|\(Ban\s+hành|"
                   r"I\.\s|1\.\s|Thực\s+hiện)", re.IGNORECASE)
# Types in header order of precedence (longest first: "THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ").
TYPES = ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết liên tịch", "Nghị quyết", "Nghị định",
         "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Điều lệ", "Nội quy",
         "Hướng dẫn", "Kế hoạch", "Chương trình", "Phương án", "Đề án", "Thông báo", "Báo cáo", "Tờ trình",
         "Biên bản", "Công văn", "Giấy mời", "Công điện"]
ATTACHABLE = ("Quy chế", "Quy định", "Điều lệ", "Nội quy", "Hướng dẫn", "Kế hoạch", "Chương trình", "Phương án",
              "Đề án")
_ISSUERS = {"QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "NĐ-CP": "Chính phủ", "NQ-CP": "Chính phủ",
            "QĐ-TTg": "Thủ tướng Chính phủ", "TT-BTP": "Bộ Tư pháp", "TT-BCA": "Bộ Công an",
            "TT-BTC": "Bộ Tài chính", "TT-BXD": "Bộ Xây dựng", "TT-BTNMT": "Bộ Tài nguyên và Môi trường",
            "TT-BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "TT-BNV": "Bộ Nội vụ",
            "TT-BKHĐT": "Bộ Kế hoạch và Đầu tư", "TT-TTCP": "Thanh tra Chính phủ"}
_LOWER_WORDS = ("Ủy ban nhân dân", "Hội đồng nhân dân", "thị xã", "thị trấn", "thành phố", "phường", "xã", "quận",
                "huyện", "tỉnh")


@dataclass
class DocMeta:
    title: str = ""
    short_title: str = ""
    number: str = ""
    doc_type: str = ""
    name: str = ""            # trích yếu / tên ("Hộ tịch", "Về việc ban hành Quy chế …")
    issuer: str = ""
    issued_on: str | None = None
    effective_on: str | None = None
    status: str = "con_hieu_luc"
    status_note: str = ""
    parent: str = ""          # "Quyết định số 17/QĐ-UBND" when the document is attached to one


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    values = {}
    for line in text[4:end].splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            values[key.strip()] = value.strip()
    return values, text[end + 4:].lstrip("\n")


def iso(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def sentence_case(text: str) -> str:
    """"HỘ TỊCH" → "Hộ tịch" (titles set in capitals in headers)."""
    if not _is_upper(text):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def agency_case(text: str) -> str:
    """"ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN" → "Ủy ban nhân dân phường Hoa Sen"."""
    if not _is_upper(text):
        return text
    out = text.title()
    for phrase in _LOWER_WORDS:
        out = re.sub(rf"\b{re.escape(phrase.title())}\b", phrase, out)
    return out[:1].upper() + out[1:]


def type_of(line: str) -> str:
    """The document type a header line names alone ("QUYẾT ĐỊNH" → "Quyết định"), or ""."""
    stripped = " ".join(line.split()).strip(" :")
    for kind in TYPES:
        if stripped.upper() == kind.upper():
            return kind
    return ""


def _cells(head: str) -> list[list[str]]:
    rows = []
    for line in head.splitlines():
        cells = [c.strip() for c in _CELL_SPLIT.split(line.strip()) if c.strip()]
        if cells:
            rows.append(cells)
    return rows


def _summary(lines: list[str], start: int) -> tuple[str, int]:
    """The trích yếu under a type line: up to three lines, until "Căn cứ", a capital line or a body."""
    parts: list[str] = []
    index = start
    while index < len(lines) and len(parts) < 3:
        line = lines[index].strip()
        if not line:
            if parts:
                break
            index += 1
            continue
        if _STOP.match(line) or _MOTTO.search(line) or (parts and _is_upper(line)) or type_of(line):
            break
        if _is_upper(line) and not parts and len(line.split()) > 6:  # "CHỦ TỊCH ỦY BAN NHÂN DÂN …"
            break
        parts.append(line)
        index += 1
    return " ".join(parts).strip(" .;"), index


def title_from(doc_type: str, summary: str) -> str:
    """"Luật" + "HỘ TỊCH" → "Luật Hộ tịch"; "Quyết định" + "Về việc …" → "Quyết định về việc …"."""
    summary = sentence_case(summary)
    if not summary:
        return doc_type
    if doc_type in ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh"):
        return f"{doc_type} {summary[:1].upper()}{summary[1:]}"
    first = summary.split()[0]
    if len(first) > 1 and first[1:].islower():
        summary = summary[:1].lower() + summary[1:]
    return f"{doc_type} {summary}".strip()


def attached_document(lines: list[str], index: int) -> tuple[str, int] | None:
    """At `lines[index]`: "QUY CHẾ" / trích yếu / "(Ban hành kèm theo Quyết định số …)" starts a
    document attached to the decision before it. Returns (its citation name, next line index)."""
    kind = type_of(lines[index])
    if kind not in ATTACHABLE:
        return None
    summary, after = _summary(lines, index + 1)
    for probe in range(after, min(after + 3, len(lines))):
        if match := _ATTACHED.match(lines[probe].strip()):
            name = title_from(kind, summary) if summary else kind
            return f"{name} (ban hành kèm theo {_squash(match.group('what'))})", probe + 1
    return None


def _squash(text: str) -> str:
    words = " ".join(text.split())
    return words[:1].upper() + words[1:]


def detect_meta(body: str, front: dict[str, str], filename: str) -> DocMeta:
    meta = DocMeta(**{k: v for k, v in front.items() if k in DocMeta.__dataclass_fields__ and v})
    head = body[:4000]
    lines = head.splitlines()
    rows = _cells(head)
    issuer_lines: list[str] = []
    seen_number = seen_type = False
    for cells in rows[:30]:
        seen_type = seen_type or any(type_of(cell) for cell in cells)  # the issuer stands above the type line
        for cell in cells:
            if not meta.number and (m := _SO.match(cell)):
                meta.number = m.group(1)
                seen_number = True
                continue
            if (m := _PLACE_DATE.match(cell)) and not meta.issued_on:
                meta.issued_on = iso(*m.group(2, 3, 4))
                continue
            if not seen_number and not seen_type and _is_upper(cell) and not _MOTTO.search(cell) \
                    and cell is cells[0]:
                issuer_lines.append(cell)
    if not meta.number and (m := _NUMBER.search(head)):
        meta.number = m.group(1)
    for index, line in enumerate(lines[:60]):
        if kind := type_of(line):
            meta.doc_type = meta.doc_type or kind
            summary, after = _summary(lines, index + 1)
            meta.name = meta.name or summary
            for probe in range(after, min(after + 3, len(lines))):
                if match := _ATTACHED.match(lines[probe].strip()):
                    meta.parent = meta.parent or _squash(match.group("what"))
            break
        if (v := re.match(r"^V/v\s+(.+)$", line.strip())) and not meta.name:
            meta.doc_type, meta.name = meta.doc_type or "Công văn", v.group(1).strip()
    if not meta.issuer and meta.number:  # national documents: the number's suffix names the issuer exactly
        suffix = meta.number.split("/")[-1]
        meta.issuer = next((v for k, v in _ISSUERS.items() if suffix == k or suffix.startswith(k)), "")
        if not meta.issuer and re.match(r"QH\d+", suffix):
            meta.issuer = "Quốc hội"
    if not meta.issuer and issuer_lines:  # the header's left column (cơ quan chủ quản, then the issuer)
        meta.issuer = agency_case(" ".join(issuer_lines[-2:] if len(issuer_lines) > 2 else issuer_lines))
    if not meta.issued_on and (m := _DATE.search(head)):
        meta.issued_on = iso(*m.groups())
    if not meta.effective_on:
        if m := _EFFECTIVE.search(body):
            meta.effective_on = iso(*m.groups())
        elif _FROM_SIGNING.search(body):
            meta.effective_on = meta.issued_on
    if not meta.title:
        meta.title = (title_from(meta.doc_type, meta.name) if meta.doc_type and meta.name else
                      _first_line(lines) or filename.rsplit(".", 1)[0])
    if not meta.short_title:
        meta.short_title = _short_title(meta)
    if meta.status not in STATUSES:
        meta.status = "chua_xac_dinh"
    return meta


def _first_line(lines: list[str]) -> str:
    for line in lines[:40]:
        stripped = line.strip()
        if stripped and not _MOTTO.search(stripped):
            return stripped[:150]
    return ""


def _short_title(meta: DocMeta) -> str:
    if meta.doc_type in ("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh") and meta.title:
        year = (meta.issued_on or "")[:4] or (meta.number.split("/")[1] if meta.number.count("/") >= 2 else "")
        return f"{meta.title} {year}".strip()
    if meta.doc_type and meta.number:
        return f"{meta.doc_type} {meta.number}"
    return meta.title[:120]
