"""Words of a warm, spoken question that ask nothing of their own (session 25), each reading with its flag, read at run
time and tested on and off in tests/ask/test_session25.py:

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

# Session 25 (`SESSION25_BA_CON`): "bà con" typed with its accents (unaccented "ba con" may be "ba còn": three left).
SESSION25_BA_CON = True  # on by rule R1 (session 25): fresh off alone 705/242/15 (right +1), on 706/241/15
_BA_CON = re.compile(r"\bbà con\b", re.IGNORECASE)
# Session 25 (`SESSION25_MAINLY`): "chủ yếu" with a grouping read and no list asked.
SESSION25_MAINLY = True  # on by rule R1 (session 25): fresh off alone 705/242/15 (right +1), on 706/241/15


def citizens(tokens: Tokens) -> None:
    """Early, before any reading: the "con" of "bà con" is read (it asks nothing of its own)."""
    items = tokens.items
    said = SESSION25_BA_CON and _BA_CON.search(tokens.question) is not None
    for k in range(1, len(items)):
        if said and items[k - 1:k + 1] == ["ba", "con"] and not tokens.used[k]:
            tokens.used[k - 1] = tokens.used[k] = True


def mainly(tokens: Tokens, intent: Intent) -> None:
    """After the grouping: "chủ yếu … <group> nào" is the groups ranked, already read."""
    if SESSION25_MAINLY and intent.group is not None and not intent.listing:
        tokens.take_all(["chu yeu"])
