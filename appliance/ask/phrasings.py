"""Ways of saying a question that the box reads (each had been left unknown, so a question it can answer was
"unsure"): the processing time "longest / shortest", "which of the two", the asker's wish (tests/ask/test_session16.py).
"""

from __future__ import annotations

from appliance.ask.doubts import ASKER, CALL, WANTED
from appliance.ask.tokens import Tokens

# "thủ tục nào có thời gian giải quyết trung bình dài nhất", "… ngắn nhất": the processing time ranked, said of the
# time as "longest / shortest" ("dài", "ngắn" had been unknown). Only with "thời gian" or "số ngày" said.
_LENGTH = {"dai": "lau", "ngan": "nhanh"}


def longest(tokens: Tokens) -> None:
    if not (tokens.has("thoi gian") or tokens.has("so ngay")):
        return
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k] in _LENGTH and items[k + 1] == "nhat" and not tokens.used[k]:
            items[k] = _LENGTH[items[k]]  # read as "lâu / nhanh nhất" by the ranking step


# "hộ tịch với chứng thực, bên nào trễ hạn nhiều hơn", "tuần này với tuần trước, cái nào nhận nhiều hơn": with two
# names of one kind, or two periods, and "hơn / nhất" said, "bên / cái / phía nào" asks which of the two, as "ai"
# does for two officers ("bên", "nào" had been unknown). Without two sides, or without "hơn / nhất", "bên nào" (which
# office?) stays unknown.
def which_side(tokens: Tokens, two_sides: bool) -> None:
    if not two_sides or not (tokens.has("hon") or tokens.has("nhat")):
        return
    for side in ("ben", "cai", "phia"):
        for k in tokens.find(f"{side} nao"):
            tokens.used[k] = tokens.used[k + 1] = True


# "anh muốn biết …", "em muốn xem …": the wish said after the asker at a clause's start, before what is wanted, is the
# request, as "anh cần …" is (folded "muon" is also "muộn", late: only in that place).


def wish(tokens: Tokens) -> None:
    items = tokens.items
    for k in range(1, len(items) - 1):
        if items[k] != "muon" or tokens.used[k] or items[k + 1] not in WANTED:
            continue
        if items[k - 1] in ASKER and (k == 1 or items[k - 2] in CALL):
            tokens.used[k] = True
