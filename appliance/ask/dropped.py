"""Session 14: words the parser read, or took for filler, whose meaning the answer then dropped.

Each check here was found as a confident wrong answer on wording of my own (never a set's sentence): the
word was consumed (as a measure, an average, a period's neighbour) yet the figure given answers a plainer
question. Where the box cannot compute what the word asks, the word is put back as unread, so the answer
is "unsure" with suggestions instead of a figure for another question. Every check is behind its own
flag, read at run time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES
from appliance.text import fold
from appliance.text.periods import Period, find_periods, range_period

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent


def unread(tokens: Tokens, start: int, n: int = 1) -> None:
    """Puts words back as not understood: the answer becomes unsure, naming them."""
    for k in range(start, min(start + n, len(tokens.items))):
        tokens.used[k] = False
        tokens.doubt(k)


# "hồ sơ nhận tháng 10 đã giải quyết bao nhiêu", "trong số hồ sơ tiếp nhận quý 3, bao nhiêu đã trả kết quả": the
# records received in a period AND resolved (a cohort), which no measure computes (each counts its own event in
# the period). The clause's two measures had been narrowed to the received count (the resolved words dropped), a
# confident wrong. Both named in one clause, nothing narrower (đúng hạn, trễ hạn, …): unsure.
SESSION14_COHORT = True


def cohort(tokens: Tokens, spots: list[tuple[int, int, str]]) -> None:
    """`spots`: (start, length, base measure) of each measure phrase read in one clause."""
    if not SESSION14_COHORT or {base for _, _, base in spots} != {"tiep_nhan", "da_giai_quyet"}:
        return
    for start, n, base in spots:
        if base == "da_giai_quyet":
            unread(tokens, start, n)


# "trung bình mỗi lĩnh vực nhận bao nhiêu", "bình quân mỗi cán bộ giải quyết mấy hồ sơ", "so với trung bình các tuần
# trước": an average the box does not compute (per group, per person, over past weeks). "trung bình / bình quân" was
# taken as filler and the groups ranked (or the last week compared) instead, a confident wrong. Kept: the processing
# time ("thời gian giải quyết trung bình"), a rate, and a count per month or day ("trung bình mỗi tháng nhận …").
SESSION14_AVERAGE_UNREAD = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
AVERAGE_WORDS = ("trung binh", "binh quan")


def average_spots(tokens: Tokens) -> list[int]:
    """Where "trung bình / bình quân" is said and not yet read (call before the grouping step takes it)."""
    return [k for phrase in AVERAGE_WORDS for k in tokens.find(phrase)]


def average_unread(tokens: Tokens, intent: Intent, spots: list[int]) -> None:
    if not SESSION14_AVERAGE_UNREAD or not spots or intent.per is not None or not intent.measures:
        return
    if any(MEASURES[m].kind != "count" for m in intent.measures):
        return  # the average processing time, a rate: the figure is an average already
    for k in spots:
        unread(tokens, k, 2)


# "hồ sơ nhận sau ngày 15/11", "trước 1/10 mà chưa giải quyết": a half-open span (after / before a day), read as the
# day itself (or a count at it) with "sau / trước" dropped as filler; "nộp vào cuối tuần", "sau giờ hành chính",
# "ngoài giờ": a part of every week or day, which the records do not hold (their day only), dropped the same way and
# the whole period given. Unsure: "trước / sau" right before a period read ("tháng trước", "tuần sau" are periods,
# read whole by the period rules), "cuối / đầu / giữa tuần" that no period read, "giờ" after "sau / ngoài / trong /
# giờ hành chính" with no time read.
SESSION14_SPAN_EDGES = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_EDGE_WORDS = {"truoc", "sau", "tu"}  # "từ tháng 10" with no end said: since, or in?
_LINKS = {"ngay", "hom", "thoi", "diem", "khi"}  # "trước ngày 1/10", "sau thời điểm …"
_WEEK_PARTS = {"dau", "cuoi", "giua"}
_HOUR_BEFORE = {"sau", "ngoai", "truoc", "trong"}


def _period_at(items: list[str], j: int) -> bool:
    found = find_periods(" ".join(items[j:]))
    return bool(found) and found[0][0] == 0


def span_edges(tokens: Tokens) -> None:
    if not SESSION14_SPAN_EDGES:
        return
    items, used = tokens.items, tokens.used
    for k, word in enumerate(items):
        if used[k]:
            continue
        j = k + 1
        while j < len(items) and items[j] in _LINKS and not used[j]:
            j += 1
        if word in _EDGE_WORDS and j < len(items) and used[j] and j not in tokens.aside and _period_at(items, j) and (
                not (k and items[k - 1] in ("so", "voi") and word == "truoc")) and not (
                word == "tu" and {"den", "toi"} & set(items[k:])):  # "từ 1/11 đến nay": read as one span
            unread(tokens, k)
        nxt = items[k + 1] if k + 1 < len(items) else ""
        if word in _WEEK_PARTS and nxt == "tuan" and not used[k + 1]:
            unread(tokens, k, 2)  # "cuối tuần" (the weekend), "giữa tuần": no period read them
        if word in ("tuan", "ngay", "thang") and nxt in ("dau", "cuoi") and not used[k + 1]:
            unread(tokens, k, 2)  # "tháng 10 tuần đầu": a part of the period, which was answered whole
        if word == "gio" and k and items[k - 1] in _HOUR_BEFORE | {"khung"} and not used[k - 1]:
            unread(tokens, k)  # "sau giờ hành chính", "ngoài giờ", "trong giờ làm việc"


# "tháng 9 và tháng 10 tổng cộng nhận bao nhiêu", "tổng hồ sơ quý 2 và quý 3": two periods added up, with no word of
# comparison, had been answered as a comparison of the two (two figures and a change, not the sum asked). Two periods
# that follow one another are read as the one span ("từ tháng 9 đến hết tháng 10"); two with a gap are unsure.
SESSION14_SUM_OF_PERIODS = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_SUM_WORDS = ["tong cong", "tong so", "tong", "+", "cong lai", "gop lai", "gop", "ca hai", "ca 2", "cong ca"]


def sum_of_periods(tokens: Tokens, periods: list[Period]) -> tuple[list[Period], str]:
    """The periods as they are, merged into one, or a problem (Vietnamese) when they cannot be added up."""
    if not SESSION14_SUM_OF_PERIODS or len(periods) != 2 or not any(tokens.has(w) for w in _SUM_WORDS):
        return periods, ""
    first, second = sorted(periods, key=lambda p: p.start)
    if second.start != first.end + dt.timedelta(days=1):
        return periods, ("chưa cộng được hai kỳ không liền nhau; hãy hỏi từng kỳ, hoặc một khoảng «từ … đến …»")
    tokens.take_all(_SUM_WORDS)
    return [range_period(first.start, second.end, f"từ {first.label} đến hết {second.label}")], ""


# "hồ sơ khai sinh tháng 10 có bao nhiêu trẻ em" was answered with the records returned late: folded, "trẻ" (a child)
# is "tre", the measure word of "trễ" (late); "cặp" (a couple) is "cấp" (issued), "tra cứu" is "trả", "tôn giáo" is
# "tồn", "nghỉ ốm" is "ôm", "nhân dân" is "nhận". A one-word measure typed WITH accents that are not the measure's is
# another word: it is kept as typed, so no phrase reads it and the answer is unsure. Typed without accents ("tre") it
# keeps its reading, as before. Call before the measures are read, after the names.
SESSION14_ACCENTS_SAY = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
MEASURE_SPELLING = {"cap": "cấp", "gui": "gửi", "nhan": "nhận", "nop": "nộp", "om": "ôm", "ton": "tồn", "tra": "trả",
                    "tre": "trễ"}


def accents_say(tokens: Tokens) -> None:
    if not SESSION14_ACCENTS_SAY:
        return
    typed: dict[str, set[str]] = {}
    for w in re.findall(r"\w+", tokens.question.lower()):
        typed.setdefault(fold(w), set()).add(w)
    for k, word in enumerate(tokens.items):
        spelt = MEASURE_SPELLING.get(word)
        if spelt is None or tokens.used[k]:
            continue
        forms = typed.get(word, set())
        if forms and spelt not in forms and word not in forms:
            tokens.items[k] = sorted(forms)[0]  # "trẻ": read by nothing, named as typed in the answer


# "phản ánh tuần trước trạng thái …", "hồ sơ quý 3 hình thức nộp": a group word that neither groups the figures nor
# names a filter (no "theo / từng", no value after it) was taken as filler and one total given. Unsure instead. Only the
# group words that are never the question's plain subject ("thủ tục", "cán bộ" often are: "hồ sơ thủ tục hành chính").
SESSION14_GROUP_WORD_DROPPED = True
_GROUP_WORDS = {"trang thai": "trang_thai", "hinh thuc nop": "hinh_thuc_nop", "linh vuc": "linh_vuc"}


def group_word_dropped(tokens: Tokens, intent: Intent) -> None:
    if not SESSION14_GROUP_WORD_DROPPED or intent.group is not None:
        return
    for phrase, column in _GROUP_WORDS.items():
        if column in intent.filters or (column == "linh_vuc" and "ma_linh_vuc" in intent.filters):
            continue
        for k in tokens.find(phrase, free_only=False):
            if k not in tokens.aside:
                unread(tokens, k, len(phrase.split()))


# "5 hồ sơ nhận gần đây nhất hôm nay", "3 phản ánh mới nhất": the views hold the day a record was received, not the
# hour, so when the cut-off of the N newest (oldest) falls inside a day with more records than fit, which of that
# day's come first is arbitrary (the box had listed them by code: a confident wrong). Unsure then, saying why; a list
# whose cut-off falls between two days is exact.
SESSION14_TIED_CUT = True


def tied_cut(sql_count: str, rows: Sequence[Sequence[object]], columns: list[str], limit: int | None,
             total: int | None, count: Callable[[str], int]) -> str:
    """A reason (Vietnamese) when the N first records of a list cut a day in two, else ""."""
    if not SESSION14_TIED_CUT or not limit or total is None or total <= len(rows) or not rows:
        return ""
    if "ngay_tiep_nhan" not in columns:
        return ""
    at = columns.index("ngay_tiep_nhan")
    day = rows[-1][at]
    if not isinstance(day, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return ""
    if "gio_tiep_nhan" in columns:  # ordered by the hour within a day too: a tie is the same day and hour
        h = columns.index("gio_tiep_nhan")
        hour = rows[-1][h]
        if isinstance(hour, str) and re.fullmatch(r"\d{2}:\d{2}", hour):
            shown = sum(1 for row in rows if row[at] == day and row[h] == hour)
            if count(f"{sql_count} AND ngay_tiep_nhan = '{day}' AND gio_tiep_nhan = '{hour}'") <= shown:
                return ""
    shown = sum(1 for row in rows if row[at] == day)
    if count(f"{sql_count} AND ngay_tiep_nhan = '{day}'") <= shown:
        return ""
    d = dt.date.fromisoformat(day)
    return (f"ngày {d:%d/%m/%Y} có nhiều hồ sơ hơn số cần liệt kê, mà số liệu chỉ ghi ngày tiếp nhận, không ghi giờ, "
            f"nên không biết hồ sơ nào trước; hãy hỏi danh sách cả ngày {d:%d/%m/%Y}")


# "hồi nãy nhận mấy hồ sơ", "phường mình nay nhận bao nhiêu": a "nay / nãy" (now, a moment ago) that no period read,
# in a question with no period, was filler, and the year to date assumed (a confident wrong). Unsure.
SESSION14_LOOSE_NOW = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)


def loose_now(tokens: Tokens, periods: list[Period]) -> None:
    if not SESSION14_LOOSE_NOW or periods:
        return
    typed = {w for w in re.findall(r"\w+", tokens.question.lower()) if fold(w) == "nay"}
    a_moment_ago = bool(typed) and typed <= {"nãy"}  # "lúc nãy" folds to "lúc này" (now), read as a now word
    for k, word in enumerate(tokens.items):
        if word == "nay" and (a_moment_ago or not tokens.used[k]) and k not in tokens.aside:
            unread(tokens, k)
