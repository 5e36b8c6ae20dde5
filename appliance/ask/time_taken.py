"""Session 14: records listed by the days they took ("5 hồ sơ giải quyết lâu nhất tháng trước", "những hồ sơ nào
giải quyết nhanh nhất quý 3"). The list had been ordered by the day received whatever was said (a confident wrong:
"nhanh nhất" was read as a ranking word with no group to rank), or the number before "hồ sơ" left unknown.

Only records returned have a time taken (return − receipt, `v_ho_so.so_ngay_xu_ly`): a list of any other measure
so ordered is unsure, and "lâu nhất" about open records keeps its reading (the oldest open first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.measures import FASTEST, RECORD_PHRASES, SLOWEST
from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

COLUMN = "so_ngay_xu_ly"
_FEW = re.compile(r"^(?:cho (?:toi |anh |chi |em )?(?:xem )?)?(?:top )?(\d{1,2}) (?:ho so|bo ho so|truong hop)\b")
_OPEN = {base for _, base in RECORD_PHRASES if base in ("chua_giai_quyet", "qua_han")}
_OPEN_PHRASES = [phrase for phrase, base in RECORD_PHRASES if base in _OPEN]
_GROUPS = ["linh vuc", "thu tuc", "can bo", "ai", "loai", "nhom", "don vi", "hinh thuc", "thang", "quy", "tuan"]


def list_by_time(tokens: Tokens, intent: Intent) -> None:
    """Reads the order of a list of records by time taken; call after the list words, before the measures."""
    if intent.domain != "ho_so":
        return
    slow = [k for p in SLOWEST for k in tokens.find(p)]
    fast = [k for p in FASTEST for k in tokens.find(p)]
    if bool(slow) == bool(fast) or any(tokens.has(p) for p in _OPEN_PHRASES):
        return
    opener = " ".join(t for t in tokens.items if t not in {",", "?"})
    few = _FEW.match(opener)
    if not intent.listing and few is None:
        return
    # "lĩnh vực nào giải quyết chậm nhất": a ranking of groups, read elsewhere; "nào" right after "hồ sơ" is which
    text = f" {opener} "
    if any(f" {g} " in text for g in _GROUPS if g not in ("thang", "quy", "tuan")) or (
            any(f" {g} nao " in text for g in ("thang", "quy", "tuan"))):
        return
    intent.listing = True
    intent.list_by = COLUMN
    intent.list_order = "desc" if slow else "asc"
    at = (slow or fast)[0]
    tokens.used[at] = tokens.used[at + 1] = True
    if few is not None:
        k = tokens.items.index(few.group(1))
        tokens.used[k] = True
        intent.limit = int(few.group(1))
    for k, word in enumerate(tokens.items):
        if word == "nao" and not tokens.used[k] and tokens.items[max(0, k - 2):k] == ["ho", "so"]:
            tokens.used[k] = True  # "hồ sơ nào giải quyết lâu nhất": which records


def problem(intent: Intent) -> str:
    """A list by time taken of records that took no time yet (received, open): unsure, with what to ask."""
    if intent.list_by != COLUMN or all(MEASURES[m].basis == "returned" for m in intent.measures):
        return ""
    return ("chỉ hồ sơ đã trả kết quả mới có thời gian giải quyết; hãy hỏi ví dụ «5 hồ sơ giải quyết lâu nhất "
            "tháng trước»")
