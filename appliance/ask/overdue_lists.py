"""Lists of overdue records read as a leader asks them (session 24), each reading with its flag, read at run time and
tested on and off in tests/ask/test_session24.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from appliance.ask.measures import OLDEST_WORDS
from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# Session 24 (`SESSION24_LONGEST_OVERDUE`): "hồ sơ quá hạn lâu nhất (cũ nhất) là hồ sơ nào": overdue the longest is the
# earliest deadline (han_xu_ly) first; the list had been in the order received, which puts a short procedure received
# early before a long one long past its deadline. Only a list of the overdue (records or feedback) alone.
# R1b (session 24): no fresh move (657/222/18). The training wrong it kept away (717/182/4 off) came only with
# SESSION24_HOW_LATE on; with HOW_LATE off as shipped, the lead switched it off alone on every training half: no wrong
# came back (training 712/188/3 either way, notes/r24/lead_longest_off.log), so off by rule R1b (session 24).
SESSION24_LONGEST_OVERDUE = False
DEADLINE = "han_xu_ly"
_OVERDUE = ({"qua_han"}, {"pa_qua_han"})
# Session 24 (`SESSION24_HOW_LATE`): in a list of the overdue, "(trễ / quá hạn) bao lâu (rồi)", "trễ mấy ngày" asks how
# long past the deadline each is, which the list's deadline column says; its words had been read as a second measure
# (the processing time, "trễ": late returned) and the list was refused. Only after the list's own overdue words.
SESSION24_HOW_LATE = False  # off by rule R1 (session 24): fresh 657/222/18 on and off (R1b)
_HOW_LATE = ["tre bao lau roi", "tre bao lau", "qua han bao lau roi", "qua han bao lau", "tre bao nhieu ngay",
             "tre may ngay", "qua han bao nhieu ngay", "qua han may ngay"]


def how_late(tokens: Tokens, intent: Intent) -> None:
    """Before the measures: the words asking how late, in a list of overdue records."""
    if not SESSION24_HOW_LATE or not intent.listing:
        return
    said = [k for p in _HOW_LATE for k in tokens.find(p)]
    overdue = [k for k in tokens.find("qua han")]
    if said and overdue and min(overdue) < min(said):
        tokens.take_all(_HOW_LATE)


def longest_overdue(tokens: Tokens, intent: Intent) -> None:
    """After the measures: an overdue list asked oldest first is ordered by its deadline."""
    if not SESSION24_LONGEST_OVERDUE or not intent.listing or intent.list_by or intent.list_order != "asc":
        return
    if set(intent.measures) in _OVERDUE and any(tokens.has(w) for w in OLDEST_WORDS):
        intent.list_by = DEADLINE
