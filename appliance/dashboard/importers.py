"""Importers for CONTRACT §3: the records export (Sổ theo dõi hồ sơ) and indicators (Chỉ tiêu KT-XH).

Rows are validated one by one; a bad row is rejected with its line and a Vietnamese reason
while the good rows land. A row whose status or channel is not in the ward's vocabulary
(`dashboard.vocabulary`), or a file whose required headings are unknown, is not dropped: the row is
held in the quarantine with its reason (reported as rejected, so CONTRACT §3's output is unchanged)
and applied as soon as the admin maps the value (`dashboard.mapping`).

Writes go in batches, each its own short transaction, so the web
app and the wall keep reading (WAL) during a 100,000-row import. Re-importing a file updates
rows by `Mã hồ sơ` (records) or by (chỉ tiêu, kỳ) (indicators); it never duplicates.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from appliance.dashboard import quarantine, store, vocabulary
from appliance.dashboard.sources import (
    Cells,
    Rows,
    SourceError,
    UnreadableRow,
    locate_header,
    match_columns,
    open_table,
)
from appliance.dashboard.vocabulary import Vocabulary
from appliance.db import transaction
from appliance.text import fold, normalize, parse_datetime, parse_number

# Rows per transaction: large enough that index pages are written once per batch rather than
# once per row group, small enough that a batch holds the write lock well under a second.
BATCH = 10000
IMPORT_CACHE_KIB = 65536  # a 64 MiB page cache while importing keeps the seven indexes' hot pages in memory
Progress = Callable[[int, int], None]  # (rows processed, estimated total)

STATUSES = ("Đã trả kết quả", "Đang xử lý", "Chờ bổ sung", "Từ chối")  # CONTRACT §3's values
STATUS_CLASSES = (*STATUSES, "Rút/hủy")  # what records.trang_thai holds (vocabulary.STATUS_CLASSES)
CHANNELS = ("Trực tiếp", "Trực tuyến", "Bưu chính")

RECORD_COLUMNS = {
    "ma_ho_so": ("mahoso", "sohoso", "mahs"),
    "ten_thu_tuc": ("tenthutuc", "thutuc", "tenthutuchanhchinh"),
    "linh_vuc": ("linhvuc",),
    "ngay_tiep_nhan": ("ngaytiepnhan", "ngaynhan"),
    "han_xu_ly": ("hanxuly", "hantra", "ngayhentra", "hangiaiquyet"),
    "ngay_tra_ket_qua": ("ngaytraketqua", "ngaytra"),
    "trang_thai": ("trangthai", "tinhtrang"),
    "hinh_thuc_nop": ("hinhthucnop", "kenhnop", "hinhthuc"),
    "can_bo_xu_ly": ("canboxuly", "canbo", "nguoixuly"),
}
RECORD_LABELS = {"ma_ho_so": "Mã hồ sơ", "ten_thu_tuc": "Tên thủ tục", "linh_vuc": "Lĩnh vực",
                 "ngay_tiep_nhan": "Ngày tiếp nhận", "han_xu_ly": "Hạn xử lý",
                 "ngay_tra_ket_qua": "Ngày trả kết quả", "trang_thai": "Trạng thái",
                 "hinh_thuc_nop": "Hình thức nộp", "can_bo_xu_ly": "Cán bộ xử lý"}
RECORD_REQUIRED = ("ma_ho_so", "ten_thu_tuc", "ngay_tiep_nhan", "han_xu_ly", "trang_thai", "hinh_thuc_nop")

INDICATOR_COLUMNS = {
    "chi_tieu": ("chitieu", "tenchitieu"),
    "don_vi_tinh": ("donvitinh", "dvt", "donvi"),
    "ky": ("ky", "kybaocao", "thoiky"),
    "ke_hoach": ("kehoach", "kh"),
    "thuc_hien": ("thuchien", "th"),
}
INDICATOR_LABELS = {"chi_tieu": "Chỉ tiêu", "don_vi_tinh": "Đơn vị tính", "ky": "Kỳ", "ke_hoach": "Kế hoạch",
                    "thuc_hien": "Thực hiện"}
_KY = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|[qQ]([1-4])))?$")

class RowError(ValueError):
    """One row is wrong; the message says which cell and what to fix, in Vietnamese."""


class Unmapped(RowError):
    """A status or channel the vocabulary does not know: the row is held, not dropped."""

    def __init__(self, problem: str, value: str, message: str):
        super().__init__(message)
        self.problem = problem
        self.value = value


def record_columns(vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """The headings each field is recognised by: the built-in ones, then the vocabulary's."""
    return {name: tuple(dict.fromkeys((*aliases, *vocab.headers.get(name, ()))))
            for name, aliases in RECORD_COLUMNS.items()}


