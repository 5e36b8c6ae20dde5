"""Months, quarters and days as they are typed, turned into what the period rules read: "tháng mười hai" → 12,
"ngày 15 tháng 11" → 15/11, "1/10" → 1/10/2026, "tháng sáu" (June) told from "tháng sau" (the next month) by its
accents. Split from tokens.py: these rewrite the words before any step reads them, with no flag of their own."""

from __future__ import annotations

import datetime as dt
import re

SPELLED_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}


_SPAN_STARTS = {"dau", "thang", "quy", "ngay", "hom", "tuan", "khi", "luc", "sau", "truoc", "cuoi", "giua"}


# Bug fix (session 27, rule R7): "mỗi tháng bà con gửi bao nhiêu kiến nghị", "mỗi tháng bà Lan giải quyết bao nhiêu
# hồ sơ", "mỗi quý bà con …": folded, the "bà" (the citizens, a woman's title) is the "ba" of "tháng ba" (March),
# "quý ba" (the third quarter), and that period had been read (compared with the period asked, or given alone: a
# confident wrong). Where "bà" is typed with its accent after "tháng / quý", it is not a number; "tháng ba" typed so
# (and unaccented text) keeps March.
# Bug fix (session 27, rule R7): "mỗi tháng hai lĩnh vực … nhận bao nhiêu", "từng quý ba cán bộ …": after "mỗi / từng /
# hàng / theo" the unit of time is every month (quarter) and the spelled number counts what follows; February (the
# second quarter) had been read. A spelled number there is not the period's number ("mỗi tháng hai" is never "each
# February" in a ward's question). Typed with accents only: folded, "mới quý ba" (new, the third quarter) is the same.
_EVERY = {"moi", "tung", "hang", "theo"}
_EVERY_TYPED = re.compile(r"\b(?:mỗi|từng|hàng|hằng|theo)\s+(?:tháng|quý)\s+"
                          r"(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín)\b", re.IGNORECASE)
_UNIT_BA = re.compile(r"\b(?:tháng|quý|thang|quy)\s+(b[aàáảãạ])\b", re.IGNORECASE)


def spelled_numbers(raw: list[str], question: str = "") -> list[str]:
    """"tháng mười", "tháng mười hai", "tháng giêng", "quý ba" → digits, so a spelled month is
    never silently ignored (it used to fall back to the whole year)."""
    typed = [m.group(1).lower() for m in _UNIT_BA.finditer(question)]  # "ba" or "bà" after each "tháng / quý"
    said = sum(1 for k in range(len(raw) - 1) if raw[k] in ("thang", "quy") and raw[k + 1] == "ba")
    titles = typed if len(typed) == said else []
    every = _EVERY_TYPED.search(question) is not None
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] in ("thang", "quy") and k + 1 < len(raw):
            nxt = raw[k + 1]
            after = raw[k + 2] if k + 2 < len(raw) else ""
            value, used = None, 0
            title = titles.pop(0) if nxt == "ba" and titles else "ba"  # "ba" or "bà" as typed after this unit
            if raw[k] == "thang" and nxt == "gieng":
                value, used = 1, 1
            elif raw[k] == "thang" and nxt == "chap":
                value, used = 12, 1
            elif raw[k] == "thang" and nxt == "muoi":
                value, used = (10 + {"mot": 1, "hai": 2}[after], 2) if after in ("mot", "hai") else (10, 1)
            elif nxt in SPELLED_UNITS and not (every and k and raw[k - 1] in _EVERY):
                year_word = nxt == "nam" and (after[:1].isdigit() or after in ("nay", "ngoai", "truoc", "roi", "qua"))
                after_word = nxt == "tu" and raw[k] == "thang"  # "tháng từ …" is not April
                # "mỗi quý từ đầu năm", "quý từ tháng 7": "từ" opening a span, not "quý tư" (it had been the fourth
                # quarter, a confident wrong); "quý tư năm nay" keeps its quarter
                after_word = after_word or (nxt == "tu" and (after in _SPAN_STARTS or after[:1].isdigit()))
                # "anh Thắng bây giờ …": "bây giờ" (now) is not "bảy" (July) after the folded name
                after_word = after_word or (nxt == "bay" and after == "gio")
                after_word = after_word or title != "ba"  # "tháng bà con", "tháng bà Lan"
                if not year_word and not after_word and not (nxt == "sau" and raw[k] == "thang"):
                    value, used = SPELLED_UNITS[nxt], 1
            if value is not None and (raw[k] == "thang" or value <= 4):
                out.append(str(value))
                k += used
        k += 1
    return out


