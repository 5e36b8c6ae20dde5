"""Read one đề mục page of the Bộ Pháp điển (markdown as collected, or the HTML of the Ministry's
offline package: the same text once the tags are gone) into its articles.

A page is `Chương`/`Mục`/`Tiểu mục` headings and articles headed `Điều 15.3.LQ.16. <title>`, each
followed by its source note in parentheses, numbered khoản `1.` and điểm `a)`, and notes such as
`(Điều này có nội dung liên quan đến …)`. The collected pages glue some headings and notes to the
end of the previous sentence ("…pháp luật.Điều 15.1.NĐ.4. Thẩm quyền…"), so lines are first cut
where a heading or a note starts mid-line. The "Danh sách điều khoản" index at the end of a page,
when present, names every article the page should hold: one listed but absent is reported.

Nothing is rewritten: an article's text is its lines as published (markdown emphasis removed,
whitespace trimmed), so it can be quoted and compared with the official page.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from appliance.knowledge.chunking import Paragraph
from appliance.knowledge.source_notes import SourceNote, parse_source_note

PD_NUMBER = r"\d+\.\d+\.[A-ZĐ]+\.(?:\d+\.)*\d+"
_HEADING = re.compile(rf"^Điều ({PD_NUMBER})\.(?:\s+(.*))?$")
_GLUED = re.compile(rf"(?<=\S)(?=Điều {PD_NUMBER}\.\s)|(?<=\S)(?=\((?:Điều|Chương|Mục|Tiểu mục) này có nội dung)"
                    r"|(?<=[.;:)…”*])(?=(?:Chương [IVXLC]+|Mục \d+|Tiểu mục \d+)\s*$)")
_LEVEL = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+([IVXLC]+|\d+|thứ\s+\S+)\s*$", re.IGNORECASE)
_LEVEL_TITLED = re.compile(r"^(Chương)\s+([IVXLC]+)\s+(\S.*)$")
_RELATED = re.compile(r"^\((?:Điều|Chương|Mục|Tiểu mục) này có nội dung liên quan đến")
_NOTE_START = re.compile(r"^\((?:[Đđ]iểm|[Kk]hoản|Điều)\s+\d")
_CLAUSE = re.compile(r"^(\d{1,3})\.\s")
_POINT = re.compile(r"^([a-zđ])\)\s")
_LISTED = re.compile(rf"^Điều ({PD_NUMBER})\.(?:\s|$)")
_EMPHASIS = re.compile(r"\*+")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|table|section|article)\b[^>]*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|head|nav|footer)\b.*?</\1>", re.IGNORECASE | re.S)


class PhapdienError(Exception):
    """A page we cannot import, with the Vietnamese reason and the line it concerns."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class PdArticle:
    number: str                      # pháp điển number, e.g. "15.3.LQ.16"
    title: str
    line: int                        # where its heading is in the page
    chapter: str = ""
    section: str = ""
    subsection: str = ""
    note_raw: str = ""               # the source note as written, with parentheses
    note: SourceNote | None = None   # None when absent or unreadable (listed in the report)
    paragraphs: list[Paragraph] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def key(self) -> str:
        """Stable identity across imports. The pháp điển number alone is not unique: a page may give
        the same number to articles of two documents (15.3.TT.3.1 in Hộ tịch), so the original
        document and article it came from are part of the key."""
        if self.note is not None:
            return f"{self.number}|{self.note.document.number}|{self.note.article}{self.note.clause}{self.note.point}"
        return f"{self.number}|{' '.join(self.title.lower().split())}"

    @property
    def repealed(self) -> bool:
        """The whole article was repealed: its note says so, or its only text is "(Bị bãi bỏ)"."""
        return bool(self.note and self.note.repealed) or self.text.strip() == "(Bị bãi bỏ)"


@dataclass
class PageIssue:
    line: int
    message: str     # Vietnamese, for the import report


@dataclass
class PhapdienPage:
    name: str                        # file name, or the page's permalink slug
    title: str                       # đề mục, e.g. "Hộ tịch"
    articles: list[PdArticle] = field(default_factory=list)
    listed: list[tuple[str, str]] = field(default_factory=list)   # (number, title) from the page's index
    issues: list[PageIssue] = field(default_factory=list)

    @property
    def unparsed_notes(self) -> list[PdArticle]:
        return [a for a in self.articles if a.note is None]

    def missing_listed(self) -> list[tuple[str, str]]:
        have = {a.number for a in self.articles}
        return [(n, t) for n, t in self.listed if n not in have]


