"""Deadlines as people say them in meetings, resolved against the meeting date.

Matching runs on text folded character by character (lower case, no diacritics, đ→d, same
length as the original) so offsets point back into what was said. Conventions (docs/meetings.md):
"thứ Sáu tuần này" = that weekday of the meeting's week; "tuần sau/tới" = next week's; a bare
weekday = its next occurrence; "trong tuần này/sau" = the Friday; "trong/cuối/hết tháng N" = the
month's last day; "trước ngày D/M" = D/M itself; "trong N ngày (làm việc)" counts from the meeting
(working days skip weekends, public holidays and the ward's own days off: its WorkCalendar); a
day/month before the meeting by over two months means next year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from appliance.text.dates import WorkCalendar, add_working_days, holiday_name

_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8,
          "chin": 9}
_NUMWORD = r"(?:(?:hai|ba) (?:mot|lam|tu)\b|hai (?:sau|bay|tam|chin)\b|(?:hai|ba) muoi(?: (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|muoi(?: (?:mot|hai|ba|bon|lam|nam|sau|bay|tam|chin))?|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin)"  # noqa: E501
NUM = rf"(\d{{1,2}}|{_NUMWORD})"
_TENS = r"(?:(?:hai|ba) (?:mot|lam|tu)|hai (?:sau|bay|tam|chin)|(?:hai|ba) muoi(?: (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|muoi(?: (?:mot|hai|ba|bon|lam|nam|sau|bay|tam|chin))?)"  # noqa: E501
# A day said before its month ("ngày hai hai tháng mười hai", "trước hai ba tháng một"): also "hai hai", "hai ba" said
# short for 22, 23, which elsewhere are "two or three" ("trong hai ba ngày"); a bug fix in session 26 (rule R7: the
# day was dropped and "tháng mười hai" read alone, the month's end)
_DAY = rf"(?:hai (?:hai|ba)|{NUM[1:-1]})"
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5, "2": 0, "3": 1, "4": 2, "5": 3,
                  "6": 4, "7": 5}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def fold_keep(text: str) -> str:
    """Folded text with exactly one character per input character (offsets stay valid)."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c))
        base = base.replace("đ", "d")
        out.append(base[:1] if base else " ")
    return "".join(out)


def number(raw: str) -> int:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    words = raw.split()
    if words[0] == "muoi":
        return 10 + (_UNITS.get(words[1], 0) if len(words) > 1 else 0)
    if len(words) >= 2 and words[1] == "muoi":
        return _UNITS[words[0]] * 10 + (_UNITS.get(words[2], 0) if len(words) > 2 else 0)
    if len(words) == 2 and (words[1] in ("mot", "lam", "tu", "sau", "bay", "tam", "chin")
                            or words[0] == "hai" and words[1] in ("hai", "ba")):
        # "hai lăm" = 25, "ba mốt" = 31, "hai bảy" = 27: said short ("hai hai", "hai ba" only as a day before its
        # month: _DAY)
        return _UNITS[words[0]] * 10 + _UNITS[words[1]]
    return _UNITS[words[0]]


def _month_end(year: int, month: int) -> dt.date:
    while month > 12:
        year, month = year + 1, month - 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _near_year(day: int, month: int, year: int | None, meeting: dt.date) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year if year > 100 else 2000 + year, month, day)
        found = dt.date(meeting.year, month, day)
    except ValueError:
        return None
    if found < meeting - dt.timedelta(days=60):  # "5/1" said in December is next January
        found = found.replace(year=meeting.year + 1)
    return found


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _upcoming(day: dt.date, meeting: dt.date) -> dt.date:
    """"Trong tuần này", "thứ Sáu này" said on a Sunday: the coming one, never a day already past."""
    return day + dt.timedelta(days=7) if day < meeting else day


def _weekday(m: re.Match[str], meeting: dt.date) -> dt.date:
    target = 6 if m.group("cn") else _WEEKDAY_WORDS[m.group("wd")]
    which = m.group("which") or ""
    if which in ("nay", "hien tai"):
        return _upcoming(_monday(meeting) + dt.timedelta(days=target), meeting)
    if which:  # (rule R7, session 25) "thứ Sáu tuần sau nữa": the week after next, it was next week's
        return _monday(meeting) + dt.timedelta(days=(14 if m.group("more") else 7) + target)
    ahead = (target - meeting.weekday()) % 7 or 7
    return meeting + dt.timedelta(days=ahead)