@dataclass
class ImportResult:
    import_id: int
    kind: str
    imported: int = 0
    updated: int = 0
    rejected: int = 0   # quarantined rows included: CONTRACT §3's summary line is unchanged
    errors: list[dict[str, object]] = field(default_factory=list)
    quarantined: int = 0  # of the rejected rows, those held until the admin maps their value
    notes: list[str] = field(default_factory=list)  # lines read as no row (a report's title block), said why

    def summary(self) -> str:
        return f"imported {self.imported}, updated {self.updated}, rejected {self.rejected}"

    def as_dict(self) -> dict[str, object]:
        return {"import_id": self.import_id, "kind": self.kind, "imported": self.imported,
                "updated": self.updated, "rejected": self.rejected, "quarantined": self.quarantined,
                "notes": self.notes, "errors": self.errors}


# --- cell parsing (cached: exports repeat the same names, statuses and dates thousands of times) ---

@lru_cache(maxsize=65536)
def _text(value: str) -> str:
    return " ".join(normalize(value).split())


@lru_cache(maxsize=65536)
def _folded(value: str) -> str:
    return fold(value)


def _cell(cells: list[object], index: int | None) -> object:
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


@lru_cache(maxsize=4096)
def _held_reason(label: str, raw: str, choices: str) -> str:
    return (f"{label} «{raw}» không hợp lệ: chưa có trong bảng ánh xạ ({choices}); dòng được giữ lại "
            "và sẽ được nhập ngay khi quản trị ánh xạ giá trị này (Quản trị › Ánh xạ trạng thái)")


@lru_cache(maxsize=16384)
def _parse_date_text(text: str) -> dt.datetime | None:
    return parse_datetime(text)


def _date(value: object, label: str, required: bool) -> dt.datetime | None:
    if value is None:
        if required:
            raise RowError(f"thiếu {label}")
        return None
    parsed = _parse_date_text(value) if isinstance(value, str) else parse_datetime(value)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        raise RowError(f"{label} «{value}» không phải ngày hợp lệ (dùng dd/mm/yyyy, ví dụ 05/10/2026)")
    return parsed


