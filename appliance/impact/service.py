"""The impact report of one month: usage per task and unit, the manual time saved as the ward's
own baselines estimate it, and the outcome trends; and the rows behind every figure."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from appliance.citizen.staff import usage as citizen_usage
from appliance.config import Settings
from appliance.http.errors import AppError
from appliance.impact.kinds import KIND_BY_KEY, KINDS, Baseline, Kind, baselines
from appliance.impact.outcomes import MonthOutcome, month_last, month_start, rows_url, trends
from appliance.impact.usage import People, collect, people
from appliance.reporting.activity import Activity
from appliance.tasks import usage as tasks_usage
from appliance.text import parse_date
from appliance.text.formatting import format_number, local_today

TREND_MONTHS = 6
ALL = "tat_ca"  # the list behind a total: every kind's rows
# The course's promise: at least this share less manual time on the tasks the appliance does.
PROMISE_PERCENT = 30.0
OUTCOME_ROWS = {"phan_anh_da_xu_ly": "Phản ánh đã xử lý xong trong tháng (thời gian trả lời)",
                "nhiem_vu_qua_han": "Nhiệm vụ quá hạn cuối tháng"}


@dataclass(frozen=True)
class KindFigures:
    kind: Kind
    count: int
    by_unit: dict[str, int]
    baseline: Baseline
    manual_minutes: float | None    # count × minutes by hand: the baseline manual time
    assisted_minutes: float | None  # count × minutes it still takes with the appliance
    saved_minutes: float | None
    link: str

    @property
    def share(self) -> float | None:
        if not self.manual_minutes or self.saved_minutes is None:
            return None
        return 100.0 * self.saved_minutes / self.manual_minutes


@dataclass(frozen=True)
class ImpactReport:
    month: str                      # YYYY-MM
    start: dt.date
    end: dt.date                    # the month's last day, or today while it runs
    running: bool
    kinds: list[KindFigures]
    units: list[str]                # most work first
    unit_totals: dict[str, int]
    manual_minutes: float           # over the kinds with both baselines set
    saved_minutes: float
    missing: list[Kind]             # kinds with work this month but a baseline not set
    trends: list[MonthOutcome]

    @property
    def share(self) -> float | None:
        """Saved time as a percentage of the baseline manual time (the promise's figure)."""
        return 100.0 * self.saved_minutes / self.manual_minutes if self.manual_minutes else None

    @property
    def promise_met(self) -> bool | None:
        return None if self.share is None else self.share >= PROMISE_PERCENT

    @property
    def total(self) -> int:
        return sum(k.count for k in self.kinds)

    @property
    def label(self) -> str:
        text = f"tháng {self.start:%m/%Y}"
        return f"{text} (đến ngày {self.end:%d/%m/%Y})" if self.running else text


def parse_month(raw: str | None, today: dt.date) -> dt.date:
    """'11/2026', '2026-11' (or a day in it) → its first day; empty → this month."""
    text = (raw or "").strip()
    if not text:
        return month_start(today)
    day = parse_date(f"01/{text}") if text.count("/") == 1 else parse_date(text + "-01" if len(text) == 7 else text)
    if day is None:
        raise AppError(422, f"Tháng «{text}» không đúng dạng tháng/năm (ví dụ 11/2026).", "invalid",
                       next_step=("/hieu-qua", "Xem báo cáo tháng này"))
    if month_start(day) > month_start(today):
        raise AppError(422, f"Tháng {day:%m/%Y} chưa đến: chưa có số liệu.", "invalid",
                       next_step=("/hieu-qua", "Xem báo cáo tháng này"))
    return month_start(day)


def period(first: dt.date, today: dt.date) -> tuple[dt.date, dt.date, bool]:
    last = month_last(first)
    return first, min(last, today), last > today


def build(conn: sqlite3.Connection, settings: Settings, first: dt.date, today: dt.date | None = None) -> ImpactReport:
    today = today or local_today()
    start, end, running = period(first, today)
    month = f"{start:%Y-%m}"
    found = collect(conn, settings, start, end)
    who = people(conn)
    base = baselines(conn)
    figures: list[KindFigures] = []
    unit_totals: dict[str, int] = {}
    for kind in KINDS:
        items = found[kind.key]
        by_unit: dict[str, int] = {}
        for item in items:
            unit = who.unit_of(item)
            by_unit[unit] = by_unit.get(unit, 0) + 1
            unit_totals[unit] = unit_totals.get(unit, 0) + 1
        b, n = base[kind.key], len(items)
        manual = n * b.manual if b.manual is not None else None
        assisted = n * b.assisted if b.assisted is not None else None
        saved = n * b.saved if b.saved is not None else None
        figures.append(KindFigures(kind, n, by_unit, b, manual, assisted, saved, rows_url(kind.key, month)))
    complete = [f for f in figures if f.baseline.complete]
    return ImpactReport(
        month, start, end, running, figures, sorted(unit_totals, key=lambda u: (-unit_totals[u], u)), unit_totals,
        sum(f.manual_minutes or 0.0 for f in complete), sum(f.saved_minutes or 0.0 for f in complete),
        [f.kind for f in figures if f.count and not f.baseline.complete],
        trends(conn, start, today, TREND_MONTHS))


def hours(minutes: float | None) -> str:
    """Minutes → hours as people read them: '12,5 giờ'."""
    return "—" if minutes is None else f"{format_number(minutes / 60, 1)} giờ"


@dataclass(frozen=True)
class RowView:
    day: str            # YYYY-MM-DD (local)
    at: str | None      # UTC, shown in local time
    who: str
    unit: str
    text: str
    href: str | None


@dataclass(frozen=True)
class RowList:
    title: str
    period: str
    unit: str
    rows: list[RowView]
    back: str


def _view(item: Activity, who: People, kind_label: str = "") -> RowView:
    text = f"{kind_label} — {item.text}" if kind_label else item.text
    return RowView(item.day, item.at, who.name_of(item) or "", who.unit_of(item), text, item.href)


def rows(conn: sqlite3.Connection, settings: Settings, kind: str, first: dt.date, unit: str = "",
         today: dt.date | None = None) -> RowList:
    """The rows behind one figure of the month starting `first` (optionally one unit's)."""
    today = today or local_today()
    start, end, running = period(first, today)
    label = f"tháng {start:%m/%Y}" + (f" (đến ngày {end:%d/%m/%Y})" if running else "")
    back = f"/hieu-qua?thang={start:%Y-%m}"
    who = people(conn)
    if kind in KIND_BY_KEY or kind == ALL:
        found = collect(conn, settings, start, end)
        wanted = [KIND_BY_KEY[kind]] if kind != ALL else list(KINDS)
        views = [v for k in wanted for v in (_view(i, who, k.label if kind == ALL else "") for i in found[k.key])
                 if not unit or v.unit == unit]
        return RowList(KIND_BY_KEY[kind].label if kind != ALL else "Mọi việc", label, unit, views, back)
    if kind == "phan_anh_da_xu_ly":
        views = [RowView(r.day, r.resolved_at, "", r.department,
                         f"Phản ánh {r.ticket_code}: trả lời sau {format_number(r.days, 1)} ngày",
                         f"/phan-anh/{r.id}") for r in citizen_usage.resolved(conn, start, end)]
        return RowList(OUTCOME_ROWS[kind], label, "", views, back)
    if kind == "nhiem_vu_qua_han":
        views = [_view(i, who) for i in tasks_usage.overdue_at(conn, end)]
        return RowList(OUTCOME_ROWS[kind], f"ngày {end:%d/%m/%Y}", "", views, back)
    raise AppError(404, f"Báo cáo hiệu quả không có số liệu «{kind}».", "not_found",
                   next_step=(back, "Về báo cáo hiệu quả"))
