"""CONTRACT §4 measures for a period [from, to], with breakdowns and the previous period.

Three grouped scans do all the work: records received in the period, records resolved in the
period, and records still open and past due at the period end. Each is grouped by (field,
procedure, officer, month) and rolled up here, so the totals, the four breakdowns and the
drill-down lists all come from the same conditions (see `measures.py`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from appliance.dashboard.measures import (
    OVERDUE_WHERE,
    RECEIVED_WHERE,
    RESOLVED_WHERE,
    Filters,
    month_ends,
    months_between,
    percent,
)
from appliance.dashboard.period import previous_period

COUNTS = ("tiep_nhan", "da_giai_quyet", "dung_han", "tre_han", "truc_tuyen", "tu_choi", "qua_han_chua_giai_quyet")
MEASURES = (*COUNTS, "ty_le_dung_han", "ty_le_tre_han", "ty_le_truc_tuyen")


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    label: str = ""

    def add(self, name: str, value: int) -> None:
        self.counts[name] += value

    def as_dict(self) -> dict[str, Any]:
        c = self.counts
        return {**c, "ty_le_dung_han": percent(c["dung_han"], c["da_giai_quyet"]),
                "ty_le_tre_han": percent(c["tre_han"], c["da_giai_quyet"]),
                "ty_le_truc_tuyen": percent(c["truc_tuyen"], c["tiep_nhan"])}


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


def _scan(conn: sqlite3.Connection, start: dt.date, end: dt.date, filters: Filters, months: list[str]) -> Rollup:
    rollup = Rollup(months)
    where, params = filters.sql()
    s, e = start.isoformat(), end.isoformat()
    received = conn.execute(
        f"SELECT {_GROUP_COLS}, substr(ngay_tiep_nhan, 1, 7) AS m, COUNT(*) AS n,"
        " SUM(hinh_thuc_nop = 'Trực tuyến') AS online, SUM(trang_thai = 'Từ chối') AS rejected"
        f" FROM records WHERE {RECEIVED_WHERE}{where} GROUP BY lf, tf, cf, m", (s, e, *params))
    for row in received:
        rollup.add(row, row["m"], {"tiep_nhan": row["n"], "truc_tuyen": row["online"], "tu_choi": row["rejected"]})
    resolved = conn.execute(
        f"SELECT {_GROUP_COLS}, substr(ngay_tra_ket_qua, 1, 7) AS m, COUNT(*) AS n,"
        " SUM(ngay_tra_ket_qua <= han_xu_ly) AS on_time, SUM(ngay_tra_ket_qua > han_xu_ly) AS late"
        f" FROM records WHERE {RESOLVED_WHERE}{where} GROUP BY lf, tf, cf, m", (s, e, *params))
    for row in resolved:
        rollup.add(row, row["m"], {"da_giai_quyet": row["n"], "dung_han": row["on_time"] or 0,
                                   "tre_han": row["late"] or 0})
    # Open and past due at the period end, by field/procedure/officer.
    overdue = conn.execute(
        f"SELECT {_GROUP_COLS}, COUNT(*) AS n FROM records WHERE {OVERDUE_WHERE}{where} GROUP BY lf, tf, cf",
        (e, e, *params))
    for row in overdue:
        rollup.add(row, None, {"qua_han_chua_giai_quyet": row["n"]})
    # Month snapshots: "received ≤ E and due < E" is "the day it became overdue,
    # max(received, due + 1 day), ≤ E", so one count per such day gives every month end at once.
    ends = month_ends(months, end)
    if ends:
        since = conn.execute(
            "SELECT MAX(ngay_tiep_nhan, date(han_xu_ly, '+1 day')) AS since, COUNT(*) AS n"
            f" FROM records WHERE {OVERDUE_WHERE}{where} GROUP BY since", (e, e, *params)).fetchall()
        for month, month_end in ends.items():
            rollup.months[month].add("qua_han_chua_giai_quyet",
                                     sum(r["n"] for r in since if r["since"] <= month_end))
    return rollup


def _rows(tallies: Iterable[tuple[str, Tally]], key_name: str) -> list[dict[str, Any]]:
    rows = [{key_name: t.label, **t.as_dict()} for _k, t in tallies]
    rows.sort(key=lambda r: (-r["tiep_nhan"], -r["da_giai_quyet"], -r["qua_han_chua_giai_quyet"], r[key_name]))
    return rows


def compute_kpis(conn: sqlite3.Connection, start: dt.date, end: dt.date, *, linh_vuc: str | None = None,
                 thu_tuc: str | None = None, with_previous: bool = True) -> dict[str, Any]:
    filters = Filters(linh_vuc=linh_vuc, thu_tuc=thu_tuc)
    months = months_between(start, end)
    rollup = _scan(conn, start, end, filters, months)
    result: dict[str, Any] = {"from": start.isoformat(), "to": end.isoformat(), "as_of": end.isoformat(),
                              "linh_vuc": linh_vuc or None, "thu_tuc": thu_tuc or None}
    result.update(rollup.total.as_dict())
    result["by_month"] = [{"month": m, **t.as_dict()} for m, t in rollup.months.items()]
    result["by_field"] = _rows(rollup.groups["linh_vuc"].items(), "linh_vuc")
    by_procedure = _rows(rollup.groups["thu_tuc"].items(), "thu_tuc")
    fields = {t.label: rollup.procedure_field.get(k, "") for k, t in rollup.groups["thu_tuc"].items()}
    for row in by_procedure:
        row["linh_vuc"] = fields.get(row["thu_tuc"], "")
    result["by_procedure"] = by_procedure
    result["by_officer"] = _rows(rollup.groups["can_bo"].items(), "can_bo")
    if with_previous:
        prev = previous_period(start, end)
        prev_totals = _scan(conn, prev.start, prev.end, filters, []).total.as_dict()
        result["previous"] = {"from": prev.start.isoformat(), "to": prev.end.isoformat(), "label": prev.label,
                              **prev_totals}
        result["change"] = {name: _change(result[name], prev_totals[name]) for name in MEASURES}
    return result


def _change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 1) if isinstance(now, float) or isinstance(before, float) else now - before
