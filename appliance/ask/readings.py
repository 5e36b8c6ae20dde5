"""Words given their meaning where they stand (each had been left unknown, so a question the box can answer was
"unsure"), tested with my own wording and with cases where they must not fire (tests/ask/test_session14.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from appliance.ask.measures import DIMENSIONS, FEEDBACK_PHRASES, RECORD_PHRASES
from appliance.ask.tokens import PARTICLES, Tokens
from appliance.reporting.measures import MEASURES

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# "tỷ lệ tham gia bảo hiểm y tế qua từng tháng", "diễn biến qua các quý": "qua" before a unit of time asked one by one
# says over which units; it had been unknown. Only right before "từng / các / mỗi / hàng + tháng / quý / tuần / năm";
# "qua" elsewhere (a channel: "qua bưu điện"; "tuần qua") keeps its readings.
_EACH_UNIT = {"tung", "cac", "moi", "hang"}
_UNITS = {"thang", "quy", "tuan", "nam"}


def over_units(tokens: Tokens) -> None:
    items = tokens.items
    for k, word in enumerate(items[:-2]):
        if word == "qua" and not tokens.used[k] and items[k + 1] in _EACH_UNIT and items[k + 2] in _UNITS and (
                items[k - 1:k] != ["ket"]):  # "trả kết quả từng quý": the "quả" of "kết quả", not "qua"
            tokens.used[k] = True


# "chênh (lệch) (nhau) bao nhiêu", "chênh mấy %": the difference between two periods or two names, which a comparison
# (or two names ranked) states; "chênh" had been unknown. Read as a word of comparison; with one period and no second
# name it asks a comparison without two sides (unsure, as "so với" alone is).
_DIFFERENCE = ["chenh lech nhau", "chenh lech", "chenh nhau", "chenh"]


def difference(tokens: Tokens) -> bool:
    return tokens.take_all(_DIFFERENCE)


# Session 24 (plain behaviour since session 26, rule R8; tested in tests/ask/test_session24.py): "(đã)
# (được) cải thiện (như thế nào / ra sao)" beside "so với / so sánh" asks how the figure changed between the two
# sides, as "thay đổi thế nào" does: a comparison (the change is stated, whichever way it went). "thiện" had been
# unknown (unsure). Without "so với / so sánh" it is left unread.
_IMPROVED = ["da duoc cai thien", "duoc cai thien", "da cai thien", "cai thien"]


def improved(tokens: Tokens) -> bool:
    if not (tokens.has("so voi") or tokens.has("so sanh")):
        return False
    return tokens.take_all(_IMPROVED)


# Session 19: "tháng 10 gấp mấy lần tháng 9", "… bằng bao nhiêu lần …", "có gấp đôi không": how many times one figure is
# the other, which a comparison of the two answers (both figures, and the ratio said); "gấp", "lần" had been unknown.
# With one period and no second name it is a comparison without two sides (unsure, as "so với" alone is); "gấp" alone
# ("hồ sơ gấp": urgent) stays unknown.
_TIMES = ["gap bao nhieu lan", "gap may lan", "bang bao nhieu lan", "bang may lan", "gap doi", "gap ba",
          "gap lan"]


def times(tokens: Tokens) -> bool:
    """True where the question asks how many times one figure is the other; the words are read."""
    return tokens.take_all(_TIMES)


# "… đã giảm chưa?", "thu ngân sách đạt kế hoạch chưa", "… có đạt kế hoạch không đồng chí?": "chưa" closing a clause
# that says "đã / đạt" asks yes or not yet, as a closing "không" asks yes or no; and "đồng chí" after the closing
# particle is the addressee. Both had been left unknown (unsure). "chưa" anywhere else keeps its meaning (open records:
# "hồ sơ chưa giải quyết" is read before this), and a "chưa" with no "đã / đạt" before it in its clause stays unknown.
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
    items = tokens.items
    for k, word, start in _clause_words(items):
        if tokens.used[k] or word not in ("chua", "khong") or not _closes(items[k + 1:], PARTICLES):
            continue
        before = items[start:k]
        if (word == "chua" and ("da" in before or "dat" in before)) or (word == "khong" and "co" in before):
            tokens.used[k] = True


# "phản ánh nhiều nhất về vấn đề gì", "dân phản ánh chuyện gì nhiều nhất": what the feedback is about, asked as "vấn
# đề / chuyện / nội dung + gì / nào", is its category; "đề" had been unknown. Feedback only, grouped by category.
_ABOUT = (["van", "de"], ["chuyen"], ["noi", "dung"])


def feedback_about(tokens: Tokens) -> bool:
    """True where the question asks which category; the words are read."""
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


# "kết quả giải quyết hồ sơ … của từng công chức (được giao xử lý)", "mỗi công chức nhận bao nhiêu hồ sơ", "công chức
# nào trễ hạn nhiều nhất": the officers handling the records, one figure each, as "từng cán bộ" is; "công chức" had been
# read as the staff count no view holds (not in the data, a confident wrong; session 18). Records only, and only after
# "từng / mỗi / các / theo" or before "nào"; "bao nhiêu công chức", "số công chức" keep "not in the data".
_EACH = {"tung", "moi", "cac", "theo"}
_ASSIGNED = (["duoc", "giao", "xu", "ly"], ["duoc", "giao", "giai", "quyet"], ["duoc", "giao"], ["phu", "trach"],
             ["thu", "ly"])


def officials(tokens: Tokens, intent: Intent) -> None:
    if intent.domain != "ho_so" or intent.group is not None:
        return
    items = tokens.items
    for k in tokens.find("cong chuc"):
        start = k - 2 if items[k - 2:k] == ["can", "bo"] else k  # "từng cán bộ, công chức"
        each = start > 0 and items[start - 1] in _EACH and not tokens.used[start - 1]
        which = items[k + 2:k + 3] == ["nao"]
        if not (each or which):
            continue
        end = k + 3 if which else k + 2
        end += next((len(p) for p in _ASSIGNED if items[end:end + len(p)] == p), 0)
        for j in range(start - 1 if each else start, end):
            tokens.used[j] = True
        intent.group = "can_bo_xu_ly"
        return


# Session 21: "để (bị / cho) quá hạn / trễ hạn": "Thắng hiện đang để quá hạn mấy hồ sơ", "tháng này chị Lan để trễ hạn
# bao nhiêu hồ sơ": the records someone let lapse are the overdue (late) ones the measure words name ("để" had been
# unknown: unsure). Only "để" right before those words; "để báo cáo", "để quá hạn thì …" with no figure asked stay as
# they were, and "không / đừng để quá hạn" (a goal, not a count) is not read. Kept by rule R1 in session 21 (right +2
# on the fresh sets), plain behaviour since session 23 (tests/ask/test_session21.py).
_LAPSES = (["qua", "han"], ["tre", "han"], ["tre", "hen"])


def let_lapse(tokens: Tokens) -> None:
    items = tokens.items
    for k in tokens.find("de"):
        j = k + 2 if items[k + 1:k + 2] in (["bi"], ["cho"]) else k + 1
        if not any(items[j:j + 2] == w for w in _LAPSES) or items[k - 1:k] in (["khong"], ["dung"], ["chang"]):
            continue
        tokens.used[k] = True


# Bug fix (session 24, rule R7): "phản ánh tuần này bao nhiêu, đã xử lý bao nhiêu", "hồ sơ tháng này bao nhiêu, đang
# xử lý mấy": the first clause asks the total (what was received, as it does alone) and the second a part of it; the
# part alone had been given (for feedback, the total filtered to the part's status), the total dropped. A first clause
# asking a figure with no measure of its own, before a clause that asks one with a measure, where the answer holds no
# total received, is unsure.
_MEASURE_WORDS = [p for p, _ in RECORD_PHRASES + FEEDBACK_PHRASES]
_ASKING = ("bao nhieu", "so ho so", "so phan anh", "tong so")
_RECEIVED = {"ho_so": "tiep_nhan", "phan_anh": "pa_tiep_nhan"}


def total_dropped(tokens: Tokens, intent: Intent) -> bool:
    if intent.domain not in _RECEIVED or intent.listing or intent.group:
        return False
    clauses, start = [], 0
    for end in [k for k, t in enumerate(tokens.items) if t in {",", ";", "?"}] + [len(tokens.items)]:
        text = " " + " ".join(tokens.items[start:end]) + " "
        if any(f" {w} " in text for w in _ASKING):
            clauses.append(text)
        start = end + 1
    if len(clauses) < 2 or any(f" {p} " in clauses[0] for p in _MEASURE_WORDS):
        return False
    if not any(f" {p} " in c for c in clauses[1:] for p in _MEASURE_WORDS):
        return False
    return _RECEIVED[intent.domain] not in intent.measures or "trang_thai" in intent.filters


# Bug fix (session 27, rule R7): "số hồ sơ tiếp nhận tháng 10 phân theo hình thức nộp và lĩnh vực", "… chia theo lĩnh
# vực, theo cán bộ": two groupings asked, and the first alone had been given (the second's words read with it). A
# second dimension of another column, said right after "và / , / theo" once a grouping is read and not followed by a
# name of its own ("theo lĩnh vực đất đai và hộ tịch": the names of one grouping), is unsure.
_JOINS = {"va", ",", "theo", "voi"}


def second_grouping(tokens: Tokens, intent: Intent) -> bool:
    if intent.group is None:
        return False
    dims = DIMENSIONS.get(intent.domain, {})
    items = tokens.items
    for phrase, column in dims.items():
        words = phrase.split()
        if column in (intent.group, "month") or (intent.group == "ma_linh_vuc" and column == "linh_vuc"):
            continue
        for k in range(1, len(items) - len(words) + 1):
            if items[k:k + len(words)] != words or items[k - 1] not in _JOINS:
                continue
            after = items[k + len(words):k + len(words) + 1]
            if "theo" in items[:k] and (not after or after[0] in _JOINS | {"?", "nao", "ma", "cua"}):
                return True
    return False


# Bug fix (session 25, rule R7): "quý 3 nhận bao nhiêu hồ sơ, (trong đó) đất đai bao nhiêu", "tháng 10 trễ hạn bao
# nhiêu, anh Nam bao nhiêu", "hồ sơ tháng 10 bao nhiêu, trong đó trực tuyến bao nhiêu": the first clause asks one figure
# and a later one a part of it; the part alone had been given, the first figure dropped. Unsure where the figure the
# first clause asks (read alone) is not in the answer: its measure not among the answer's, or the answer narrowed by a
# name the first clause does not say. Names said before the figures ("Lĩnh vực đất đai, quý 3 nhận bao nhiêu, trễ
# hạn bao nhiêu"), two names ranked ("đất đai bao nhiêu, hộ tịch bao nhiêu") and more measures of the same records
# ("nhận bao nhiêu, giải quyết bao nhiêu") keep their answers.
def first_figure_dropped(tokens: Tokens, intent: Intent, read_alone: Callable[[str], Intent | None]) -> bool:
    if intent.domain not in _RECEIVED or intent.listing or intent.group:
        return False
    clauses = _asking_clauses(tokens)
    if len(clauses) < 2:
        return False
    first = read_alone(clauses[0])  # with what is said before it ("Lĩnh vực đất đai, quý 3 nhận bao nhiêu")
    if first is None or first.missing is not None or first.listing or first.group or not first.measures:
        return False
    if not set(first.measures) <= set(intent.measures):
        return True
    for column, value in intent.filters.items():
        mine = first.filters.get(column)
        if mine is None or not set(_values(mine)) <= set(_values(value)):
            return True
    return False


def _values(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def _asking_clauses(tokens: Tokens) -> list[str]:
    """The clauses (split at , ; ?) that hold a word asking a figure, as text; the first with all said before it."""
    clauses: list[str] = []
    start = 0
    for end in [k for k, t in enumerate(tokens.items) if t in {",", ";", "?"}] + [len(tokens.items)]:
        text = " ".join(tokens.items[start:end])
        if any(f" {w} " in f" {text} " for w in _ASKING):
            clauses.append(" ".join(t for t in tokens.items[:end] if t not in {",", ";", "?"}) if not clauses else text)
        start = end + 1
    return clauses


# Bug fix (session 25, rule R7): "số phản ánh tính đến hôm nay", "số hồ sơ trễ hạn tính đến ngày 15/11": "tính đến /
# tới" a day, with no start said, asks a running total up to that day; the day's own figure had been given ("tính đến"
# was filler), which nobody means. Unsure for a figure counted over a period; a figure at a day ("đang giải quyết",
# "quá hạn chưa giải quyết", "tồn … tính đến ngày 31/10") is that day's, as before.
_UNTIL = re.compile(r"\btinh (?:den|toi) (?:het )?(?:ngay |hom )?(?:nay|\d{1,2}/\d{1,2}(?:/\d{4})?)\b")


def running_total_to_a_day(tokens: Tokens, intent: Intent) -> bool:
    period = intent.period
    if period is None or period.start != period.end or intent.compare is not None or not intent.measures:
        return False
    if all(MEASURES[m].basis == "asof" for m in intent.measures) or "tu" in tokens.items:
        return False
    return _UNTIL.search(tokens.text()) is not None


# Bug fix (session 24, rule R7): "số phản ánh và số hồ sơ tháng 10", "tổng số hồ sơ và phản ánh tháng 10" had been given
# the feedback alone, the records dropped. Records and feedback asked together are unsure.
_BOTH_KINDS = re.compile(r"\bho so (?:va|voi|,) (?:(?:so|tong so|so luong) )?phan anh\b"
                         r"|\bphan anh (?:va|voi|,) (?:(?:so|tong so|so luong) )?ho so\b")


def both_kinds(tokens: Tokens) -> bool:
    return _BOTH_KINDS.search(tokens.text()) is not None


# Bug fix (session 24, rule R7): "tỷ lệ đúng hạn và trễ hạn quý 3" had given the rate of the first and the count of the
# second ("tỷ lệ" said once for both). Where a second measure follows "tỷ lệ <measure> và" with no word of its own and
# a count is in the answer, unsure.
_SHARED_RATE = re.compile(r"\bty le (?:giai quyet |xu ly |ho so |nop )?(?:dung han|tre han|truc tuyen|tu choi|qua han)"
                          r" (?:va|voi|,) (?:dung han|tre han|truc tuyen|tu choi|qua han|nop truc tuyen)\b")


def rate_shared(tokens: Tokens, intent: Intent) -> bool:
    return _SHARED_RATE.search(tokens.text()) is not None and any(
        MEASURES[m].kind == "count" for m in intent.measures)