def _month(m: re.Match[str], meeting: dt.date) -> dt.date | None:
    raw, year = m.group("m"), m.group("y")
    if raw in ("nay", "hien tai"):
        month = meeting.month
    elif raw in ("sau", "toi"):
        month = meeting.month + 1
    else:
        month = number(raw)
        if not 1 <= month <= 12:
            return None
    base_year = int(year) if year else meeting.year
    if not year and month < meeting.month - 2:
        base_year += 1
    if m.group("before"):  # "trước tháng 12" = by the end of November
        return dt.date(base_year, month, 1) - dt.timedelta(days=1)
    return _month_end(base_year, month)


def _span(m: re.Match[str], meeting: dt.date, calendar: WorkCalendar | None = None) -> dt.date:
    n = number(m.group("n"))
    unit = m.group("unit")
    if unit == "ngay":
        return add_working_days(meeting, n, calendar) if m.group("work") else meeting + dt.timedelta(days=n)
    if unit == "tuan":
        return meeting + dt.timedelta(days=7 * n)
    end = _month_end(meeting.year, meeting.month + n)
    return end.replace(day=min(meeting.day, end.day))


def _quarter(m: re.Match[str], meeting: dt.date) -> dt.date | None:
    q = _ROMAN.get(m.group("q"))
    if q is None:
        return None
    year = int(m.group("y")) if m.group("y") else meeting.year
    end = _month_end(year, 3 * q)
    return end if m.group("y") or end >= meeting else _month_end(year + 1, 3 * q)  # "quý I" said in December


def _day_of_relative_month(m: re.Match[str], meeting: dt.date) -> dt.date | None:
    month = meeting.month + (0 if m.group("rel") == "nay" else 1)
    year = meeting.year + (month > 12)
    try:
        return dt.date(year, (month - 1) % 12 + 1, number(m.group("d")))
    except ValueError:
        return None


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], dt.date | None]]
# Session 29 (docs/meetings.md, "Session 29"): a weekday named with its date ("trước thứ Năm 17/12", "thứ sáu mười tám
# tháng mười hai", "sáng thứ ba hai tháng hai") is that date: the weekday only names it (a deadline word before the
# weekday read the next such weekday, a week early, and the date was dropped); read at run time
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_WEEKDAY_DATE = False
# Session 29: a day and its month said in words with no word before them ("em in xong mười tám tháng mười hai", the
# recogniser's "numbers as words") are that date, as "ngày mười tám tháng mười hai" is (the month alone was read, its
# last day); not a span ("ba tháng mười ngày") — read at run time
# on by rule R1 (session 29): fresh off alone 708/176/194, on 709/176/193 (right +1, wrong unchanged: fresh19 right +1
# wrong -1, fresh9 wrong +1)
SESSION29_BARE_DAY_MONTH = True


def _weekday_date(m: re.Match[str], meeting: dt.date) -> dt.date | None:
    if m.group("dd"):
        return _near_year(int(m.group("dd")), int(m.group("mm")), int(m.group("yy")) if m.group("yy") else None,
                          meeting)
    return _near_year(number(m.group("d")), number(m.group("mo")), int(m.group("y")) if m.group("y") else None, meeting)


def _bare_day_month(m: re.Match[str], meeting: dt.date) -> dt.date | None:
    return _near_year(number(m.group("d")), number(m.group("mo")), int(m.group("y")) if m.group("y") else None, meeting)


