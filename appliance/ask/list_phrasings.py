"""Session 17: ways of asking for the records themselves that the box now reads (each had left "nào" unknown, so a list
it can give was "unsure"). Tested on and off, with cases where they must not fire, in tests/ask/test_session17.py.
Read at run time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

_CLAUSE_END = {",", ";", "?"}

# "Tháng này có hồ sơ đất đai nào trả trễ hạn không, là những hồ sơ nào?", "có bộ nào đang chờ bổ sung mà đã quá hạn
# không, liệt kê giúp": once a list is asked, the "nào" of a "có … nào … không" clause asks whether there are any,
# which the list answers; it had been left unknown when a name stood between the noun and "nào". Only inside one
# clause opened by "có" and closed by "không"; without a list asked it stays as it was.
SESSION17_ANY_IN_LIST = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back


def any_in_list(tokens: Tokens, intent: Intent) -> None:
    if not SESSION17_ANY_IN_LIST or not intent.listing:
        return
    items = tokens.items
    for k in tokens.find("nao"):
        start = next((j + 1 for j in range(k - 1, -1, -1) if items[j] in _CLAUSE_END), 0)
        end = next((j for j in range(k + 1, len(items)) if items[j] in _CLAUSE_END), len(items))
        opened = "co" in items[start:k]
        closed = "khong" in items[k + 1:end] and items[end - 1] == "khong"
        if opened and closed:
            tokens.used[k] = True


# "mấy cái phản ánh quá hạn là cái nào", "mấy hồ sơ trễ hạn tuần này là bộ nào": "là (các) cái / bộ / phiếu nào"
# closing the question asks which ones, as "là những hồ sơ nào" does. "Cái nào nhiều hơn" (no "là") is a comparison.
SESSION17_WHICH_ONES = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
WHICH_ONES = [f"la {many}{noun} nao" for many in ("nhung ", "cac ", "") for noun in ("cai", "bo", "phieu",
                                                                                      "truong hop")]


def which_ones() -> list[str]:
    """The phrases that ask for the records themselves, whatever figure word is said."""
    return WHICH_ONES if SESSION17_WHICH_ONES else []


# "top 5 PAKN mới nhất", "5 cái phản ánh hạ tầng mới nhất": "top" before the number of the newest (oldest) few records,
# or a classifier after it, asks for those records, as "5 hồ sơ mới nhất" does; it had been read as a ranking of
# groups, or as one total with "top" and "mới nhất" dropped, or the number was unknown. Read at run time.
SESSION17_TOP_NEWEST = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
_TOP = re.compile(r"^(?:top )?(\d{1,2}) (?:(?:cai|bo|phieu) )?")


def top_dropped(opener: str) -> str:
    """The question's opening words without a "top" before the number of records, or a classifier after it."""
    return _TOP.sub(r"\1 ", opener) if SESSION17_TOP_NEWEST else opener


def take_top(tokens: Tokens) -> None:
    """Mark the "top" opening a list of the newest few as read."""
    items = [k for k, t in enumerate(tokens.items) if t not in {",", "?"}]
    if SESSION17_TOP_NEWEST and items and tokens.items[items[0]] == "top":
        tokens.used[items[0]] = True
