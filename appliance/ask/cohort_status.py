"""Session 17: where the records (or feedback) of a period stand now, asked without "theo": "hồ sơ nhận tuần trước giờ
trạng thái ra sao", "phản ánh tháng trước xử lý tới đâu rồi". It is the breakdown by current status of what was received
then, as "… theo trạng thái" is; "trạng thái" had been left unknown, and "xử lý" read as the measure "đã xử lý" (two
writers of the training halves ask so). Read at run time; tested on and off in tests/ask/test_session17.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

SESSION17_COHORT_STATUS = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
# How it stands: said right after "trạng thái".
_HOW = (["nhu", "the", "nao"], ["the", "nao"], ["ra", "sao"], ["nhu", "nao"], ["sao"])
# "xử lý / giải quyết tới đâu (rồi)": how far the handling has come.
_HOW_FAR = [f"{verb} {to} dau" for verb in ("xu ly", "giai quyet") for to in ("toi", "den")]


def status_asked(tokens: Tokens, intent: Intent) -> None:
    if not SESSION17_COHORT_STATUS or intent.group is not None:
        return
    items = tokens.items
    for k in tokens.find("trang thai"):
        after = k + 2
        how = next((h for h in _HOW if items[after:after + len(h)] == h), None)
        if how is None:
            continue
        for i in range(k, after + len(how)):
            tokens.used[i] = True
        intent.group = "trang_thai"
    if tokens.take_all(_HOW_FAR):
        intent.group = "trang_thai"