_YEAR = r"(?:\s*(?:/|-|nam)\s*(?P<y>\d{4}))?"
RULES: list[Rule] = [
    (re.compile(r"(?:ngay\s+)?\b(?P<d>\d{1,2})\s*[/.\-]\s*(?P<mo>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{2,4}))?\b"),
     lambda m, t: _near_year(int(m.group("d")), int(m.group("mo")), int(m.group("y")) if m.group("y") else None, t)),
    (re.compile(rf"\b(?:ngay\s+|mung\s+|(?<=truoc )|(?<=han )|(?<=nhat )|(?<=xong ))(?P<d>{_DAY})\s+thang\s+"
                rf"(?P<mo>{NUM[1:-1]})\b{_YEAR}"),
     lambda m, t: _near_year(number(m.group("d")), number(m.group("mo")),
                             int(m.group("y")) if m.group("y") else None, t)),
    (re.compile(rf"(?<![\w/])(?P<d>{_DAY})\s+thang\s+(?P<mo>{NUM[1:-1]})\b{_YEAR}(?!\s+(?:ngay|tuan|gio)\b)"),
     _bare_day_month),
    # "ngày 10 tháng sau", "25 tháng này": a day of this or the next month ("tháng sáu" is June: see find_deadline)
    (re.compile(rf"\b(?:(?:ngay|mung|mong)\s+|(?<=truoc )|(?<=han )|(?<=nhat )|(?<=xong ))(?P<d>{NUM[1:-1]})\s+"
                r"thang\s+(?P<rel>nay|sau|toi)\b"), _day_of_relative_month),
    (re.compile(r"\b(?:(?P<cn>chu nhat)|thu\s+(?P<wd>hai|ba|tu|nam|sau|bay|[2-7]))\b"
                r"(?:\s+(?:tuan\s+)?(?P<which>nay|hien tai|sau|toi|ke tiep|tiep theo)\b(?P<more>\s+nua\b)?)?"),
     _weekday),
    (re.compile(rf"(?P<before>\btruoc\s+)?\bthang\s+(?P<m>nay|hien tai|sau|toi|{NUM[1:-1]})\b(?!\s*ngay){_YEAR}"),
     _month),
    (re.compile(r"\b(?:trong|cuoi|het)\s+tuan(?:\s+(?:nay|hien tai))?\b(?!\s+(?:sau|toi|ke tiep|tiep theo))"
                # "…, tuần này trả lời dân": the week named alone at the head of a clause
                r"|(?:^|(?<=[,;:] )|(?<=\bngay ))tuan\s+nay\b"),
     lambda m, t: _upcoming(_monday(t) + dt.timedelta(days=4), t)),
    # "đầu tuần sau có kết quả": the Monday of next week
    (re.compile(r"\bdau\s+tuan\s+(?:sau|toi|ke tiep|tiep theo)\b"), lambda m, t: _monday(t) + dt.timedelta(days=7)),
    (re.compile(r"\b(?:trong\s+|cuoi\s+|het\s+)?tuan\s+(?:sau|toi|ke tiep|tiep theo)\s+nua\b"),
     lambda m, t: _monday(t) + dt.timedelta(days=18)),
    (re.compile(r"\b(?:(?:trong\s+|cuoi\s+|het\s+)?tuan\s+(?:sau|toi|ke tiep|tiep theo)|sang\s+tuan)\b"),
     lambda m, t: _monday(t) + dt.timedelta(days=11)),
    (re.compile(r"\b(?:cuoi|het)\s+thang\b"), lambda m, t: _month_end(t.year, t.month)),
    # (rule R7, session 27) "Tết tây", "Tết dương" are New Year's Day as "Tết dương lịch" is (they were the lunar
    # new year's eve, and no date)
    (re.compile(r"\b(?:truoc|den)\s+(?:khi\s+)?(?:(?:ky\s+)?nghi\s+)?tet\s+(?:duong(?:\s+lich)?|tay)\b"),
     lambda m, t: dt.date(t.year + 1, 1, 1) - dt.timedelta(days=1)),
    (re.compile(r"\b(?:truoc|den|trong dip)\s+tet(?:\s+nguyen\s+dan|\s+am\s+lich|\s+co\s+truyen)?\b"
                r"(?!\s+(?:duong|tay))"), lambda m, t: _lunar_new_year(t) - dt.timedelta(days=1)),
    (re.compile(r"\b(?:ngay|sang|chieu|toi|trua)\s+mai\b"), lambda m, t: t + dt.timedelta(days=1)),
    (re.compile(r"\b(?:chieu|toi|sang|trua)\s+nay\b"), lambda m, t: t),
    (re.compile(r"\bngay\s+(?:kia|mot)\b"), lambda m, t: t + dt.timedelta(days=2)),
    # "bữa nay": southern "hôm nay"; "trong ngày hai bảy" is the 27th, not today
    (re.compile(rf"\b(?:hom|bua)\s+nay\b|\btrong\s+ngay\b(?!\s+(?:{NUM[1:-1]}|\d)\b)"), lambda m, t: t),
    (re.compile(rf"\btrong\s+(?:vong\s+)?(?P<n>{NUM[1:-1]}|\d{{1,3}})\s+(?P<unit>ngay|tuan|thang)"
                r"(?P<work>\s+lam viec)?\b"), _span),
    # "3 ngày làm việc", "sau 5 ngày làm việc", "hai tuần nữa", "ba ngày tới": a span counted from the meeting
    (re.compile(rf"\b(?P<n>{NUM[1:-1]}|\d{{1,3}})\s+(?P<unit>ngay)(?P<work>\s+lam viec)\b"), _span),
    (re.compile(rf"\b(?P<n>{NUM[1:-1]}|\d{{1,3}})\s+(?P<unit>ngay|tuan)(?P<work>)\s+(?:nua|toi)\b"), _span),
    (re.compile(rf"\bquy\s+(?P<q>iv|iii|ii|i|[1-4])\b{_YEAR}"), _quarter),
    (re.compile(r"\b(?:cuoi|het)\s+nam(?:\s+nay)?\b"), lambda m, t: dt.date(t.year, 12, 31)),
    # "chậm nhất ngày 25", "trước mùng 5", "sáng 12"; "ngày 15 tới": the coming 15th
    (re.compile(rf"\b(?:(?:truoc|den|han|cham nhat|trong|het)\s+(?:ngay|mung|mong)|mung|mong|toi|dem|sang|chieu|trua|"
                rf"hom)\s+"
                rf"(?P<d>{NUM[1:-1]})\b(?!\s*(?:thang|/|-|\.\d|gio|nguoi|ho|ban|suat|tieng|phut|tet))"
                r"|\bngay\s+(?P<d2>\d{1,2})\s+(?=toi\b)"),
     lambda m, t: _day_of_month(number(m.group("d") or m.group("d2")), t)),
    # A recap's short "trước 23", "trước mười lăm": a day of the month, in digits or said in two words or more
    # (a single "trước năm …" is more often "before the year …" than "before the 5th")
    (re.compile(rf"\btruoc\s+(?P<d>\d{{1,2}}|{_TENS})\b"
                r"(?!\s*(?:thang|/|-|[.:,]\d|\d|gio|h\b|nguoi|ho|ban|suat|tieng|phut|tet|ngay|tuan|nam|lan|phong|"
                r"%|phan|trieu|nghin|ty|dong|tuoi|can|m\b|km|cai|chiec))"),
     lambda m, t: _day_of_month(number(m.group("d")), t)),
]

