"""Periods on the dashboard: the picker (tháng, quý, năm, tùy chọn) and "kỳ trước" for any [from, to]."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from appliance.http.errors import AppError
from appliance.reporting import periods
from appliance.text import parse_date
from appliance.text.calendar_periods import Period, month_period, quarter_period, year_period

KINDS = {"thang": "Tháng", "quy": "Quý", "nam": "Năm", "tuy-chon": "Tùy chọn"}


def shape(start: dt.date, end: dt.date) -> Period:
    """A whole month, quarter, half, year or week is named as such (reporting.periods.shape)."""
    return periods.shape(start, end)


# The picker's own fields, as people read them; API parameters keep their names (from, to).
FIELD_LABELS = {"tu": "Từ ngày", "den": "Đến ngày"}


def parse_day(raw: str | None, name: str) -> dt.date | None:
    """dd/mm/yyyy (what people type) or YYYY-MM-DD (what programs send)."""
    if not raw:
        return None
    day = parse_date(raw)
    if day is not None:
        return day
    if name in FIELD_LABELS:
        raise AppError(422, f"«{raw}» ở ô «{FIELD_LABELS[name]}» không phải là ngày. Hãy nhập theo dạng "
                            "ngày/tháng/năm, ví dụ 04/12/2026, hoặc chọn trên lịch.", "invalid")
    raise AppError(422, f"Tham số {name} «{raw}» không phải ngày dạng YYYY-MM-DD (hoặc dd/mm/yyyy).", "invalid")


def require_range(start: dt.date | None, end: dt.date | None, *, page: bool = False) -> tuple[dt.date, dt.date]:
    """The period [start, end]; `page`: the message speaks of the picker's fields and links to the
    range the person most likely meant (the two dates swapped)."""
    if start is None or end is None:
        raise AppError(422, "Cần cả hai tham số from và to (dạng YYYY-MM-DD).", "invalid")
    if end < start:
        if page:
            raise AppError(
                422, f"«Từ ngày» ({start:%d/%m/%Y}) đang sau «Đến ngày» ({end:%d/%m/%Y}). Hãy chọn lại: ngày bắt "
                     "đầu phải trước hoặc bằng ngày kết thúc.", "invalid",
                next_step=(f"/?ky=tuy-chon&tu={end.isoformat()}&den={start.isoformat()}",
                           f"Xem từ {end:%d/%m/%Y} đến {start:%d/%m/%Y}"))
        raise AppError(422, f"Ngày kết thúc (to = {end.isoformat()}) phải sau hoặc bằng ngày bắt đầu "
                            f"(from = {start.isoformat()}): hãy đổi chỗ hai ngày.", "invalid")
    if (end - start).days > 366 * 10:
        raise AppError(422, "Khoảng thời gian quá dài (tối đa 10 năm): hãy chọn khoảng ngắn hơn.", "invalid")
    return start, end


def _month(raw: str | None, today: dt.date) -> dt.date:
    """'12/2026' (as people write a month) or '2026-12'; this month when missing or unreadable."""
    text = (raw or "").strip()
    for pattern in (r"^(\d{1,2})\s*[/.-]\s*(\d{4})$", r"^(\d{4})-(\d{1,2})$"):
        match = re.match(pattern, text)
        if match:
            a, b = match.groups()
            year, month = (int(b), int(a)) if len(a) <= 2 else (int(a), int(b))
            if 1 <= month <= 12 and 1900 < year < 2200:
                return dt.date(year, month, 1)
    return today.replace(day=1)


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
        period = month_period(_month(thang, today))
    elif kind == "quy":
        q = int(quy) if quy and quy.isdigit() and 1 <= int(quy) <= 4 else (today.month - 1) // 3 + 1
        period = quarter_period(dt.date(year, 3 * q - 2, 1))
    elif kind == "nam":
        period = year_period(year)
    else:
        start = parse_day(tu, "tu") or today.replace(day=1)
        end = parse_day(den, "den") or today
        start, end = require_range(start, end, page=True)
        period = shape(start, end)
    return Picked(kind, period, f"{period.start:%Y-%m}", (period.start.month - 1) // 3 + 1, period.start.year)
