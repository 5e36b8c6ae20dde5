"""Words of the report writers and of older speakers that ask nothing beyond what the question reads already
(session 29), each reading with its flag, read at run time and tested on and off in tests/ask/test_session29.py:

- "cơ cấu" (the structure) with a grouping read ("cơ cấu hồ sơ tiếp nhận phân theo lĩnh vực") is the figures by
  group, whose shares the table gives; "cấu" had been unknown (unsure). With no grouping it stays unknown;
- "ấy (mà)" closing a clause ("tính trong quý này ấy?", "theo cái chỉ tiêu ấy mà?") is the northern spoken
  particle, as "nhé / nhỉ" are; "ấy" had been unknown (unsure). Only typed with its accent, only at a clause's end;
- "cùng quý / tháng / năm / tuần" after the second name of a comparison of two names ("… quý 3 so với lĩnh vực Chứng
  thực cùng quý") is the one period read already; "cùng" had been unknown (unsure). Never "cùng kỳ" (the same period
  of the year before), and only where that unit was said before;
- "tập trung / dồn (ở / vào) <a group>" ("hồ sơ quá hạn dồn ở những thủ tục nào", "phản ánh tập trung vào lĩnh vực
  nào") with a grouping read asks which groups hold most, which the ranking of the groups says, as "chủ yếu … nào"
  does (session 25); the words had been unknown (unsure). With no grouping read they stay unknown;
- "giai đoạn / thời kỳ" right before a period read ("giai đoạn từ 01/07/2026 đến 30/09/2026", "trong giai đoạn quý 3")
  names that period, as a report's heading does; "giai đoạn" had been unknown (unsure). Never "ở giai đoạn nào" (the
  stage of a record's handling) nor before anything but a period;
- "(sắp) xếp theo ngày tiếp nhận / nhận / nộp / tạo / gửi" in a list is the list's order by that day, oldest first as
  a register is kept ("giảm dần", "mới nhất trước" after it: newest first); "sắp xếp" had been unknown (unsure).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# Session 29 (`SESSION29_STRUCTURE`): "cơ cấu" beside a grouping read.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 885/337/6
# (train29 b017 right → unsure), no wrong back
SESSION29_STRUCTURE = False
# Session 29 (`SESSION29_AY_PARTICLE`): "ấy (mà)" closing a clause, typed with its accent.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6
# (no verdict moves), no wrong back
SESSION29_AY_PARTICLE = False
_AY_CLOSING = re.compile(r"\bấy(?: mà)?\s*(?:[?.!,;]|$)", re.IGNORECASE)
_CLAUSE_END = {",", ";", "?"}
# Session 29 (`SESSION29_SAME_PERIOD_AGAIN`): "cùng quý / tháng / năm / tuần" after the second of two names compared.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 885/337/6
# (train29 c024 right → unsure), no wrong back
SESSION29_SAME_PERIOD_AGAIN = False
_UNITS = {"quy", "thang", "nam", "tuan"}
# Session 29 (`SESSION29_GATHERED_IN`): "tập trung / dồn (ở / vào)" before the group of a grouping read.
# on by rule R1 (session 29): fresh off alone 841/362/19, on 842/361/19 (right +1, fresh12)
SESSION29_GATHERED_IN = True
_GATHERED = re.compile(r"\b(?:tập trung|dồn)(?: (?:ở|vào))?\b", re.IGNORECASE)
_GATHER_WORDS = (["tap", "trung"], ["don"])
# Session 29 (`SESSION29_STAGE`): "giai đoạn / thời kỳ" right before a period read.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6
# (no verdict moves), no wrong back
SESSION29_STAGE = False
_STAGE_WORDS = (["giai", "doan"], ["thoi", "ky"])
# Session 29 (`SESSION29_SORTED_BY_DAY`): "(sắp) xếp theo ngày <tiếp nhận / nhận / nộp / tạo / gửi>" in a list.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 884/338/6
# (train29 l018, l019 right → unsure), no wrong back
SESSION29_SORTED_BY_DAY = False
_SORTED_BY_DAY = re.compile(r"\b(?:sap )?xep theo ngay (?:tiep nhan|nhan|nop|tao|gui)\b"
                            r"(?: (tang dan|giam dan|cu nhat truoc|moi nhat truoc))?")


def structure(tokens: Tokens, intent: Intent) -> None:
    """After the grouping: "cơ cấu" is read where the figures are grouped."""
    if SESSION29_STRUCTURE and intent.group is not None and not intent.listing:
        tokens.take_all(["co cau"])


def closing_ay(tokens: Tokens) -> None:
    """Early: the particle "ấy (mà)" at a clause's end is read."""
    if not SESSION29_AY_PARTICLE or _AY_CLOSING.search(tokens.question) is None:
        return
    items = tokens.items
    for k, word in enumerate(items):
        if word != "ay" or tokens.used[k]:
            continue
        j = k + 1 + (items[k + 1:k + 2] == ["ma"])
        if j == len(items) or items[j] in _CLAUSE_END:
            tokens.used[k:j] = [True] * (j - k)


def same_period_again(tokens: Tokens, ranking_two: bool) -> None:
    """"<name> <period> so với <name> cùng <unit>": the "cùng <unit>" is the period read."""
    if not SESSION29_SAME_PERIOD_AGAIN or not ranking_two:
        return
    items = tokens.items
    for k in tokens.find("cung"):
        unit = items[k + 1] if k + 1 < len(items) else ""
        if unit in _UNITS and unit in items[:k] and "so" in items[:k] and not tokens.used[k + 1]:
            tokens.used[k] = tokens.used[k + 1] = True


def sorted_by_day(tokens: Tokens, intent: Intent) -> None:
    """After the list is read: "sắp xếp theo ngày tiếp nhận (giảm dần)" orders it by the day received."""
    if not SESSION29_SORTED_BY_DAY or not intent.listing or intent.list_by:
        return
    said = _SORTED_BY_DAY.search(tokens.text())
    if said is None:
        return
    intent.list_order = "desc" if said.group(1) in ("giam dan", "moi nhat truoc") else "asc"
    tokens.mark_chars(said.start(), said.end())


def gathered_in(tokens: Tokens, intent: Intent) -> None:
    """After the grouping: "tập trung / dồn (ở / vào) <group>" is the groups ranked, already read."""
    if not SESSION29_GATHERED_IN or intent.group is None or intent.listing \
            or _GATHERED.search(tokens.question) is None:
        return
    items = tokens.items
    for k in range(len(items)):
        verb = next((w for w in _GATHER_WORDS if items[k:k + len(w)] == w), None)
        if verb is None or any(tokens.used[k:k + len(verb)]):
            continue
        end = k + len(verb) + (items[k + len(verb):k + len(verb) + 1] in (["o"], ["vao"]))
        if end < len(items) and tokens.used[end] or items[end:end + 1] in (["nhung"], ["cac"]):
            tokens.used[k:end] = [True] * (end - k)


def stage_before_period(tokens: Tokens) -> None:
    """After the periods: "giai đoạn / thời kỳ" right before one is read."""
    if not SESSION29_STAGE:
        return
    items = tokens.items
    for k in range(len(items) - 2):
        if any(items[k:k + 2] == w for w in _STAGE_WORDS) and not any(tokens.used[k:k + 2]) and (
                tokens.used[k + 2] and items[k + 2] not in (",", ";", "?")):
            tokens.used[k] = tokens.used[k + 1] = True