# Session 12 (docs/meetings.md, "Session 12"): "(trước) ngày mồng một tháng mười hai", "mồng 8 tháng 1": "mồng" (a
# spelling of "mùng") before a day and its month, also after "ngày"; without it the month alone was read (its end);
# "ngày 14" alone ("Được, ngày 14 nhé.", "em xin gửi vào thứ Hai, ngày 14"): that day of this month or the next
# (DAY_ALONE_RULES)
# Session 14 (docs/meetings.md, "Session 14"): "ngày hai mươi chín", "ngày mười lăm" alone in recogniser text, the
# day said in words with no month, as session 12 reads "ngày 14": that day of this month or the next (a day
# from ten up, in two words or more or "mười": "ngày hai" is not the second)
DAY_IN_WORDS_RULES: list[Rule] = [
    (re.compile(rf"\bngay\s+(?P<d>{_TENS})\b(?!\s*(?:thang|/|-|gio|h\b|nguoi|ho|ban|suat|tieng|phut|tet|ngay|tuan|"
                r"lan|phan|trieu|nghin|ty|dong|tuoi|nam|lam viec|nua|toi|mot|mốt|hai|ba|bon|tu|lam|sau|bay|tam|chin|"
                r"muoi|\d)\b)"),
     lambda m, t: _day_of_month(number(m.group("d")), t)),
]
# Session 15 (docs/meetings.md, "Session 15"): a part of the day before a date with its month ("đêm ba mươi mốt tháng
# mười hai", "tối hai tư tháng mười hai", "sáng 15 tháng 1", "hôm ba mươi tháng mười hai") is that whole date; the
# older "sáng 12" rule read only the first number word of it ("tối hai" → the 2nd, "đêm ba mươi" → the 30th)
# ; so is a date with its month after "hạn chót", "là", "vào" ("hạn chót mười lăm tháng mười hai" was the month's end)
_DAY_LEAD = r"\b(?:toi|dem|sang|chieu|trua|hom|buoi|chot|la|vao)\s+"


