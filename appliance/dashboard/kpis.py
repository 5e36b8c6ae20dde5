"""CONTRACT §4 measures for a period [from, to], with breakdowns and the periods it is compared with.

Three grouped scans do all the work: records received in the period, records resolved in the
period, and records open and past due as of min(period end, today) (`reporting.periods.as_of`).
Each is grouped by (field, procedure, officer, month) and rolled up here, so the totals, the four
breakdowns and the drill-down lists all come from the same conditions: the table of measures,
through `measures.py`. The previous period and last year's come from `reporting.periods.comparisons`
(a running period against the same days), the one rule the wall, the question box and the
reports use too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from appliance.dashboard.measures import (
    COUNTS,
    KPIS,
    OVERDUE,
    OVERDUE_WHERE,
    Filters,
    asof_params,
    count_sql,
    month_ends,
    months_between,
    period_where,
    rates,
)
from appliance.reporting.measures import BASES
from appliance.reporting.periods import Comparison, as_of, comparisons
from appliance.text.formatting import local_today

MEASURES = tuple(KPIS)  # the §4 keys of the API, counts then rates
Figure = int | float | None
Row = dict[str, str | Figure]  # one line of a breakdown: its name(s) and every measure
# The period scans: one per basis with a period (received, returned), each with its counts.
_SCANS = [(BASES[("ho_so", basis)], [m for m in KPIS.values() if m.kind == "count" and m.basis == basis])
          for basis in ("received", "returned")]


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    label: str = ""

    def add(self, name: str, value: int) -> None:
        self.counts[name] += value

    def figures(self) -> dict[str, Figure]:
        return {**self.counts, **rates(self.counts)}


class Rollup:
    """Totals plus one Tally per field, procedure, officer and month."""

    def __init__(self, months: list[str]):
        self.total = Tally()
        self.groups: dict[str, dict[str, Tally]] = {"linh_vuc": {}, "thu_tuc": {}, "can_bo": {}}
        self.months = {m: Tally(label=m) for m in months}
        self.procedure_field: dict[str, str] = {}

    def _tally(self, dim: str, key: str, label: str) -> Tally:
        found = self.groups[dim].get(key)
        if found is None:
            found = self.groups[dim][key] = Tally(label=label)
        return found

    def add(self, row: sqlite3.Row, month: str | None, values: dict[str, int]) -> None:
        tallies = [self.total,
                   self._tally("linh_vuc", row["lf"], row["linh_vuc"]),
                   self._tally("thu_tuc", row["tf"], row["ten_thu_tuc"]),
                   self._tally("can_bo", row["cf"], row["can_bo_xu_ly"])]
        self.procedure_field.setdefault(row["tf"], row["linh_vuc"])
        if month is not None and month in self.months:
            tallies.append(self.months[month])
        for tally in tallies:
            for name, value in values.items():
                tally.add(name, value)


_GROUP_COLS = ("linh_vuc_fold AS lf, MIN(linh_vuc) AS linh_vuc, ten_thu_tuc_fold AS tf,"
               " MIN(ten_thu_tuc) AS ten_thu_tuc, can_bo_fold AS cf, MIN(can_bo_xu_ly) AS can_bo_xu_ly")


def _scan(conn: sqlite3.Connection, start: dt.date, end: dt.date, filters: Filters, months: list[str],
          at: dt.date) -> Rollup:
    """The period's figures; overdue as of `at` (the period's as-of day), each month's as of its
    last day (or `at` for the month holding it)."""
    rollup = Rollup(months)
    where, params = filters.sql()
    s, e = start.isoformat(), end.isoformat()
    for basis, counted in _SCANS:
        aggregates = ", ".join(f"{count_sql(m)} AS {m.kpi}" for m in counted)
        rows = conn.execute(
            f"SELECT {_GROUP_COLS}, substr({basis.date}, 1, 7) AS m, {aggregates}"
            f" FROM records WHERE {period_where(basis)}{where} GROUP BY lf, tf, cf, m", (s, e, *params))
        for row in rows:
            # SUM over rows whose comparison is NULL (no Hạn xử lý) is NULL: such rows count as 0.
            rollup.add(row, row["m"], {m.kpi: row[m.kpi] or 0 for m in counted})
    # Open and past due as of the period's as-of day, by field/procedure/officer.
    overdue = conn.execute(
        f"SELECT {_GROUP_COLS}, COUNT(*) AS n FROM records WHERE {OVERDUE_WHERE}{where} GROUP BY lf, tf, cf",
        (*asof_params(OVERDUE_WHERE, at), *params))
    for row in overdue:
        rollup.add(row, None, {OVERDUE.kpi: row["n"]})
    # Month snapshots: a record is overdue at day E from max(received, due + 1 day) ("since") until
    # the day it is returned ("until", exclusive; never for one still open), so one count per
    # (since, until) pair gives every month end at once.
    ends = month_ends(months, at)
    if ends:
        first = min(ends.values())
        spans = conn.execute(
            "SELECT MAX(ngay_tiep_nhan, date(han_xu_ly, '+1 day')) AS since, ngay_tra_ket_qua AS until,"
            f" COUNT(*) AS n FROM records WHERE {OVERDUE.scope.rows_at('?')} AND ngay_tiep_nhan <= ?"
            f" AND han_xu_ly < ?{where} GROUP BY since, until", (first, at.isoformat(), at.isoformat(), *params)
        ).fetchall()
        for month, month_end in ends.items():
            rollup.months[month].add(OVERDUE.kpi, sum(
                r["n"] for r in spans if r["since"] <= month_end and (r["until"] is None or r["until"] > month_end)))
    return rollup


def _rows(tallies: Iterable[tuple[str, Tally]], key_name: str) -> list[Row]:
    rows: list[Row] = [{key_name: t.label, **t.figures()} for _k, t in tallies]
    rows.sort(key=lambda r: (-int(r["tiep_nhan"] or 0), -int(r["da_giai_quyet"] or 0),
                             -int(r[OVERDUE.kpi] or 0), str(r[key_name])))
    return rows


@dataclass
class Previous:
    """A period the report is compared with: its days, its label ("cùng kỳ tháng trước (01–04/11)",
    read after "so với"), and its figures."""

    start: dt.date
    end: dt.date
    label: str
    figures: dict[str, Figure]

    def as_dict(self) -> dict[str, object]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label, **self.figures}


@dataclass
class KpiReport:
    """The §4 measures of a period, its breakdowns and (optionally) the previous period."""

    start: dt.date
    end: dt.date
    linh_vuc: str | None
    thu_tuc: str | None
    totals: dict[str, Figure]
    by_month: list[Row]
    by_field: list[Row]
    by_procedure: list[Row]
    by_officer: list[Row]
    as_of: dt.date  # the day counts "as of" are taken: min(period end, today)
    previous: Previous | None = None
    last_year: Previous | None = None
    comparison: Comparison | None = None

    def change(self) -> dict[str, Figure]:
        """Now minus previous, per measure (rates in percentage points)."""
        before = self.previous.figures if self.previous else {}
        return {name: _change(self.totals[name], before.get(name)) for name in MEASURES}

    def as_dict(self) -> dict[str, object]:
        """The answer of GET /api/v1/dashboard/kpis (CONTRACT §2), also what the pages draw."""
        result: dict[str, object] = {"from": self.start.isoformat(), "to": self.end.isoformat(),
                                     "as_of": self.as_of.isoformat(), "linh_vuc": self.linh_vuc,
                                     "thu_tuc": self.thu_tuc}
        result.update(self.totals)
        result.update(by_month=self.by_month, by_field=self.by_field, by_procedure=self.by_procedure,
                      by_officer=self.by_officer)
        if self.comparison is not None:
            result["running"] = self.comparison.running
        if self.previous is not None:
            result["previous"] = self.previous.as_dict()
            result["change"] = self.change()
        if self.last_year is not None:
            result["last_year"] = self.last_year.as_dict()
        return result


def figures(conn: sqlite3.Connection, start: dt.date, end: dt.date, *, today: dt.date,
            linh_vuc: str | None = None, thu_tuc: str | None = None) -> dict[str, Figure]:
    """The §4 totals of [start, end], overdue as of min(end, today): what a compared period shows."""
    return _scan(conn, start, end, Filters(linh_vuc=linh_vuc, thu_tuc=thu_tuc), [], as_of(end, today)).total.figures()


def report(conn: sqlite3.Connection, start: dt.date, end: dt.date, *, linh_vuc: str | None = None,
           thu_tuc: str | None = None, with_previous: bool = True, today: dt.date | None = None) -> KpiReport:
    """The period's figures as of min(end, today). Months after today have no figures yet and are
    left out of `by_month`. With `with_previous`, the previous period and last year's, like for like."""
    today = today or local_today()
    at = as_of(end, today)
    filters = Filters(linh_vuc=linh_vuc, thu_tuc=thu_tuc)
    months = months_between(start, min(end, at))
    rollup = _scan(conn, start, end, filters, months, at)
    by_procedure = _rows(rollup.groups["thu_tuc"].items(), "thu_tuc")
    fields = {t.label: rollup.procedure_field.get(k, "") for k, t in rollup.groups["thu_tuc"].items()}
    for row in by_procedure:
        row["linh_vuc"] = fields.get(str(row["thu_tuc"]), "")
    previous = last_year = comparison = None
    if with_previous:
        comparison = comparisons(start, end, today)

        def compared(span: tuple[dt.date, dt.date], label: str) -> Previous:
            return Previous(span[0], span[1], label.removeprefix("so với "),
                            figures(conn, *span, today=today, linh_vuc=linh_vuc, thu_tuc=thu_tuc))

        previous = compared(comparison.previous, comparison.label_previous)
        last_year = compared(comparison.last_year, comparison.label_last_year)
    return KpiReport(start, end, linh_vuc or None, thu_tuc or None, rollup.total.figures(),
                     [{"month": m, **t.figures()} for m, t in rollup.months.items()],
                     _rows(rollup.groups["linh_vuc"].items(), "linh_vuc"), by_procedure,
                     _rows(rollup.groups["can_bo"].items(), "can_bo"), at, previous, last_year, comparison)


def compute_kpis(conn: sqlite3.Connection, start: dt.date, end: dt.date, *, linh_vuc: str | None = None,
                 thu_tuc: str | None = None, with_previous: bool = True,
                 today: dt.date | None = None) -> dict[str, object]:
    """The API's answer for a period (CONTRACT §2); `report` gives the same, typed."""
    return report(conn, start, end, linh_vuc=linh_vuc, thu_tuc=thu_tuc, with_previous=with_previous,
                  today=today).as_dict()


def _change(now: Figure, before: Figure) -> Figure:
    if now is None or before is None:
        return None
    return round(now - before, 1) if isinstance(now, float) or isinstance(before, float) else now - before
