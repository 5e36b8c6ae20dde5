"""Session 20: a numbered report read by the item its writer labels the main request (`SESSION20_MAIN_ITEM`,
docs/citizen.md "Session 20").

Tổ trưởng and chi hội trưởng report for their area in a numbered style with several items and label the one they want
acted on first: "Tổ dân phố số 4 kính báo cáo: 1. Mặt đường ngõ 90 có nhiều ổ gà … 2. Nắp cống trước nhà số 12 bị vỡ
… (ĐỀ NGHỊ CHÍNH: thay nắp cống ngay). 3. …". Read whole, the items' departments share the complaint model's
probability and it stays below its bar, so the report waits "chờ phân loại" although the writer said which item
decides (sessions 18's and 20's halves: thirteen such reports, from two writers). When the whole report waits and the
labelled item alone is read above the bar, the item's category is told. A report without numbered items, or without
the label, is read whole as before.
"""

from __future__ import annotations

import re

# Read at call time by complaint_model.ComplaintRouter.classify.
SESSION20_MAIN_ITEM = False  # off by rule R1 (session 20): moved no fresh verdict, no training wrong back
# The writer's label of the main request (any case, with or without accents).
_LABEL = re.compile(r"(?:đề|de)\s+(?:nghị|nghi)\s+(?:chính|chinh)\b", re.IGNORECASE)
# A numbered item's start: "1. ", "2) ", at the start or after a space or a line break (not "1.5 triệu", "số 12.").
_ITEM = re.compile(r"(?:^|(?<=[\s:;]))(\d{1,2})[.)]\s+(?=\D)")


def main_item(text: str) -> str | None:
    """The numbered item holding the main-request label, or None (no label, no numbered items, or one only)."""
    label = _LABEL.search(text)
    if label is None:
        return None
    starts = [m.start() for m in _ITEM.finditer(text)]
    if len(starts) < 2:
        return None
    bounds = [*starts, len(text)]
    for begin, end in zip(bounds, bounds[1:], strict=False):
        if begin <= label.start() < end:
            # On a line of its own after the items ("…\nĐề nghị chính: phường …"), the label closes the whole report.
            return None if "\n" in text[begin:label.start()] else text[begin:end].strip()
    return None  # the label before the first item: the whole report is the request