DAY_WITH_MONTH_RULES: list[Rule] = [
    (re.compile(rf"\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,?\s+(?:ngay\s+|mung\s+|mong\s+)?"
                rf"(?:(?P<d>{_DAY})\s+thang\s+(?P<mo>{NUM[1:-1]})\b{_YEAR}(?!\s+(?:ngay|tuan|gio)\b)"
                r"|(?P<dd>\d{1,2})\s*[/.\-]\s*(?P<mm>\d{1,2})(?:\s*[/.\-]\s*(?P<yy>\d{2,4}))?\b)"), _weekday_date),
    (re.compile(rf"{_DAY_LEAD}(?P<d>{_DAY})\s+thang\s+(?P<mo>{NUM[1:-1]})\b{_YEAR}"
                rf"(?!\s+(?:ngay|tuan|gio)\b)"),  # "thời gian là ba tháng mười ngày": a span, not 10/3
     lambda m, t: _near_year(number(m.group("d")), number(m.group("mo")),
                             int(m.group("y")) if m.group("y") else None, t)),
    (re.compile(rf"{_DAY_LEAD}(?P<d>{NUM[1:-1]})\s+thang\s+(?P<rel>nay|sau|toi)\b"), _day_of_relative_month),
]
# "(hồ sơ) trễ hạn tháng 10", "quá hạn 15/11": the date says which files ran late; "hạn" there marks no deadline, so a
# deadline said after it ("…, thứ Hai tuần sau báo cáo anh") is the one
_LATE = re.compile(r"\b(?:tre|qua|tre\s+het|bi\s+tre)\s+han$")
# Session 18 (docs/meetings.md, "Session 18"): a month or quarter said bare after "tình hình", "kết quả", "số liệu"
# ("Chị Hương báo cáo nhanh tình hình tháng mười một.", "điểm qua kết quả quý ba") is the period reported on, not a
# deadline; "báo cáo kết quả trong tháng 11", "… cuối tháng này" still are
_MATTER = re.compile(r"\b(?:tinh hinh|ket qua|so lieu)\s+$")
# Session 26 (docs/meetings.md, "Session 26"): so is a month or quarter said bare after the paper or the payment it
# names ("Chị Lan gửi báo cáo tháng 11 cho quận.", "kế hoạch tháng 12", "bảng tổng hợp chi trả tháng 11", "lương tháng
# 12", "số hồ sơ trễ hạn tháng 11"): which month's report, not a deadline; "gửi báo cáo trong tháng 12", "… trước tháng
# 12", "… cuối tháng này" still are
# (on by rule R1 in session 26: fresh off alone 666/175/198, on 667/174/197; plain behaviour since session 28)
_PAPER = re.compile(r"\b(?:bao cao|ke hoach|danh sach|chi tra|tro cap|luong|quyet toan|thong ke|giao ban|bang cham cong"
                    r"|bang tong hop|bang luong|lich truc|lich cong tac|(?:tre|qua) han)\s+$")
# A day said in words is read whole: "trước mười hai giờ trưa mai" is not "before the 10th" (the older rules could
# stop after "mười" when what followed did not suit them), so a day followed by another number word is no date (a bug
# fix since session 16, rule R7: session 15's setting, off by its R1, is unconditional)
_MORE_NUMBER = re.compile(r"\s+(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin|muoi|linh|le)\b")
DAY_ALONE_RULES: list[Rule] = [
    (re.compile(r"\bngay\s+(?P<d>\d{1,2})\b(?!\s*(?:thang|/|-|\.\d|gio|h\b|nguoi|ho|ban|suat|tieng|phut|tet|ngay|tuan|lan|"
                r"%|phan|trieu|nghin|ty|dong|tuoi|nam))"),
     lambda m, t: _day_of_month(int(m.group("d")), t)),
    (re.compile(rf"\bmong\s+(?P<d>{NUM[1:-1]})\s+thang\s+(?P<mo>{NUM[1:-1]})\b{_YEAR}"),
     lambda m, t: _near_year(number(m.group("d")), number(m.group("mo")),
                             int(m.group("y")) if m.group("y") else None, t)),
]


def _lunar_new_year(meeting: dt.date) -> dt.date:
    """The first day of the next Tết Nguyên đán (from the `holidays` package's Vietnamese calendar)."""
    for offset in range(0, 400):
        day = meeting + dt.timedelta(days=offset)
        if holiday_name(day) == "Tết Nguyên Đán":
            return day
    raise ValueError("no Tết Nguyên đán within a year")


# "mai" alone is tomorrow only as written with its diacritics ("mái", "mãi", "thương mại" fold alike) and
# never as the name Mai (the extractor masks names before it asks for a deadline).
_TOMORROW = re.compile(r"(?<![\w])mai\b(?!\s+(?:sau|kia))")
# … nor a place: "Mai" capitalised inside a sentence ("chợ Mai Động", "quận Hoàng Mai", "Tân Mai"), or in
# recogniser text after a word that names a place ("chợ mai động", "phố mai hắc đế").
_PLACE_BEFORE = re.compile(r"\b(?:chợ|phố|đường|ngõ|ngách|khu|quận|phường|xã|làng|thôn|hoàng|tân)\s+$")


