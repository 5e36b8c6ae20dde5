"""Documents split by their own structure: Phần, Chương, Mục, Điều, khoản, điểm.

A legal document becomes articles (each with its khoản/điểm paragraphs; chunking.py cuts them
into passages). Documents without articles (reports, guides) are cut into paragraphs and cited by
page or paragraph. Metadata (số ký hiệu, type, issuer, dates, trích yếu) comes from a front-matter
block when present, else from the document's own header: the Nghị định 30/2020 layout of a ward's
decision, plan or regulation (cơ quan ban hành, "Số: 17/QĐ-UBND", "Hoa Sen, ngày …", the type line
and its trích yếu, "(Ban hành kèm theo Quyết định số …)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appliance.knowledge import header
from appliance.knowledge.chunking import Paragraph
from appliance.knowledge.header import DocMeta, detect_meta, split_front_matter

PAGE_BREAK = "\f"
PARAGRAPH_CHARS = 900

_PART = re.compile(r"^(PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\d+)\b\.?\s*(.*)$")
_CHAPTER = re.compile(r"^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$")
_SECTION = re.compile(r"^(MỤC|Mục)\s+(\d+)\b\.?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
_CLAUSE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s+(\S.*)$")

__all__ = ["DocMeta", "ParsedArticle", "ParsedDocument", "Chunk", "parse", "split_front_matter", "PAGE_BREAK"]


@dataclass
class ParsedArticle:
    number: str
    title: str
    part: str = ""
    chapter: str = ""
    section: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    page: int = 1
    attached: str = ""  # the name of a document attached to the file's decision ("Quy chế … (ban hành kèm theo …)")


@dataclass
class Chunk:
    """A paragraph passage of a document without articles, cited by page or paragraph number."""

    text: str
    page: int = 0
    ordinal: int = 0

    def where(self) -> str:
        return f"Trang {self.page}" if self.page else f"Đoạn {self.ordinal}"


@dataclass
class ParsedDocument:
    meta: DocMeta
    articles: list[ParsedArticle] = field(default_factory=list)
    paragraphs: list[Chunk] = field(default_factory=list)

    @property
    def is_legal(self) -> bool:
        return bool(self.articles)


def parse(text: str, filename: str = "") -> ParsedDocument:
    front, body = split_front_matter(text)
    meta = detect_meta(body, front, filename)
    articles = _articles(body)
    if articles:
        return ParsedDocument(meta, articles)
    if not front.get("status"):
        meta.status = "chua_xac_dinh" if not meta.number else meta.status
    return ParsedDocument(meta, paragraphs=_paragraph_chunks(body))


class _State:
    def __init__(self) -> None:
        self.place = {"part": "", "chapter": "", "section": ""}
        self.pending: str | None = None        # a level whose title is on the next line
        self.article: ParsedArticle | None = None
        self.clause = ""
        self.point = ""
        self.attached = ""
        self.out: list[ParsedArticle] = []
        self.page = 1

    def level(self, key: str, label: str, number: str, title: str) -> None:
        self.article = None
        self.place[key] = f"{label} {number}" + (f": {title}" if title else "")
        if key == "part":
            self.place["chapter"] = self.place["section"] = ""
        elif key == "chapter":
            self.place["section"] = ""
        self.pending = None if title else key

    def start(self, number: str, title: str) -> None:
        self.article = ParsedArticle(number, title.strip(), self.place["part"], self.place["chapter"],
                                     self.place["section"], page=self.page, attached=self.attached)
        self.out.append(self.article)
        self.clause = self.point = ""

    def body(self, line: str) -> None:
        assert self.article is not None
        if clause := _CLAUSE.match(line):
            self.clause, self.point = clause.group(1), ""
        elif (point := _POINT.match(line)) and self.clause:
            self.point = point.group(1)
        self.article.paragraphs.append(Paragraph(line, self.clause, self.point))


def _articles(body: str) -> list[ParsedArticle]:
    lines = [line.strip() for line in body.replace(PAGE_BREAK, "\n" + PAGE_BREAK + "\n").splitlines()]
    if not any(_ARTICLE.match(line) for line in lines):
        return []
    state = _State()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line == PAGE_BREAK:
            state.page += 1
            continue
        if not line:
            continue
        if state.pending and line.isupper() and not _ARTICLE.match(line):
            state.place[state.pending] = f"{state.place[state.pending]}: {line}"
            state.pending = None
            continue
        state.pending = None
        if state.out and (attached := header.attached_document(lines, index - 1)):
            # A regulation attached to the decision the file starts with: its articles cite it.
            state.attached, index = attached
            state.article = None
            state.place = {"part": "", "chapter": "", "section": ""}
            continue
        for key, pattern, label in (("part", _PART, "Phần"), ("chapter", _CHAPTER, "Chương"),
                                    ("section", _SECTION, "Mục")):
            match = pattern.match(line)
            if match and (match.group(3) == "" or match.group(3).isupper()):
                state.level(key, label, match.group(2), match.group(3))
                break
        else:
            if match := _ARTICLE.match(line):
                state.start(match.group(1), match.group(2))
            elif state.article is not None:
                state.body(line)
    for article in state.out:
        if not article.paragraphs:
            article.paragraphs.append(Paragraph(article.title))
    return state.out


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
