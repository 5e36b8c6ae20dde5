"""The true answer of each case of the leaders' evaluation sets (tests/ask/heldout, tests/ask/dev),
computed from the demo ward's rows in plain Python.

Written from the cases' own fields (measure, period, as_of, filters, group_by, order, top) and the
KPI definitions the case writer was given (their header, /work/notes/facts/kpis.md), not from the
product: no SQL of the question box or of the dashboard, no code shared with `appliance.ask`,
`appliance.reporting` or `appliance.dashboard`. The rows are read with plain `SELECT *`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

Row = dict[str, Any]
Span = tuple[dt.date, dt.date]
Value = float | int | None

RESOLVED, REJECTED = "Đã trả kết quả", "Từ chối"
# Indicators whose figure is a level (the latest month counts), per the facts given to the writer:
# the four in %. The others add up over months.
LEVEL_INDICATORS = {"Tỷ lệ người dân tham gia bảo hiểm y tế", "Tỷ lệ hộ nghèo",
                    "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", "Tỷ lệ thu gom, xử lý rác thải sinh hoạt"}
# Feedback statuses as the writer names them → as the rows store them.
FEEDBACK_STATUS = {"Chờ xử lý": "cho_xu_ly", "Đang xử lý": "dang_xu_ly", "Đã xử lý": "da_xu_ly",
                   "Từ chối": "tu_choi"}


def day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


WARD_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def ward_day(value: object) -> dt.date | None:
    """A stored time (UTC, 'YYYY-MM-DD HH:MM:SS') as the ward's calendar day; a bare date as it is."""
    if not value or len(str(value)) <= 10:
        return day(value)
    return dt.datetime.fromisoformat(str(value)).replace(tzinfo=dt.UTC).astimezone(WARD_ZONE).date()


def one_decimal(value: float | None) -> float | None:
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> float | None:
    return one_decimal(100 * part / whole) if whole else None


@dataclass(frozen=True)
class Rows:
    records: list[Row]
    indicators: list[Row]
    feedback: list[Row]

    @classmethod
    def read(cls, db: Path) -> Rows:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            records = [dict(r) for r in conn.execute("SELECT * FROM records")]
            indicators = [dict(r) for r in conn.execute("SELECT * FROM indicators")]
            feedback = [dict(r) for r in conn.execute("SELECT * FROM feedback")]
        finally:
            conn.close()
        for r in records:
            for key in ("ngay_tiep_nhan", "han_xu_ly", "ngay_tra_ket_qua"):
                r[key] = day(r[key])
        for f in feedback:
            f["created"], f["deadline_day"], f["resolved"] = ward_day(f["created_at"]), day(f["deadline"]), \
                ward_day(f["resolved_at"])
        return cls(records, indicators, feedback)


def _span(raw: list[str] | None) -> Span | None:
    return (dt.date.fromisoformat(raw[0]), dt.date.fromisoformat(raw[1])) if raw else None


def _in(value: dt.date | None, span: Span) -> bool:
    return value is not None and span[0] <= value <= span[1]


def _wanted(value: object, wanted: object) -> bool:
    return value in wanted if isinstance(wanted, list) else value == wanted


# The filter names of the cases → the column of the rows they compare.
RECORD_FILTERS = {"linh_vuc": "linh_vuc", "thu_tuc": "ten_thu_tuc", "can_bo": "can_bo_xu_ly",
                  "hinh_thuc_nop": "hinh_thuc_nop", "trang_thai": "trang_thai"}


def record_filter(filters: dict[str, object]) -> Callable[[Row], bool]:
    def keep(r: Row) -> bool:
        for name, wanted in filters.items():
            if name == "han_xu_ly":  # a date range, inclusive
                lo, hi = (dt.date.fromisoformat(str(x)) for x in wanted)  # type: ignore[attr-defined]
                if not _in(r["han_xu_ly"], (lo, hi)):
                    return False
            elif not _wanted(r[RECORD_FILTERS[name]], wanted):
                return False
        return True
    return keep


def feedback_filter(filters: dict[str, object]) -> Callable[[Row], bool]:
    def keep(f: Row) -> bool:
        for name, wanted in filters.items():
            if name == "phan_anh_linh_vuc" and not _wanted(f["category"], wanted):
                return False
            if name == "phan_anh_trang_thai":
                codes: object = ([FEEDBACK_STATUS[w] for w in wanted] if isinstance(wanted, list)
                                 else FEEDBACK_STATUS[str(wanted)])
                if not _wanted(f["status"], codes):
                    return False
        return True
    return keep


