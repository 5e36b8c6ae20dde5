"""Periods on the dashboard: the picker (tháng, quý, năm, tùy chọn) and "kỳ trước" for any [from, to]."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appliance.http.errors import AppError
from appliance.reporting import periods
from appliance.text.periods import Period, month_period, quarter_period, year_period

KINDS = {"thang": "Tháng", "quy": "Quý", "nam": "Năm", "tuy-chon": "Tùy chọn"}


def shape(start: dt.date, end: dt.date) -> Period:
    """A whole month, quarter, half, year or week is named as such (reporting.periods.shape)."""
    return periods.shape(start, end)


def parse_day(raw: str | None, name: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise AppError(422, f"Tham số {name} «{raw}» không phải ngày dạng YYYY-MM-DD.", "invalid") from None


def require_range(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    if start is None or end is None:
        raise AppError(422, "Cần cả hai tham số from và to (dạng YYYY-MM-DD).", "invalid")
    if end < start:
        raise AppError(422, "Ngày kết thúc (to) phải sau hoặc bằng ngày bắt đầu (from).", "invalid")
    if (end - start).days > 366 * 10:
        raise AppError(422, "Khoảng thời gian quá dài (tối đa 10 năm).", "invalid")
    return start, end


@dataclass(frozen=True)
class Picked:
    kind: str
    period: Period
    month: str  # values for the picker's fields, so the form shows what is selected
    quarter: int
    year: int


def pick(kind: str | None, thang: str | None, quy: str | None, nam: str | None, tu: str | None, den: str | None,
         today: dt.date) -> Picked:
    """The period the picker asks for; sensible defaults (this month) for anything missing."""
    kind = kind if kind in KINDS else "thang"
    year = int(nam) if nam and nam.isdigit() and 1900 < int(nam) < 2200 else today.year
    if kind == "thang":
        try:
            first = dt.date.fromisoformat(f"{thang}-01") if thang else today.replace(day=1)
        except ValueError:
            first = today.replace(day=1)
        period = month_period(first)
    elif kind == "quy":
        q = int(quy) if quy and quy.isdigit() and 1 <= int(quy) <= 4 else (today.month - 1) // 3 + 1
        period = quarter_period(dt.date(year, 3 * q - 2, 1))
    elif kind == "nam":
        period = year_period(year)
    else:
        start = parse_day(tu, "tu") or today.replace(day=1)
        end = parse_day(den, "den") or today
        start, end = require_range(start, end)
        period = shape(start, end)
    return Picked(kind, period, f"{period.start:%Y-%m}", (period.start.month - 1) // 3 + 1, period.start.year)
