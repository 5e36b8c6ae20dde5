"""Reading import files: CSV (UTF-8 with or without BOM, comma or semicolon) and XLSX (first sheet).

Both yield `(line_number, cells)` so a rejected row can be reported by the line a person sees
in Excel or a text editor (the header is line 1). A row that cannot be read at all (a cell
past the size limit) is yielded as `UnreadableRow` with its reason, so the importer rejects
that row and goes on: a file is never half applied because of one row. An XLSX passes the
archive guard (uncompressed size, ratio, entries) before openpyxl opens it. Headers are matched on a key that ignores
case, diacritics and spacing, so "MÃ HỒ SƠ", "Ma ho so" and "mã  hồ sơ" are the same column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from appliance.system.archives import ArchiveLimits, ArchiveRefused, check_archive
from appliance.text import fold, format_number

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# No cell of a records export is longer than a procedure's name (~300 characters); 4,000 leaves
# room for notes. Anything longer is a broken or hostile row.
MAX_CELL_CHARS = 4000
# The csv module refuses a field past its limit (131,072 by default) with a raw English error; we
# keep that limit (process-wide) and turn the error into this row's rejection.
XLSX_LIMITS = ArchiveLimits(max_uncompressed=400 * 1024 * 1024)
# Lines searched for the heading row: a report's title block (cơ quan, tên báo cáo, kỳ báo cáo,
# người lập) is at most a dozen lines above the table.
HEADER_SEARCH_LINES = 20
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")  # "(1) (2) (3) …" under the headings of a Vietnamese report


class SourceError(ValueError):
    """The whole file cannot be read (wrong type, missing columns…); message in Vietnamese."""


@dataclass(frozen=True)
class UnreadableRow:
    """A row the reader could not split into cells; `reason` is Vietnamese."""

    reason: str


Cells = list[object] | UnreadableRow
Rows = Iterator[tuple[int, Cells]]


def too_long(length: int) -> str:
    return (f"có ô dài {format_number(length)} ký tự (tối đa {format_number(MAX_CELL_CHARS)}): "
            "dòng bị lỗi hoặc dán nhầm nội dung")


def header_key(text: object) -> str:
    return _NON_ALNUM.sub("", fold(str(text or "")))


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("Tệp CSV không đọc được: hãy lưu tệp với mã hóa UTF-8 (CSV UTF-8) rồi nhập lại.")


def _delimiter(head: str) -> str:
    # Vietnamese Excel writes ';' because ',' is the decimal mark; count outside quotes is enough here.
    # `head` is the first lines, not only line 1: a report's title line has no separator at all.
    return ";" if head.count(";") > head.count(",") else ","


def read_csv(path: Path) -> tuple[list[str], Rows, int]:
    text = _decode(path.read_bytes())
    head = "\n".join(text.split("\n", HEADER_SEARCH_LINES)[:HEADER_SEARCH_LINES])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(head))
    try:
        header = next(reader)
    except StopIteration:
        raise SourceError("Tệp trống: không có dòng tiêu đề.") from None
    # Line counting for the progress bar; a quoted field may span lines, so this is an upper bound.
    total = max(0, text.count("\n") - (0 if text.endswith("\n") else -1) - 1)

    def rows() -> Rows:
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:  # a field past the csv module's limit: this row only
                yield start, UnreadableRow(too_long(csv.field_size_limit() + 1))
                start = reader.line_num + 1
                continue
            if any(cell.strip() for cell in row):
                longest = max(len(cell) for cell in row)
                yield start, (UnreadableRow(too_long(longest)) if longest > MAX_CELL_CHARS else list(row))
            start = reader.line_num + 1

    return header, rows(), total


def read_xlsx(path: Path) -> tuple[list[str], Rows, int]:
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pinned dependency; a broken install should still say what to do
        raise SourceError("Thiếu thư viện openpyxl để đọc tệp XLSX; hãy xuất tệp dạng CSV.") from exc
    try:
        check_archive(path, path.name, XLSX_LIMITS)
    except ArchiveRefused as exc:
        raise SourceError(str(exc)) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise SourceError(f"Không mở được tệp Excel: {exc}. Hãy kiểm tra tệp hoặc xuất sang CSV.") from exc
    sheet = book.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    try:
        header = ["" if v is None else str(v) for v in next(iterator)]
    except StopIteration:
        book.close()
        raise SourceError("Trang tính đầu tiên trống: không có dòng tiêu đề.") from None
    total = max(0, (sheet.max_row or 1) - 1)

    def rows() -> Rows:
        number = 1
        try:
            for number, row in enumerate(iterator, start=2):
                if any(v is not None and str(v).strip() for v in row):
                    longest = max(len(v) if isinstance(v, str) else 0 for v in row)
                    yield number, (UnreadableRow(too_long(longest)) if longest > MAX_CELL_CHARS else list(row))
        except Exception:  # openpyxl cannot go on past a broken sheet part: the rest is one rejection
            yield number + 1, UnreadableRow("từ dòng này trở đi trang tính bị hỏng, không đọc được; "
                                            "hãy mở tệp bằng Excel, lưu lại rồi nhập lại phần còn lại")
        finally:
            book.close()

    return header, rows(), total


def open_table(path: Path) -> tuple[list[str], Rows, int]:
    """Header, rows as (line, cells) and an estimate of the row count."""
    if not path.exists():
        raise FileNotFoundError(f"Không tìm thấy tệp {path}")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise SourceError("Định dạng .xls cũ chưa được hỗ trợ: hãy lưu lại thành .xlsx hoặc CSV UTF-8.")
    return read_csv(path)


def _texts(cells: list[object]) -> list[str]:
    return ["" if v is None else str(v).strip() for v in cells]


def _score(cells: list[str], wanted: dict[str, tuple[str, ...]]) -> int:
    keys = {header_key(c) for c in cells if c}
    return sum(any(alias in keys for alias in aliases) for aliases in wanted.values())


def _numbering(cells: Cells) -> bool:
    if isinstance(cells, UnreadableRow):
        return False
    filled = [c for c in _texts(cells) if c]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled)


@dataclass(frozen=True)
class Layout:
    """Where the table starts: the heading line(s), and the lines above or under them that are not
    rows (title block, column numbers). Empty when line 1 is the heading, as in CONTRACT §3."""

    heading: tuple[int, ...] = (1,)
    passed: tuple[int, ...] = ()

    def note(self) -> str:
        """What the import says about the lines it did not read as rows ('' when none)."""
        if not self.passed:
            return ""
        title = [n for n in self.passed if n < self.heading[0]]
        parts = []
        if title:
            parts.append(f"dòng {_span(title)} là phần đầu trang")
        numbers = [n for n in self.passed if n > self.heading[-1]]
        if numbers:
            parts.append(f"dòng {_span(numbers)} là số thứ tự cột")
        return (f"Tiêu đề cột ở dòng {_span(list(self.heading))}; " + ", ".join(parts)
                + ": không phải dòng dữ liệu, không nhập.")


def _span(lines: list[int]) -> str:
    return str(lines[0]) if len(lines) == 1 else f"{lines[0]}–{lines[-1]}"


def locate_header(header: list[str], rows: Rows, wanted: dict[str, tuple[str, ...]]
                  ) -> tuple[list[str], Rows, Layout]:
    """The heading row of an export as the one-stop system writes it: below a title block, possibly
    on two lines (a merged "Thời gian" over "Ngày hẹn trả", "Ngày có kết quả"), possibly followed by
    a line of column numbers. The lines passed over are named in the Layout (reported, never silently
    dropped). A file whose first line holds its headings is read as before."""
    peeked: list[tuple[int, Cells]] = [(1, list(header))]
    for item in rows:
        peeked.append(item)
        if len(peeked) > HEADER_SEARCH_LINES:
            break
    first = _texts(list(header))
    best, start, end, best_score = first, 0, 0, _score(first, wanted)
    for i, (_line, cells) in enumerate(peeked):
        if isinstance(cells, UnreadableRow):
            continue
        upper = _texts(cells)
        candidates = [(upper, i)]
        below = peeked[i + 1][1] if i + 1 < len(peeked) else None
        if isinstance(below, list):  # two heading lines: the lower names the columns a merged cell spans
            lower = _texts(below)
            width = max(len(upper), len(lower))
            pairs = zip(upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower)), strict=True)
            both = [lo or up for up, lo in pairs]
            # Only when each line alone names fewer columns (a title line over the headings is no heading).
            if _score(both, wanted) > max(_score(upper, wanted), _score(lower, wanted)):
                candidates.append((both, i + 1))
        for texts, last in candidates:
            score = _score(texts, wanted)
            if score > best_score and score >= 2:
                best, start, end, best_score = texts, i, last, score
    rest = peeked[end + 1:]
    passed = [line for line, _cells in peeked[:start]]
    if rest and _numbering(rest[0][1]):
        passed.append(rest[0][0])
        rest = rest[1:]
    layout = Layout(tuple(line for line, _cells in peeked[start:end + 1]), tuple(passed))

    def remaining() -> Rows:
        yield from rest
        yield from rows

    return (best if end else list(header)), remaining(), layout


def match_columns(header: list[str], wanted: dict[str, tuple[str, ...]], required: tuple[str, ...],
                  labels: dict[str, str]) -> dict[str, int]:
    """Map each wanted field to its column index; refuse the file when a required column is missing."""
    keys = [header_key(h) for h in header]
    found: dict[str, int] = {}
    for name, aliases in wanted.items():
        for alias in aliases:
            if alias in keys:
                found[name] = keys.index(alias)
                break
    missing = [labels[name] for name in required if name not in found]
    if missing:
        raise SourceError("Tệp thiếu cột: " + ", ".join(missing)
                          + ". Dòng đầu tiên phải là tiêu đề cột theo mẫu Sổ theo dõi hồ sơ.")
    return found
