"""The periods of a leader's question: those named (with "cùng kỳ", "so với tháng trước", a year said after a
month, months listed one by one), then how they set the intent's period, the period compared with and the as-of
days. Split from parser.py, which calls these two steps around the names and measures."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES
from appliance.reporting.periods import as_of, comparisons, format_span, shift_months
from appliance.text.calendar_periods import Period, half_period, month_period, quarter_period, range_period
from appliance.text.periods import find_periods

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent


# Session 13: "cùng kỳ tháng / quý / tuần trước" is the previous month (quarter, week) like for like; "cùng kỳ" had
# been read as "cùng kỳ năm trước" whatever followed (a confident wrong).
_SAME_SPAN_OF_UNIT = re.compile(r" (?:thang|quy|tuan) (?:truoc|vua roi|vua qua|roi)\b")


def named_periods(tokens: Tokens, today: dt.date) -> tuple[list[Period], bool]:
    """The periods named, in order, and whether "cùng kỳ (năm trước)" was asked."""
    # A reason's own "tháng trước" ("… vì anh nhớ tháng trước nhận nhiều") is no period of the question:
    # blanked with letters no period rule reads, word for word, so that every offset stays the same.
    text = " ".join("x" * len(w) if k in tokens.aside else w
                    for k, w in enumerate(tokens.items))
    last_year = re.search(r"cung ky(?: nam (?:truoc|ngoai|roi))?", text)
    if last_year and _SAME_SPAN_OF_UNIT.match(text, last_year.end()):
        # "so với cùng kỳ tháng trước": like for like with the previous month (a period rule reads "tháng trước"
        # and the running period is compared like for like); never the same period last year
        tokens.mark_chars(last_year.start(), last_year.end())
        last_year = None
    if last_year:
        tokens.mark_chars(last_year.start(), last_year.end())
        # Blanked with letters no period rule reads: spaces would be collapsed by the folding in
        # find_periods and shift every offset after them.
        text = text[:last_year.start()] + "x" * (last_year.end() - last_year.start()) + text[last_year.end():]
    found = until_end(rolling_until(tokens, find_periods(text, today), text), text)
    for start, end, _ in found:
        tokens.mark_chars(start, end)
    return _apply_year_words(found, text), bool(last_year)


# Session 29 (`SESSION29_ROLLING_UNTIL`, read at run time; tested on and off in tests/ask/test_session29.py): a rolling
# span closed by "tính đến <a day / hôm nay>" or "(tính) đến hết <a month, a quarter>" ("30 ngày gần nhất tính đến
# 20/11/2026", "3 tháng gần đây tính đến hết tháng 10") is that many days, weeks or months ending there, as the report
# forms of the statistics office write it; the two had been read as two periods (nested: unsure). Only right after
# the rolling span, with nothing between but "tính / kể cả" and "đến / tới (hết / ngày)".
# Bug fix (session 29, rule R7; with the reading off): "3 tháng gần đây tính đến hết tháng 10" had compared the three
# months to today with the year to the end of October (session 19's reading of "đến hết"), a confident wrong: the
# end said after a rolling span and not read is doubted (unsure).
# on by rule R1 (session 29): fresh off alone 841/362/19, on 842/361/19 (right +1, fresh29)
SESSION29_ROLLING_UNTIL = True
_ROLLING = re.compile(r"^(\d{1,3}) (ngày|tuần|tháng) qua\b")
_UNTIL_GAP = re.compile(r" (?:(?:tinh|ke ca) )?(?:den|toi) (?:het |ngay )?")


def _ending_at(number: int, unit: str, end: dt.date) -> Period:
    if unit == "tháng":
        start = shift_months(end + dt.timedelta(days=1), -number)
    else:
        start = end - dt.timedelta(days=number * (7 if unit == "tuần" else 1) - 1)
    return range_period(start, end, f"{number} {unit} tính đến {end:%d/%m/%Y} (từ {start:%d/%m/%Y} đến {end:%d/%m/%Y})")


def rolling_until(tokens: Tokens, found: list[tuple[int, int, Period]],
                  text: str) -> list[tuple[int, int, Period]]:
    out: list[tuple[int, int, Period]] = []
    k = 0
    while k < len(found):
        start, end, period = found[k]
        rolling = _ROLLING.match(period.label) if period.kind == "range" else None
        if rolling and k + 1 < len(found) and found[k + 1][2].kind in ("day", "month", "quarter") \
                and _UNTIL_GAP.fullmatch(text[end:found[k + 1][0]]):
            last = found[k + 1]
            if SESSION29_ROLLING_UNTIL:
                out.append((start, last[1], _ending_at(int(rolling.group(1)), rolling.group(2), last[2].end)))
            else:
                out.append(found[k])
                for j in range(text[:end].count(" ") + 1, text[:last[1]].count(" ") + 1):
                    tokens.doubt(j)
            k += 2
            continue
        out.append(found[k])
        k += 1
    return out


# Session 19: "(tính) đến hết tháng 10", "lũy kế (đến) hết tháng trước", "tới hết quý 3" with no start said: from the
# start of that year to the end of that month or quarter (the month alone had been answered, "đến hết" read as filler:
# for a flow or an indicator that adds up, a confident wrong; "lũy kế hết tháng trước" had been two nested periods,
# unsure). A count at a day keeps its day (the span's end). "Từ tháng 7 đến hết tháng 10" is read whole by its own
# rule and untouched; with any other start said in the clause ("từ đầu quý", "kể từ 15/9") it is not read.
_SPAN_START = re.compile(r"\b(?:tu|ke tu) (?:dau|thang|quy|ngay|hom|tuan|nam|\d)")
_UNTIL = re.compile(r"(?:(?:luy ke|tinh) (?:(?:den|toi) )?|(?:den|toi) )het $")


# Session 29 (`SESSION29_CUMULATIVE_TO_DAY`, read at run time; tested on and off in tests/ask/test_session29.py):
# "lũy kế (tính) đến (hết) (ngày) 31/10/2026" (the report's running total up to a day) is 1 January of that year to
# that day, as "lũy kế đến hết tháng 10" is to the month's end (above); the two had been read as nested periods
# (unsure). Only with "lũy kế" said: a bare "tính đến <day>" over a flow stays unsure (session 15), and "lũy kế từ …
# đến …" (a start said) is not read so (rule R9).
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6 (no verdict moves),
# no wrong back
SESSION29_CUMULATIVE_TO_DAY = False
_CUMULATIVE_TO_DAY = re.compile(r"luy ke (?:nam )?(?:tinh )?(?:den|toi) (?:het )?(?:ngay )?")


def until_end(found: list[tuple[int, int, Period]], text: str) -> list[tuple[int, int, Period]]:
    out: list[tuple[int, int, Period]] = []
    for start, end, period in found:
        if SESSION29_CUMULATIVE_TO_DAY and period.kind == "day" and out and out[-1][2].kind == "range" and (
                _CUMULATIVE_TO_DAY.fullmatch(text[out[-1][0]:start])):
            begin = out.pop()[0]
            first = dt.date(period.start.year, 1, 1)
            out.append((begin, end, Period(first, period.end, f"từ đầu năm {first.year} đến {period.end:%d/%m/%Y}",
                                           "range")))
            continue
        said = _UNTIL.search(text[max(0, start - 20):start])
        if said is None or period.kind not in ("month", "quarter"):
            out.append((start, end, period))
            continue
        begin = start - len(said.group(0))
        clause = text[:begin].rsplit(",", 1)[-1]
        if _SPAN_START.search(clause):
            out.append((start, end, period))  # "từ đầu quý / từ 15/9 đến hết tháng 10": the start is said
            continue
        if out and out[-1][2].kind == "range" and text[out[-1][0]:out[-1][1]].startswith("luy ke") and (
                out[-1][1] >= begin - 1):
            begin = out.pop()[0]  # "lũy kế hết tháng trước": "lũy kế" is this span, not the year to date
        first = dt.date(period.start.year, 1, 1)
        out.append((begin, end, Period(first, period.end, f"từ đầu năm {first.year} đến hết {period.label}",
                                       "range")))
    return out


# Session 13: "tháng 8, tháng 9, tháng 10 mỗi tháng nhận bao nhiêu": consecutive months listed one by one, with "mỗi /
# từng / hàng / theo / các tháng" said, are one span asked month by month (more than two periods had been unsure).
# Months with a gap between them ("tháng 3, tháng 6, tháng 9") or without the words stay unsure.
_EACH_MONTH = ["moi thang", "tung thang", "hang thang", "theo thang", "cac thang"]


def listed_months(tokens: Tokens, periods: list[Period]) -> list[Period]:
    each = any(tokens.find(w) for w in _EACH_MONTH)
    months = all(p.kind == "month" for p in periods)
    following = all(b.start == a.end + dt.timedelta(days=1) for a, b in zip(periods, periods[1:], strict=False))
    if not (each and months and following):
        return periods
    return [range_period(periods[0].start, periods[-1].end,
                         f"từ {periods[0].label} đến hết {periods[-1].label}")]


# Session 19: "tháng 9 và tháng 10 … tổng cộng", "quý 2, quý 3 cộng lại": periods listed with a word of their total
# said, and no word of comparison, are one span (the two had been compared: a confident wrong). Periods with a gap
# between them ("tháng 7 và tháng 9 tổng cộng") are unsure: their total is no span.
_TOTAL = ["tong cong", "cong lai", "gop lai", "ca hai thang", "ca 2 thang", "ca hai quy", "ca 2 quy", "ca hai ky"]
_COMPARING = ["so voi", "so sanh", "tang", "giam", "hon", "chenh", "nao"]


def total_of_listed(tokens: Tokens, periods: list[Period]) -> tuple[list[Period], str]:
    """One span for periods listed with their total asked, or a problem where their total is no span."""
    if len(periods) < 2 or not any(tokens.has(w) for w in _TOTAL):
        return periods, ""
    if any(tokens.has(w) for w in _COMPARING):
        return periods, ""
    following = all(b.start == a.end + dt.timedelta(days=1) for a, b in zip(periods, periods[1:], strict=False))
    if not following:
        return periods, "các kỳ nêu không liền nhau nên tổng cộng không phải một khoảng; hãy hỏi từng kỳ"
    tokens.take_all(_TOTAL)
    return [range_period(periods[0].start, periods[-1].end,
                         f"từ {periods[0].label} đến hết {periods[-1].label}")], ""


# Session 19: "7 ngày qua so với 7 ngày trước đó", "tuần này so với tuần trước đó": the span of the same length just
# before the one named ("trước đó" had been unknown: unsure). A number that is not the span's length ("7 ngày qua so
# với 30 ngày trước đó") is not read.
_BEFORE_THAT = re.compile(r"\b(?:(\d{1,3}) (ngay|tuan) |(?:ky|khoang|thoi gian|giai doan) )?truoc do\b")


def before_that(tokens: Tokens, periods: list[Period]) -> list[Period]:
    if len(periods) != 1:
        return periods
    text = tokens.text()
    said = _BEFORE_THAT.search(text)
    if said is None:
        return periods
    days = (periods[0].end - periods[0].start).days + 1
    if said.group(1) and int(said.group(1)) * (7 if said.group(2) == "tuan" else 1) != days:
        return periods
    tokens.mark_chars(said.start(), said.end())
    return [periods[0].previous(), periods[0]]


# Bug fix (session 24, rule R7): a clause of its own asking a figure of a period that no rule read ("hôm qua nhận bao
# nhiêu hồ sơ, hôm trước (nữa) bao nhiêu": "hôm", "trước", "nữa" are filler elsewhere) had been dropped, and the first
# clause's figure alone was given. Such a clause (its own "bao nhiêu", a unit of time left unread and none read) makes
# the answer unsure, as a period left unread in a one-clause question already does.
_CLAUSE_ENDS = {",", ";", "?"}


def unread_period_asked(tokens: Tokens, units: set[str]) -> bool:
    items, used = tokens.items, tokens.used
    start = 0
    for end in [k for k, t in enumerate(items) if t in _CLAUSE_ENDS] + [len(items)]:
        clause = range(start, end)
        loose = any(items[k] in units and not used[k] for k in clause)
        read = any(items[k] in units and used[k] for k in clause) or any(items[k][:1].isdigit() for k in clause)
        if loose and not read and "bao nhieu" in " ".join(items[start:end]):
            return True
        start = end + 1
    return False


_PREVIOUS_OF = re.compile(r"so voi (?:cung ky )?((?:thang|quy|tuan|ky) (?:truoc|vua roi|vua qua|roi))(?! nua)")


def over_time(tokens: Tokens, periods: list[Period], last_year: bool) -> bool:
    """Whether the question compares periods: two named, "cùng kỳ (năm trước)", "so với tháng trước", "tăng / giảm"
    (typed with their accents: folded, "giảm" is also the "giám" of "giám hộ")."""
    return (len(periods) >= 2 or last_year or _PREVIOUS_OF.search(tokens.text()) is not None
            or _CHANGE.search(tokens.question.lower()) is not None)


_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?!\w)")


def previous_of_named(text: str, periods: list[Period], today: dt.date) -> list[Period]:
    """"Tháng 10 so với tháng trước": "tháng trước" is the month before October, not before today.
    The relative period is dropped when another is named, and the comparison takes that one's
    previous period (like for like while it runs)."""
    found = _PREVIOUS_OF.search(text)
    if found and len(periods) == 1:
        # "phản ánh tăng so với tháng trước không": the one period named is what it is compared WITH; the
        # current one of the same unit is compared (October against September had been answered)
        named = find_periods(found.group(1), today)
        current = find_periods(found.group(1).split()[0] + " nay", today)
        if named and current and named[0][2] == periods[0]:
            return [current[0][2], periods[0]]
        return periods
    if not found or len(periods) != 2:
        return periods
    named = find_periods(found.group(1), today)
    relative = named[0][2] if named else None
    if relative is None or relative not in periods:
        return periods
    rest = list(periods)
    rest.remove(relative)
    return rest


def _reshape(period: Period, year: int) -> Period:
    first = dt.date(year, period.start.month, 1)
    if period.kind == "quarter":
        return quarter_period(first)
    if period.kind == "half":
        return half_period(first)
    return month_period(first)


def _apply_year_words(found: list[tuple[int, int, Period]], text: str) -> list[Period]:
    """"quý 3 năm nay và năm ngoái", "tháng 10 năm ngoái": a year that follows a month, quarter or
    half written without its own year says which year that is, and is not a period of its own."""
    out: list[Period] = []
    shape: Period | None = None  # the sub-year period the next year word applies to
    last_was_shaped = False
    for start, end, period in found:
        explicit_year = re.search(r"\d{4}", text[start:end]) is not None
        if period.kind in ("month", "quarter", "half") and not explicit_year:
            shape, last_was_shaped = period, False
            out.append(period)
            continue
        if period.kind == "year" and shape is not None:
            reshaped = _reshape(shape, period.start.year)
            if last_was_shaped:
                out.append(reshaped)  # "… năm nay và năm ngoái": the same shape, another year
            else:
                out[-1] = reshaped
            last_was_shaped = True
            continue
        shape, last_was_shaped = None, False
        out.append(period)
    return out


def nested(a: Period, b: Period) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _running_pair(later: Period, earlier: Period, today: dt.date) -> tuple[Period, str]:
    """The earlier period cut to the days the running later one covers so far (like for like)."""
    c = comparisons(later.start, later.end, today)
    for span, label in ((c.previous, c.label_previous), (c.last_year, c.label_last_year)):
        whole_prev = comparisons(later.start, later.end, later.end + dt.timedelta(days=1))
        whole = whole_prev.previous if span == c.previous else whole_prev.last_year
        if (earlier.start, earlier.end) == whole:
            return range_period(*span), label.removeprefix("so với ")
    months = (later.start.year - earlier.start.year) * 12 + later.start.month - earlier.start.month
    end = shift_months(today, -months) if later.kind in ("month", "quarter", "half", "year") else (
        earlier.start + (today - later.start))
    end = min(end, earlier.end)
    return range_period(earlier.start, end), f"cùng kỳ {earlier.label} ({format_span(earlier.start, end)})"


def resolve_periods(intent: Intent, periods: list[Period], compare: bool, last_year: bool, now: bool,
                     today: dt.date) -> str:
    """Set the period(s) and as-of days; a Vietnamese problem, or ""."""
    if len(periods) > 2:
        # "quý 1, quý 2, quý 3": an answer compares two periods; dropping the third would mislead
        return ("Câu hỏi nêu hơn hai kỳ; hãy hỏi từng cặp kỳ, hoặc hỏi «theo tháng» / «từng quý» trong một "
                "khoảng thời gian.")
    at_a_day = all(MEASURES[m].basis == "asof" for m in intent.measures)
    if at_a_day:
        if periods:
            intent.period = periods[0] if not (now and compare) else None
        if compare and intent.group:
            return "Chưa hỗ trợ vừa so sánh hai thời điểm vừa chia nhóm trong một câu hỏi."
        if compare:
            days = sorted({as_of(p.end, today) for p in periods} | ({today} if now or len(periods) < 2 else set()))
            if len(days) == 1 and periods and periods[0].start <= today <= periods[0].end:
                c = comparisons(periods[0].start, periods[0].end, today)
                days = [c.previous[1], today]
            if len(days) != 2:
                return ("Chưa rõ so sánh số liệu tại hai ngày nào; hãy nêu hai thời điểm (ví dụ hiện nay và cuối "
                        "tháng trước).")
            intent.period = None
            intent.compare_asof, intent.asof = days
            return ""
        intent.asof = as_of(intent.period.end, today) if intent.period else today
        if intent.group in ("quarter", "week") and intent.period is not None:
            return ""  # "tồn cuối mỗi quý năm nay": the count at the end of each quarter (sqlbuild_ends)
        if intent.group in ("month", "quarter", "week"):
            return "Số hồ sơ tồn, quá hạn là số liệu tại một thời điểm, không chia theo tháng, quý hay tuần."
        return ""
    if compare and now and len(periods) == 1 and not last_year and not periods[0].start <= today <= periods[0].end:
        # "tỷ lệ đúng hạn hiện nay so với quý 2": now against Q2, whose "now" (this month? the year so far?) is not
        # said; Q2 against Q1 had been answered, "hiện nay" dropped
        return "Chưa rõ «hiện nay» là kỳ nào để so sánh; hãy nêu hai kỳ (ví dụ tháng này so với tháng 10)."
    if periods:
        intent.period = periods[0]
    elif intent.group == "month":
        index = today.year * 12 + today.month - 1 - 11
        start = dt.date(index // 12, index % 12 + 1, 1)
        intent.period = range_period(start, today, f"12 tháng gần nhất (từ {start:%d/%m/%Y} đến {today:%d/%m/%Y})")
        intent.period_note = "câu hỏi không nêu kỳ nên tính 12 tháng gần nhất"
    elif compare and last_year:
        intent.period = month_period(today)
        intent.period_note = "câu hỏi không nêu kỳ nên so sánh tháng này"
    elif compare:
        return ("Câu hỏi so sánh nhưng chưa rõ so sánh kỳ nào với kỳ nào; hãy nêu kỳ (ví dụ tháng này so với "
                "tháng trước).")
    elif {"trang_thai", "chua_xu_ly"} & set(intent.filters) and all(
            MEASURES[m].kind == "count" for m in intent.measures):
        intent.period = None  # "đang chờ bổ sung": the current state of every record
    else:
        start = dt.date(today.year, 1, 1)
        intent.period = range_period(start, today, f"từ đầu năm {today.year} đến {today:%d/%m/%Y}")
        intent.period_note = "câu hỏi không nêu kỳ nên tính lũy kế từ đầu năm"
    if compare and intent.period is not None:
        if len(periods) >= 2:
            later, earlier = sorted(periods[:2], key=lambda p: p.start, reverse=True)
            if later.start <= today < later.end:
                other, label = _running_pair(later, earlier, today)
            else:
                other, label = earlier, earlier.label
            intent.period = later
        else:
            c = comparisons(intent.period.start, intent.period.end, today)
            span, label = (c.last_year, c.label_last_year) if last_year else (c.previous, c.label_previous)
            other, label = range_period(*span), label.removeprefix("so với ")
        intent.compare, intent.compare_label = other, label
        if intent.group or intent.per:
            return "Chưa hỗ trợ vừa so sánh hai kỳ vừa chia nhóm trong một câu hỏi."
    if intent.group and len({MEASURES[m].basis for m in intent.measures}) > 1:
        # "tiếp nhận … đúng hạn … theo lĩnh vực": the two are counted on different dates (received vs
        # returned); one grouped table cannot hold both honestly, and dropping one would mislead.
        return ("Câu hỏi chia nhóm chỉ tính được một loại số liệu mỗi lần (ví dụ tiếp nhận, hoặc tỷ lệ đúng hạn); "
                "hãy hỏi từng số liệu.")
    if intent.group in ("month", "quarter", "week") and any(MEASURES[m].basis == "asof" for m in intent.measures):
        return "Số hồ sơ tồn, quá hạn là số liệu tại một thời điểm, không chia theo tháng, quý hay tuần."
    end = intent.period.end if intent.period else today
    intent.asof = min(end, today)
    return ""
