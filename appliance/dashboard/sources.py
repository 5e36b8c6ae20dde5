"""Reading import files: CSV (UTF-8 with or without BOM, comma or semicolon) and XLSX (first sheet).

Both yield `(line_number, cells)` so a rejected row can be reported by the line a person sees
in Excel or a text editor (the header is line 1). Headers are matched on a key that ignores
case, diacritics and spacing, so "MÃ HỒ SƠ", "Ma ho so" and "mã  hồ sơ" are the same column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from appliance.text import fold

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class SourceError(ValueError):
    """The whole file cannot be read (wrong type, missing columns…); message in Vietnamese."""


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


def read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[object]]], int]:
    text = _decode(path.read_bytes())
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        raise SourceError("Tệp trống: không có dòng tiêu đề.") from None
    # Line counting for the progress bar; a quoted field may span lines, so this is an upper bound.
    total = max(0, text.count("\n") - (0 if text.endswith("\n") else -1) - 1)

    def rows() -> Iterator[tuple[int, list[object]]]:
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                yield start, list(row)
            start = reader.line_num + 1

    return header, rows(), total


def read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[object]]], int]:
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pinned dependency; a broken install should still say what to do
        raise SourceError("Thiếu thư viện openpyxl để đọc tệp XLSX; hãy xuất tệp dạng CSV.") from exc
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

    def rows() -> Iterator[tuple[int, list[object]]]:
        try:
            for number, row in enumerate(iterator, start=2):
                if any(v is not None and str(v).strip() for v in row):
                    yield number, list(row)
        finally:
            book.close()

    return header, rows(), total


def open_table(path: Path) -> tuple[list[str], Iterator[tuple[int, list[object]]], int]:
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
