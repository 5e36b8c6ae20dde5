"""Legal documents split by their own structure: Phần, Chương, Mục, Điều, khoản, điểm.

A chunk is one khoản (its điểm included) or a whole Điều without khoản; a very long khoản is
split by điểm. Each chunk knows its place, so a result cites "Khoản 1 Điều 16, Luật Hộ tịch
2014". Documents without articles (reports, guides) are cut into paragraphs and cited by page.
Metadata (số ký hiệu, type, issuer, dates) comes from a front-matter block when present (the
shipped library has one), else from the document's own header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

PAGE_BREAK = "\f"
MAX_CLAUSE_CHARS = 1500
PARAGRAPH_CHARS = 900

_PART = re.compile(r"^(PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\d+)\b\.?\s*(.*)$")
_CHAPTER = re.compile(r"^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$")
_SECTION = re.compile(r"^(MỤC|Mục)\s+(\d+)\b\.?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
_CLAUSE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_NUMBER = re.compile(r"\b(\d{1,4}/\d{4}/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)\b")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_EFFECTIVE = re.compile(r"(?:có\s+hiệu\s+lực|hiệu\s+lực\s+thi\s+hành)[^.\n]{0,40}?(?:kể\s+)?từ\s+ngày\s+"
                        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_TYPES = ["Hiến pháp", "Bộ luật", "Luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư liên tịch",
          "Thông tư", "Chỉ thị", "Công văn", "Hướng dẫn", "Kế hoạch", "Thông báo"]
_ISSUERS = {"QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "NĐ-CP": "Chính phủ", "NQ-CP": "Chính phủ",
            "QĐ-TTg": "Thủ tướng Chính phủ", "TT-BTP": "Bộ Tư pháp", "TT-BCA": "Bộ Công an",
            "TT-BTC": "Bộ Tài chính", "TT-BXD": "Bộ Xây dựng", "TT-BTNMT": "Bộ Tài nguyên và Môi trường",
            "TT-BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "TT-BNV": "Bộ Nội vụ",
            "TT-BKHĐT": "Bộ Kế hoạch và Đầu tư"}
STATUSES = {"con_hieu_luc": "Còn hiệu lực", "het_hieu_luc": "Hết hiệu lực", "bi_sua_doi": "Bị sửa đổi, bổ sung",
            "chua_xac_dinh": "Chưa xác định hiệu lực"}


@dataclass
class DocMeta:
    title: str = ""
    short_title: str = ""
    number: str = ""
    doc_type: str = ""
    issuer: str = ""
    issued_on: str | None = None
    effective_on: str | None = None
    status: str = "con_hieu_luc"
    status_note: str = ""


@dataclass
class Chunk:
    text: str
    part: str = ""
    chapter: str = ""
    section: str = ""
    article: str = ""
    article_title: str = ""
    clause: str = ""
    point: str = ""
    page: int = 0
    ordinal: int = 0  # paragraph number for documents without articles

    def citation(self, short_title: str) -> str:
        if self.article:
            pieces = []
            if self.point:
                pieces.append(f"điểm {self.point}")
            if self.clause:
                pieces.append(f"khoản {self.clause}")
            pieces.append(f"Điều {self.article}")
            where = " ".join(pieces)
            where = where[0].upper() + where[1:]
        elif self.page:
            where = f"Trang {self.page}"
        else:
            where = f"Đoạn {self.ordinal}"
        return f"{where}, {short_title}"


@dataclass
class ParsedDocument:
    meta: DocMeta
    chunks: list[Chunk] = field(default_factory=list)
    is_legal: bool = True


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


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def detect_meta(body: str, front: dict[str, str], filename: str) -> DocMeta:
    meta = DocMeta(**{k: v for k, v in front.items() if k in DocMeta.__dataclass_fields__ and v})
    head = body[:3000]
    if not meta.number and (m := _NUMBER.search(head)):
        meta.number = m.group(1)
    if not meta.doc_type:
        for line in head.splitlines()[:40]:
            stripped = line.strip()
            for kind in _TYPES:
                if stripped.upper() == kind.upper() or stripped.upper().startswith(kind.upper() + " "):
                    meta.doc_type = kind
                    break
            if meta.doc_type:
                break
    if not meta.issuer and meta.number:
        suffix = meta.number.split("/")[-1]
        meta.issuer = next((v for k, v in _ISSUERS.items() if suffix == k or suffix.startswith(k)), "")
        if not meta.issuer and re.match(r"QH\d+", suffix):
            meta.issuer = "Quốc hội"
    if not meta.issued_on and (m := _DATE.search(head)):
        meta.issued_on = _iso(*m.groups())
    if not meta.effective_on and (m := _EFFECTIVE.search(body)):
        meta.effective_on = _iso(*m.groups())
    if not meta.title:
        meta.title = _guess_title(head, meta.doc_type) or filename.rsplit(".", 1)[0]
    if not meta.short_title:
        meta.short_title = _short_title(meta)
    if meta.status not in STATUSES:
        meta.status = "chua_xac_dinh"
    return meta


def _guess_title(head: str, doc_type: str) -> str:
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    for index, line in enumerate(lines[:40]):
        if doc_type and line.upper() == doc_type.upper() and index + 1 < len(lines):
            return f"{doc_type} {lines[index + 1].capitalize()}"
        if doc_type and line.upper().startswith(doc_type.upper() + " "):
            return line.capitalize()
    return lines[0][:150] if lines else ""


def _short_title(meta: DocMeta) -> str:
    if meta.doc_type in ("Luật", "Bộ luật", "Hiến pháp") and meta.title:
        year = (meta.issued_on or "")[:4] or (meta.number.split("/")[1] if meta.number.count("/") >= 2 else "")
        return f"{meta.title} {year}".strip()
    if meta.doc_type and meta.number:
        return f"{meta.doc_type} {meta.number}"
    return meta.title[:120]


def parse(text: str, filename: str = "") -> ParsedDocument:
    front, body = split_front_matter(text)
    meta = detect_meta(body, front, filename)
    chunks = _legal_chunks(body)
    if chunks:
        return ParsedDocument(meta, chunks, True)
    if not front.get("status"):
        meta.status = "chua_xac_dinh" if not meta.number else meta.status
    return ParsedDocument(meta, _paragraph_chunks(body), False)


def _legal_chunks(body: str) -> list[Chunk]:
    lines = [line.strip() for line in body.replace(PAGE_BREAK, "\n" + PAGE_BREAK + "\n").splitlines()]
    if sum(1 for line in lines if _ARTICLE.match(line)) == 0:
        return []
    place = {"part": "", "chapter": "", "section": ""}
    pending_title: str | None = None  # "chapter"/"section"/"part" whose title is on the next line
    article: dict[str, str] | None = None
    clauses: list[tuple[str, list[str]]] = []  # (clause number or "", lines)
    page = 1
    out: list[Chunk] = []

    def flush() -> None:
        if article is None:
            return
        out.extend(_article_chunks(article, clauses, page))

    for line in lines:
        if line == PAGE_BREAK:
            page += 1
            continue
        if not line:
            continue
        if pending_title and line.isupper() and not _ARTICLE.match(line):
            place[pending_title] = f"{place[pending_title]}: {line}"
            pending_title = None
            continue
        pending_title = None
        for key, pattern, label in (("part", _PART, "Phần"), ("chapter", _CHAPTER, "Chương"),
                                    ("section", _SECTION, "Mục")):
            match = pattern.match(line)
            if match and (match.group(3) == "" or match.group(3).isupper()):
                flush()
                article, clauses = None, []
                place[key] = f"{label} {match.group(2)}" + (f": {match.group(3)}" if match.group(3) else "")
                if key == "part":
                    place["chapter"] = place["section"] = ""
                elif key == "chapter":
                    place["section"] = ""
                pending_title = None if match.group(3) else key
                break
        else:
            if match := _ARTICLE.match(line):
                flush()
                article = {"number": match.group(1), "title": match.group(2).strip(), **place}
                clauses = [("", [])]
            elif article is not None:
                if clause := _CLAUSE.match(line):
                    clauses.append((clause.group(1), [line]))
                else:
                    clauses[-1][1].append(line)
    flush()
    return out


def _article_chunks(article: dict[str, str], clauses: list[tuple[str, list[str]]], page: int) -> list[Chunk]:
    def make(text: str, clause: str = "", point: str = "") -> Chunk:
        return Chunk(text=text, part=article["part"], chapter=article["chapter"], section=article["section"],
                     article=article["number"], article_title=article["title"], clause=clause, point=point,
                     page=page)

    intro = "\n".join(clauses[0][1]).strip() if clauses else ""
    numbered = [(n, lines) for n, lines in clauses if n]
    if not numbered:
        return [make(intro or article["title"])]
    chunks = []
    for index, (number, lines) in enumerate(numbered):
        text = "\n".join(lines)
        if index == 0 and intro:
            text = intro + "\n" + text  # "Mức thu … như sau:" belongs with the first khoản
        if len(text) <= MAX_CLAUSE_CHARS:
            chunks.append(make(text, number))
            continue
        head, points = _split_points(lines)
        if not points:
            chunks.append(make(text, number))
            continue
        for letter, point_text in points:
            chunks.append(make(f"{head}\n{point_text}".strip(), number, letter))
    return chunks


def _split_points(lines: list[str]) -> tuple[str, list[tuple[str, str]]]:
    head: list[str] = []
    points: list[tuple[str, list[str]]] = []
    for line in lines:
        if match := _POINT.match(line):
            points.append((match.group(1), [line]))
        elif points:
            points[-1][1].append(line)
        else:
            head.append(line)
    return "\n".join(head), [(letter, "\n".join(body)) for letter, body in points]


def _paragraph_chunks(body: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    for page_number, page in enumerate(body.split(PAGE_BREAK), start=1):
        buffer = ""
        for paragraph in re.split(r"\n\s*\n|\n(?=[A-ZĐÀ-Ỹ0-9•\-])", page):
            paragraph = " ".join(paragraph.split())
            if not paragraph:
                continue
            if buffer and len(buffer) + len(paragraph) > PARAGRAPH_CHARS:
                chunks.append(Chunk(text=buffer, page=page_number if PAGE_BREAK in body else 0))
                buffer = ""
            buffer = f"{buffer}\n{paragraph}".strip()
        if buffer:
            chunks.append(Chunk(text=buffer, page=page_number if PAGE_BREAK in body else 0))
    for ordinal, chunk in enumerate(chunks, start=1):
        chunk.ordinal = ordinal
    return chunks