def parse_record(cells: list[object], cols: dict[str, int], import_id: int | None,
                 vocab: Vocabulary | None = None) -> tuple[object, ...]:
    vocab = vocab or vocabulary.shipped()
    raw_code = _cell(cells, cols.get("ma_ho_so"))
    if raw_code is None:
        raise RowError("thiếu Mã hồ sơ")
    code = str(raw_code)
    code = code if code.isascii() else normalize(code)
    name = _cell(cells, cols.get("ten_thu_tuc"))
    if name is None:
        raise RowError("thiếu Tên thủ tục")
    received = _date(_cell(cells, cols.get("ngay_tiep_nhan")), "Ngày tiếp nhận", True)
    due = _date(_cell(cells, cols.get("han_xu_ly")), "Hạn xử lý", True)
    returned = _date(_cell(cells, cols.get("ngay_tra_ket_qua")), "Ngày trả kết quả", False)
    raw_status = _cell(cells, cols.get("trang_thai"))
    if raw_status is None:
        raise RowError(f"Trạng thái «» không hợp lệ (chọn một trong: {', '.join(STATUSES)})")
    status = vocab.lookup("status", raw_status)
    if status is None:
        raise Unmapped("status", _text(str(raw_status)),
                       _held_reason("Trạng thái", _text(str(raw_status)), ", ".join(STATUS_CLASSES)))
    raw_channel = _cell(cells, cols.get("hinh_thuc_nop"))
    if raw_channel is None:
        raise RowError(f"Hình thức nộp «» không hợp lệ (chọn một trong: {', '.join(CHANNELS)})")
    channel = vocab.lookup("channel", raw_channel)
    if channel is None:
        raise Unmapped("channel", _text(str(raw_channel)),
                       _held_reason("Hình thức nộp", _text(str(raw_channel)), ", ".join(CHANNELS)))
    assert received is not None and due is not None
    if due.date() < received.date():
        raise RowError("Hạn xử lý trước Ngày tiếp nhận")
    if returned is not None and returned.date() < received.date():
        raise RowError("Ngày trả kết quả trước Ngày tiếp nhận")
    name_text = _text(str(name))
    field_text = _text(str(_cell(cells, cols.get("linh_vuc")) or ""))
    officer = _text(str(_cell(cells, cols.get("can_bo_xu_ly")) or ""))
    hour = f"{received:%H:%M}" if (received.hour or received.minute) else None
    return (code, name_text, field_text, received.date().isoformat(), hour, due.date().isoformat(),
            returned.date().isoformat() if returned else None, status, channel, officer,
            _folded(name_text), _folded(field_text), _folded(officer), _text(str(raw_status)),
            _text(str(raw_channel)), import_id)


def _number(value: object, label: str) -> float | None:
    if value is None:
        return None
    number = parse_number(value if isinstance(value, int | float) else str(value))
    if number is None:
        raise RowError(f"{label} «{value}» không phải số (ví dụ 1.234,5)")
    return number


def _period_key(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):  # Excel turned "2026-10" into a date
        return f"{value:%Y-%m}"
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = fold(str(value or "")).replace(" ", "").replace("quy", "q").upper().replace("Q", "-Q").replace("--", "-")
    m = _KY.match(text)
    if not m:
        raise RowError(f"Kỳ «{value or ''}» không hợp lệ (dùng 2026-10, 2026-Q3 hoặc 2026)")
    year, month, quarter = m.groups()
    return f"{year}-{month}" if month else (f"{year}-Q{quarter}" if quarter else year)


def parse_indicator(cells: list[object], cols: dict[str, int], import_id: int | None) -> tuple[object, ...]:
    name = _cell(cells, cols.get("chi_tieu"))
    if name is None:
        raise RowError("thiếu tên Chỉ tiêu")
    name_text = _text(str(name))
    ky = _period_key(_cell(cells, cols.get("ky")))
    plan = _number(_cell(cells, cols.get("ke_hoach")), "Kế hoạch")
    done = _number(_cell(cells, cols.get("thuc_hien")), "Thực hiện")
    if plan is None and done is None:
        raise RowError("cần ít nhất một trong hai cột Kế hoạch, Thực hiện")
    unit = _text(str(_cell(cells, cols.get("don_vi_tinh")) or ""))
    return (name_text, _folded(name_text), unit, ky, plan, done, import_id)


_TOTAL_WORDS = ("tong cong", "tong so")  # and a bare "Cộng": "Công nhận …" must stay a record


def _total_line(cells: list[object], cols: dict[str, int]) -> bool:
    """The "Tổng cộng: 390 hồ sơ" line a printed export ends with: it starts with a total's word and
    has neither a procedure name nor a receipt date, so it can be no record."""
    if _cell(cells, cols.get("ten_thu_tuc")) is not None and _cell(cells, cols.get("ngay_tiep_nhan")) is not None:
        return False  # every record on the way out here, before any folding
    first = next((str(v).strip() for v in cells if v is not None and str(v).strip()), "")
    folded = fold(first).rstrip(":").strip()
    return folded == "cong" or any(folded == word or folded.startswith((word + " ", word + ":"))
                                   for word in _TOTAL_WORDS)


# --- the run ---------------------------------------------------------------------------------------