# Session 29 (docs/meetings.md, "Session 29"): in recogniser text the places named with "mai" are also known by the
# word after it ("khu tập thể mai động", "phố mai hắc đế"; not "mai động viên") or by "tập thể" before it: a place, not
# tomorrow ("… tuần tra ban đêm ở khu tập thể mai động nhé" had a deadline of the next day)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_MAI_PLACE = False
_MAI_NAMED = re.compile(r"mai\s+(?:động(?!\s+(?:viên|thổ|vật|tác))|hắc đế)\b")
_PLACE_BEFORE_MORE = re.compile(r"\btập thể\s+$")


def _place(text: str, start: int) -> bool:
    head = text[:start].rstrip()
    if text[start].isupper() and head and not head.endswith((".", ":", "!", "?", ",", ";")):
        return True
    if SESSION29_MAI_PLACE and (_MAI_NAMED.match(text.lower(), start)
                                or _PLACE_BEFORE_MORE.search(text[max(0, start - 12):start].lower())):
        return True
    return _PLACE_BEFORE.search(text[max(0, start - 12):start].lower()) is not None


def _day_of_month(day: int, meeting: dt.date) -> dt.date | None:
    try:
        found: dt.date | None = meeting.replace(day=day)
    except ValueError:
        found = None  # (rule R7, session 25) "trước ngày 31" said in November: the coming 31st, not no date
    if found is None or found < meeting:
        found = _near_year(day, meeting.month % 12 + 1, meeting.year + (meeting.month == 12), meeting) or found
    return found


def _misread(m: re.Match[str], text: str) -> bool:
    """Folding makes "sáu" (six, June) and "sau" (next) one word: the said text tells them apart."""
    for group, six in (("mo", True), ("rel", False), ("m", False)):
        if group in m.re.groupindex and m.group(group) == "sau":
            return ("á" in text[m.start(group):m.end(group)].lower()) != six
    # (rule R7, session 27) "hôm sau", "sáng hôm sau" (the day after) are no "hôm sáu" (the 6th): it was that day
    # (text typed without accents tells nothing)
    if "d" in m.re.groupindex and m.group("d") == "sau" and "á" not in text[m.start("d"):m.end("d")].lower() \
            and not text.isascii():
        return True
    # Nor "sáng năm" (the morning of the 5th) and "sang năm" (next year), "tới" and "tối".
    said = text[m.start():m.end()].lower()
    return "d" in m.re.groupindex and m.group(0).startswith(("sang ", "toi ")) and not said.startswith(("sáng",
                                                                                                       "tối"))


# On the text with its diacritics: folded, "tư" (four, "sáu tư" = 64) would read as "từ" (from).
_START = re.compile(r"\b(?:từ|bắt đầu(?: từ)?|kể từ)\s+(?:ngày\s+|hôm\s+)?$")  # "em gửi từ hôm thứ Sáu rồi": past
# (rule R7, session 25) "từ nay / từ giờ / từ bây giờ đến thứ Sáu" is by Friday, no period's end: it was no date
_PERIOD = re.compile(r"\btừ\s+(?!(?:nay|giờ|bây giờ|hôm nay|giờ này)\s+(?:đến|tới)\b)"
                     r"\S+(?:\s+\S+){0,3}?\s+(?:đến|tới)\s+(?:ngày\s+)?$")
_MARKER = re.compile(r"\b(?:(?:han chot|thoi han|han|xong|hoan thanh|cham nhat)\s+(?:la\s+|vao\s+|den\s+)?|"
                     r"(?:truoc|trong|vao|den|het|cuoi|ngay|tu nay den)\s+)(?:ngay\s+)?$")


# Session 17 (rule R7, a bug fix): a day said as a routine ("sáng thứ Hai hằng tuần", "ngày 25 hàng tháng", "mỗi thứ
# Sáu", "các sáng thứ Bảy") is every such day, not the next one
# On the text with its diacritics: folded, "mới" (new: "năm mới đêm 31/12") would read as "mỗi" (every).
_EVERY_AFTER = re.compile(r"\W*(?:hàng|hằng|mỗi)\s+(?:ngày|tuần|tháng|năm|quý)\b")
_EVERY_BEFORE = re.compile(r"\b(?:mỗi|các|hàng|hằng)\s+(?:(?:buổi|sáng|chiều|tối|đêm)\s+)?$")


