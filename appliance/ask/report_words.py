"""Session 17: words of reports and of spoken comparisons that the box now reads (each had been unknown, so a question
it can answer was "unsure"). Tested on and off, with cases where they must not fire, in tests/ask/test_session17.py.
Read at run time.
"""

from __future__ import annotations

from appliance.ask.tokens import Tokens

# "Chốt cuối tháng 9, những hồ sơ nào quá hạn", "so với hồi chốt cuối quý 3", "số liệu chốt đến 31/10": the cut-off of
# a report, said before the day or period it names, asks for the figure at that day, which the period rules read
# already; "chốt" had been unknown. Only right before a period read (after "số liệu" and "đến / tại / vào / ngày");
# "chốt" elsewhere ("chốt danh sách", "chốt hồ sơ") stays unknown.
SESSION17_CUT_OFF = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
_BETWEEN = {"so", "lieu", "den", "tai", "vao", "luc", "ngay", "thoi", "diem", "cuoi", "dau", "hoi"}


def cut_off(tokens: Tokens) -> None:
    if not SESSION17_CUT_OFF:
        return
    items = tokens.items
    for k, word in enumerate(items):
        if word != "chot" or tokens.used[k]:
            continue
        j = k + 1
        while j < len(items) and items[j] in _BETWEEN and not tokens.used[j]:
            j += 1
        if j < len(items) and tokens.used[j] and items[j] not in {",", ";", "?"}:
            start = k - 2 if items[k - 2:k] == ["so", "lieu"] else k  # "số liệu chốt đến …"
            for i in range(start, j):
                tokens.used[i] = True


# "tăng lên hay giảm đi", "có nhích lên không", "nhích xuống": a change said the spoken way, as "tăng / giảm" are
# (comparison words); "đi", "nhích" had been unknown.
SESSION17_CHANGE_SAID = False  # off by rule R1 (session 17): on, fresh12 had one confident wrong more
_CHANGE = ["giam di", "tang len hay giam di", "giam di hay tang len", "nhich len", "nhich xuong", "nhich len hay giam",
           "co nhich len"]


def change_words() -> list[str]:
    return _CHANGE if SESSION17_CHANGE_SAID else []
