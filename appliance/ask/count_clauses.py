"""Session 19: "tháng này bao nhiêu hồ sơ, trễ hạn bao nhiêu", "quý 3 có bao nhiêu phản ánh, bao nhiêu đã xử lý",
"… bao nhiêu bộ, trả bao nhiêu": a clause asking a count with no measure word, beside clauses naming one, asks what
was received (as the bare count alone does); it had been dropped and only the other figure given. With a count at a
day in the other clause ("…, bao nhiêu quá hạn") the question is unsure: the received count and the count at a day
need two periods read apart. Read at run time by understand.measures; tested on and off in tests/ask/test_session19.py.
"""

from __future__ import annotations

import re

from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES

SESSION19_BARE_COUNT = False  # off by rule R1 (session 19): moved no fresh verdict, no training wrong back
_COUNT_ASKED = re.compile(r" (?:bao nhieu|may) (?:(?:bo |cai |phieu )?(?:ho so|phan anh|kien nghi)|bo|phieu)\b"
                          r"| (?:ho so|phan anh) (?:bao nhieu|may)\b")


_MARKS = {",", ";", "?"}


def bare_count(clause_text: str, items: list[str], clause: list[int]) -> bool:
    """The clause (where no measure was read) asks a count of records or feedback, set apart by commas: a clause cut
    at "còn / và" ("quá hạn hiện còn mấy phiếu") belongs to the measure before it."""
    first, last = clause[0], clause[-1]
    apart = (first == 0 or items[first - 1] in _MARKS) and (last == len(items) - 1 or items[last + 1] in _MARKS)
    return apart and bool(_COUNT_ASKED.search(clause_text))


def add_received(tokens: Tokens, domain: str, found: list[str], at: int) -> None:
    """The received count added where the bare clause stands, or the question made unsure beside a count at a day."""
    if not SESSION19_BARE_COUNT:
        return
    default = "tiep_nhan" if domain == "ho_so" else "pa_tiep_nhan"
    if any(MEASURES[m].basis == "asof" for m in found):
        tokens.doubt(next(k for k, w in enumerate(tokens.items) if w in ("bao", "may")))
    elif default not in found:
        found.insert(at, default)
