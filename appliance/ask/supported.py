"""Session 15: readings the box answers only when the question supports them.

Each check was found as a confident wrong answer on wording of my own (never a set's sentence): the parser read
every word (or took it for filler), yet the figure or list it gave rests on a guess (one of two measures listed, a
measure assumed from a word that names none, a name matched from one common word). Such a question is "unsure", with
suggestions, instead of a figure for another question (`made_by` instead reads the word right). Every check is behind
its own flag, read at run time, and tested on and off with my own wording and with cases where it must not fire
(tests/ask/test_session15.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.measures import FASTEST, SLOWEST, TOP_ASC, TOP_DESC
from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES
from appliance.text.calendar_periods import Period

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# "danh sách phản ánh quá hạn mà chưa xử lý", "liệt kê hồ sơ tiếp nhận và trễ hạn tháng 10": a list shows the records
# of one measure, and the first measure read had been listed (every open feedback for the overdue ones; the received
# records for the late ones). Feedback overdue is open by definition, so "quá hạn" with "chưa xử lý" lists the
# overdue ones; any other pair of measures in a list is unsure (which records: both, either, or the ones in both?).
SESSION15_LIST_ONE_MEASURE = True  # on by rule R1b (session 15): train11 u057
_NARROWER = {frozenset({"pa_chua_xu_ly", "pa_qua_han"}): "pa_qua_han",
             frozenset({"chua_giai_quyet", "qua_han"}): "qua_han"}


def _listed(measure: str) -> str:
    m = MEASURES[measure]
    return m.of if m.kind == "rate" and m.of else measure


def list_one_measure(intent: Intent) -> str:
    """Narrows a list to one measure where one implies the other; the reason it cannot, else ""."""
    if not SESSION15_LIST_ONE_MEASURE or not intent.listing or intent.domain == "chi_tieu":
        return ""
    listed = list(dict.fromkeys(_listed(m) for m in intent.measures))
    if len(listed) <= 1:
        return ""
    narrower = _NARROWER.get(frozenset(listed))
    if narrower:
        intent.measures = [narrower]
        return ""
    labels = " hay ".join(f"«{MEASURES[m].label}»" for m in listed)
    return f"chưa rõ cần danh sách nào: {labels}; hãy hỏi từng danh sách"


# "KPI tháng này", "tình hình tháng 10", "báo cáo quý 3", "tổng hợp tuần này": no measure, no records named, no name or
# grouping; the received count had been assumed (a figure for a question nobody asked). "hồ sơ tháng này", "hs của
# chị Lan tuần trước", "PAKN tuần này" name what is counted and keep the received count (the development set's
# convention); a procedure, field, officer or status said keeps it too.
SESSION15_WEAK_CUE = False  # off by rule R1b (session 15): moved no fresh verdict
_RECORD_NOUNS = ("ho so", "thu tuc", "tthc")


def weak_cue(tokens: Tokens, intent: Intent) -> str:
    """The reason the question asks nothing the box can name, or ""."""
    if not SESSION15_WEAK_CUE or intent.domain != "ho_so" or intent.named or intent.listing:
        return ""
    if intent.filters or intent.group or intent.missing is not None:
        return ""
    if any(tokens.has(noun) for noun in _RECORD_NOUNS):
        return ""
    return ("chưa rõ cần số liệu gì: hồ sơ tiếp nhận, đã giải quyết, trễ hạn, tỷ lệ đúng hạn hay phản ánh; hãy nêu "
            "như «hồ sơ tiếp nhận tháng này»")


# "lĩnh vực đất đai chiếm bao nhiêu phần trăm số hồ sơ trễ hạn", "bưu chính chiếm mấy % hồ sơ tiếp nhận": a name said
# before "chiếm" and the measure after it asks the name's share of that measure's total, which no measure computes;
# the name had been taken as a filter and the measure's rate within it given (another figure). The measure before
# "chiếm" ("hồ sơ trễ hạn của đất đai chiếm bao nhiêu %", "hồ sơ trực tuyến chiếm mấy %") keeps its rate; "lấn chiếm"
# (encroachment) is no share.
SESSION15_SHARE_OF_NAME = False  # off by rule R1b (session 15): moved no fresh verdict
_SHARE_AFTER = ("bao nhieu", "may", "ty le", "ti le", "phan tram", "%")
_MEASURE_WORDS = ("tiep nhan", "nhan", "giai quyet", "tra ket qua", "dung han", "tre han", "qua han", "truc tuyen",
                  "tu choi", "ton", "cham", "online")


def _has(words: list[str], phrase: str) -> bool:
    said = phrase.split()
    return any(words[k:k + len(said)] == said for k in range(len(words)))


def share_of_name(tokens: Tokens, intent: Intent) -> str:
    if not SESSION15_SHARE_OF_NAME or not intent.filters or intent.domain == "chi_tieu":
        return ""
    items = tokens.items
    for k, word in enumerate(items):
        if word != "chiem" or items[k - 1:k] == ["lan"]:
            continue
        soon = items[k + 1:k + 4]
        if not any(_has(soon, w) for w in _SHARE_AFTER):
            continue
        before, after = items[:k], items[k + 1:]
        if any(_has(after, w) for w in _MEASURE_WORDS) and not any(_has(before, w) for w in _MEASURE_WORDS):
            return ("chưa tính được phần của một lĩnh vực, thủ tục, cán bộ hay hình thức nộp trong tổng số; hãy hỏi "
                    "số liệu theo lĩnh vực (… theo lĩnh vực) để so các phần")
    return ""


# "tỷ lệ trễ hạn của đất đai so với cả phường quý 3", "… so với trung bình chung": one period compared with the whole
# ward or an average, which the box does not compute side by side; the comparison had been made with the previous
# period (a figure for another question). "so với quý trước", "so với chị Lan" keep their readings.
SESSION15_COMPARED_WITH_WHOLE = False  # off by rule R1 (session 15): on, fresh14 had one right fewer
_WHOLE = (["ca", "phuong"], ["toan", "phuong"], ["chung"], ["trung", "binh"], ["binh", "quan"], ["toan", "bo"],
          ["tat", "ca"], ["cac", "linh", "vuc", "khac"], ["cac", "thu", "tuc", "khac"], ["muc", "chung"])


def compared_with_whole(tokens: Tokens) -> str:
    if not SESSION15_COMPARED_WITH_WHOLE:
        return ""
    items = tokens.items
    for k in range(len(items) - 2):
        if items[k:k + 2] != ["so", "voi"]:
            continue
        rest = items[k + 2:]
        if rest[:1] in (["muc"], ["con", "so"]):
            rest = rest[1:] if rest[:1] == ["muc"] else rest[2:]
        if any(rest[:len(w)] == w for w in _WHOLE):
            return "chưa so được với toàn phường hay mức trung bình; hãy hỏi số liệu theo lĩnh vực để so các phần"
    return ""


# "thu ngân sách tháng 10 so với cùng kỳ", "tỷ lệ hộ nghèo quý 3 so với cùng kỳ năm trước": an indicator against the
# same period a year before; the indicator rules compared it with the period just before (October with September, this
# year with 2025's December), "cùng kỳ" read and dropped. Unsure (the reading of the same span a year before, session
# 14, was retired in session 16); two periods named ("tháng 10 so với tháng 10 năm ngoái") keep their reading.
SESSION15_INDICATOR_SAME_SPAN = False  # off by rule R1b (session 15): moved no fresh verdict
INDICATOR_SAME_SPAN = ("chưa so được chỉ tiêu với cùng kỳ năm trước (số liệu chỉ tiêu có từ tháng 12/2025); hãy nêu "
                       "hai kỳ, ví dụ «tháng 10 so với tháng 9»")


# "hồ sơ tiếp nhận đến hết tháng 10", "trả kết quả tính đến 15/10": a count over a span said by its end alone; the
# period named had been answered by itself (October alone, the one day), "đến" dropped as filler, where the writer
# may mean from the year's start (lũy kế) up to it. Unsure for counts over a span; a count at a day ("tồn đến cuối
# tháng 10", "quá hạn tính đến 31/10") is what "đến" says, and "từ … đến …", "lũy kế", "từ đầu năm" keep their spans.
SESSION15_UP_TO = False  # off by rule R1b (session 15): moved no fresh verdict
_UP_TO = re.compile(r"(?:^| )(?:tinh )?(?:den|toi) (?:het |cuoi |ngay )?(?:thang|quy|tuan|nam|ngay|\d)")
_SPAN_SAID = re.compile(r"(?:^| )(?:tu|ke tu|luy ke|lk|tinh tu)(?: |$)")


def up_to(tokens: Tokens, intent: Intent, periods: list[Period]) -> str:
    if not SESSION15_UP_TO or intent.domain == "chi_tieu" or len(periods) != 1:
        return ""
    if all(MEASURES[m].basis == "asof" for m in intent.measures):
        return ""
    text = tokens.text()
    found = _UP_TO.search(text)
    if not found or _SPAN_SAID.search(text[:found.start() + 1]):
        return ""
    return ("chưa rõ tính từ ngày nào đến kỳ đã nêu: chỉ kỳ đó, hay lũy kế từ đầu năm? Hãy hỏi như «từ đầu năm đến "
            "hết tháng 10» hoặc «trong tháng 10»")


# "hồ sơ tiếp nhận vừa rồi", "trễ hạn trong kỳ báo cáo", "thời gian qua": a period meant but not named; the year to
# date had been assumed (another question's figure). Only when no period was read: "tháng vừa rồi", "kỳ này năm
# ngoái" are periods, and "cùng kỳ" is a comparison.
SESSION15_VAGUE_PERIOD = False  # off by rule R1b (session 15): moved no fresh verdict
_VAGUE = re.compile(r"(?:^| )(?:vua roi|vua qua|ky bao cao|trong ky|ky nay|ky truoc|thoi gian qua|thoi gian gan day|"
                    r"dot nay|dot vua|dot roi)(?: |$)")


def vague_period(tokens: Tokens, periods: list[Period]) -> str:
    if not SESSION15_VAGUE_PERIOD or periods:
        return ""
    if _VAGUE.search(tokens.text()):
        return "chưa rõ kỳ nào; hãy nêu kỳ như «tháng trước», «quý 3», «30 ngày qua»"
    return ""


# "hồ sơ do chị Lan tiếp nhận", "ho so do anh Nam giai quyet": "do" after "hồ sơ" is "by"; folded, "sơ do" had matched
# the short name "sổ đỏ" and the land-certificate procedure was added as a filter (a figure for another question).
# Not when "đỏ" is typed with its accent.
SESSION15_MADE_BY = False  # off by rule R1b (session 15): moved no fresh verdict


def made_by(tokens: Tokens) -> None:
    if not SESSION15_MADE_BY or "đỏ" in tokens.question.lower():
        return
    items = tokens.items
    for k in range(2, len(items)):
        if items[k - 2:k + 1] == ["ho", "so", "do"] and not tokens.used[k]:
            tokens.used[k] = True


# "hồ sơ hỗ trợ tháng 10", "hồ sơ bổ sung", "hồ sơ xác nhận", "hồ sơ nhà ở": one common word of an
# administrative name (support, supplement, confirmation, housing) had matched the one procedure holding it
# (mai táng, cải chính, tình trạng hôn nhân, giấy phép xây dựng) and filtered by it; "bổ sung" is also a status (chờ
# bổ sung). Such a word alone names no procedure (the question is unsure); with more
# of the name ("hỗ trợ chi phí mai táng", "xác nhận tình trạng hôn nhân") or a short name ("mai táng phí") it does.
SESSION15_GENERIC_PART = False  # off by rule R1b (session 15): moved no fresh verdict
GENERIC_PARTS = frozenset({"bo sung", "ho tro", "xac nhan", "thong tin", "nha o", "chi phi", "thay doi",
                           "ban chinh", "giao dich", "hang thang", "rieng le", "tinh trang", "lan dau", "su dung",
                           "quyen su", "xa hoi", "dang ky", "cap giay", "chung nhan", "ban sao"})


def generic_part(column: str, matched: list[str]) -> bool:
    """True where the words matched (part of a procedure's name) are one common word, not the name."""
    return SESSION15_GENERIC_PART and column == "ten_thu_tuc" and " ".join(matched) in GENERIC_PARTS


# "ai xử lý phản ánh nhiều nhất", "hồ sơ tiếp nhận nhiều nhất tháng 10", "hồ sơ tiếp nhận theo ngày tháng 10": a
# ranking ("ai", "… nhất") or a breakdown ("theo / từng ngày, giờ, buổi") with no group the box reads; the ranking or
# group words had been dropped as filler and one total given. Unsure, unless a group, a list or an order was read.
SESSION15_RANK_UNREAD = False  # off by rule R1b (session 15): moved no fresh verdict
_BY_UNIT = re.compile(r"(?:^| )(?:theo|tung|chia theo|phan theo) (?:tung |moi )?(?:ngay|gio|buoi|thu)(?: |$)")
_SUPERLATIVE = ("nhat",)


def rank_unread(tokens: Tokens, intent: Intent) -> str:
    if not SESSION15_RANK_UNREAD or intent.group or intent.listing or intent.per or intent.domain == "chi_tieu":
        return ""
    items = tokens.items
    who = any(w == "ai" and not tokens.used[k] for k, w in enumerate(items))
    most = any(w in _SUPERLATIVE and not tokens.used[k] for k, w in enumerate(items))
    ranked = tokens.has("top") or any(tokens.has(p) for p in TOP_DESC + TOP_ASC + SLOWEST + FASTEST)
    if who or most or ranked:
        return "chưa rõ xếp hạng theo nhóm nào; hãy hỏi như «lĩnh vực nào … nhiều nhất», «cán bộ nào … nhiều nhất»"
    if _BY_UNIT.search(tokens.text()):
        return "chưa chia được theo ngày, giờ hay buổi; hãy hỏi theo tháng, hoặc từng ngày một"
    return ""


# "hồ sơ tiếp nhận trung bình tháng năm nay", "bình quân phản ánh quý 3": "trung bình / bình quân" read, yet neither an
# average per month or day nor an averaged measure (processing time) nor a rate came of it; the total had been given.
SESSION15_AVERAGE_DROPPED = False  # off by rule R1b (session 15): moved no fresh verdict


def average_dropped(tokens: Tokens, intent: Intent) -> str:
    if not SESSION15_AVERAGE_DROPPED or intent.domain == "chi_tieu" or intent.per:
        return ""
    if not (tokens.has("trung binh") or tokens.has("binh quan")):
        return ""
    if any(MEASURES[m].kind in ("avg", "rate") for m in intent.measures):
        return ""
    return "chưa rõ trung bình theo gì (mỗi tháng, mỗi ngày?); hãy hỏi như «trung bình mỗi tháng nhận bao nhiêu hồ sơ»"


# "phản ánh cán bộ tháng 10", "cán bộ nào xử lý phản ánh nhanh": feedback holds no officer (only a department and a
# category), and "cán bộ" had been taken as a group word and dropped, all feedback counted. Unsure, unless a category
# was read from the words ("thái độ cán bộ": the category of service attitude).
SESSION15_FEEDBACK_OFFICER = False  # off by rule R1b (session 15): moved no fresh verdict


def feedback_officer(tokens: Tokens, intent: Intent) -> str:
    if not SESSION15_FEEDBACK_OFFICER or intent.domain != "phan_anh" or "ma_linh_vuc" in intent.filters:
        return ""
    if tokens.has("can bo") or tokens.has("cong chuc"):
        return "dữ liệu phản ánh không ghi cán bộ xử lý (chỉ có đơn vị và lĩnh vực); hãy hỏi theo đơn vị xử lý"
    return ""
