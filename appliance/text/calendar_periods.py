"""A period of days (Period) and its calendar shapes: month, quarter, half year, year, a range of days and a
week Monday to Sunday, each with its Vietnamese label. Split from periods.py, which reads the periods leaders
say; the dashboard and the reports build these shapes without reading any words."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # Vietnamese, lower-case first letter: "tháng 10/2026"
    kind: str  # day, week, month, quarter, half, year, range

    def previous(self) -> Period:
        """The period of the same shape just before this one (for "so với kỳ trước")."""
        if self.kind == "month":
            return month_period(shift_month(self.start, -1))
        if self.kind == "quarter":
            return quarter_period(shift_month(self.start, -3))
        if self.kind == "year":
            return year_period(self.start.year - 1)
        if self.kind == "half":
            return half_period(shift_month(self.start, -6))
        length = (self.end - self.start).days + 1
        end = self.start - dt.timedelta(days=1)
        start = end - dt.timedelta(days=length - 1)
        return range_period(start, end)

    def same_period_last_year(self) -> Period:
        start = _replace_year(self.start, self.start.year - 1)
        end = _replace_year(self.end, self.end.year - 1)
        if self.kind == "month":
            return month_period(start)
        if self.kind == "quarter":
            return quarter_period(start)
        if self.kind == "year":
            return year_period(start.year)
        return range_period(start, end)


def _replace_year(day: dt.date, year: int) -> dt.date:
    last = calendar.monthrange(year, day.month)[1]
    return day.replace(year=year, day=min(day.day, last))


def shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def day_label(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def month_period(day: dt.date) -> Period:
    start = day.replace(day=1)
    end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return Period(start, end, f"tháng {start.month}/{start.year}", "month")


def quarter_period(day: dt.date) -> Period:
    q = (day.month - 1) // 3 + 1
    start = dt.date(day.year, 3 * q - 2, 1)
    end = shift_month(start, 3) - dt.timedelta(days=1)
    return Period(start, end, f"quý {q}/{day.year}", "quarter")


def half_period(day: dt.date) -> Period:
    first = day.month <= 6
    start = dt.date(day.year, 1 if first else 7, 1)
    end = dt.date(day.year, 6, 30) if first else dt.date(day.year, 12, 31)
    label = f"6 tháng {'đầu' if first else 'cuối'} năm {day.year}"
    return Period(start, end, label, "half")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}", "year")


def range_period(start: dt.date, end: dt.date, label: str | None = None) -> Period:
    if start == end:
        return Period(start, end, label or f"ngày {day_label(start)}", "day")
    return Period(start, end, label or f"từ {day_label(start)} đến {day_label(end)}", "range")


def week_period(today: dt.date, weeks_back: int) -> Period:
    monday = today - dt.timedelta(days=today.weekday() + 7 * weeks_back)
    sunday = monday + dt.timedelta(days=6)
    name = {0: "tuần này", 1: "tuần trước", -1: "tuần sau"}.get(weeks_back, f"{weeks_back} tuần trước")
    return Period(monday, sunday, f"{name} (từ {day_label(monday)} đến {day_label(sunday)})", "week")