class Truth:
    """Every measure of the cases, over the demo ward's rows."""

    def __init__(self, rows: Rows):
        self.rows = rows

    # --- record sets -----------------------------------------------------------------------------
    def record_set(self, measure: str, span: Span | None, at: dt.date | None,
                   filters: dict[str, object]) -> list[Row]:
        keep = record_filter(filters)
        rows = [r for r in self.rows.records if keep(r)]
        if measure in ("tiep_nhan", "truc_tuyen", "tu_choi"):
            assert span is not None
            rows = [r for r in rows if _in(r["ngay_tiep_nhan"], span)]
            if measure == "truc_tuyen":
                rows = [r for r in rows if r["hinh_thuc_nop"] == "Trực tuyến"]
            if measure == "tu_choi":
                rows = [r for r in rows if r["trang_thai"] == REJECTED]
            return rows
        if measure in ("da_giai_quyet", "dung_han", "tre_han"):
            assert span is not None
            rows = [r for r in rows if r["trang_thai"] == RESOLVED and _in(r["ngay_tra_ket_qua"], span)]
            if measure == "dung_han":
                rows = [r for r in rows if r["ngay_tra_ket_qua"] <= r["han_xu_ly"]]
            if measure == "tre_han":
                rows = [r for r in rows if r["ngay_tra_ket_qua"] > r["han_xu_ly"]]
            return rows
        if measure in ("dang_giai_quyet", "qua_han_chua_giai_quyet"):
            assert at is not None
            rows = [r for r in rows if r["ngay_tiep_nhan"] <= at and r["trang_thai"] != REJECTED
                    and (r["ngay_tra_ket_qua"] is None or r["ngay_tra_ket_qua"] > at)]
            if measure == "qua_han_chua_giai_quyet":
                rows = [r for r in rows if r["han_xu_ly"] is not None and r["han_xu_ly"] < at]
            return rows
        raise KeyError(measure)

    def record_value(self, measure: str, span: Span | None, at: dt.date | None, filters: dict[str, object]) -> Value:
        if measure.startswith("ty_le_"):
            base = {"ty_le_dung_han": ("dung_han", "da_giai_quyet"), "ty_le_tre_han": ("tre_han", "da_giai_quyet"),
                    "ty_le_truc_tuyen": ("truc_tuyen", "tiep_nhan")}[measure]
            return percent(len(self.record_set(base[0], span, at, filters)),
                           len(self.record_set(base[1], span, at, filters)))
        if measure == "thoi_gian_giai_quyet_tb":
            done = self.record_set("da_giai_quyet", span, at, filters)
            if not done:
                return None
            return one_decimal(sum((r["ngay_tra_ket_qua"] - r["ngay_tiep_nhan"]).days for r in done) / len(done))
        return len(self.record_set(measure, span, at, filters))

    # --- feedback ----------------------------------------------------------------------------------
    def feedback_set(self, measure: str, span: Span | None, at: dt.date | None,
                     filters: dict[str, object]) -> list[Row]:
        keep = feedback_filter(filters)
        rows = [f for f in self.rows.feedback if keep(f)]
        if measure == "phan_anh_so_luong":
            assert span is not None
            return [f for f in rows if _in(f["created"], span)]
        assert at is not None
        rows = [f for f in rows if f["created"] <= at and f["status"] != "tu_choi"
                and (f["resolved"] is None or f["resolved"] > at)]
        if measure == "phan_anh_qua_han":
            rows = [f for f in rows if f["deadline_day"] < at]
        return rows

    # --- indicators -------------------------------------------------------------------------------
    def _monthly(self, name: str, span: Span) -> list[Row]:
        rows = []
        for r in self.rows.indicators:
            ky = str(r["ky"])
            if r["chi_tieu"] == name and len(ky) == 7 and ky[4] == "-" and ky[5:].isdigit():
                first = dt.date(int(ky[:4]), int(ky[5:]), 1)
                if span[0] <= first <= span[1] and r["thuc_hien"] is not None:
                    rows.append(r)
        return sorted(rows, key=lambda r: str(r["ky"]))

    def indicator_value(self, measure: str, span: Span, name: str) -> Value:
        months = self._monthly(name, span)
        if measure == "chi_tieu_ke_hoach":
            return self.plan(name, span[0].year)
        if not months:
            return None
        level = name in LEVEL_INDICATORS
        done = float(months[-1]["thuc_hien"]) if level else sum(float(r["thuc_hien"]) for r in months)
        if measure == "chi_tieu_thuc_hien":
            return round(done, 2)
        plan = self.plan(name, span[0].year)
        return one_decimal(100 * done / plan) if plan else None

    def plan(self, name: str, year: int) -> float | None:
        for r in self.rows.indicators:
            if r["chi_tieu"] == name and str(r["ky"]) == str(year):
                return float(r["ke_hoach"]) if r["ke_hoach"] is not None else None
        return None

    def indicator_months(self, span: Span, name: str) -> dict[str, Value]:
        return {str(r["ky"]): float(r["thuc_hien"]) for r in self._monthly(name, span)}

    # --- one measure, whatever its domain ------------------------------------------------------------
    def value(self, measure: str, span: Span | None, at: dt.date | None, filters: dict[str, object]) -> Value:
        if measure.startswith("chi_tieu_"):
            assert span is not None
            return self.indicator_value(measure, span, str(filters["chi_tieu"]))
        if measure.startswith("phan_anh_"):
            return len(self.feedback_set(measure, span, at, filters))
        return self.record_value(measure, span, at, filters)

    def groups(self, measure: str, span: Span | None, at: dt.date | None, filters: dict[str, object],
               group_by: str) -> dict[str, Value]:
        """One value per group; groups with nothing in them are left out (rates: no denominator)."""
        if group_by in ("quy", "tuan"):
            assert span is not None
            out: dict[str, Value] = {}
            for sub in buckets(span, group_by):
                when = min(sub[1], at) if at is not None and measure in AT_DATE else at
                value = self.value(measure, sub, when, filters)
                if value not in (None, 0):
                    out[bucket_key(sub, group_by)] = value
            return out
        if measure.startswith("chi_tieu_"):
            assert span is not None and group_by in ("thang", "chi_tieu")
            if group_by == "chi_tieu":  # one value per indicator held (session 11's writer asked so)
                names = sorted({str(r["chi_tieu"]) for r in self.rows.indicators})
                return {n: v for n in names if (v := self.indicator_value(measure, span, n)) is not None}
            return dict(self.indicator_months(span, str(filters["chi_tieu"])))
        if measure.startswith("phan_anh_"):
            column = {"phan_anh_linh_vuc": "category", "phan_anh_trang_thai": "status", "kenh": "channel",
                      "thang": "created"}[group_by]
            keys = {self._key(f, column) for f in self.rows.feedback}
            return {k: n for k in keys if (n := len([f for f in self.feedback_set(measure, span, at, filters)
                                                     if self._key(f, column) == k]))}
        column = {**RECORD_FILTERS, "thang": "thang"}[group_by]
        keys = {self._key(r, column, measure) for r in self.rows.records}
        out = {}
        for k in keys:
            if group_by == "thang":
                assert span is not None
                if not k:  # a record not yet returned has no month of return: in no month of a "returned" count
                    continue
                first = dt.date.fromisoformat(k + "-01")
                last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
                sub = (max(first, span[0]), min(last, span[1]))
                if sub[0] > sub[1]:
                    continue
                value = self.record_value(measure, sub, at, filters)
            else:
                wanted = filters.get(_filter_name(column))
                if wanted is not None and not _wanted(k, wanted):
                    continue  # "chị Lan với anh Nam": only the names asked about
                value = self.record_value(measure, span, at, {**filters, _filter_name(column): k})
            if value not in (None, 0):
                out[k] = value
        return out

    @staticmethod
    def _key(row: Row, column: str, measure: str = "") -> str:
        if column == "thang":
            when = row["ngay_tra_ket_qua"] if measure in ("da_giai_quyet", "dung_han", "tre_han") else row[
                "ngay_tiep_nhan"]
            return f"{when:%Y-%m}" if when else ""
        if column == "created":
            return f"{row['created']:%Y-%m}"
        return str(row[column])

    def listing(self, measure: str, span: Span | None, at: dt.date | None,
                filters: dict[str, object]) -> list[Row]:
        if measure.startswith("phan_anh_"):
            return self.feedback_set(measure, span, at, filters)
        return self.record_set(measure, span, at, filters)