def _clean(line: str) -> str:
    """Markdown emphasis off, whitespace trimmed; the words themselves untouched."""
    if "*" in line and "(*)" not in line:
        line = _EMPHASIS.sub("", line)
    return " ".join(line.split())


def html_to_text(raw: str) -> str:
    """The Ministry's HTML as lines of text: blocks become lines, tags and scripts go."""
    raw = _DROP.sub("", raw)
    raw = _BLOCK_TAG.sub("\n", raw)
    return html.unescape(_TAG.sub("", raw))


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    values: dict[str, str] = {}
    for index in range(1, min(len(lines), 60)):
        if lines[index].strip() == "---":
            return values, index + 1
        key, sep, value = lines[index].partition(":")
        if sep:
            values[key.strip()] = value.strip()
    return {}, 0


def _logical_lines(lines: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """(line number, text) with glued headings and notes cut onto lines of their own."""
    out: list[tuple[int, str]] = []
    for index in range(start, stop):
        raw = lines[index]
        if not raw.strip():
            out.append((index + 1, ""))
            continue
        pieces = _GLUED.split(raw)
        out.extend((index + 1, piece) for piece in pieces if piece.strip())
    return out


def _is_upper_title(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


class _Reader:
    """The state of one pass over a page's logical lines."""

    def __init__(self, page: PhapdienPage, listed: set[str]):
        self.page = page
        self.listed = listed
        self.place = {"Chương": "", "Mục": "", "Tiểu mục": "", "Phần": ""}
        self.article: PdArticle | None = None
        self.pending_level: str | None = None
        self.clause = ""
        self.point = ""
        self.level_notes: dict[str, list[str]] = {}  # "(Chương này có nội dung liên quan …)" per level
        self.last_level = ""

    def heading(self, number: str, title: str, line: int) -> None:
        self.article = PdArticle(number=number, title=title, line=line, chapter=self.place["Chương"],
                                 section=self.place["Mục"], subsection=self.place["Tiểu mục"])
        for kind in ("Phần", "Chương", "Mục", "Tiểu mục"):
            self.article.related.extend(self.level_notes.get(kind, []))
        self.page.articles.append(self.article)
        self.clause = self.point = ""

    def level(self, kind: str, number: str, title: str) -> None:
        kind = "Tiểu mục" if kind.lower() == "tiểu mục" else kind.capitalize()
        self.place[kind] = f"{kind} {number}" + (f". {title}" if title else "")
        self.level_notes[kind] = []
        below = {"Phần": ("Chương", "Mục", "Tiểu mục"), "Chương": ("Mục", "Tiểu mục"), "Mục": ("Tiểu mục",)}
        for lower in below.get(kind, ()):
            self.place[lower] = ""
            self.level_notes[lower] = []
        self.last_level = kind
        self.pending_level = None if title else kind
        self.article = None  # text after a heading belongs to no article until the next "Điều"

    def body(self, text: str) -> None:
        assert self.article is not None
        if clause := _CLAUSE.match(text):
            self.clause, self.point = clause.group(1), ""
        elif (point := _POINT.match(text)) and self.clause:
            self.point = point.group(1)
        self.article.paragraphs.append(Paragraph(text, self.clause, self.point))


def _read_note(items: list[tuple[int, str]], index: int) -> tuple[str, str, int]:
    """The parenthesised note starting at items[index]: (note, text glued after it, next index)."""
    line_no = items[index][0]
    collected: list[str] = []
    depth = 0
    while index < len(items):
        text = items[index][1]
        for position, ch in enumerate(text):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                collected.append(text[:position + 1])
                return " ".join(collected), text[position + 1:].strip(), index + 1
        collected.append(text)
        index += 1
    raise PhapdienError(f"Dòng {line_no}: chú thích nguồn mở ngoặc “(” nhưng không đóng ngoặc đến hết tệp. "
                        "Tệp có thể bị cắt cụt; hãy tải lại trang Pháp điển đầy đủ.", line_no)


def _next_content(items: list[tuple[int, str]], index: int) -> str:
    while index < len(items) and not items[index][1].strip():
        index += 1
    return _clean(items[index][1]) if index < len(items) else ""


def parse_page(data: bytes | str, name: str = "") -> PhapdienPage:
    """Parse a page (bytes are decoded as UTF-8; HTML is recognised by its tags)."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise PhapdienError(f"Dòng {line}: tệp “{name}” không phải văn bản UTF-8 (byte lạ ở vị trí {exc.start}). "
                                "Trang Pháp điển phải được lưu dạng UTF-8.", line) from exc
    else:
        text = data
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if re.search(r"<(?:html|body|p|div)\b", text[:5000], re.IGNORECASE):
        text = html_to_text(text)
    lines = text.split("\n")
    front, start = _front_matter(lines)
    title = front.get("title", "")
    stop = len(lines)
    listed: list[tuple[str, str]] = []
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith("## VĂN BẢN"):
            start = index + 1
        elif stripped.startswith("# "):
            title = title or stripped[2:].strip()
            lines[index] = ""  # the page's own title, not a line of any article
        elif stripped.startswith("## Danh sách điều khoản"):
            stop = index
            for entry in lines[index + 1:]:
                if match := _LISTED.match(entry.strip()):
                    listed.append((match.group(1), _clean(entry.strip()[match.end():])))
            break
    page = PhapdienPage(name=name, title=title or name, listed=listed)
    _read_body(page, _logical_lines(lines, start, stop), {n for n, _ in listed})
    seen: dict[str, int] = {}
    for article in page.articles:
        if article.key in seen:
            raise PhapdienError(f"Dòng {article.line}: điều {article.number} (nguồn “{article.note_raw[:80]}”) đã có ở "
                                f"dòng {seen[article.key]}; một trang không được có hai điều trùng nhau.", article.line)
        seen[article.key] = article.line
    if not page.articles:
        raise PhapdienError(f"Tệp “{name}” không có điều nào dạng “Điều 15.3.LQ.16. Tên điều”: đây không phải "
                            "một trang đề mục của Bộ Pháp điển.", 1)
    return page


def _read_body(page: PhapdienPage, items: list[tuple[int, str]], listed: set[str]) -> None:
    reader = _Reader(page, listed)
    index = 0
    while index < len(items):
        line_no, raw = items[index]
        text = _clean(raw)
        index += 1
        if not text:
            continue
        heading = _HEADING.match(text)
        following = _next_content(items, index)
        noted = following.startswith("(") and not _RELATED.match(following)
        if heading and (heading.group(1) in listed or noted):
            number = heading.group(1)
            reader.heading(number, heading.group(2) or "", line_no)
            while index < len(items) and not items[index][1].strip():
                index += 1
            upcoming = items[index][1].strip() if index < len(items) else ""
            if upcoming.startswith("(") and not _RELATED.match(upcoming):
                note, after, index = _read_note(items, index)
                article = reader.article
                assert article is not None
                article.note_raw = _clean(note)
                article.note = parse_source_note(article.note_raw)
                if article.note is None:
                    page.issues.append(PageIssue(line_no, f"Điều {number}: không đọc được chú thích nguồn "
                                                          f"“{article.note_raw[:160]}”"))
                if after:
                    reader.body(_clean(after))
            else:
                page.issues.append(PageIssue(line_no, f"Điều {number}: không có chú thích nguồn"))
            continue
        if reader.pending_level and _is_upper_title(text):
            kind = reader.pending_level
            reader.place[kind] = f"{reader.place[kind]}. {text}"
            reader.pending_level = None
            continue
        reader.pending_level = None
        # Bold lines are the original document's own headings quoted inside an article, not the page's.
        level = None if "*" in raw else (_LEVEL.match(text) or _LEVEL_TITLED.match(text))
        if level and (len(level.groups()) == 2 or _is_upper_title(level.group(3))):
            reader.level(level.group(1), level.group(2), level.group(3) if len(level.groups()) == 3 else "")
            continue
        if _RELATED.match(text):
            note, after, index = _read_note(items, index - 1)
            if reader.article is not None:
                reader.article.related.append(_clean(note))
            elif not note.startswith("(Điều") and reader.last_level:
                reader.level_notes.setdefault(reader.last_level, []).append(_clean(note))
            else:
                page.issues.append(PageIssue(line_no, "Ghi chú “Điều này có nội dung liên quan” đứng ngoài điều nào"))
            if after:
                items.insert(index, (line_no, after))
            continue
        if reader.article is None:
            if not _is_upper_title(text):
                page.issues.append(PageIssue(line_no, f"Dòng nằm ngoài điều nào, bỏ qua: “{text[:80]}”"))
            continue
        reader.body(text)
