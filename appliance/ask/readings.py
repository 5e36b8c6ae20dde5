"""Session 14: words given their meaning where they stand (each had been left unknown, so a question the box can
answer was "unsure"). Every reading is behind its own flag, read at run time, and tested with my own wording and with
cases where it must not fire (tests/ask/test_session14.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from appliance.ask.tokens import PARTICLES, Tokens
from appliance.text.periods import Period, find_periods, range_period

# "tăng bao nhiêu điểm phần trăm", "chênh mấy điểm %": the change of a rate in percentage points, which a comparison
# of rates states already ("giảm 0,6 điểm phần trăm"); "điểm" had been unknown. Only before "phần trăm / %" with a rate
# said ("tỷ lệ", "%"): "chấm điểm", "mấy điểm" of a survey stay unknown.
SESSION14_RATE_POINTS = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_RATE_SAID = ["ty le", "ti le", "%", "phan tram"]


def rate_points(tokens: Tokens) -> None:
    if not SESSION14_RATE_POINTS or not any(tokens.has(w) for w in ("ty le", "ti le")):
        return
    items = tokens.items
    for k in tokens.find("diem"):
        after = items[k + 1:k + 3]
        if after[:1] == ["%"] or after == ["phan", "tram"]:
            tokens.used[k] = True


# "tỷ lệ tham gia bảo hiểm y tế qua từng tháng", "diễn biến qua các quý": "qua" before a unit of time asked one by one
# says over which units; it had been unknown. Only right before "từng / các / mỗi / hàng + tháng / quý / tuần / năm";
# "qua" elsewhere (a channel: "qua bưu điện"; "tuần qua") keeps its readings.
SESSION14_OVER_UNITS = True
_EACH = {"tung", "cac", "moi", "hang"}
_UNITS = {"thang", "quy", "tuan", "nam"}


def over_units(tokens: Tokens) -> None:
    if not SESSION14_OVER_UNITS:
        return
    items = tokens.items
    for k, word in enumerate(items[:-2]):
        if word == "qua" and not tokens.used[k] and items[k + 1] in _EACH and items[k + 2] in _UNITS:
            tokens.used[k] = True


# "từ tháng 12 năm ngoái đến nay", "từ quý 3 năm ngoái tới giờ": a span from a period named with its year words up to
# today. The period rules read "từ tháng 10 đến nay" as one span, but with the year words between, the month alone was
# answered (December 2025 only: a confident wrong) and "từ", "đến nay" dropped as filler. Only a period that starts
# before today; the span runs to today.
SESSION14_SINCE_TO_NOW = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_SINCE = re.compile(r"(?:^| )(?:ke |tinh )?tu ((?:\S+ ){1,5}?)(?:den|toi) "
                    r"(?:nay|gio|hien tai|hien nay|bay gio|hom nay)\b")


def since_to_now(tokens: Tokens, periods: list[Period], today: dt.date) -> list[Period]:
    if not SESSION14_SINCE_TO_NOW or len(periods) != 1:
        return periods
    text = tokens.text()
    for m in _SINCE.finditer(text):
        named = m.group(1).strip()
        found = find_periods(named, today)
        if not found or found[0][0] != 0:
            continue
        year_word = re.search(r"\bnam (?:ngoai|truoc|roi|nay|\d{4})$", named)
        if not (found[0][1] == len(named) or year_word):
            continue
        period = periods[0]
        if not period.start < today or (period.kind, period.start.month) != (found[0][2].kind, found[0][2].start.month):
            continue  # the period read is not the one named here (its year words applied)
        start = text[:m.start(1)].count(" ")  # the token index where the named period begins
        end = start + len(named.split())
        before = text[:m.start()].count(" ") + (1 if m.start() else 0)
        tail = text[m.end(1):m.end()].split()
        if not all(tokens.used[k] for k in range(start, end)):
            continue
        for k in range(before, end + len(tail)):
            tokens.used[k] = True
        return [range_period(period.start, today, f"từ {period.start:%d/%m/%Y} đến {today:%d/%m/%Y}")]
    return periods



# "chênh (lệch) (nhau) bao nhiêu", "chênh mấy %": the difference between two periods or two names, which a comparison
# (or two names ranked) states; "chênh" had been unknown. Read as a word of comparison; with one period and no second
# name it asks a comparison without two sides (unsure, as "so với" alone is).
SESSION14_DIFFERENCE = True
_DIFFERENCE = ["chenh lech nhau", "chenh lech", "chenh nhau", "chenh"]


def difference(tokens: Tokens) -> bool:
    return SESSION14_DIFFERENCE and tokens.take_all(_DIFFERENCE)


# "… đã giảm chưa?", "thu ngân sách đạt kế hoạch chưa", "… có đạt kế hoạch không đồng chí?": "chưa" closing a clause
# that says "đã / đạt" asks yes or not yet, as a closing "không" asks yes or no; and "đồng chí" after the closing
# particle is the addressee. Both had been left unknown (unsure). "chưa" anywhere else keeps its meaning (open records:
# "hồ sơ chưa giải quyết" is read before this), and a "chưa" with no "đã / đạt" before it in its clause stays unknown.
SESSION14_NOT_YET_CLOSING = True
_CLOSE = {",", ";", "?"}
_ADDRESSEE = ["dong", "chi"]


def _clause_words(items: list[str]) -> Iterator[tuple[int, str, int]]:
    """Each word that is not a clause mark, with its index and the index where its clause starts."""
    start = 0
    for k, word in enumerate(items):
        if word in _CLOSE:
            start = k + 1
        else:
            yield k, word, start


def _closes(rest: list[str], particles: frozenset[str]) -> bool:
    k = 0
    while k < len(rest) and rest[k] not in _CLOSE:
        if rest[k:k + 2] == _ADDRESSEE:
            k += 2
        elif rest[k] in particles:
            k += 1
        else:
            return False
    return True


def not_yet_closing(tokens: Tokens) -> None:
    if not SESSION14_NOT_YET_CLOSING:
        return
    items = tokens.items
    for k, word, start in _clause_words(items):
        if tokens.used[k] or word not in ("chua", "khong") or not _closes(items[k + 1:], PARTICLES):
            continue
        before = items[start:k]
        if (word == "chua" and ("da" in before or "dat" in before)) or (word == "khong" and "co" in before):
            tokens.used[k] = True


# "phản ánh nhận tuần trước giờ trạng thái sao rồi", "hồ sơ tồn, lĩnh vực thế nào": a group word followed by "sao /
# ra sao / thế nào" asks the figures by that group; the group word had been dropped as filler and one total given (a
# confident wrong). Only right after the group word (past words already read); not for months (the trend words).
SESSION14_GROUP_HOW = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_HOW = (["ra", "sao"], ["the", "nao"], ["nhu", "the", "nao"], ["nhu", "nao"], ["sao"])


def group_how(tokens: Tokens, k: int) -> bool:
    if not SESSION14_GROUP_HOW:
        return False
    items = tokens.items
    for how in _HOW:
        if items[k:k + len(how)] == how and not any(tokens.used[k:k + len(how)]):
            for j in range(k, k + len(how)):
                tokens.used[j] = True
            return True
    return False


# "5 cái phản ánh hạ tầng mới nhất", "3 bộ hồ sơ nhận sớm nhất": a classifier between the number and the noun, as
# session 13's "5 hồ sơ … mới nhất" (understand.SESSION13_NEWEST_FEW) reads without one; the number had been unknown.
SESSION14_FEW_CLASSIFIER = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
FEW_WITH_CLASSIFIER = re.compile(r"^(?:cho (?:toi |anh |chi |em )?(?:xem )?)?(\d{1,2}) (cai|bo|phieu|chiec) "
                                 r"(?:ho so|phan anh|truong hop)\b")


# "phản ánh nhiều nhất về vấn đề gì", "dân phản ánh chuyện gì nhiều nhất": what the feedback is about, asked as "vấn
# đề / chuyện / nội dung + gì / nào", is its category; "đề" had been unknown. Feedback only, grouped by category.
SESSION14_FEEDBACK_ABOUT = True
_ABOUT = (["van", "de"], ["chuyen"], ["noi", "dung"])


def feedback_about(tokens: Tokens) -> bool:
    """True where the question asks which category; the words are read."""
    if not SESSION14_FEEDBACK_ABOUT:
        return False
    items = tokens.items
    for k in range(len(items)):
        for about in _ABOUT:
            n = len(about)
            if items[k:k + n] == about and items[k + n:k + n + 1] in (["gi"], ["nao"]) and not any(
                    tokens.used[k:k + n + 1]):
                for j in range(k, k + n + 1):
                    tokens.used[j] = True
                if k and items[k - 1] == "ve" and not tokens.used[k - 1]:
                    tokens.used[k - 1] = True
                return True
    return False


# "Tháng này có hồ sơ đất đai nào trả trễ hạn không, là những hồ sơ nào?", "mấy cái phản ánh quá hạn hôm nay là cái
# nào": "là (những) hồ sơ / cái / bộ / phiếu nào" closing the question asks which records (a list, which states how
# many too), and once a list is asked, the "nào" of "có … nào … không" asks whether any. Both "nào" had been unknown.
SESSION14_WHICH_ONES = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_WHICH_ONES = re.compile(r"\bla (?:nhung |cac )?(?:cai|bo|phieu|ho so|phan anh|truong hop) nao(?: (?:vay|the|a|ha|em|"
                         r"anh|chi|nhi))*(?: \?)?$")


def which_ones(tokens: Tokens) -> bool:
    """Reads a closing "là … nào" (True: a list is asked) and, in a list, the "nào" of "có … nào … không"."""
    if not SESSION14_WHICH_ONES:
        return False
    items = tokens.items
    text = " ".join(items)
    asked = False
    m = _WHICH_ONES.search(text)
    if m:
        start = text[:m.start()].count(" ") + (1 if m.start() else 0)
        if not any(tokens.used[k] for k in range(start, len(items)) if items[k] not in ("?", "ho", "so")):
            for k in range(start, len(items)):
                tokens.used[k] = True
            asked = True
    return asked


def any_in_list(tokens: Tokens) -> None:
    """In a question asking for the records: "có <…> nào <…> không" asks whether any, its "nào" is read."""
    if not SESSION14_WHICH_ONES:
        return
    items = tokens.items
    for k, word, start in _clause_words(items):
        if word != "nao" or tokens.used[k]:
            continue
        end = next((j for j in range(k, len(items)) if items[j] in _CLOSE), len(items))
        if "co" in items[start:k] and "khong" in items[k + 1:end]:
            tokens.used[k] = True
