"""The dashboard's tables (`imports`, `records`, `indicators`): the only module that writes them.

Importers, demo data and the pages call these; other features read the figures through the
reporting views (`appliance.reporting`) or the dashboard's own functions.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Literal

from appliance.system.store import set_meta

RowValues = tuple[object, ...]  # one row's values, in the column order of the statement
ImportKind = Literal["ho-so", "chi-tieu"]

_RECORD_COLS = ("ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, gio_tiep_nhan, han_xu_ly, ngay_tra_ket_qua,"
                  " trang_thai, hinh_thuc_nop, can_bo_xu_ly, ten_thu_tuc_fold, linh_vuc_fold, can_bo_fold")
_UPSERT_RECORD = f"""
INSERT INTO records ({_RECORD_COLS}, trang_thai_goc, hinh_thuc_nop_goc, import_id, updated_at)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, datetime('now'))
ON CONFLICT(ma_ho_so) DO UPDATE SET ten_thu_tuc=excluded.ten_thu_tuc, linh_vuc=excluded.linh_vuc,
    ngay_tiep_nhan=excluded.ngay_tiep_nhan, gio_tiep_nhan=excluded.gio_tiep_nhan, han_xu_ly=excluded.han_xu_ly,
    ngay_tra_ket_qua=excluded.ngay_tra_ket_qua, trang_thai=excluded.trang_thai,
    hinh_thuc_nop=excluded.hinh_thuc_nop, can_bo_xu_ly=excluded.can_bo_xu_ly,
    ten_thu_tuc_fold=excluded.ten_thu_tuc_fold, linh_vuc_fold=excluded.linh_vuc_fold,
    can_bo_fold=excluded.can_bo_fold, trang_thai_goc=excluded.trang_thai_goc,
    hinh_thuc_nop_goc=excluded.hinh_thuc_nop_goc, import_id=excluded.import_id, updated_at=excluded.updated_at
"""
_INDICATOR_COLS = "chi_tieu, chi_tieu_fold, don_vi_tinh, ky, ke_hoach, thuc_hien"
_UPSERT_INDICATOR = f"""
INSERT INTO indicators ({_INDICATOR_COLS}, import_id, updated_at)
VALUES (?,?,?,?,?,?,?, datetime('now'))
ON CONFLICT(chi_tieu_fold, ky) DO UPDATE SET chi_tieu=excluded.chi_tieu, don_vi_tinh=excluded.don_vi_tinh,
    ke_hoach=excluded.ke_hoach, thuc_hien=excluded.thuc_hien, import_id=excluded.import_id,
    updated_at=excluded.updated_at
"""


# --- import runs --------------------------------------------------------------------------------

def start_run(conn: sqlite3.Connection, kind: str, filename: str, username: str | None) -> int:
    cur = conn.execute("INSERT INTO imports (kind, filename, username) VALUES (?, ?, ?)", (kind, filename, username))
    return int(cur.lastrowid or 0)


def set_total(conn: sqlite3.Connection, import_id: int, total: int) -> None:
    conn.execute("UPDATE imports SET total = ? WHERE id = ?", (total, import_id))


def set_progress(conn: sqlite3.Connection, import_id: int, processed: int, imported: int, updated: int,
                 rejected: int) -> None:
    conn.execute("UPDATE imports SET processed = ?, imported = ?, updated = ?, rejected = ? WHERE id = ?",
                 (processed, imported, updated, rejected, import_id))


def fail_run(conn: sqlite3.Connection, import_id: int, reason: str) -> None:
    conn.execute("UPDATE imports SET status = 'failed', finished_at = datetime('now'), errors = ? WHERE id = ?",
                 (json.dumps([{"line": 0, "reason": reason}], ensure_ascii=False), import_id))


def finish_run(conn: sqlite3.Connection, import_id: int, imported: int, updated: int, rejected: int,
               errors: Sequence[dict[str, object]]) -> None:
    """Mark the run done and note when data last landed (call inside one transaction)."""
    conn.execute(
        "UPDATE imports SET status = 'done', finished_at = datetime('now'), processed = ?, imported = ?,"
        " updated = ?, rejected = ?, errors = ? WHERE id = ?",
        (imported + updated + rejected, imported, updated, rejected, json.dumps(list(errors), ensure_ascii=False),
         import_id))
    # Millisecond precision (UTC, as SQLite writes it): the wall screen watches this value to know
    # new data has landed, and two imports may finish within the same second.
    set_meta(conn, "last_import_at", f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S.%f}"[:-3])


def recent_imports(conn: sqlite3.Connection, limit: int = 15) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM imports ORDER BY id DESC LIMIT ?", (limit,)).fetchall()


# --- records and indicators ---------------------------------------------------------------------

def existing_keys(conn: sqlite3.Connection, kind: ImportKind, keys: Sequence[object]) -> set[object]:
    """Which of these keys (Mã hồ sơ, or "chỉ tiêu folded|kỳ") are stored already."""
    if not keys:
        return set()
    marks = ",".join("?" * len(keys))
    if kind == "ho-so":
        sql = f"SELECT ma_ho_so FROM records WHERE ma_ho_so IN ({marks})"
    else:
        sql = f"SELECT chi_tieu_fold || '|' || ky FROM indicators WHERE chi_tieu_fold || '|' || ky IN ({marks})"
    return {r[0] for r in conn.execute(sql, list(keys))}


def upsert(conn: sqlite3.Connection, kind: ImportKind, rows: Sequence[RowValues]) -> None:
    """Insert or update parsed rows (importers.parse_record / parse_indicator order, import id last)."""
    conn.executemany(_UPSERT_RECORD if kind == "ho-so" else _UPSERT_INDICATOR, rows)


def replace_records(conn: sqlite3.Connection, rows: Sequence[RowValues]) -> None:
    """Demo data: rows in _RECORD_COLS order (importers.parse_record without the source values and import id)."""
    conn.executemany(f"INSERT OR REPLACE INTO records ({_RECORD_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def replace_indicators(conn: sqlite3.Connection, rows: Sequence[RowValues]) -> None:
    """Demo data: rows in _INDICATOR_COLS order (importers.parse_indicator without the import id)."""
    conn.executemany(f"INSERT OR REPLACE INTO indicators ({_INDICATOR_COLS}) VALUES (?,?,?,?,?,?)", rows)


def record_names(conn: sqlite3.Connection, column: Literal["linh_vuc", "ten_thu_tuc", "can_bo_xu_ly"]) -> list[str]:
    """Distinct names in a column, one per folded form ("Hộ tịch" and "Hộ  tịch" are one), sorted."""
    return [r[0] for r in conn.execute(
        f"SELECT MIN({column}) FROM records GROUP BY {_FOLDED[column]} ORDER BY 1")]


_FOLDED = {"linh_vuc": "linh_vuc_fold", "ten_thu_tuc": "ten_thu_tuc_fold", "can_bo_xu_ly": "can_bo_fold"}


def imported_record_count(conn: sqlite3.Connection) -> int:
    """Records that came from an imported file (demo records have no import run)."""
    return int(conn.execute("SELECT COUNT(*) FROM records WHERE import_id IS NOT NULL").fetchone()[0])
