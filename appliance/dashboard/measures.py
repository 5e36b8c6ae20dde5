"""The dashboard's SQL for each CONTRACT §4 measure, generated from the table of measures
(`appliance.reporting.measures`) and shared by the KPI scans and the drill-down lists, so the
number on a tile and the rows behind it cannot disagree."""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from appliance.reporting.measures import MEASURES, Basis, Measure, kpi_measures, total_of
from appliance.reporting.periods import as_of
from appliance.text import fold
from appliance.text.formatting import local_today

KPIS: dict[str, Measure] = {m.kpi: m for m in kpi_measures()}  # API key → measure, counts first
COUNTS = tuple(k for k, m in KPIS.items() if m.kind == "count")
RATES = tuple(k for k, m in KPIS.items() if m.kind == "rate")
SqlValue = str | int | float | None  # a value SQLite stores or binds


def period_where(basis: Basis) -> str:
    """Rows of `basis` whose day is in [?, ?]. Dates are stored YYYY-MM-DD, so comparing the text
    is comparing by day (CONTRACT §4)."""
    return " AND ".join(p for p in (basis.rows, f"{basis.date} BETWEEN ? AND ?") if p)


def asof_where(measure: Measure) -> str:
    """Rows counted by an "as of D" measure (every parameter is D): open at D (not returned by D),
    received on or before D, and the measure's own condition."""
    basis = measure.scope
    return " AND ".join(p for p in (basis.rows_at("?"), f"{basis.date} <= ?", measure.cond_sql("?")) if p)


def asof_params(where: str, at: dt.date | str) -> list[SqlValue]:
    """The parameters of an `asof_where` clause: D for each placeholder."""
    day = at if isinstance(at, str) else at.isoformat()
    return [day] * where.count("?")


def count_sql(measure: Measure) -> str:
    """The aggregate counting `measure` among the rows of its basis."""
    return f"SUM({measure.cond})" if measure.cond else "COUNT(*)"


OVERDUE = next(m for m in KPIS.values() if m.basis == "asof")  # quá hạn chưa giải quyết
OVERDUE_WHERE = asof_where(OVERDUE)
LABELS = {k: m.tile_label or m.label for k, m in KPIS.items()}
# A rate's drill-down shows its numerator's rows; its value is numerator / denominator.
RATE_NUMERATOR = {k: MEASURES[m.of].kpi for k, m in KPIS.items() if m.kind == "rate"}
RATE_DENOMINATOR = {k: total_of(m).kpi for k, m in KPIS.items() if m.kind == "rate"}
# The counts a list of records can show, by basis: received, returned, then open as of a day; the
# §4 measures by their API key, then the question box's own record counts (đang giải quyết), so
# its lists link here too.
_BASIS_ORDER = ("received", "returned", "asof")
_OWN = {m.key: m for m in MEASURES.values() if m.domain == "ho_so" and m.kind == "count" and not m.kpi}
DRILL = {k: m for k, m in sorted(((k, m) for k, m in {**KPIS, **_OWN}.items() if m.kind == "count"),
                                 key=lambda item: _BASIS_ORDER.index(item[1].basis))}
LABELS.update({k: m.label for k, m in _OWN.items()})


def percent(part: int, whole: int) -> float | None:
    """A percentage with one decimal, rounded half up (93,75 → 93,8), None when nothing to divide."""
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def rates(counts: dict[str, int]) -> dict[str, float | None]:
    """The §4 rates from the §4 counts."""
    return {k: percent(counts[RATE_NUMERATOR[k]], counts[RATE_DENOMINATOR[k]]) for k in RATES}


@dataclass(frozen=True)
class Filters:
    """Optional filters, matched on folded text so "Hộ tịch" and "ho tich" select the same rows."""

    linh_vuc: str | None = None
    thu_tuc: str | None = None
    can_bo: str | None = None
    trang_thai: str | None = None  # the status as stored (CONTRACT §3 values)
    hinh_thuc_nop: str | None = None  # the channel as stored

    def sql(self) -> tuple[str, list[SqlValue]]:
        parts: list[str] = []
        params: list[SqlValue] = []
        for column, value in (("linh_vuc_fold", self.linh_vuc), ("ten_thu_tuc_fold", self.thu_tuc),
                              ("can_bo_fold", self.can_bo)):
            if value:
                parts.append(f" AND {column} = ?")
                params.append(fold(value))
        for column, value in (("trang_thai", self.trang_thai), ("hinh_thuc_nop", self.hinh_thuc_nop)):
            if value:
                parts.append(f" AND {column} = ?")
                params.append(value)
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
    """Each month's snapshot date: its last day, or `cap` (the period's as-of day) for the last month."""
    return {m: month_end(m, cap) for m in months}


def drill_query(measure: str, start: dt.date, end: dt.date, filters: Filters, month: str | None = None,
                today: dt.date | None = None) -> tuple[str, list[SqlValue]]:
    """WHERE clause and parameters selecting exactly the records counted by `measure`; a count as
    of a day is taken as of min(period end, today), as the figure is (reporting.periods.as_of)."""
    found = DRILL[RATE_NUMERATOR.get(measure, measure)]  # KeyError: no list for that name
    where, params = filters.sql()
    if found.basis == "asof":
        cap = as_of(end, today or local_today())
        at = month_end(month, cap) if month else cap.isoformat()
        clause = asof_where(found)
        return clause + where, [*asof_params(clause, at), *params]
    basis = found.scope
    clause = period_where(basis) + (f" AND {found.cond}" if found.cond else "") + where
    args: list[SqlValue] = [start.isoformat(), end.isoformat(), *params]
    if month:
        clause += f" AND substr({basis.date}, 1, 7) = ?"
        args.append(month)
    return clause, args


RECORD_FIELDS = ("ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua, trang_thai,"
                 " hinh_thuc_nop, can_bo_xu_ly")


def drill_records(conn: sqlite3.Connection, measure: str, start: dt.date, end: dt.date, filters: Filters,
                  month: str | None = None, limit: int = 100, offset: int = 0,
                  today: dt.date | None = None) -> tuple[int, list[dict[str, SqlValue]]]:
    where, params = drill_query(measure, start, end, filters, month, today)
    total = conn.execute(f"SELECT COUNT(*) FROM records WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {RECORD_FIELDS} FROM records WHERE {where}"
                        " ORDER BY ngay_tiep_nhan DESC, ma_ho_so LIMIT ? OFFSET ?", (*params, limit, offset))
    return int(total), [dict(r) for r in rows]
