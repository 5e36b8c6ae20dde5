"""Dates as Vietnamese offices write them: dd/mm/yyyy (with or without time), ISO, words."""

from __future__ import annotations

import datetime as dt
import re

from appliance.text.fold import fold

_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2,4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$")
_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def _year(raw: str) -> int:
    year = int(raw)
    return year + 2000 if year < 100 else year


def parse_datetime(value: object) -> dt.datetime | None:
    """A datetime from a cell or a string; None for empty or unparseable input."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # An Excel serial date that reached us as a number.
        if 1 <= value < 2958466:
            return dt.datetime.combine(EXCEL_EPOCH, dt.time()) + dt.timedelta(days=float(value))
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        if m := _DMY.match(text):
            d, mo, y, hh, mm, ss = m.groups()
            return dt.datetime(_year(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        if m := _ISO.match(text):
            y, mo, d, hh, mm, ss = m.groups()
            return dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        if m := _WORDS.search(fold(text)):
            d, mo, y = m.groups()
            return dt.datetime(int(y), int(mo), int(d))
    except ValueError:
        return None
    return None


def parse_date(value: object) -> dt.date | None:
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def add_working_days(start: dt.date, days: int) -> dt.date:
    """`days` working days after `start`, skipping Saturdays and Sundays.

    Public holidays are not skipped: the calendar is set yearly by the government and a ward
    enters its own deadlines for Tết; this is the statutory "ngày làm việc" count otherwise.
    """
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day