def _batches(rows: Rows) -> Iterator[list[tuple[int, Cells]]]:
    batch: list[tuple[int, Cells]] = []
    for item in rows:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def run_import(conn: sqlite3.Connection, kind: str, path: Path, *, filename: str | None = None,
               username: str | None = None, import_id: int | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Import `path` as `kind` ('ho-so' | 'chi-tieu'); records the run in `imports`.

    Raises SourceError (file unreadable, columns missing) after marking the run failed.
    """
    if kind not in ("ho-so", "chi-tieu"):
        raise ValueError(f"Loại dữ liệu không hợp lệ: {kind} (ho-so hoặc chi-tieu)")
    table: store.ImportKind = "ho-so" if kind == "ho-so" else "chi-tieu"
    import_id = import_id or store.start_run(conn, kind, filename or path.name, username)
    result = ImportResult(import_id, kind)
    previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        header, rows, total = open_table(path)
        parse: Callable[[list[object], dict[str, int], int | None], tuple[object, ...]]
        if table == "ho-so":
            vocab = vocabulary.load(conn)
            # Real exports put a title block above the headings: found and named, not read as rows.
            header, rows, layout = locate_header(header, rows, record_columns(vocab))
            if layout.note():
                result.notes.append(layout.note())
            try:
                cols = match_columns(header, record_columns(vocab), RECORD_REQUIRED, RECORD_LABELS)
            except SourceError as exc:
                # Headings nobody mapped yet: the rows wait in the quarantine for the admin's mapping.
                quarantine.hold_file(conn, import_id, header, rows, str(exc))
                raise
            parse = partial(parse_record, vocab=vocab)
            holding = quarantine.has_open(conn)
        else:
            cols = match_columns(header, INDICATOR_COLUMNS, ("chi_tieu", "ky"), INDICATOR_LABELS)
            parse = parse_indicator
            holding = False
        store.set_total(conn, import_id, total)
        seen: set[object] = set()
        processed = 0
        totals: list[int] = []
        for batch in _batches(rows):
            good: list[tuple[object, ...]] = []
            held: list[quarantine.Held] = []
            for line, cells in batch:
                if table == "ho-so" and isinstance(cells, list) and _total_line(cells, cols):
                    totals.append(line)
                    continue
                try:
                    if isinstance(cells, UnreadableRow):
                        raise RowError(cells.reason)
                    good.append(parse(cells, cols, import_id))
                except RowError as exc:
                    result.rejected += 1
                    result.errors.append({"line": line, "reason": str(exc)[:1].upper() + str(exc)[1:]})
                    if isinstance(exc, Unmapped) and isinstance(cells, list):
                        held.append(quarantine.Held(line, exc.problem, exc.value, str(exc), cells,
                                                    _cell(cells, cols.get("ma_ho_so"))))
            result.quarantined += len(held)
            keys: list[object] = [g[0] if table == "ho-so" else f"{g[1]}|{g[3]}" for g in good]
            with transaction(conn):
                if held:
                    quarantine.hold(conn, import_id, header, held)
                if holding and keys:  # rows held earlier for these records are outdated by this file
                    quarantine.supersede(conn, keys)
                existing = store.existing_keys(conn, table, [k for k in set(keys) if k not in seen])
                for key in keys:
                    if key in seen or key in existing:
                        result.updated += 1
                    else:
                        result.imported += 1
                    seen.add(key)
                store.upsert(conn, table, good)
                processed += len(batch)
                store.set_progress(conn, import_id, processed, result.imported, result.updated, result.rejected)
            if progress:
                progress(processed, max(total, processed))
    except Exception as exc:
        conn.execute(f"PRAGMA cache_size={int(previous_cache)}")
        store.fail_run(conn, import_id, str(exc))
        raise
    conn.execute(f"PRAGMA cache_size={int(previous_cache)}")
    if totals:
        result.notes.append(f"Dòng {', '.join(map(str, totals))} là dòng tổng cộng: không phải dòng dữ liệu, "
                            "không nhập.")
    with transaction(conn):
        store.finish_run(conn, import_id, result.imported, result.updated, result.rejected, result.errors)
    return result


__all__ = ["ImportResult", "RowError", "SourceError", "run_import"]
