"""Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): a leader
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

from appliance.reporting.measures import MEASURES
from appliance.text.fold import fold
from appliance.text.periods import find_periods

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import ParseResult

_PRONOUN = r"(?:toi|anh|chi|em|minh)"
# The words that turn from the context to the question, folded; the question starts after them. "vậy thì", "thế thì"
# turn wherever they stand; the others only after a comma or a full stop.
_STRONG = [re.compile(p) for p in (
    r"^(?:vay|the) thi$",
    rf"^(?:vay|the) (?:thi )?cho {_PRONOUN} (?:hoi|biet)(?: la)?$",
)]
_AFTER_PAUSE = [re.compile(p) for p in (
    r"^(?:vay|the)$",
    rf"^(?:(?:thi|nen|vay|gio|nay) )?{_PRONOUN} (?:muon|can) (?:biet|hoi)(?: la)?$",
    rf"^(?:(?:thi|nen|vay|gio|nay) )?cho {_PRONOUN} (?:hoi|biet)(?: la)?$",
    r"^(?:roi|gio|nay|bay gio) thi$",
)]
_MAX_TURN = 5
# The context names something the question must then say too; a negation or an exception there is never chat.
_NEVER_ASIDE = {"khong", "chua", "tru"}
_MIN_CONTEXT = 4  # words: "Vậy thì …" opening a question is no turn


def split(question: str) -> tuple[str, str] | None:
    """(context, question) where a turn follows a context of a few words, else None."""
    words = [(m.start(), m.end(), fold(m.group(0))) for m in re.finditer(r"[^\W_]+", question)]
    for k in range(_MIN_CONTEXT, len(words)):
        paused = any(c in question[words[k - 1][1]:words[k][0]] for c in ",.;:")
        for n in range(min(_MAX_TURN, len(words) - k - 1), 0, -1):
            said = " ".join(w for _, _, w in words[k:k + n])
            if any(t.match(said) for t in _STRONG) or (paused and any(t.match(said) for t in _AFTER_PAUSE)):
                return question[:words[k][0]], question[words[k + n - 1][1]:]
    # "…, giờ về phường rồi thì tỷ lệ …": a short clause closed by "thì" after the context's comma
    for k in range(_MIN_CONTEXT, len(words)):
        if not any(c in question[words[k - 1][1]:words[k][0]] for c in ",.;:"):
            continue
        ends = [j for j in range(k, min(k + _MAX_TURN + 1, len(words) - 1)) if words[j][2] == "thi"]
        if ends and words[ends[0] - 1][2] in ("roi", "gio", "nay", "phuong"):
            return question[:words[k][0]], question[words[ends[0]][1]:]
    return None


def read(question: str, parse: Callable[[str], ParseResult],
         parse_part: Callable[[str, str], ParseResult]) -> ParseResult | None:
    """The question after a context, answered alone where the context adds nothing to it; None otherwise (the
    parser reads it so only where the whole question was not understood, or was read as asking something the data
    does not hold: "ở xã cũ chỉ có mấy cán bộ, vậy cho tôi hỏi … cán bộ nào …" had answered the number of staff)."""
    parts = split(question)
    if parts is None:
        return None
    context, asked = parts
    said = [fold(w) for w in re.findall(r"[^\W_]+", context)]
    if set(said) & _NEVER_ASIDE or "?" in context or any(said[k:k + 2] == ["bao", "nhieu"] for k in range(len(said))):
        return None  # a negation, or a question of its own ("bao nhiêu", "?"): not mere context
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
    online = {"truc_tuyen", "ty_le_truc_tuyen"} & set(intent.measures)
    for column, value in own.intent.filters.items():
        if column == "hinh_thuc_nop" and value == "Trực tuyến" and online:
            continue  # "dân nộp online nhiều, vậy thì … tỷ lệ nộp trực tuyến": the question's own measure
        held = intent.filters.get(column)
        values = value if isinstance(value, list) else [value]
        if held is None or any(v != held and not (isinstance(held, list) and v in held) for v in values):
            return None
    if own.intent.indicator and own.intent.indicator != intent.indicator:
        return None
    asked_measures = set(intent.measures) | {MEASURES[m].of for m in intent.measures if MEASURES[m].of}
    if any(m not in asked_measures for m in own.intent.measures) and _names_a_measure(own):
        return None
    return result


def _names_a_measure(own: ParseResult) -> bool:
    """Whether the context's own reading found a measure in its words (not the default count of a bare "hồ sơ")."""
    return own.intent is not None and bool(own.intent.measures) and own.intent.measures != ["tiep_nhan"]
