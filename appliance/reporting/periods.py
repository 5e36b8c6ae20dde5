"""The figure rules every screen shares (CONTRACT §4): "as of" dates and like-for-like comparisons.

- A count taken at a date ("quá hạn chưa giải quyết", "đang giải quyết", open tasks) is taken as of
  `as_of(period_end, today)` = min(period end, today): never in the future, and the label names it.
- A running period (it has not ended yet) is compared with the same days of the previous period
  ("cùng kỳ": 1–4/11 against 1–4/12) and of the previous year; a finished period with the whole
  previous period of the same shape and the same period of the previous year.

One function, `comparisons`, serves the dashboard, the wall, the question box and the reports, so
their arrows cannot disagree.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from appliance.text.calendar_periods import Period, half_period, month_period, quarter_period, range_period, year_period

Span = tuple[dt.date, dt.date]

# How many months back the previous period of each shape starts (weeks and other ranges shift by days).
_MONTHS_BACK = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_PREVIOUS_NAME = {"month": "tháng trước", "quarter": "quý trước", "half": "6 tháng trước", "year": "năm trước",
                  "week": "tuần trước", "day": "ngày trước", "range": "kỳ trước"}


def as_of(period_end: dt.date, today: dt.date) -> dt.date:
    """The day a count "as of" a period is taken: its end, or today while it is still running."""
    return min(period_end, today)


def shape(start: dt.date, end: dt.date) -> Period:
    """A whole month, quarter, half, year or Monday–Sunday week is recognised as such (so its previous
    period is the previous month, not the 30 days before); anything else is a range of days."""
    for candidate in (month_period(start), quarter_period(start), half_period(start), year_period(start.year)):
        if candidate.start == start and candidate.end == end:
            return candidate
    if start.weekday() == 0 and end - start == dt.timedelta(days=6):
        return Period(start, end, f"tuần từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", "week")
    return range_period(start, end)


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` months away, clamped to the month's length (31/3 − 1 month = 28/2 or 29/2)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _shift(day: dt.date, period: Period) -> dt.date:
    """A day of `period` moved to the same place in the previous period of its shape."""
    if period.kind in _MONTHS_BACK:
        return shift_months(day, -_MONTHS_BACK[period.kind])
    length = (period.end - period.start).days + 1
    return day - dt.timedelta(days=length)


def _previous_whole(period: Period) -> Period:
    if period.kind == "week":
        start = period.start - dt.timedelta(days=7)
        return Period(start, start + dt.timedelta(days=6), f"tuần từ {start:%d/%m/%Y} đến "
                      f"{start + dt.timedelta(days=6):%d/%m/%Y}", "week")
    return period.previous()


def _last_year_whole(period: Period) -> Period:
    if period.kind in ("month", "quarter", "half", "year"):
        builder = {"month": month_period, "quarter": quarter_period, "half": half_period}.get(period.kind)
        first = shift_months(period.start, -12)
        return builder(first) if builder else year_period(first.year)
    return range_period(shift_months(period.start, -12), shift_months(period.end, -12))


def format_span(start: dt.date, end: dt.date, *, with_year: bool = False) -> str:
    """"01–04/11", "01/07–20/08", "01–04/12/2025", "20/12/2025–04/01/2026"; one day: "04/11"."""
    year = f"/{end.year}" if with_year or start.year != end.year else ""
    if start == end:
        return f"{start:%d/%m}{year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}–{end:%d/%m}{year}"
    first = f"{start:%d/%m}" + (f"/{start.year}" if start.year != end.year else "")
    return f"{first}–{end:%d/%m}{year}"


@dataclass(frozen=True)
class Comparison:
    previous: Span  # the previous period, or its same days while this one runs
    last_year: Span  # the same period (or days) one year earlier
    running: bool  # the period has not ended: figures cover start..today only
    label_previous: str  # "so với cùng kỳ tháng trước (01–04/11)", "so với tháng 11/2026"
    label_last_year: str  # "so với cùng kỳ năm trước (01–04/12/2025)", "so với tháng 12/2025"
    covered: Span  # the days this period's figures cover: start..as_of


def comparisons(start: dt.date, end: dt.date, today: dt.date) -> Comparison:
    """What a period is compared with. Running (today inside it, before its end): the same days of the
    previous period and of the previous year; finished (or not yet begun): whole periods."""
    period = shape(start, end)
    running = start <= today < end
    if running:
        prev = (_shift(start, period), _shift(today, period))
        last = (shift_months(start, -12), shift_months(today, -12))
        same = "cùng số ngày của kỳ trước" if period.kind == "range" else f"cùng kỳ {_PREVIOUS_NAME[period.kind]}"
        return Comparison(prev, last, True,
                          f"so với {same} ({format_span(*prev)})",
                          f"so với cùng kỳ năm trước ({format_span(*last, with_year=True)})",
                          (start, today))
    whole = _previous_whole(period)
    last_whole = _last_year_whole(period)
    return Comparison((whole.start, whole.end), (last_whole.start, last_whole.end), False,
                      f"so với {_named(whole)}", f"so với cùng kỳ năm trước ({_named(last_whole, bare=True)})",
                      (start, end))


def _named(period: Period, *, bare: bool = False) -> str:
    if period.kind in ("month", "quarter", "half", "year", "week"):
        return period.label
    if period.kind == "day":
        return f"ngày {period.start:%d/%m/%Y}"
    span = format_span(period.start, period.end, with_year=True)
    return span if bare else f"kỳ trước ({span})"


def asof_label(day: dt.date) -> str:
    """How a count at a date names its date: "tính đến 04/12/2026"."""
    return f"tính đến {day:%d/%m/%Y}"
