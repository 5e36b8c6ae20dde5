"""The conditions behind each CONTRACT §4 measure, shared by the KPI scans and the drill-down lists,
so the number on a tile and the rows behind it cannot disagree."""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from appliance.text import fold

# Dates are stored YYYY-MM-DD, so string comparison is comparison by day (CONTRACT §4).
RECEIVED_WHERE = "ngay_tiep_nhan BETWEEN ? AND ?"
RESOLVED_WHERE = "trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua BETWEEN ? AND ?"
# quá hạn chưa giải quyết at D: no return date, not rejected, received on or before D, due before D.
OVERDUE_WHERE = ("ngay_tra_ket_qua IS NULL AND trang_thai != 'Từ chối' AND ngay_tiep_nhan <= ?"
                 " AND han_xu_ly < ?")

# measure → (base condition, which date the month filter applies to, extra condition)
DRILL: dict[str, tuple[str, str, str]] = {
    "tiep_nhan": (RECEIVED_WHERE, "ngay_tiep_nhan", ""),
    "truc_tuyen": (RECEIVED_WHERE, "ngay_tiep_nhan", " AND hinh_thuc_nop = 'Trực tuyến'"),
    "tu_choi": (RECEIVED_WHERE, "ngay_tiep_nhan", " AND trang_thai = 'Từ chối'"),
    "da_giai_quyet": (RESOLVED_WHERE, "ngay_tra_ket_qua", ""),
    "dung_han": (RESOLVED_WHERE, "ngay_tra_ket_qua", " AND ngay_tra_ket_qua <= han_xu_ly"),
    "tre_han": (RESOLVED_WHERE, "ngay_tra_ket_qua", " AND ngay_tra_ket_qua > han_xu_ly"),
    "qua_han_chua_giai_quyet": (OVERDUE_WHERE, "", ""),
}
LABELS = {
    "tiep_nhan": "Tiếp nhận", "da_giai_quyet": "Đã giải quyết", "dung_han": "Đúng hạn", "tre_han": "Trễ hạn",
    "truc_tuyen": "Nộp trực tuyến", "tu_choi": "Từ chối", "qua_han_chua_giai_quyet": "Quá hạn chưa giải quyết",
    "ty_le_dung_han": "Tỷ lệ đúng hạn", "ty_le_tre_han": "Tỷ lệ trễ hạn", "ty_le_truc_tuyen": "Tỷ lệ trực tuyến",
}
# A rate's drill-down shows its numerator's rows.
RATE_NUMERATOR = {"ty_le_dung_han": "dung_han", "ty_le_tre_han": "tre_han", "ty_le_truc_tuyen": "truc_tuyen"}


def percent(part: int, whole: int) -> float | None:
    """A percentage with one decimal, rounded half up (93,75 → 93,8), None when nothing to divide."""
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Filters:
    """Optional filters, matched on folded text so "Hộ tịch" and "ho tich" select the same rows."""

    linh_vuc: str | None = None
    thu_tuc: str | None = None
    can_bo: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        parts, params = [], []
        for column, value in (("linh_vuc_fold", self.linh_vuc), ("ten_thu_tuc_fold", self.thu_tuc),
                              ("can_bo_fold", self.can_bo)):
            if value:
                parts.append(f" AND {column} = ?")
                params.append(fold(value))
        return "".join(parts), params


def months_between(start: dt.date, end: dt.date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_end(month: str, cap: dt.date) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    last = dt.date(year, mon, calendar.monthrange(year, mon)[1])
    return min(last, cap).isoformat()


def month_ends(months: list[str], cap: dt.date) -> dict[str, str]:
    """Each month's snapshot date: its last day, or the period end for the last month."""
    return {m: month_end(m, cap) for m in months}


def drill_query(measure: str, start: dt.date, end: dt.date, filters: Filters,
                month: str | None = None) -> tuple[str, list[Any]]:
    """WHERE clause and parameters selecting exactly the records counted by `measure`."""
    measure = RATE_NUMERATOR.get(measure, measure)
    if measure not in DRILL:
        raise KeyError(measure)
    base, month_column, extra = DRILL[measure]
    where, params = filters.sql()
    if measure == "qua_han_chua_giai_quyet":
        at = month_end(month, end) if month else end.isoformat()
        return OVERDUE_WHERE + where, [at, at, *params]
    clause = base + extra + where
    args: list[Any] = [start.isoformat(), end.isoformat(), *params]
    if month:
        clause += f" AND substr({month_column}, 1, 7) = ?"
        args.append(month)
    return clause, args


RECORD_FIELDS = ("ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua, trang_thai,"
                 " hinh_thuc_nop, can_bo_xu_ly")


def drill_records(conn: sqlite3.Connection, measure: str, start: dt.date, end: dt.date, filters: Filters,
                  month: str | None = None, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    where, params = drill_query(measure, start, end, filters, month)
    total = conn.execute(f"SELECT COUNT(*) FROM records WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {RECORD_FIELDS} FROM records WHERE {where}"
                        " ORDER BY ngay_tiep_nhan DESC, ma_ho_so LIMIT ? OFFSET ?", (*params, limit, offset))
    return int(total), [dict(r) for r in rows]
