"""Ways of saying a question that the box reads (each had been left unknown, so a question it can answer was
"unsure"): the processing time "longest / shortest", "which of the two", the asker's wish (tests/ask/test_session16.py)
and the polite "Đề nghị …" opening (session 18, tests/ask/test_session18.py).
"""

from __future__ import annotations

from appliance.ask.doubts import ASKER, CALL, WANTED
from appliance.ask.tokens import Tokens

_CLAUSE_END = {",", ";", "?"}

# Session 18: "Đề nghị (em) cho biết …", "Kính đề nghị liệt kê …", "Đề nghị cung cấp danh sách …": the polite request
# opening a clause, before the addressee, "cho" or a request verb, asks nothing itself ("đề", "nghị" had been unknown),
# and "cung cấp" right after it is the request verb ("provide"). "Đề nghị" as a thing ("số đề nghị của dân", "trả lời
# đề nghị của công dân") stays unknown. Sessions 16 and 17 read the same opening (off by rule R1 then, retired in
# session 18); the session-18 writer opens a fifth of the training half so. Read at run time. R1 (session 18): on, fresh
# right +13 (fresh17 +6, fresh18 +6, fresh15 +1) but fresh17 one confident wrong more.
SESSION18_REQUEST_OPENING = False  # off by rule R1 (session 18): on, fresh17 had one confident wrong more
_REQUEST_AFTER = {"cho", "liet", "tong", "bao", "thong", "xem", "tinh", "lap", "gui", "lay", "cung", "trich", "ke",
                  "kiem", "so", "danh", "phong", "bo", "van", "a", "anh", "chi", "em", "e", "toi", "minh"}
_REQUEST_BEFORE = {"kinh", "xin", "toi", "anh", "chi", "em", "minh", "chu", "bac"}
_PROVIDE = (["cung", "cap", "cho"], ["cung", "cap"])


def request_opening(tokens: Tokens) -> None:
    if not SESSION18_REQUEST_OPENING:
        return
    items = tokens.items
    for k in tokens.find("de nghi"):
        start = k
        while start and items[start - 1] in _REQUEST_BEFORE and not tokens.used[start - 1]:
            start -= 1
        after = items[k + 2] if k + 2 < len(items) else ""
        if (start == 0 or items[start - 1] in _CLAUSE_END) and after in _REQUEST_AFTER:
            end = k + 2 + next((len(p) for p in _PROVIDE if items[k + 2:k + 2 + len(p)] == p), 0)
            for j in range(start, end):
                tokens.used[j] = True

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
        if items[k] == "muon" and not tokens.used[k] and items[k - 1] in ASKER and (
                k == 1 or items[k - 2] in CALL) and items[k + 1] in WANTED:
            tokens.used[k] = True
