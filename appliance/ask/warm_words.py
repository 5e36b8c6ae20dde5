"""Words of a warm, spoken question that ask nothing of their own (session 25; plain behaviour since session 27,
tested in tests/ask/test_session25.py):

- "bà con" (the citizens: "bà con nộp hồ sơ", "phản ánh của bà con") names no one the data tells apart, as "người
  dân" does not; its "con" had been read as "còn" (still) and, with no measure to go with it, doubted (unsure);
- session 29 (`SESSION29_DO_PROCEDURE`, below): "làm (giấy / thủ tục) <a procedure>" (apply for it);
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


# Session 29 (`SESSION29_DO_PROCEDURE`, read at run time; tested on and off in tests/ask/test_session29.py): the
# everyday verb "làm" (to apply for, get done) right before a procedure the names reading took, with "giấy" (its
# paper) or "thủ tục" between ("bà con làm (giấy) khai sinh bao nhiêu hồ sơ", "bao nhiêu người đến làm thủ tục khai
# sinh"), is the filing of that procedure's records, as "nộp hồ sơ khai sinh" is; "làm" and "giấy" had been unknown
# (unsure). Only where a procedure (or its field) was read right after; "làm trễ hạn", "đi làm", "làm việc" stay
# unknown.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6 (no verdict moves),
# no wrong back
SESSION29_DO_PROCEDURE = False


def do_procedure(tokens: Tokens, intent: Intent) -> None:
    """After the names: "làm (giấy / thủ tục) <procedure>": "làm" (and "giấy") are read."""
    if not SESSION29_DO_PROCEDURE or intent.domain != "ho_so" or not (
            {"ten_thu_tuc", "linh_vuc", "ma_linh_vuc"} & set(intent.filters)):
        return
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k] != "lam" or tokens.used[k] or items[k - 1:k] == ["di"]:
            continue
        j = k + 1
        if items[j:j + 1] == ["giay"] and not tokens.used[j]:
            j += 1
        elif items[j:j + 2] == ["thu", "tuc"]:
            j += 2
        if j < len(items) and tokens.used[j]:
            tokens.used[k:j] = [True] * (j - k)
