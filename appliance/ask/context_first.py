"""Session 23 (`SESSION23_CONTEXT_FIRST`, read at run time; tested on and off in tests/ask/test_session23.py): a leader
who tells the context first and then turns to the question ("Anh em báo cáo tôi là dạo này bà con nộp qua mạng nhiều
lắm, vậy thì quý ba vừa rồi phường mình nhận bao nhiêu hồ sơ nộp trực tuyến?", "Hồi ở xã cũ …, giờ về phường thì tôi
muốn biết là quý này …"). The words of the context had been read as part of the question, and being chat they were
unknown (unsure).

The question is what follows the turn ("vậy thì", "thế thì", "(thì / nên) tôi muốn biết / hỏi (là)", "(rồi / giờ /
nay) thì"), after a context of a few words closed by a comma or a full stop. It is answered alone only where the
context names nothing the question does not: no name of the data (a field, a procedure, an officer, a status, a
channel), no period, no measure that the question itself leaves out, no negation or exception. Otherwise the whole
question is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from appliance.text.fold import fold
from appliance.text.periods import find_periods

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import ParseResult

SESSION23_CONTEXT_FIRST = True

_PRONOUN = r"(?:toi|anh|chi|em|minh)"
# The words that turn from the context to the question, folded; the question starts after them.
_TURNS = [re.compile(p) for p in (
    r"^(?:vay|the|vay thi|the thi)$",
    rf"^(?:thi|nen|vay|gio) {_PRONOUN} (?:muon|can) (?:biet|hoi)(?: la)?$",
    rf"^{_PRONOUN} (?:muon|can) (?:biet|hoi)(?: la)?$",
    r"^(?:roi|gio|nay|bay gio) thi$",
)]
_MAX_TURN = 5
# The context names something the question must then say too; a negation or an exception there is never chat.
_NEVER_ASIDE = {"khong", "chua", "tru"}
_MIN_CONTEXT = 4  # words: "Vậy thì …" opening a question is no turn


def split(question: str) -> tuple[str, str] | None:
    """(context, question) where a turn follows a context closed by a comma or a full stop, else None."""
    words = [(m.start(), m.end(), fold(m.group(0))) for m in re.finditer(r"[^\W_]+", question)]
    for k in range(_MIN_CONTEXT, len(words)):
        before = question[words[k - 1][1]:words[k][0]]
        if not any(c in before for c in ",.;:"):
            continue
        for n in range(_MAX_TURN, 0, -1):
            said = " ".join(w for _, _, w in words[k:k + n])
            if k + n < len(words) and any(t.match(said) for t in _TURNS):
                if said.endswith("thi") or "muon" in said or said in ("vay", "the"):
                    return question[:words[k][0]], question[words[k + n - 1][1]:]
    # "…, giờ về phường rồi thì tỷ lệ …": a short clause closed by "thì" after the context's comma
    for k in range(_MIN_CONTEXT, len(words)):
        before = question[words[k - 1][1]:words[k][0]]
        if not any(c in before for c in ",.;:"):
            continue
        ends = [j for j in range(k, min(k + _MAX_TURN + 1, len(words) - 1)) if words[j][2] == "thi"]
        if ends and words[ends[0] - 1][2] in ("roi", "gio", "nay", "phuong"):
            return question[:words[k][0]], question[words[ends[0]][1]:]
    return None


def read(question: str, parse: Callable[[str], ParseResult],
         parse_part: Callable[[str, str], ParseResult]) -> ParseResult | None:
    """The question after a context, answered alone where the context adds nothing to it; None otherwise (the
    parser reads it so only where the whole question was not understood)."""
    if not SESSION23_CONTEXT_FIRST:
        return None
    parts = split(question)
    if parts is None:
        return None
    context, asked = parts
    said = {fold(w) for w in re.findall(r"[^\W_]+", context)}
    if said & _NEVER_ASIDE:
        return None
    result = parse(asked)
    if not result.confident or result.intent is None:
        return None
    intent = result.intent
    if intent.missing is not None:
        return None  # "not in the data" from the question alone: the context may have said what was meant
    asked_periods = {(p.start, p.end) for _, _, p in find_periods(asked)}
    if any((p.start, p.end) not in asked_periods for _, _, p in find_periods(context)):
        return None
    own = parse_part(context, intent.domain)
    if own.intent is None:
        return result
    for column, value in own.intent.filters.items():
        held = intent.filters.get(column)
        values = value if isinstance(value, list) else [value]
        if held is None or any(v != held and not (isinstance(held, list) and v in held) for v in values):
            return None
    if own.intent.indicator and own.intent.indicator != intent.indicator:
        return None
    if any(m not in intent.measures for m in own.intent.measures) and _names_a_measure(own):
        return None
    return result


def _names_a_measure(own: ParseResult) -> bool:
    """Whether the context's own reading found a measure in its words (not the default count of a bare "hồ sơ")."""
    return own.intent is not None and bool(own.intent.measures) and own.intent.measures != ["tiep_nhan"]
