"""Session 20: a comparison whose earlier side the data does not wholly hold. The records (feedback) start on their
first day and the indicators in their first month; an earlier side that ends before that day has no figure ("chưa có số
liệu"), one that only partly lies in the data holds a part of its period only. Until now a count at a day before the
data ("tồn cuối tháng 10 năm ngoái so với hiện nay") was compared with 0 ("tăng 48"), and a partly held period ("quý
4/2025 so với quý 3/2026", "thu ngân sách năm nay so với năm ngoái" with only December 2025 held) with its partial
figure ("tăng 98,2%"). With the flag the answer keeps both figures in its table, says from when the data holds the
earlier side, and gives no change. Read at run time by service._run_rules; tested on and off in
tests/ask/test_session20.py.
"""

from __future__ import annotations

import datetime as dt

from appliance.ask.parser import Intent

SESSION20_BEFORE_DATA = False  # off by rule R1 (session 20): moved no fresh verdict, no training wrong back


def no_figure(intent: Intent, first: dt.date | None, what: str) -> str:
    """Why the earlier day of a comparison of counts at a day has no figure: it lies before the data."""
    if not SESSION20_BEFORE_DATA or first is None or intent.compare_asof is None or intent.compare_asof >= first:
        return ""
    return f"chưa có số liệu (dữ liệu {what} hiện có bắt đầu từ ngày {first:%d/%m/%Y}), nên không so sánh được"


def partly_held(intent: Intent, first: dt.date | None, what: str) -> str:
    """The earlier period of a comparison begins before the data and ends inside it: from when it is held."""
    earlier = intent.compare
    if not SESSION20_BEFORE_DATA or first is None or earlier is None or intent.compare_asof is not None:
        return ""
    if not earlier.start < first <= earlier.end:
        return ""
    return (f"chỉ có số liệu từ ngày {first:%d/%m/%Y} (dữ liệu {what} bắt đầu từ ngày đó), nên không so sánh tăng "
            "giảm được")


def indicator_partly_held(intent: Intent, first_month: str | None) -> str:
    """The earlier period of an indicator comparison begins before the first month reported (answer.py says so of
    an amount that adds months up only)."""
    earlier = intent.compare
    if not SESSION20_BEFORE_DATA or not first_month or earlier is None:
        return ""
    first = dt.date.fromisoformat(f"{first_month}-01")
    if not earlier.start < first <= earlier.end:
        return ""
    return (f"{earlier.label} chỉ có số liệu từ tháng {first:%m/%Y} (chỉ tiêu báo cáo từ tháng đó), nên không so "
            "sánh tăng giảm được")
