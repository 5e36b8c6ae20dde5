"""Months, quarters and days as they are typed, turned into what the period rules read: "tháng mười hai" → 12,
"ngày 15 tháng 11" → 15/11, "1/10" → 1/10/2026, "tháng sáu" (June) told from "tháng sau" (the next month) by its
accents. Split from tokens.py: these rewrite the words before any step reads them, with no flag of their own."""

from __future__ import annotations

import datetime as dt
import re

SPELLED_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}


_SPAN_STARTS = {"dau", "thang", "quy", "ngay", "hom", "tuan", "khi", "luc", "sau", "truoc", "cuoi", "giua"}


def spelled_numbers(raw: list[str]) -> list[str]:
    """"tháng mười", "tháng mười hai", "tháng giêng", "quý ba" → digits, so a spelled month is
    never silently ignored (it used to fall back to the whole year)."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] in ("thang", "quy") and k + 1 < len(raw):
            nxt = raw[k + 1]
            after = raw[k + 2] if k + 2 < len(raw) else ""
            value, used = None, 0
            if raw[k] == "thang" and nxt == "gieng":
                value, used = 1, 1
            elif raw[k] == "thang" and nxt == "chap":
                value, used = 12, 1
            elif raw[k] == "thang" and nxt == "muoi":
                value, used = (10 + {"mot": 1, "hai": 2}[after], 2) if after in ("mot", "hai") else (10, 1)
            elif nxt in SPELLED_UNITS:
                year_word = nxt == "nam" and (after[:1].isdigit() or after in ("nay", "ngoai", "truoc", "roi", "qua"))
                after_word = nxt == "tu" and raw[k] == "thang"  # "tháng từ …" is not April
                # "mỗi quý từ đầu năm", "quý từ tháng 7": "từ" opening a span, not "quý tư" (it had been the fourth
                # quarter, a confident wrong); "quý tư năm nay" keeps its quarter
                after_word = after_word or (nxt == "tu" and (after in _SPAN_STARTS or after[:1].isdigit()))
                # "anh Thắng bây giờ …": "bây giờ" (now) is not "bảy" (July) after the folded name
                after_word = after_word or (nxt == "bay" and after == "gio")
                if not year_word and not after_word and not (nxt == "sau" and raw[k] == "thang"):
                    value, used = SPELLED_UNITS[nxt], 1
            if value is not None and (raw[k] == "thang" or value <= 4):
                out.append(str(value))
                k += used
        k += 1
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


# Session 23 (`SESSION23_SPELLED_YEAR`, read at run time; tested on and off in tests/ask/test_session23.py): a year said
# digit by digit or in words after "năm" ("năm hai không hai sáu", "năm hai nghìn không trăm hai mươi lăm") is that
# year, as "năm 2026" is; its words had been unknown (unsure). Only four digits making 2000–2099.
SESSION23_SPELLED_YEAR = False  # off by rule R1 (session 23): fresh 614/204/14 on and off (R1b)
_DIGITS = {"khong": 0, "linh": 0, "le": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
           "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_THOUSAND = {"nghin", "ngan"}


def _year_words(raw: list[str], k: int) -> tuple[int, int] | None:
    """The year spelled from raw[k] on and how many words it takes, or None."""
    four = raw[k:k + 4]
    if len(four) == 4 and all(w in _DIGITS for w in four):
        year = int("".join(str(_DIGITS[w]) for w in four))
        return (year, 4) if 2000 <= year <= 2099 else None
    # "hai nghìn (không trăm) hai mươi lăm", "hai nghìn không trăm mười", "hai nghìn linh năm"
    if raw[k:k + 1] != ["hai"] or raw[k + 1:k + 2] == [] or raw[k + 1] not in _THOUSAND:
        return None
    j = k + 2
    if raw[j:j + 2] == ["khong", "tram"]:
        j += 2
    rest = raw[j:j + 3]
    if rest[:1] in (["linh"], ["le"]) and rest[1:2] and rest[1] in _DIGITS:
        return 2000 + _DIGITS[rest[1]], j + 2 - k
    if rest[:1] == ["muoi"]:
        tail = _DIGITS.get(rest[1], -1) if len(rest) > 1 else -1
        return (2010 + tail, j + 2 - k) if 0 < tail else (2010, j + 1 - k)
    if len(rest) >= 2 and rest[0] in _DIGITS and rest[1] == "muoi":  # "mươi" and "mười" fold alike
        tens = _DIGITS[rest[0]] * 10
        tail = _DIGITS.get(rest[2], -1) if len(rest) > 2 else -1  # "mốt" folds to "mot"
        return (2000 + tens + tail, j + 3 - k) if 0 < tail else (2000 + tens, j + 2 - k)
    return None


def spelled_year(raw: list[str]) -> list[str]:
    if not SESSION23_SPELLED_YEAR:
        return raw
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] == "nam" and (found := _year_words(raw, k + 1)) is not None:
            out.append(str(found[0]))
            k += found[1]
        k += 1
    return out


# Session 23 (`SESSION23_SPELLED_DAY`, read at run time; tested on and off in tests/ask/test_session23.py): a day of the
# month in words after "ngày / mùng / mồng" ("ngày mười lăm tháng mười", "mùng năm tháng 11") is that day, as "ngày 15
# tháng 10" is (then a date); its words had been unknown (unsure). Only 1–31, and only before "tháng".
SESSION23_SPELLED_DAY = False  # off by rule R1 (session 23): fresh 614/204/14 on and off (R1b)
_DAY_OPENERS = {"ngay", "mung", "mong"}


def _day_words(words: list[str]) -> tuple[int, int] | None:
    """The day spelled at the start of words (and how many words it takes), or None."""
    if words[:1] == ["muoi"]:
        tail = _DIGITS.get(words[1], -1) if len(words) > 1 and words[1] not in ("khong", "linh", "le", "tu") else -1
        return (10 + tail, 2) if tail > 0 else (10, 1)
    if words[:1] and words[0] in ("hai", "ba") and words[1:2] == ["muoi"]:
        tens = _DIGITS[words[0]] * 10
        nxt = words[2] if len(words) > 2 else ""
        tail = 1 if nxt == "mot" else _DIGITS.get(nxt, -1) if nxt not in ("khong", "linh", "le") else -1
        return (tens + tail, 3) if tail > 0 else (tens, 2)
    if words[:1] and words[0] in _DIGITS and words[0] not in ("khong", "linh", "le", "lam"):
        return _DIGITS[words[0]], 1
    return None


def spelled_day(raw: list[str]) -> list[str]:
    if not SESSION23_SPELLED_DAY:
        return raw
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] in _DAY_OPENERS and (found := _day_words(raw[k + 1:k + 4])) is not None:
            day, used = found
            if 1 <= day <= 31 and raw[k + 1 + used:k + 2 + used] == ["thang"]:
                if raw[k] != "ngay":
                    out[-1] = "ngay"
                out.append(str(day))
                k += used
        k += 1
    return out


# Session 23 (`SESSION23_SPELLED_SPAN`, read at run time; tested on and off in tests/ask/test_session23.py): a number of
# days or months said in words before "qua / gần đây / gần nhất / vừa qua" or "đầu / cuối năm" ("ba mươi ngày qua",
# "bảy ngày qua", "ba tháng gần đây", "chín tháng đầu năm") is that number, as "30 ngày qua" is; its words had been
# unknown (unsure). Weeks are not read so ("hai tuần gần đây": session 17's WEEKS_BACK, rule R9).
SESSION23_SPELLED_SPAN = False  # off by rule R1 (session 23): fresh 614/204/14 on and off (R1b)
_SPAN_ENDS = (["qua"], ["gan", "day"], ["gan", "nhat"], ["vua", "qua"], ["dau", "nam"], ["cuoi", "nam"])


def _count_words(words: list[str]) -> tuple[int, int] | None:
    """A number 1–99 said in words at the start of words (and how many words it takes), or None."""
    if words[:1] == ["muoi"]:
        tail = _DIGITS.get(words[1], -1) if len(words) > 1 and words[1] not in ("khong", "linh", "le", "tu") else -1
        return (10 + tail, 2) if tail > 0 else (10, 1)
    if words[:1] and words[0] in _DIGITS and words[0] not in ("khong", "linh", "le", "lam", "tu"):
        if words[1:2] == ["muoi"]:
            nxt = words[2] if len(words) > 2 else ""
            tail = 1 if nxt == "mot" else _DIGITS.get(nxt, -1) if nxt not in ("khong", "linh", "le") else -1
            return (_DIGITS[words[0]] * 10 + tail, 3) if tail > 0 else (_DIGITS[words[0]] * 10, 2)
        return _DIGITS[words[0]], 1
    return None


def spelled_span(raw: list[str]) -> list[str]:
    if not SESSION23_SPELLED_SPAN:
        return raw
    out: list[str] = []
    k = 0
    while k < len(raw):
        found = _count_words(raw[k:k + 3]) if raw[k] in _DIGITS or raw[k] == "muoi" else None
        if found is not None and (k == 0 or raw[k - 1] not in ("thang", "quy", "ngay", "thu", "nam")):
            value, used = found
            unit = raw[k + used:k + used + 1]
            rest = raw[k + used + 1:k + used + 3]
            if unit in (["ngay"], ["thang"]) and any(rest[:len(e)] == e for e in _SPAN_ENDS):
                out.append(str(value))
                k += used
                continue
        out.append(raw[k])
        k += 1
    return out
