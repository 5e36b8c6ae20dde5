"""Words of a warm, spoken question that ask nothing of their own (session 25; plain behaviour since session 27,
tested in tests/ask/test_session25.py):

- "bà con" (the citizens: "bà con nộp hồ sơ", "phản ánh của bà con") names no one the data tells apart, as "người
  dân" does not; its "con" had been read as "còn" (still) and, with no measure to go with it, doubted (unsure);
- "chủ yếu" (mainly) beside a grouping read ("chủ yếu gửi qua kênh nào", "chủ yếu thuộc lĩnh vực nào") asks which
  groups weigh most, which the ranking of the groups says; it had been unknown (unsure). With no grouping ("phản ánh
  chủ yếu về môi trường") it stays unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# "bà con" typed with its accents (unaccented "ba con" may be "ba còn": three left).
_BA_CON = re.compile(r"\bbà con\b", re.IGNORECASE)


# Session 28 (`SESSION28_OUR_SIDE`, read at run time; tested on and off in tests/ask/test_session28.py): "bên mình /
# bên tôi / bên ta" (our side: the ward's office, as "phường mình" is: "bên mình nhận nhiêu hồ sơ")
# names no one the data tells apart; "bên" had been unknown (unsure). Only before the speaker's own pronoun, typed
# with its accent; "bên nào", "bên anh Hùng" (someone else's side) and the unaccented "ben" stay unknown.
# off by rule R1 (session 28): fresh 806/335/16 on and off alone; R1b: off alone, training 849/309/5, no wrong back
SESSION28_OUR_SIDE = False
_OUR_SIDE = re.compile(r"\bbên (?=(?:mình|tôi|ta)\b(?! nào))", re.IGNORECASE)


def our_side(tokens: Tokens) -> None:
    """Early: the "bên" of "bên mình" is read (the speaker's office asks nothing)."""
    if not SESSION28_OUR_SIDE or _OUR_SIDE.search(tokens.question) is None:
        return
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k] == "ben" and items[k + 1] in ("minh", "toi", "ta") and not tokens.used[k] and (
                items[k + 2:k + 3] != ["nao"]):
            tokens.used[k] = True


# Session 28 (`SESSION28_MUST_WAIT`, read at run time; tested on and off in tests/ask/test_session28.py): the modal
# "phải" (must) between "đang / còn / vẫn" and "chờ" ("hồ sơ đang phải chờ bổ sung", "phản ánh còn phải chờ xử lý")
# adds nothing to the state of waiting the status words name; it had been unknown (unsure). Only there: "phải" before
# anything else ("phải trả lại", "không phải chỉ tiêu") stays unknown.
# off by rule R1 (session 28): fresh 806/335/16 on and off alone; R1b: off alone, training 849/309/5, no wrong back
SESSION28_MUST_WAIT = False


def must_wait(tokens: Tokens) -> None:
    """Early: the "phải" of "đang / còn / vẫn phải chờ" is read (the waiting is the status)."""
    if not SESSION28_MUST_WAIT:
        return
    items = tokens.items
    for k in range(1, len(items) - 1):
        if items[k] == "phai" and items[k - 1] in ("dang", "con", "van") and items[k + 1] == "cho" and (
                not tokens.used[k]):
            tokens.used[k] = True


def citizens(tokens: Tokens) -> None:
    """Early, before any reading: the "con" of "bà con" is read (it asks nothing of its own)."""
    items = tokens.items
    said = _BA_CON.search(tokens.question) is not None
    for k in range(1, len(items)):
        if said and items[k - 1:k + 1] == ["ba", "con"] and not tokens.used[k]:
            tokens.used[k - 1] = tokens.used[k] = True


def mainly(tokens: Tokens, intent: Intent) -> None:
    """After the grouping: "chủ yếu … <group> nào" is the groups ranked, already read."""
    if intent.group is not None and not intent.listing:
        tokens.take_all(["chu yeu"])
