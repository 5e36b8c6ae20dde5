"""Session 20: months or quarters listed by their numbers after the first unit word: "tháng 8, 9 và 10", "quý 2, 3",
"tháng 9 và 10" are "tháng 8, tháng 9 và tháng 10" (the bare numbers had been unknown: unsure). Only numbers of the
unit (1–12, 1–4) in rising order, joined by a comma or "và", and never one before a counting word ("tháng 10, 5 hồ
sơ trễ hạn": five records) or a slash ("tháng 9, 10/2026" is left as typed). The listed periods are then read as any
two or more periods are (compared, one span with "mỗi tháng" or "tổng cộng", a list of periods one after the other).
Read at run time by tokens.Tokens; tested on and off in tests/ask/test_session20.py.
"""

from __future__ import annotations

SESSION20_LISTED_NUMBERS = False  # off by rule R1 (session 20): moved no fresh verdict, no training wrong back
_UNITS = {"thang": 12, "quy": 4}
_JOINS = {",", "va"}
_COUNTING = {"ho", "hs", "bo", "cai", "vu", "lan", "nguoi", "phieu", "ngay", "tuan", "thang", "quy", "nam", "%",
             "trieu", "ty", "dong", "phan", "pa", "truong", "don", "/", "linh", "thu", "can", "cb", "loai", "nhom"}


def rewrite(raw: list[str]) -> list[str]:
    """The tokens with the unit word written before each number listed after the first."""
    if not SESSION20_LISTED_NUMBERS:
        return raw
    out: list[str] = []
    k = 0
    while k < len(raw):
        word = raw[k]
        out.append(word)
        top = _UNITS.get(word)
        if top is None or k + 1 >= len(raw) or not _number(raw[k + 1], top):
            k += 1
            continue
        last = int(raw[k + 1])
        out.append(raw[k + 1])
        j = k + 2
        while j + 1 < len(raw) and raw[j] in _JOINS and _number(raw[j + 1], top) and int(raw[j + 1]) > last and (
                j + 2 >= len(raw) or raw[j + 2] not in _COUNTING):
            last = int(raw[j + 1])
            out += [raw[j], word, raw[j + 1]]
            j += 2
        k = j
    return out


def _number(token: str, top: int) -> bool:
    return token.isdigit() and 1 <= int(token) <= top
