"""Words of a warm, spoken question that ask nothing of their own (session 25), each reading with its flag, read at run
time and tested on and off in tests/ask/test_session25.py:

- "bà con" (the citizens: "bà con nộp hồ sơ", "phản ánh của bà con") names no one the data tells apart, as "người
  dân" does not; its "con" had been read as "còn" (still) and, with no measure to go with it, doubted (unsure);
- "(bà con / người dân) đến / lên làm …" (the citizens come to have a procedure done) is the records they bring, as
  "bà con nộp …" is; "làm" had been unknown (unsure). Only right after the citizens named, and not where people are
  counted ("bao nhiêu người dân đến làm thủ tục": visits, not held); "đi làm (trễ)" (staff at work) and "làm" said of
  the staff ("cán bộ làm nhanh") are not read;
- "số liệu", "dữ liệu" (the figures, the data: "cho xin số liệu hồ sơ …", "số liệu phản ánh quý 3 …") ask what
  "số" asks; "liệu" had been unknown (unsure). "liệu" elsewhere ("liệu có kịp không": whether) is not read;
- "riêng" opening the question (or after "tính", or the one addressed) right before a name or a period the question
  reads ("Riêng lĩnh vực xây dựng, tỷ lệ …", "tính riêng thủ tục khai sinh …", "riêng tháng 10 …") says that one
  alone, which its reading already does; it had been unknown (unsure). Before "từng / mỗi / theo / các" ("tính riêng
  từng lĩnh vực": a breakdown), after a clause of its own ("quý 3 nhận bao nhiêu, riêng đất đai bao nhiêu": a second
  figure), or with nothing read after it, it is not read;
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
# Session 25 (`SESSION25_COME_TO_DO`): "<citizens> đến / lên làm".
SESSION25_COME_TO_DO = False  # off by rule R1 (session 25): fresh 706/241/15 on and off (R1b)
_CITIZENS = (["ba", "con"], ["dan"])
_COME = {"den", "len"}
_PEOPLE_COUNTED = ("bao nhieu nguoi", "may nguoi", "so nguoi", "luot")
# Session 25 (`SESSION25_DATA_WORD`): the "liệu" of "số liệu", "dữ liệu".
SESSION25_DATA_WORD = False  # off by rule R1 (session 25): fresh 706/241/15 on and off (R1b)
# Session 25 (`SESSION25_ONLY_NAMED`): "riêng" opening the question (or after "tính") before a name or a period read.
SESSION25_ONLY_NAMED = False  # off by rule R1 (session 25): fresh 706/241/15 on and off (R1b)
_NOT_A_NAME = {"tung", "moi", "theo", "cac", "nhung"}
# what may stand before it: the opening of the question, the one addressed, "tính" ("…, riêng đất đai bao nhiêu"
# after a clause of its own asks a second figure: not read)
_BEFORE_ONLY = {",", ";", "tinh", "em", "oi", "anh", "chi", "a", "cho", "hoi"}
# Session 25 (`SESSION25_MAINLY`): "chủ yếu" with a grouping read and no list asked.
SESSION25_MAINLY = True  # on by rule R1 (session 25): fresh off alone 705/242/15 (right +1), on 706/241/15


def citizens(tokens: Tokens) -> None:
    """Early, before any reading: the "con" of "bà con", the "liệu" of "số liệu", and "đến làm" after the citizens are
    read (they ask nothing of their own)."""
    items = tokens.items
    said = SESSION25_BA_CON and _BA_CON.search(tokens.question) is not None
    for k in range(1, len(items)):
        if said and items[k - 1:k + 1] == ["ba", "con"] and not tokens.used[k]:
            tokens.used[k - 1] = tokens.used[k] = True
    if SESSION25_DATA_WORD:
        for k in range(1, len(items)):
            if items[k] == "lieu" and items[k - 1] in ("so", "du") and not tokens.used[k]:
                tokens.used[k] = True
                tokens.used[k - 1] = tokens.used[k - 1] or items[k - 1] == "du"
    if not SESSION25_COME_TO_DO or any(tokens.has(w) for w in _PEOPLE_COUNTED):
        return  # "bao nhiêu người dân đến làm thủ tục": people counted (visits), not the records
    for k in range(1, len(items) - 1):
        if items[k] in _COME and items[k + 1] == "lam" and any(items[max(0, k - len(c)):k] == c for c in _CITIZENS):
            tokens.used[k] = tokens.used[k + 1] = True


def only_named(tokens: Tokens) -> None:
    """After the names and periods: "riêng <name>" is that name's filter, already read."""
    if not SESSION25_ONLY_NAMED:
        return
    items, used = tokens.items, tokens.used
    for k, word in enumerate(items[:-1]):
        if word != "rieng" or used[k] or not used[k + 1] or items[k + 1] in _NOT_A_NAME:
            continue
        if all(w in _BEFORE_ONLY for w in items[:k]):
            used[k] = True


def mainly(tokens: Tokens, intent: Intent) -> None:
    """After the grouping: "chủ yếu … <group> nào" is the groups ranked, already read."""
    if SESSION25_MAINLY and intent.group is not None and not intent.listing:
        tokens.take_all(["chu yeu"])
