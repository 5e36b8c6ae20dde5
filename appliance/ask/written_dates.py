"""Session 19: dates as an office copies them from handwritten notes, rewritten into the forms the period rules read.

- "20-11", "20.11" (a day and a month joined by a dash or a dot) is the day 20/11, as "20/11" already was; never
  before a counting word or "%" ("5-10 hồ sơ", "3.5%"), never after "top", and only a real day of the year;
- "Q3.2026", "T10.2026", "Q3-2026", "quý 3.2026", "tháng 10.2026" are "quý 3/2026", "tháng 10/2026" (the dot or dash
  had split the year off, left unknown);
- "tuần 46" (the week's number in the year, as office calendars count them, ISO 8601: weeks from Monday, week 1 the
  one holding the year's first Thursday) is that Monday-to-Sunday week, up to today while it runs ("(từ) tuần 40 đến
  tuần 46" the span of them). A week not begun,
  "tuần 2 (của) tháng 10" (a week of a month) and a number after "thứ" are not read.

Each form had left its words unknown, so the question was "unsure". Tested in tests/ask/test_session19.py.
"""

from __future__ import annotations

import datetime as dt
import re

_COUNTING = ("ho", "hs", "phan", "pa", "ngay", "bo", "cai", "vu", "lan", "nguoi", "phieu", "thu", "tuan", "thang",
             "quy", "nam", "%", "trieu", "ty", "dong", "don")
_PERIOD_DOT = re.compile(r"\b(q|t|quy |thang )(\d{1,2})[.\-](\d{4})\b")
_DAY_MONTH = re.compile(r"(?<![\d/.\-])(\d{1,2})[\-.](\d{1,2})(?![\d/.\-])(\s*\S*)")
_WEEK_MONTH = {"thang", "cua", "trong", "dau", "cuoi"}


def _day_month(m: re.Match[str], before: str) -> str:
    day, month, after = int(m.group(1)), int(m.group(2)), m.group(3)
    word = after.strip()
    if not (1 <= day <= 31 and 1 <= month <= 12) or word.startswith(_COUNTING) or before.endswith("top "):
        return m.group(0)
    try:
        dt.date(2024, month, day)  # a leap year: 29-2 is a day
    except ValueError:
        return m.group(0)
    return f"{day}/{month}{after}"


# Session 29 (`SESSION29_ROMAN_QUARTER_YEAR`, read at run time; tested on and off in tests/ask/test_session29.py): a
# quarter in Roman numerals with its year after a slash, as reports write it ("quý III/2026", "Quý IV/2025"), is that
# quarter of that year, as "quý 3/2026" and "quý III năm 2026" already were; the slash had split the year off, left
# unknown (unsure). Only I–IV right before "/" and four digits.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 885/337/6
# (train29 b018 right → unsure), no wrong back
SESSION29_ROMAN_QUARTER_YEAR = False
_ROMAN_QUARTER_YEAR = re.compile(r"\bquy (iv|iii|ii|i)/(\d{4})\b")

# Session 29 (`SESSION29_MONTH_YEAR`, read at run time; tested on and off in tests/ask/test_session29.py): a month
# written with its year and no day, as statistics forms write it ("số hồ sơ tiếp nhận 10/2026", "từ 01/2026 đến
# 06/2026"), is that month, as "tháng 10/2026" is; it had been unknown (unsure). Only a month 1–12 and a year of this
# century, never after "tháng / quý / ngày", after a document's "số" or inside a longer date ("20/10/2026"), and never
# beside a dash (two periods joined by a dash are not read as a span: rule R9, session 27's DASH_SPAN).
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6
# (no verdict moves), no wrong back
SESSION29_MONTH_YEAR = False
_MONTH_YEAR = re.compile(r"(?<![\d/.\-–])(?<!thang )(?<!quy )(?<!ngay )(?<!t)(?<!q)\b(\d{1,2})/(20\d{2})\b"
                         r"(?![\d/]|\.\d)")


_NUMBERED = re.compile(r"\b(?:so|dinh|thong tu|cong van|ke hoach|to trinh|chi thi)$")


def _month_year(m: re.Match[str], folded: str) -> str:
    before, after = folded[:m.start()].rstrip(), folded[m.end():].lstrip()
    if not 1 <= int(m.group(1)) <= 12 or before[-1:] in ("-", "–") or after[:1] in ("-", "–"):
        return m.group(0)
    if _NUMBERED.search(before):
        return m.group(0)  # "quyết định số 12/2026", "công văn 10/2026": a document's number, no month
    return f"thang {int(m.group(1))}/{m.group(2)}"


def rewrite(folded: str) -> str:
    """The folded question with a day or a period written with a dash or a dot in the usual slash form."""
    folded = _PERIOD_DOT.sub(lambda m: f"{m.group(1)}{m.group(2)}/{m.group(3)}", folded)
    if SESSION29_ROMAN_QUARTER_YEAR:
        folded = _ROMAN_QUARTER_YEAR.sub(lambda m: f"quy {m.group(1)} nam {m.group(2)}", folded)
    if SESSION29_MONTH_YEAR:
        folded = _MONTH_YEAR.sub(lambda m: _month_year(m, folded), folded)
    return _DAY_MONTH.sub(lambda m: _day_month(m, folded[:m.start()]), folded)


def _iso_week(year: int, number: int) -> tuple[dt.date, dt.date] | None:
    try:
        monday = dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    return monday, monday + dt.timedelta(days=6)


def numbered_weeks(raw: list[str], today: dt.date) -> list[str]:
    """"tuần 46" → "từ 9/11/2026 đến 15/11/2026": the week of that number in this year (or the year said after it)."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        word = raw[k]
        nxt = raw[k + 1] if k + 1 < len(raw) else ""
        after = raw[k + 2:k + 4]
        if (word == "tuan" and nxt.isdigit() and (not out or out[-1] not in ("thu", "top"))
                and not (after[:1] and after[0] in _WEEK_MONTH)):
            year, used = today.year, 2
            if after[:1] == ["nam"] and len(after) == 2 and after[1].isdigit() and len(after[1]) == 4:
                year, used = int(after[1]), 4
            week = _iso_week(year, int(nxt))
            # "(từ) tuần 40 đến tuần 46": one span from the first week's Monday to the last one's Sunday
            last = raw[k + 2:k + 5]
            if (week is not None and used == 2 and len(last) == 3 and last[0] in ("den", "toi", "-")
                    and last[1] == "tuan" and last[2].isdigit()):
                to = _iso_week(year, int(last[2]))
                if to is not None and to[0] > week[0]:
                    week, used = (week[0], to[1]), 5
                    if out[-1:] in (["tu"], ["ke"]):
                        out.pop()
            if week is not None and week[0] <= today:
                start, end = week[0], min(week[1], today)
                out += ["tu", f"{start.day}/{start.month}/{start.year}", "den", f"{end.day}/{end.month}/{end.year}"]
                k += used
                continue
        out.append(word)
        k += 1
    return out
