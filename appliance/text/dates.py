"""Dates as Vietnamese offices write them (dd/mm/yyyy with or without time, ISO, words), and the
Vietnamese working-day calendar every deadline is counted on.

Working days: Monday to Friday, minus the public holidays of the Labour Code (Tết Dương lịch, Tết
Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh and the days the law adds), with their
"nghỉ bù" when one falls on a weekend. The lunar dates and the observed days come from the
maintained `holidays` package (country VN), never from a hand-written table here. The government's
yearly schedule of swapped days (a Saturday worked to bridge a holiday) and any local day off is
data the ward's admin edits: a `WorkCalendar` carries it (`appliance.ward.work_calendar(conn)`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache

import holidays

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




@dataclass(frozen=True)
class WorkCalendar:
    """The ward's own changes to the public calendar, entered by its admin each year.

    `extra_off`: days off beyond the public holidays (e.g. a bridge day the government announced);
    `extra_work`: compensatory working days ("làm bù"), usually Saturdays. A day in both is a
    working day: the compensatory entry is the more specific instruction.
    """

    extra_off: frozenset[dt.date] = frozenset()
    extra_work: frozenset[dt.date] = frozenset()

    def to_json(self) -> str:
        """For the citizen app's copy (it never opens the staff database where the admin edits it)."""
        return json.dumps({"off": sorted(d.isoformat() for d in self.extra_off),
                           "work": sorted(d.isoformat() for d in self.extra_work)})

    @classmethod
    def from_json(cls, text: str | None) -> WorkCalendar:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(extra_off=frozenset(dt.date.fromisoformat(d) for d in data.get("off", [])),
                   extra_work=frozenset(dt.date.fromisoformat(d) for d in data.get("work", [])))


# The package covers the years its maintainers have verified; outside them it still computes the
# fixed and lunar days by rule.
@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[dt.date, str]:
    table = holidays.country_holidays("VN", years=year, language="vi")
    return {day: str(name) for day, name in table.items()}


@lru_cache(maxsize=64)
def _public_workdays(year: int) -> frozenset[dt.date]:
    """Weekend days the government made working days (swapped for a bridge day the package lists)."""
    table = holidays.country_holidays("VN", years=year)
    return frozenset(day for day in getattr(table, "weekend_workdays", ()) if day.year == year)


def holiday_name(day: dt.date, calendar: WorkCalendar | None = None) -> str | None:
    """The Vietnamese name of the public holiday on `day` ("Mùng hai Tết Nguyên Đán"), or the
    ward's own day off ("Ngày nghỉ theo lịch của đơn vị"); None on other days."""
    if calendar is not None and day in calendar.extra_work:
        return None
    name = _public_holidays(day.year).get(day)
    if name:
        return name
    if calendar is not None and day in calendar.extra_off:
        return "Ngày nghỉ theo lịch của đơn vị"
    return None


def is_working_day(day: dt.date, calendar: WorkCalendar | None = None) -> bool:
    if isinstance(day, dt.datetime):
        day = day.date()
    if calendar is not None:
        if day in calendar.extra_work:
            return True
        if day in calendar.extra_off:
            return False
    if day in _public_workdays(day.year):
        return True
    if day.weekday() >= 5:
        return False
    return day not in _public_holidays(day.year)


def add_working_days(day: dt.date, n: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The `n`-th working day after `day` (n ≥ 0; n = 0 gives `day` itself).

    "Trong 3 ngày làm việc" from a Thursday before Tết ends after the holiday, not 3 weekdays later.
    """
    if n < 0:
        raise ValueError("n must be ≥ 0")
    current = day.date() if isinstance(day, dt.datetime) else day
    while n > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current, calendar):
            n -= 1
    return current


def working_days_between(a: dt.date, b: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Working days after `a` up to and including `b` (negative when `b` is before `a`):
    `working_days_between(d, add_working_days(d, n)) == n`."""
    if isinstance(a, dt.datetime):
        a = a.date()
    if isinstance(b, dt.datetime):
        b = b.date()
    if b < a:
        return -working_days_between(b, a, calendar)
    count, current = 0, a
    while current < b:
        current += dt.timedelta(days=1)
        if is_working_day(current, calendar):
            count += 1
    return count
