"""Periods as leaders say them: "tháng 10/2026", "quý 3 năm 2026", "từ đầu năm", "tuần này",
"hôm qua", "6 tháng đầu năm", "từ 01/10/2026 đến 15/10/2026", "30 ngày qua".

Matching runs on folded text so "thang truoc" and "tháng trước" are the same question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from appliance.text.calendar_periods import (
    Period,
    day_label,
    half_period,
    month_period,
    quarter_period,
    range_period,
    shift_month,
    week_period,
    year_period,
)
from appliance.text.dates import parse_date
from appliance.text.fold import fold
from appliance.text.formatting import local_today

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_DATE = r"(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4})"
_YEAR = r"(?:\s*(?:/|-|nam)\s*(\d{4}))?"
_NOW = r"(?:nay|hom nay|gio|bay gio|hien nay|hien tai)"
# The period after this one. "tháng sau" is left out: unaccented it is also "tháng sáu" (June); the
# question box's tokens write it as "tháng tới" only when the accents say which (ask/tokens.py).
_NEXT = r"(?:toi|ke tiep|tiep theo|sau)"

Rule = tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], Period | None]]


def _year_of(raw: str | None, today: dt.date) -> int:
    return int(raw) if raw else today.year


def _month(m: re.Match[str], today: dt.date) -> Period | None:
    month = int(m.group(1))
    if not 1 <= month <= 12:
        return None
    year = int(m.group(2)) if m.group(2) else today.year - (1 if month > today.month else 0)
    return month_period(dt.date(year, month, 1))


def _quarter(m: re.Match[str], today: dt.date) -> Period | None:
    raw = m.group(1)
    q = int(raw) if raw.isdigit() else _ROMAN.get(raw, 0)
    if not 1 <= q <= 4:
        return None
    year = int(m.group(2)) if m.group(2) else today.year
    return quarter_period(dt.date(year, 3 * q - 2, 1))


def _range(m: re.Match[str], today: dt.date) -> Period | None:
    start, end = parse_date(m.group(1)), parse_date(m.group(2))
    if not start or not end or end < start:
        return None
    return range_period(start, end)


def _since(m: re.Match[str], today: dt.date) -> Period | None:
    """"từ 1/11 (đến nay)": from that day up to today."""
    start = parse_date(m.group(1))
    if not start or start > today:
        return None
    return range_period(start, today)


def _day_to_end_of(m: re.Match[str], today: dt.date) -> Period | None:
    """"từ 15/10 đến hết tháng 10", "từ 1/8 tới cuối quý 3": from that day to the end of the month or quarter (up to
    today while it runs). It had been read as "từ 15/10" to today and the month beside it: two periods compared."""
    start = parse_date(m.group(1))
    unit, number, year = m.group(2), int(m.group(3)), m.group(4)
    if not start or (unit == "thang" and not 1 <= number <= 12) or (unit == "quy" and not 1 <= number <= 4):
        return None
    first = dt.date(int(year) if year else start.year, number if unit == "thang" else 3 * number - 2, 1)
    whole = month_period(first) if unit == "thang" else quarter_period(first)
    end = min(whole.end, today)
    if end < start or start < whole.start - dt.timedelta(days=366):
        return None
    return range_period(start, end, f"từ {day_label(start)} đến hết {whole.label}" if end == whole.end else None)


def _since_month(m: re.Match[str], today: dt.date) -> Period | None:
    """"từ tháng 9 đến nay": from the first of that month up to today."""
    month = int(m.group(1))
    if not 1 <= month <= 12:
        return None
    year = int(m.group(2)) if m.group(2) else today.year - (1 if month > today.month else 0)
    start = dt.date(year, month, 1)
    return range_period(start, today) if start <= today else None


def _span_of(first: re.Match[str], today: dt.date, quarters: bool) -> Period | None:
    """"từ tháng 7 đến (hết) tháng 9", "từ quý 1 đến quý 3": one span from the first to the end of the last
    (read as two periods it became a comparison of July with September). Without years: the latest span that
    has begun; a year said once applies to both."""
    a, b = int(first.group(1)), int(first.group(3))
    top = 4 if quarters else 12
    if not (1 <= a <= top and 1 <= b <= top):
        return None
    y2 = int(first.group(4)) if first.group(4) else None
    y1 = int(first.group(2)) if first.group(2) else None
    if y1 is None and y2 is None:  # the latest span that has begun
        first_month = (a - 1) * 3 + 1 if quarters else a
        y1 = today.year - (1 if first_month > today.month else 0)
    if y1 is None:
        assert y2 is not None
        y1 = y2 if a <= b else y2 - 1
    if y2 is None:
        y2 = y1 if a <= b else y1 + 1
    start = dt.date(y1, (a - 1) * 3 + 1 if quarters else a, 1)
    end_month = b * 3 if quarters else b
    end = dt.date(y2 + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
    if end < start:
        return None
    unit = "quý" if quarters else "tháng"
    return range_period(start, end, f"từ {unit} {a}/{y1} đến hết {unit} {b}/{y2}")


# Session 26 (plain behaviour since session 28, rule R8; tested in tests/ask/test_session26.py): "12
# tháng qua", "3 tháng gần đây" with no month named as a group are the months counted back from today, today included
# (20/11/2026: from 21/11/2025, from 21/08/2026), as "30 ngày qua" counts days back; they had been whole calendar
# months with the running one (from 01/12/2025, from 01/09/2026). Where the months are asked one by one ("từng / mỗi /
# theo tháng", "tháng nào") the calendar months stay, each of them whole.
# Kept by rule R1b in session 26: off alone, a train26 confident wrong came back (training 788/239/6).
_BY_MONTH = re.compile(r"\b(?:tung|moi|theo|hang|cac|nhung)\s+thang\b|\bthang\s+nao\b")


def _months_back(today: dt.date, n: int) -> dt.date:
    """The day after the same day n months before today (clamped to that month's last day)."""
    first = shift_month(today, -n)
    last = shift_month(today, -n + 1) - dt.timedelta(days=1)
    return first.replace(day=min(today.day, last.day)) + dt.timedelta(days=1)


def whole_months_of(period: Period) -> Period:
    """A rolling "N tháng qua" as the months whose first day lies in it (an indicator is reported by month: "thu ngân
    sách 3 tháng qua" on 20/11 is September to November, as the calendar reading gave)."""
    said = re.match(r"(\d+) tháng qua \(", period.label)
    if said is None or period.start.day == 1:
        return period
    start = shift_month(period.start, 1)
    return Period(start, period.end, f"{said.group(1)} tháng qua (từ {day_label(start)} đến {day_label(period.end)})",
                  period.kind)


def _last_n(unit: str) -> Callable[[re.Match[str], dt.date], Period | None]:
    def build(m: re.Match[str], today: dt.date) -> Period | None:
        n = int(m.group(1))
        if n <= 0 or n > 3660:
            return None
        if unit == "day":
            start = today - dt.timedelta(days=n - 1)
            return Period(start, today, f"{n} ngày qua (từ {day_label(start)} đến {day_label(today)})", "range")
        start = shift_month(today, -(n - 1))
        if not _BY_MONTH.search(m.string):
            start = _months_back(today, n)
        return Period(start, today, f"{n} tháng qua (từ {day_label(start)} đến {day_label(today)})", "range")

    return build


def _ytd(m: re.Match[str], today: dt.date) -> Period:
    start = dt.date(today.year, 1, 1)
    return Period(start, today, f"từ đầu năm {today.year} đến {day_label(today)}", "range")


def _day(offset: int, name: str) -> Callable[[re.Match[str], dt.date], Period]:
    def build(m: re.Match[str], today: dt.date) -> Period:
        day = today - dt.timedelta(days=offset)
        return Period(day, day, f"{name} ({day_label(day)})", "day")

    return build


def _single_date(m: re.Match[str], today: dt.date) -> Period | None:
    day = parse_date(m.group(1))
    return range_period(day, day) if day else None


def _months_of_named_year(m: re.Match[str], today: dt.date) -> Period | None:
    """"6 tháng cuối năm ngoái", "9 tháng đầu năm nay", "nửa đầu năm trước": the first or last n months of
    this year or the one before (a year word the shorter rules leave unread)."""
    count, end_word, year_word = m.group(1) or m.group(2), m.group(3), m.group(4)
    months = 6 if count in ("sau", "nua") else int(count)
    year = today.year - (0 if year_word == "nay" else 1)
    if not 1 <= months <= 12:
        return None
    if end_word == "dau":
        end = dt.date(year + months // 12, months % 12 + 1, 1) - dt.timedelta(days=1)
        return Period(dt.date(year, 1, 1), end, f"{months} tháng đầu năm {year}", "range")
    start = dt.date(year, 12 - months + 1, 1)
    return Period(start, dt.date(year, 12, 31), f"{months} tháng cuối năm {year}", "range")


def _first_months(m: re.Match[str], today: dt.date) -> Period | None:
    """"9 tháng đầu năm": January to the end of the n-th month (6 is the half year, a rule of its own)."""
    months, year = int(m.group(1)), _year_of(m.group(2), today)
    if not 1 <= months <= 12:
        return None
    end = (dt.date(year + months // 12, months % 12 + 1, 1)) - dt.timedelta(days=1)
    return Period(dt.date(year, 1, 1), end, f"{months} tháng đầu năm {year}", "range")


# Session 29 (`SESSION29_MONTHS_OF_YEAR`, read at run time; tested on and off in tests/ask/test_session29.py): "9 tháng
# năm 2026", "6 tháng năm nay" — the report's own name for the months from January ("báo cáo 6 tháng", "9 tháng năm
# 2026") — is January to the end of the n-th month, as "9 tháng đầu năm 2026" is; the
# number had been unknown (unsure). Only a number right before "tháng năm <year> / năm nay", never after "ngày" (a
# day of a month) nor before "qua / gần đây" (counted back from today, a rule of its own).
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6 (no verdict moves),
# no wrong back
SESSION29_MONTHS_OF_YEAR = False


def _months_of_year(m: re.Match[str], today: dt.date) -> Period | None:
    return _first_months(m, today) if SESSION29_MONTHS_OF_YEAR else None


_WEEKDAYS = {"2": 0, "hai": 0, "3": 1, "ba": 1, "4": 2, "tu": 2, "5": 3, "nam": 3, "6": 4, "sau": 4, "7": 5, "bay": 5,
             "chu nhat": 6, "cn": 6}


def _weekday(m: re.Match[str], today: dt.date) -> Period | None:
    """"thứ 2 vừa rồi", "thứ ba tuần này", "chủ nhật tuần trước": one day. Unqualified or "vừa rồi / vừa
    qua": the latest such day not after today; "tuần này / tuần trước": that day of that week. A spelled
    day needs the week said ("thu nam" alone is as likely "thu … năm")."""
    which = m.group(2) or ""
    if m.group(1) and not m.group(1).isdigit() and not which:
        return None
    weekday = _WEEKDAYS[m.group(1) or "chu nhat"]
    if which.startswith("tuan"):
        back = 0 if which.endswith("nay") else 1
        day = today - dt.timedelta(days=today.weekday() + 7 * back) + dt.timedelta(days=weekday)
    else:
        day = today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    name = "chủ nhật" if weekday == 6 else f"thứ {weekday + 2}"
    return Period(day, day, f"{name} ({day_label(day)})", "day")


_NAM_YEAR = r"(?:\s*(?:/|-|nam)?\s*(\d{4}))?"  # "nửa cuối năm 2025": the year right after "năm"
_UNTIL_END = r"\s*(?:den|toi|-)\s*(?:het\s*|cuoi\s*)?"  # "… đến (hết / cuối) tháng 9"

# Session 12: half a month, "nửa đầu tháng 10" (01–15) and "nửa cuối tháng này" (16 to the month's end), and today
# said as "từ sáng (đến / tới) giờ / nay". Before them, "nửa đầu" was left unread before a month ("đầu" unknown:
# unsure) and "sáng" was unknown; and "từ hôm <an event begun> (1/9) tới giờ" (_SINCE_EVENT): from that date up to
# today.


def _half_month(m: re.Match[str], today: dt.date) -> Period | None:
    which, number, year, relative = m.group(1), m.group(2), m.group(3), m.group(4)
    if number:
        month = _month_match(int(number), year, today)
        if month is None:
            return None
    else:
        month = month_period(shift_month(today, {"nay": 0, "hien tai": 0, "truoc": -1, "roi": -1,
                                                  "vua roi": -1, "vua qua": -1}[relative]))
    first = month.start if which == "dau" else month.start.replace(day=16)
    last = month.start.replace(day=15) if which == "dau" else month.end
    name = "nửa đầu" if which == "dau" else "nửa cuối"
    return range_period(first, last, f"{name} {month.label} ({first:%d/%m}–{last:%d/%m})")


def _month_match(month: int, year: str | None, today: dt.date) -> Period | None:
    if not 1 <= month <= 12:
        return None
    return month_period(dt.date(int(year) if year else today.year - (1 if month > today.month else 0), month, 1))


_HALF_MONTH = re.compile(r"\bnua\s*(dau|cuoi)\s*thang\s*(?:(\d{1,2})\b" + _YEAR
                         + r"|(nay|hien tai|truoc|vua roi|vua qua|roi)\b)")
# "từ hôm khai trương bộ phận một cửa mới (1/9) tới giờ", "kể từ khi áp dụng phần mềm mới ngày 15/8 đến nay": from
# the day an event happened, its date said after it, up to today. Only an event verb of starting something opens
# it (khai trương, áp dụng, triển khai…), so no name of the data (a procedure, a field) is ever read as the event.
_EVENT = (r"(?:khai truong|bat dau|ap dung|trien khai|van hanh|dua vao|sap nhap|thanh lap|khanh thanh|chuyen sang|"
          r"doi sang|len)")
_SINCE_EVENT = re.compile(rf"\b(?:tu|ke tu)\s*(?:hom|ngay|khi|luc|dot)\s*{_EVENT}(?:\s+[a-z]+){{0,8}}?\s*(?:ngay\s*)?"
                          rf"{_DATE}\s*(?:den|toi)\s*{_NOW}\b")
# "<a date> tới giờ" with no "từ" before it is from that date too (it had been read as that one day).
_DATE_TO_NOW = re.compile(rf"(?:ngay\s*)?{_DATE}\s*(?:den|toi)\s*{_NOW}\b")
_SINCE_MORNING = re.compile(r"\btu\s*sang\s*(?:den|toi)\s*(?:gio|bay gio|nay)\b")


_RULES: list[Rule] = [
    (_HALF_MONTH, _half_month),
    (_SINCE_MORNING, _day(0, "hôm nay")),
    (_SINCE_EVENT, _since),
    (_DATE_TO_NOW, _since),
    (re.compile(rf"(?:tu|trong khoang)\s*(?:ngay\s*)?{_DATE}\s*(?:den|toi|-)\s*(?:ngay\s*)?{_DATE}"), _range),
    (re.compile(rf"\b(?:tu|ke tu)\s*(?:ngay\s*)?{_DATE}\s*(?:den|toi|-)\s*(?:het|cuoi)\s*(thang|quy)\s*(\d{{1,2}})\b"
                + _YEAR), _day_to_end_of),
    (re.compile(rf"\b(?:tu|ke tu)\s*(?:ngay\s*)?{_DATE}(?:\s*(?:den|toi)\s*{_NOW})?"), _since),
    (re.compile(r"\b(?:tu|ke tu)\s*thang\s*(\d{1,2})" + _YEAR + rf"\s*(?:den|toi)\s*{_NOW}"), _since_month),
    (re.compile(r"\b(\d{1,3})\s*ngay\s*(?:qua|gan day|gan nhat|vua qua)"), _last_n("day")),
    (re.compile(r"\b(\d{1,2})\s*thang\s*(?:qua|gan day|gan nhat|vua qua)"), _last_n("month")),
    (re.compile(r"\b(?:(\d{1,2}|sau)\s*thang|(nua))\s*(dau|cuoi)\s*nam\s*(nay|ngoai|truoc|roi)\b"),
     _months_of_named_year),
    (re.compile(r"\b(?:6|sau)\s*thang\s*dau\s*nam" + _NAM_YEAR + r"|nua dau nam" + _NAM_YEAR),
     lambda m, t: half_period(dt.date(_year_of(m.group(1) or m.group(2), t), 1, 1))),
    (re.compile(r"\b(?:6|sau)\s*thang\s*cuoi\s*nam" + _NAM_YEAR + r"|nua cuoi nam" + _NAM_YEAR),
     lambda m, t: half_period(dt.date(_year_of(m.group(1) or m.group(2), t), 7, 1))),
    (re.compile(r"\b(\d{1,2})\s*thang\s*dau\s*nam(?:\s*(\d{4}))?"), _first_months),
    (re.compile(r"(?<!ngay )(?<!\d )(?<!/)\b(\d{1,2})\s*thang\s*nam\s*(?:(\d{4})|nay)\b"), _months_of_year),
    # "lũy kế đến tháng 10", "từ đầu năm đến hết tháng 9": January to the end of that month
    (re.compile(r"\b(?:luy ke|tu dau nam)" + _UNTIL_END + r"thang\s*(\d{1,2})" + _YEAR), _first_months),
    (re.compile(r"\b(?:tu|ke tu)\s*(?:dau\s*)?thang\s*(\d{1,2})" + _YEAR + _UNTIL_END + r"thang\s*(\d{1,2})" + _YEAR),
     lambda m, t: _span_of(m, t, quarters=False)),
    (re.compile(r"\b(?:tu|ke tu)\s*(?:dau\s*)?quy\s*([1-4])" + _YEAR + _UNTIL_END + r"quy\s*([1-4])" + _YEAR),
     lambda m, t: _span_of(m, t, quarters=True)),
    # not "tuần thứ 2", "xếp thứ 2", "lần thứ 2": an ordinal, no weekday
    (re.compile(r"(?<!tuan )(?<!xep )(?<!lan )(?<!hang )(?<!dung )\b(?:thu\s*([2-7]|hai|ba|tu|nam|sau|bay)|chu nhat)"
                r"(?:\s*(tuan nay|tuan truoc|tuan roi|vua roi|vua qua))?\b"), _weekday),
    (re.compile(r"\btu dau nam(?: den nay| toi nay)?|\bluy ke(?: nam)?\b"), _ytd),
    # bug fix (session 25, rule R7): not "từ đầu tháng trước / rồi / vừa …", nor "từ đầu tháng 10" (another month's
    # start, read by the rules above or left unread): it had answered from the 1st of this month
    (re.compile(r"\btu dau thang(?!\s*(?:truoc|roi|vua|qua|\d))"),
     lambda m, t: Period(t.replace(day=1), t, f"từ đầu tháng {t.month}/{t.year} đến {day_label(t)}", "range")),
    (re.compile(r"\bthang\s*(?:nay|hien tai|nay nam nay)\b"), lambda m, t: month_period(t)),
    (re.compile(r"\bthang\s*(?:truoc|roi)\s*nua\b"), lambda m, t: month_period(shift_month(t, -2))),
    (re.compile(r"\bthang\s*(?:truoc|vua roi|vua qua|roi)\b"), lambda m, t: month_period(shift_month(t, -1))),
    (re.compile(r"\bquy\s*(?:nay|hien tai)\b"), lambda m, t: quarter_period(t)),
    (re.compile(r"\bquy\s*(?:truoc|roi)\s*nua\b"), lambda m, t: quarter_period(shift_month(t, -6))),
    (re.compile(r"\bquy\s*(?:truoc|vua roi|vua qua|roi)\b"), lambda m, t: quarter_period(shift_month(t, -3))),
    (re.compile(r"\bquy\s*(iv|iii|ii|i|[1-4])\b" + _YEAR), _quarter),
    (re.compile(r"\bthang\s*(\d{1,2})\b" + _YEAR), _month),
    (re.compile(r"\bnam\s*(?:nay|hien tai)\b"), lambda m, t: year_period(t.year)),
    (re.compile(r"\bnam\s*kia\b|\bnam\s*(?:truoc|roi)\s*nua\b"), lambda m, t: year_period(t.year - 2)),
    (re.compile(r"\bnam\s*(?:ngoai|truoc|roi|vua roi|vua qua)\b"), lambda m, t: year_period(t.year - 1)),
    (re.compile(r"\bnam\s*(\d{4})\b"), lambda m, t: year_period(int(m.group(1)))),
    (re.compile(r"\btuan\s*(?:nay|hien tai)\b"), lambda m, t: week_period(t, 0)),
    (re.compile(r"\btuan\s*(?:truoc|roi)\s*nua\b"), lambda m, t: week_period(t, 2)),
    (re.compile(r"\btuan\s*(?:truoc|vua roi|vua qua|roi)\b"), lambda m, t: week_period(t, 1)),
    (re.compile(r"\bthang\s*(?:toi|ke tiep|tiep theo)\b"), lambda m, t: month_period(shift_month(t, 1))),
    (re.compile(rf"\bquy\s*{_NEXT}\b"), lambda m, t: quarter_period(shift_month(t, 3))),
    (re.compile(rf"\bnam\s*{_NEXT}\b"), lambda m, t: year_period(t.year + 1)),
    (re.compile(rf"\btuan\s*{_NEXT}\b"), lambda m, t: week_period(t, -1)),
    (re.compile(r"\bngay\s*mai\b"), _day(-1, "ngày mai")),
    (re.compile(r"\bhom\s*nay\b"), _day(0, "hôm nay")),
    (re.compile(r"\bhom\s*qua\b"), _day(1, "hôm qua")),
    (re.compile(r"\bhom\s*kia\b"), _day(2, "hôm kia")),
    (re.compile(rf"(?:ngay\s*)?{_DATE}"), _single_date),
]


# "từ đầu năm (đến) trước (dịp / lễ) Quốc khánh (2/9)" ends on 1 September (the day before 2/9), as three writers
# resolved it; "dịp Quốc khánh" alone (the holiday's week to one writer) stays unread. Session 17 (second round).


def _ytd_until_national_day(m: re.Match[str], today: dt.date) -> Period | None:
    end = dt.date(today.year, 9, 1)
    if end > today:
        return None
    return Period(dt.date(today.year, 1, 1), end, f"từ đầu năm {today.year} đến trước Quốc khánh 2/9 "
                  f"(hết {day_label(end)})", "range")


_NATIONAL_DAY = re.compile(r"\b(?:ke\s*)?tu\s*dau\s*nam(?:\s*nay)?\s*(?:den|toi)\s*truoc\s*(?:(?:dip|ngay|le)\s*)*"
                           r"quoc\s*khanh(?:\s*(?:ngay\s*)?0?2\s*/\s*0?9(?:\s*/\s*\d{4})?)?\b")


def find_periods(text: str, today: dt.date | None = None) -> list[tuple[int, int, Period]]:
    """Every period named in the text, as (start offset, end offset, period), in reading order.

    Offsets index the folded text; rules earlier in the list win where matches overlap.
    """
    today = today or local_today()
    folded = fold(text)
    taken: list[tuple[int, int, Period]] = []
    for pattern, build in [(_NATIONAL_DAY, _ytd_until_national_day), *_RULES]:
        for m in pattern.finditer(folded):
            if any(m.start() < end and start < m.end() for start, end, _ in taken):
                continue
            try:
                period = build(m, today)
            except ValueError:
                period = None
            if period is not None:
                taken.append((m.start(), m.end(), period))
    taken.sort(key=lambda item: item[0])
    return taken


def parse_period(text: str, today: dt.date | None = None) -> Period | None:
    found = find_periods(text, today)
    return found[0][2] if found else None