# Session 19 (rule R7, a bug fix): "thứ hai", "thứ ba" … after a noun that is counted ("lần thứ hai", "đợt thứ ba",
# "việc thứ hai là …", "phương án thứ hai") is an ordinal, not a weekday; "làm việc thứ Hai" is still Monday
# On the text with its diacritics: folded, "lần" would read as the name "Lan".
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:lần|đợt|vòng|lượt|phần|mục|bước|giai đoạn|phương án|trường hợp|nhóm|loại|"
                             r"khóa|khoá|ý|điểm|nội dung)|(?<!làm )\bviệc)\s+$")


# Session 12 (docs/meetings.md, "Session 12"): "(dịp) cuối năm", "dịp cuối tháng" after "dịp" names the season the
# work is for ("tăng chuyến thu gom rác dịp cuối năm"), not when it is due: no deadline, so a day said before the
# doer ("trong tuần này thì huy …") is; "trong dịp Tết" keeps its reading (its words open the match).
_OCCASION = re.compile(r"\bdip\s+$")


# Session 13 (docs/meetings.md, "Session 13"): a season right after the event it names ("kỳ họp HĐND cuối năm",
# "hội nghị tổng kết cuối năm", "liên hoan cuối năm", "sơ kết đầu quý") says which event: any other date said is the
# deadline; alone, it still is (the event's day, as the answer keys take it); "trước cuối năm" keeps its reading.
_SEASON = re.compile(r"(?:cuoi|dau|giua)\s+(?:nam|thang|quy)\b")
_EVENT = re.compile(r"\b(?:ky hop|hoi nghi|tong ket|so ket|dai hoi|lien hoan|gap mat|le|hop)"
                    r"(?:\s+(?:hdnd|hoi dong nhan dan|chi bo|dang uy|co quan|tong ket|so ket|phuong|[a-z]+)){0,3}\s+$")


# Session 25 (docs/meetings.md, "Session 25"): a day before the meeting is never a deadline (none of the 935 training
# and development keys has one): it says when something happened or which paper ("trả lời công văn ngày 20/11 của
# quận", "xác minh vụ việc xảy ra đêm 28/11"); "hôm thứ Bảy" and "thứ Hai tuần trước" are days gone (every "hôm thứ
# …" of the training meetings is one), not the coming ones; another date of the sentence may be the deadline
# (on by rule R1 in session 25: fresh off alone 665/176/199, on 665/175/199; plain behaviour since session 27)
_GONE_AFTER = re.compile(r"\s+tuan\s+(?:truoc|roi)\b")
_DAY_AFTER = re.compile(rf"\s+(?:ngay\s+|mung\s+|mong\s+)?(?:\d|{_NUMWORD}\b)")  # "hôm chủ nhật hai tư": a day to come


def find_deadline(text: str, meeting: dt.date, folded: str | None = None,
                  calendar: WorkCalendar | None = None) -> tuple[dt.date, int, int] | None:
    """The deadline in the text: (date, start, end) with offsets into `text`; the span includes the
    deadline words before it. A date preceded by a deadline word ("trước", "trong", "chậm nhất"…)
    wins over a date merely mentioned."""
    found = _dates(text, meeting, folded, calendar)
    if not found:
        return None
    # Equally marked dates: the one said last, where Vietnamese puts the deadline ("hồ sơ khen thưởng cuối
    # năm, trình … trong 5 ngày làm việc"; "lịch trực thứ Bảy …, gửi anh thứ Tư").
    _rank, _late, start, day, end = min((rank, -start, start, day, end) for rank, start, day, end in found)
    return day, start, end


def event_date(text: str, meeting: dt.date, calendar: WorkCalendar | None = None) -> dt.date | None:
    """The last day said in the text as when something happens ("Ngày hội Đại đoàn kết 18/11", "thứ Năm tuần
    sau Công an Thành phố tổng kiểm tra"), not as a deadline ("xong trước thứ Ba"): what a later "hôm đó"
    refers to."""
    plain = [(start, day) for rank, start, day, _end in _dates(text, meeting, None, calendar) if rank == 2]
    return max(plain)[1] if plain else None