# Time units a breakdown may be grouped by (session 12's writer: "từng quý", "mỗi tuần"): calendar quarters,
# weeks Monday–Sunday (the sets' header), months; each bucket clipped to the case's period.
TIME_UNITS = ("thang", "quy", "tuan")


def bucket(when: dt.date, unit: str) -> Span:
    """The calendar month, quarter or week (Monday–Sunday) a day belongs to."""
    if unit == "tuan":
        first = when - dt.timedelta(days=when.weekday())
        return first, first + dt.timedelta(days=6)
    first = when.replace(day=1) if unit == "thang" else dt.date(when.year, 3 * ((when.month - 1) // 3) + 1, 1)
    months = 1 if unit == "thang" else 3
    end_month = first.month + months
    after = dt.date(first.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def buckets(span: Span, unit: str) -> list[Span]:
    """The buckets of a period, each clipped to it."""
    out, when = [], span[0]
    while when <= span[1]:
        first, last = bucket(when, unit)
        out.append((max(first, span[0]), min(last, span[1])))
        when = last + dt.timedelta(days=1)
    return out


def bucket_key(sub: Span, unit: str) -> str:
    """A bucket's name: 2026-10 (month), 2026-Q3 (quarter), the first day of the clipped week (2026-10-05)."""
    if unit == "thang":
        return f"{sub[0]:%Y-%m}"
    if unit == "quy":
        return f"{sub[0].year}-Q{(sub[0].month - 1) // 3 + 1}"
    return sub[0].isoformat()


AT_DATE = ("dang_giai_quyet", "qua_han_chua_giai_quyet", "phan_anh_chua_xu_ly", "phan_anh_qua_han")


def _filter_name(column: str) -> str:
    return {v: k for k, v in RECORD_FILTERS.items()}[column]


def ids(rows: Iterable[Row]) -> set[str]:
    return {str(r.get("ma_ho_so") or r.get("ticket_code")) for r in rows}
