"""The outcomes the plan cares about, month by month: on-time rate and online share of records,
records overdue at each month's end (the dashboard's own figures: `dashboard.kpis.report`, from the
one table of measures), complaints' response time and overdue tasks (from their features)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlencode

from appliance.citizen.staff import usage as citizen_usage
from appliance.dashboard.kpis import report
from appliance.dashboard.routes import drill_url
from appliance.tasks import usage as tasks_usage

OVERDUE = "qua_han_chua_giai_quyet"


def month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def month_last(first: dt.date) -> dt.date:
    return month_start(first, -1) - dt.timedelta(days=1)


def rows_url(kind: str, month: str, unit: str = "") -> str:
    """The impact report's own list of the rows behind a figure."""
    return "/hieu-qua/chi-tiet?" + urlencode({"loai": kind, "thang": month, **({"don_vi": unit} if unit else {})})


@dataclass(frozen=True)
class MonthOutcome:
    month: str                  # YYYY-MM
    start: dt.date
    end: dt.date                # the month's last day, or today for the running month
    tiep_nhan: int
    truc_tuyen: int
    ty_le_truc_tuyen: float | None
    da_giai_quyet: int
    dung_han: int
    ty_le_dung_han: float | None
    qua_han: int                # records open and past due at `end`
    pa_da_xu_ly: int            # complaints resolved in the month
    pa_ngay_tb: float | None    # their mean wait, in days
    nv_qua_han: int             # tasks overdue at `end`
    links: dict[str, str]

    @property
    def running(self) -> bool:
        return self.end < month_last(self.start)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _rate(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def trends(conn: sqlite3.Connection, last_month: dt.date, today: dt.date, months: int = 6) -> list[MonthOutcome]:
    """The `months` months ending with the month of `last_month`, none after today."""
    first = month_start(last_month, months - 1)
    end = min(month_last(month_start(last_month)), today)
    if end < first:
        return []
    kpis = report(conn, first, end, with_previous=False, today=today)
    found = []
    for row in kpis.by_month:
        month = str(row["month"])
        start = dt.date.fromisoformat(month + "-01")
        stop = min(month_last(start), today)
        resolved = citizen_usage.resolved(conn, start, stop)
        s, e = start.isoformat(), stop.isoformat()
        found.append(MonthOutcome(
            month, start, stop, _int(row["tiep_nhan"]), _int(row["truc_tuyen"]), _rate(row["ty_le_truc_tuyen"]),
            _int(row["da_giai_quyet"]), _int(row["dung_han"]), _rate(row["ty_le_dung_han"]), _int(row[OVERDUE]),
            len(resolved), sum(r.days for r in resolved) / len(resolved) if resolved else None,
            len(tasks_usage.overdue_at(conn, stop)),
            {"ty_le_dung_han": drill_url("ty_le_dung_han", s, e),
             "ty_le_truc_tuyen": drill_url("ty_le_truc_tuyen", s, e), "qua_han": drill_url(OVERDUE, s, e),
             "pa_da_xu_ly": rows_url("phan_anh_da_xu_ly", month),
             "nv_qua_han": rows_url("nhiem_vu_qua_han", month)}))
    return found