def _dates(text: str, meeting: dt.date, folded: str | None = None,
           calendar: WorkCalendar | None = None) -> list[tuple[int, int, dt.date, int]]:
    """Every day said in the text: (rank, start, date, end); rank 0 after a deadline word, 1 a span that
    carries its own ("trong tuần này"), 2 a day merely said, 3 a month or quarter merely said."""
    folded = folded if folded is not None else fold_keep(text)
    found: list[tuple[int, int, dt.date, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, build in DAY_WITH_MONTH_RULES + DAY_ALONE_RULES + DAY_IN_WORDS_RULES + RULES:
        if build is _weekday_date and not SESSION29_WEEKDAY_DATE \
                or build is _bare_day_month and not SESSION29_BARE_DAY_MONTH:
            continue  # a session-29 form switched off takes no span from the other rules
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken) or _misread(m, text):
                continue
            if "d" in m.re.groupindex and m.group("d") and not m.group("d").isdigit() \
                    and m.end("d") == m.end() and _MORE_NUMBER.match(folded, m.end("d")):
                continue
            taken.append((m.start(), m.end()))
            try:
                # Only "trong N ngày làm việc" depends on the ward's calendar.
                day = _span(m, meeting, calendar) if build is _span else build(m, meeting)
            except (ValueError, KeyError):
                day = None
            if day is None or _START.search(text[max(0, m.start() - 16):m.start()].lower()):
                continue  # "từ thứ Hai", "bắt đầu từ tuần này": when the work starts, not its deadline
            if (day < meeting or build is _weekday and not m.group("which") and (
                    folded[max(0, m.start() - 4):m.start()] == "hom " and not _DAY_AFTER.match(folded, m.end())
                    or _GONE_AFTER.match(folded, m.end()))):
                continue  # "công văn ngày 20/11", "vụ cháy hôm thứ Bảy", "thứ Hai tuần trước": a day gone
            if _PERIOD.search(text[max(0, m.start() - 30):m.start()].lower()):
                continue  # "trực từ 24/12 đến 2/1", "từ tổ 7 đến tổ 12": the end of a period, not a deadline
            if build is _weekday and not m.group("which") \
                    and _ORDINAL_BEFORE.search(text[max(0, m.start() - 24):m.start()].lower()):
                continue  # "lần thứ hai", "đợt thứ ba", "việc thứ hai là …": the second, the third, not a weekday
            if _EVERY_AFTER.match(text.lower(), m.end()) \
                    or _EVERY_BEFORE.search(text[max(0, m.start() - 16):m.start()].lower()):
                continue  # "báo cáo sáng thứ Hai hằng tuần", "mỗi thứ Sáu": a routine, no one day is the deadline
            before = _MARKER.search(folded[max(0, m.start() - 24):m.start()])
            if before and _LATE.search(folded[max(0, m.start() - 40):m.start() - len(before.group(0))
                                                                  + 3]):
                before = None  # "hồ sơ trễ hạn tháng 10": the files of a month gone, not the deadline
            own = folded[m.start():m.end()].startswith(("trong", "cuoi", "het", "truoc"))
            start = m.start() - len(before.group(0)) if before else m.start()
            # A month or quarter named without a deadline word ("bảng tổng hợp tháng 11") says less than a day.
            if _OCCASION.search(folded[max(0, m.start() - 8):m.start()]):
                continue  # "tăng chuyến thu gom rác dịp cuối năm": the season the work is for
            if build in (_month, _quarter) and not own and not before \
                    and (_MATTER.search(folded[max(0, m.start() - 16):m.start()])
                         or _PAPER.search(folded[max(0, m.start() - 16):m.start()])):
                continue  # "báo cáo nhanh tình hình tháng mười một": the period reported on
            weak = build in (_month, _quarter)
            rank = 0 if before else 1 if own else 3 if weak else 2
            if not before and _SEASON.match(folded, m.start()) \
                    and _EVENT.search(folded[max(0, m.start() - 40):m.start()]):
                rank = 4  # "chương trình kỳ họp HĐND cuối năm, tuần sau gửi anh": which meeting, unless alone
            found.append((rank, start, day, m.end()))
    lower = text.lower()
    for m in _TOMORROW.finditer(lower):
        if not any(m.start() < e and s < m.end() for s, e in taken) and not _place(text, m.start()):
            before = _MARKER.search(folded[max(0, m.start() - 24):m.start()])
            start = m.start() - len(before.group(0)) if before else m.start()
            found.append((0 if before else 2, start, meeting + dt.timedelta(days=1), m.end()))
    return found
