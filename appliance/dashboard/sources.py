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


def _delimiter(first_line: str) -> str:
    # Vietnamese Excel writes ';' because ',' is the decimal mark; count outside quotes is enough here.
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read_csv(path: Path) -> tuple[list[str], Rows, int]:
    text = _decode(path.read_bytes())
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
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