# Session 25 (plain behaviour since session 27; tested in tests/ask/test_session25.py): "mùng 3", "ngày mùng 3" (a
# day of the month said with "mùng" and its digits) is "ngày 3"; "mùng" had been unknown (unsure). Only before a
# day's digits (spelled days, "mùng năm", stay unread). "ngày 3 tháng này (tháng ni)", "ngày 25 tháng trước (tháng
# rồi)": the day of the running or the previous month, as "ngày 3 tháng 11" is; the day had been unknown (unsure).
_THIS_MONTH = {"nay": 0, "truoc": 1, "roi": 1}


def _a_day(word: str) -> bool:
    return word.isdigit() and 1 <= int(word) <= 31


def spoken_days(raw: list[str], today: dt.date | None) -> list[str]:
    """Days as a leader says them, in the words day_month reads: "mùng 3" → "ngày 3", "ngày 3 tháng này" → "ngày 3
    tháng 11 năm 2026" (the year said, so that a day of this month not yet come is never last year's)."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        word, nxt = raw[k], raw[k + 1] if k + 1 < len(raw) else ""
        k += 1
        if word == "mung" and _a_day(nxt):
            if out[-1:] == ["hom"]:
                out[-1] = "ngay"  # "hôm mùng 3"
            elif out[-1:] != ["ngay"]:
                out.append("ngay")
            continue
        if (today is not None and word == "thang" and nxt in _THIS_MONTH
                and len(out) >= 2 and out[-2] == "ngay" and _a_day(out[-1])):
            first = today.replace(day=1)
            month = first if _THIS_MONTH[nxt] == 0 else (first - dt.timedelta(days=1)).replace(day=1)
            out += ["thang", str(month.month), "nam", str(month.year)]  # the year said: a day not yet come stays so
            k += 1  # "này / trước / rồi" said in the month's number
            continue
        out.append(word)
    return out


def day_month(raw: list[str]) -> list[str]:
    """"ngày 15 tháng 11" → "15/11" (a date the period rules read), and "từ ngày 1 đến ngày 15 tháng 11":
    a bare day before it takes the same month. Left as words, the day numbers were unexplained."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        if (raw[k] == "ngay" and k + 3 < len(raw) and raw[k + 1].isdigit() and raw[k + 2] == "thang"
                and raw[k + 3].isdigit() and 1 <= int(raw[k + 1]) <= 31 and 1 <= int(raw[k + 3]) <= 12):
            day, month, after = raw[k + 1], raw[k + 3], raw[k + 4:k + 6]
            if after[:1] == ["nam"] and not (len(after) == 2 and after[1].isdigit() and len(after[1]) == 4):
                out.append(raw[k])  # "… năm nay / ngoái": left as words (unsure), never a date and a year apart
                k += 1
                continue
            if after[:1] == ["nam"]:
                month, k = f"{month}/{after[1]}", k + 2  # "ngày 3 tháng 10 năm 2026"
            for j in range(len(out) - 1, max(-1, len(out) - 5), -1):
                if out[j].isdigit() and j and out[j - 1] == "ngay" and 1 <= int(out[j]) <= 31:
                    out[j] = f"{out[j]}/{month}"
                    break
            out += ["ngay", f"{day}/{month}"]
            k += 4
            continue
        out.append(raw[k])
        k += 1
    return out


def with_year(token: str, today: dt.date) -> str:
    """"1/10" (a day without its year) → "1/10/2026": the latest such day not after today."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", token)
    if not m:
        return token
    day, month = int(m.group(1)), int(m.group(2))
    try:
        year = today.year if dt.date(today.year, month, day) <= today else today.year - 1
        dt.date(year, month, day)
    except ValueError:
        return token
    return f"{day}/{month}/{year}"


def next_or_sixth(question: str, raw: list[str]) -> list[str]:
    """"tháng sáu" is June, "tháng sau" the month after this one; folded, both are "thang sau".
    The accents say which: "sáu" typed → 6; "sau" in a question typed with accents → "tháng tới".
    A question typed without any accents keeps "thang sau", and the parser asks which was meant."""
    typed = re.findall(r"\btháng\s+(sáu|sau)\b", question.lower())
    accented = any(ord(ch) > 127 for ch in question)
    out, seen = list(raw), 0
    for k in range(len(out) - 1):
        if out[k] == "thang" and out[k + 1] == "sau":
            word = typed[seen] if seen < len(typed) else ""
            seen += 1
            if word == "sáu":
                out[k + 1] = "6"
            elif word == "sau" and accented:
                out[k + 1] = "toi"
    return out
