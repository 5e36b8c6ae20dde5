"""Session 14: words the parser read, or took for filler, whose meaning the answer then dropped.

Each check here was found as a confident wrong answer on wording of my own (never a set's sentence): the
word was consumed (as a measure, an average, a period's neighbour) yet the figure given answers a plainer
question. Where the box cannot compute what the word asks, the word is put back as unread, so the answer
is "unsure" with suggestions instead of a figure for another question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

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


def cohort(tokens: Tokens, spots: list[tuple[int, int, str]]) -> None:
    """`spots`: (start, length, base measure) of each measure phrase read in one clause."""
    bases = {base for _, _, base in spots}
    if bases == {"tiep_nhan", "chua_giai_quyet"}:
        _received_then_open(tokens, spots)
    if bases != {"tiep_nhan", "da_giai_quyet"}:
        return
    for start, n, base in spots:
        if base == "da_giai_quyet":
            unread(tokens, start, n)


# Session 20 (bug fix): "hồ sơ nhận hôm nay mà chưa có kết quả", "số hồ sơ nhận tháng 10 mà chưa giải quyết": the
# records received in that period that are still open, which no measure computes. The received words had been
# narrowed away and every record open at the period's end counted (received any time: a confident wrong). With a period
# said right after the received words, unsure; "hồ sơ đã nhận nhưng chưa giải quyết" (no period: every open record)
# keeps its figure.
_BEFORE_PERIOD = {"trong", "vao", "tu", "cua"}


def _received_then_open(tokens: Tokens, spots: list[tuple[int, int, str]]) -> None:
    received = [(start, n) for start, n, base in spots if base == "tiep_nhan"]
    still = [(start, n) for start, n, base in spots if base == "chua_giai_quyet"]
    for start, n in received:
        k = start + n
        while k < len(tokens.items) and tokens.items[k] in _BEFORE_PERIOD:
            k += 1
        dated = k < len(tokens.items) and tokens.used[k] and tokens.items[k] not in (",", ";", "?")
        later = [(s, m) for s, m in still if s > k]
        if dated and later:
            unread(tokens, *later[0])
            return


# "phản ánh tuần trước trạng thái …", "hồ sơ quý 3 hình thức nộp": a group word that neither groups the figures nor
# names a filter (no "theo / từng", no value after it) was taken as filler and one total given. Unsure instead. Only the
# group words that are never the question's plain subject ("thủ tục", "cán bộ" often are: "hồ sơ thủ tục hành chính").
_GROUP_WORDS = {"trang thai": "trang_thai", "hinh thuc nop": "hinh_thuc_nop", "linh vuc": "linh_vuc"}
_LISTED_GROUPS = {"thu tuc": "ten_thu_tuc", "can bo": "can_bo_xu_ly", "cong chuc": "can_bo_xu_ly",
                  "linh vuc": "linh_vuc"}


def group_word_dropped(tokens: Tokens, intent: Intent) -> None:
    # "danh sách (các) thủ tục có hồ sơ trễ hạn", "danh sách cán bộ trễ hạn": the names of a group asked, and the
    # records had been listed (bug fix, session 22); a name after it ("danh sách thủ tục khai sinh …") filters the
    # records as before, and "thủ tục hành chính" is the records themselves
    if intent.listing:
        items = tokens.items
        for list_word in ("danh sach", "liet ke", "ke ra"):
            for k in tokens.find(list_word, free_only=False):
                j = k + 2 + (items[k + 2:k + 3] in (["cac"], ["nhung"]))
                column = _LISTED_GROUPS.get(" ".join(items[j:j + 2]))
                if column and column not in intent.filters and items[j + 2:j + 4] != ["hanh", "chinh"]:
                    unread(tokens, j, 2)
    if intent.group is not None:
        return
    for phrase, column in _GROUP_WORDS.items():
        if column in intent.filters or (column == "linh_vuc" and "ma_linh_vuc" in intent.filters):
            continue
        for k in tokens.find(phrase, free_only=False):
            if k not in tokens.aside:
                unread(tokens, k, len(phrase.split()))
    if "can_bo_xu_ly" not in intent.filters:
        # "(danh sách) cán bộ có hồ sơ trễ hạn quý 3": which officers, not the records' count or list, which had been
        # given (bug fix, session 21); "cán bộ" as the plain subject ("hồ sơ do cán bộ phường nhận") is left as it was
        for k in tokens.find("can bo co", free_only=False):
            if k not in tokens.aside:
                unread(tokens, k, 2)


# "5 hồ sơ nhận gần đây nhất hôm nay", "3 phản ánh mới nhất": the views hold the day a record was received, not the
# hour, so when the cut-off of the N newest (oldest) falls inside a day with more records than fit, which of that
# day's come first is arbitrary (the box had listed them by code: a confident wrong). Unsure then, saying why; a list
# whose cut-off falls between two days is exact.


def tied_cut(sql_count: str, rows: Sequence[Sequence[object]], columns: list[str], limit: int | None,
             total: int | None, count: Callable[[str], int]) -> str:
    """A reason (Vietnamese) when the N first records of a list cut a day in two, else ""."""
    if not limit or total is None or total <= len(rows) or not rows:
        return ""
    if "ngay_tiep_nhan" not in columns:
        return ""
    at = columns.index("ngay_tiep_nhan")
    day = rows[-1][at]
    if not isinstance(day, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return ""
    shown = sum(1 for row in rows if row[at] == day)
    if count(f"{sql_count} AND ngay_tiep_nhan = '{day}'") <= shown:
        return ""
    d = dt.date.fromisoformat(day)
    return (f"ngày {d:%d/%m/%Y} có nhiều hồ sơ hơn số cần liệt kê, mà số liệu chỉ ghi ngày tiếp nhận, không ghi giờ, "
            f"nên không biết hồ sơ nào trước; hãy hỏi danh sách cả ngày {d:%d/%m/%Y}")


# Bug fix (session 29, rule R7): records asked beside feedback in one question ("cho tôi số hồ sơ tồn và phản ánh quá
# hạn", "tuần rồi hồ sơ bao nhiêu, phản ánh bao nhiêu", the chair's several figures at once): the question is read as
# about feedback, where "hồ sơ" is filler, and the feedback's figures alone had been given, the records' dropped (a
# confident wrong). A "hồ sơ" in a question about feedback is doubted (unsure), unless it is the feedback's own file
# ("hồ sơ phản ánh / kiến nghị") or what the feedback is about ("phản ánh về / liên quan đến hồ sơ …", "… chậm giải
# quyết hồ sơ").
_ABOUT = {"ve", "quan", "den", "toi", "quyet", "ly"}


def records_beside_feedback(tokens: Tokens, intent: Intent) -> None:
    if intent.domain != "phan_anh":
        return
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k:k + 2] != ["ho", "so"] or any(tokens.used[k:k + 2]):
            continue
        before, after = items[k - 1] if k else "", items[k + 2] if k + 2 < len(items) else ""
        if after not in ("phan", "kien", "pa", "pakn") and before not in _ABOUT:
            tokens.doubt(k)
            tokens.doubt(k + 1)


# Bug fix (session 29, rule R7): "tuần trước nhận bao nhiêu, trễ bao nhiêu, phản ánh bao nhiêu?", "tồn bao nhiêu, quá
# hạn bao nhiêu, phản ánh chưa xử lý bao nhiêu": a clause asking its own figure with no noun, before the clause that
# names the feedback, is not about the feedback (a clause left without its noun takes the one said before it, as in
# "phản ánh tuần này bao nhiêu, đã xử lý bao nhiêu", never one said after it); the feedback's figures had been given
# for it (a confident wrong). Its figure word is put back as unread (unsure).
_FEEDBACK_NOUNS = (["phan", "anh"], ["kien", "nghi"], ["pa"], ["pakn"], ["gop", "y"], ["khieu", "nai"])
_FIGURE_WORDS = (["bao", "nhieu"], ["may"])


def clause_before_feedback(tokens: Tokens, intent: Intent) -> None:
    if intent.domain != "phan_anh":
        return
    items = tokens.items
    clauses, start = [], 0
    for end in [k for k, t in enumerate(items) if t in (",", ";", "?")] + [len(items)]:
        clauses.append((start, end))
        start = end + 1
    named = [any(items[k:k + len(n)] == n for k in range(a, b) for n in _FEEDBACK_NOUNS) for a, b in clauses]
    if True not in named:
        return
    for (a, b), said in zip(clauses[:named.index(True)], named, strict=False):
        figure = [(k, len(f)) for k in range(a, b) for f in _FIGURE_WORDS if items[k:k + len(f)] == f]
        if figure and not said:
            unread(tokens, *figure[0])
