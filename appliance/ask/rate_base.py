"""The total a share is taken of, said after the share: "số hồ sơ trễ hạn chiếm bao nhiêu phần trăm so với tổng số hồ
sơ (đã giải quyết)", "tỷ lệ đúng hạn tính trên số hồ sơ tiếp nhận".

Bug fix (session 22, rule R7): "so với tổng số …" after a share had been read as a comparison with the period before
("tỷ lệ trễ hạn quý 3 … so với quý 2", a confident wrong): it is never a comparison, and unsure. "(tính) trên tổng
số …" after a share is read and dropped (the measure's own share is given).
"""

from __future__ import annotations

from appliance.ask.measures import RECORD_PHRASES
from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES

_COMPARED = (["so", "voi"], ["so", "sanh", "voi"])
_TOTAL = (["tong", "so"], ["tong", "cong"], ["tong"])  # not "toàn bộ / toàn phường": session 15, R1 (rule R9)
_ON = (["tinh", "tren"], ["tren"])
_RECORDS = (["ho", "so"], ["hs"], ["bo"])
_BASES = {"tiep_nhan", "da_giai_quyet"}
_BASE_PHRASES = sorted(((p.split(), b) for p, b in RECORD_PHRASES if b in _BASES), key=lambda pb: -len(pb[0]))


def _starts(items: list[str], at: int, options: tuple[list[str], ...]) -> int:
    """The length of the first option that starts at `at`, or 0."""
    return next((len(o) for o in options if items[at:at + len(o)] == o), 0)


def read(tokens: Tokens) -> tuple[str, bool, int, int] | None:
    """Marks "so với / (tính) trên tổng số (hồ sơ) [a total's words]" as read. Returns the total named ("tiep_nhan",
    "da_giai_quyet", or "" when none), whether it was said after "so với" (a share, not a comparison) and where the
    words stand (start, count); None where no such words stand free."""
    items, used = tokens.items, tokens.used
    for k in range(len(items)):
        if used[k]:
            continue
        compared = _starts(items, k, _COMPARED)
        on = 0 if compared else _starts(items, k, _ON)
        opener = compared or on
        if not opener:
            continue
        j = k + opener
        total = _starts(items, j, _TOTAL)
        if not total and (compared or items[j:j + 1] != ["so"]):
            continue  # "so với tháng 9" compares; "trên số hồ sơ …" names a total too
        j += total or 1
        j += _starts(items, j, (["cac"], ["cua"]))
        j += _starts(items, j, _RECORDS)
        j += _starts(items, j, (["da"], ["duoc"]))
        named = ""
        for words, base in _BASE_PHRASES:
            if items[j:j + len(words)] == words and not any(used[j:j + len(words)]):
                named, j = base, j + len(words)
                break
        if any(used[k:j]):
            continue
        for i in range(k, j):
            used[i] = True
        return named, bool(compared), k, j - k
    return None


def problem(compared: bool, measures: list[str]) -> str:
    """Why a share asked of a total cannot be answered as read ("" when it can)."""
    rates = [MEASURES[m] for m in measures if MEASURES[m].kind == "rate"]
    if not rates:
        return "câu hỏi nêu «so với / trên tổng số» mà không hỏi tỷ lệ; hãy hỏi «tỷ lệ … bao nhiêu»" if compared else ""
    if compared:
        return "chưa đọc được «so với tổng số …»; hãy hỏi «tỷ lệ … bao nhiêu»"
    return ""
