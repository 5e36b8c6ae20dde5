"""Words of a request or a report that ask nothing of their own (session 27), each reading with its flag, read at run
time and tested on and off in tests/ask/test_session27.py:

- "vào" right before a period ("vào cuối mỗi quý", "vào tháng 10", "nhận vào ngày 15/11") says when, as the period
  does; it had been unknown (unsure). Elsewhere ("điền vào biểu", "nhận vào bao nhiêu") it stays unknown;
- "lên" right after sending ("bà con gửi lên", "nộp lên phường", "phản ánh lên") is the direction of the sending, no
  figure of its own; it had been unknown (unsure). Never after a change ("tăng lên", "nhích lên": a comparison);
- "(Chỉ) cần (con) số (thôi)." closing the question asks the figure the question asks already; "cần" had been unknown
  (unsure). Only as the question's last sentence or clause;
- "Văn phòng" opening a sentence before "cần / muốn / xin" ("Văn phòng cần để vẽ biểu đồ") is the office asking, as
  "anh / chị" asking is; "phòng" had been unknown (unsure). Only there ("phòng Kinh tế" names a department).
"""

from __future__ import annotations

import re

from appliance.ask.tokens import PARTICLES, Tokens
from appliance.text import fold

# Session 27 (`SESSION27_AT_PERIOD`): "vào" right before a period's opening word or a date.
SESSION27_AT_PERIOD = True  # on by rule R1 (session 27): fresh off alone 777/299/16, on 778/298/16 (right +1)
_PERIOD_OPENERS = {"cuoi", "dau", "giua", "thang", "quy", "nam", "ngay", "hom", "tuan", "thu", "chu", "dip"}
# Session 27 (`SESSION27_SENT_UP`): "lên" right after "gửi / nộp / phản ánh / kiến nghị".
SESSION27_SENT_UP = True  # on by rule R1 (session 27): fresh off alone 776/300/16, on 778/298/16 (right +2)
_SENDING = (["gui"], ["nop"], ["phan", "anh"], ["kien", "nghi"])
# Session 27 (`SESSION27_ONLY_FIGURE`): "(Chỉ) cần (con) số (thôi)." closing the question.
SESSION27_ONLY_FIGURE = False  # off by rule R1 (session 27): fresh 778/298/16 on, off (R1b: training off 826/267/5)
_ONLY_FIGURE = re.compile(r"(?:^|[.?!,;:]\s*)((?:chi\s+)?can\s+(?:con\s+)?so(?:\s+thoi)?)(?:\s+(?:la duoc|nhe|nha|a))?"
                          r"\s*[.!?]*\s*$")
# Session 27 (`SESSION27_OFFICE_ASKS`): "Văn phòng" opening a sentence before "cần / muốn / xin".
SESSION27_OFFICE_ASKS = False  # off by rule R1 (session 27): fresh 778/298/16 on, off (R1b: training off 826/267/5)
_OFFICE = re.compile(r"(?:^|[.?!;:]\s*)van phong (?=can\b|muon\b|xin\b)")


def at_period(tokens: Tokens) -> None:
    """Early: "vào" before a period's opening word or a date is read (the period says when)."""
    if not SESSION27_AT_PERIOD:
        return
    items = tokens.items
    for k in range(len(items) - 1):
        after = items[k + 1]
        if items[k] == "vao" and not tokens.used[k] and (after in _PERIOD_OPENERS or after[:1].isdigit()):
            tokens.used[k] = True


def sent_up(tokens: Tokens) -> None:
    """"gửi lên", "nộp lên", "phản ánh lên": the "lên" is read (the direction of the sending)."""
    if not SESSION27_SENT_UP:
        return
    items = tokens.items
    for k in range(1, len(items)):
        if items[k] == "len" and not tokens.used[k] and any(items[max(0, k - len(s)):k] == s for s in _SENDING):
            tokens.used[k] = True


def only_figure(tokens: Tokens) -> None:
    """"… bao nhiêu? Chỉ cần con số.": the closing request is read (the figure is what is asked)."""
    if not SESSION27_ONLY_FIGURE:
        return
    said = _ONLY_FIGURE.search(fold(tokens.question).lower())
    if said is None:
        return
    phrase = said.group(1).split()
    items = tokens.items
    for k in range(len(items) - len(phrase), -1, -1):
        if items[k:k + len(phrase)] == phrase and all(t in PARTICLES or t in "?,;" for t in items[k + len(phrase):]):
            for j in range(k, k + len(phrase)):
                tokens.used[j] = True
            return


def office_asks(tokens: Tokens) -> None:
    """"Văn phòng cần …" opening a sentence: "văn phòng" (who asks) is read, and the "cần" after it."""
    if not SESSION27_OFFICE_ASKS or _OFFICE.search(fold(tokens.question).lower()) is None:
        return
    items = tokens.items
    for k in range(len(items) - 2):
        if items[k:k + 2] == ["van", "phong"] and items[k + 2] in ("can", "muon", "xin") and not any(
                tokens.used[k:k + 2]):
            tokens.used[k] = tokens.used[k + 1] = True
            if items[k + 2] == "can":
                tokens.used[k + 2] = True
            return
