"""Session 17: a count at a day asked at the end of each quarter or week of a period ("hồ sơ tồn cuối mỗi quý năm nay",
"phản ánh chưa xử lý cuối từng tuần tháng 10"): one count per quarter (week), taken at its last day, the running one at
min(period end, today), as CONTRACT §4 takes any count at a day. It had been unsure ("số liệu tại một thời điểm, không
chia theo quý"); two writers of the training halves ask so. By month it stays unsure (the writers' format forbids it).
Tested in tests/ask/test_session17.py.
"""

from __future__ import annotations

import datetime as dt

from appliance.text.calendar_periods import Period


def bucket_ends(group: str, period: Period, asof: dt.date) -> list[tuple[str, dt.date]]:
    """(label, last day) of each quarter or week of the period up to `asof`; a label as the flow figures name theirs
    ("2026-Q3"; a week by its first day within the period)."""
    out: list[tuple[str, dt.date]] = []
    start = period.start
    while start <= asof:
        if group == "quarter":
            first_month = (start.month - 1) // 3 * 3 + 1
            nxt = dt.date(start.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
            label = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        else:
            nxt = start + dt.timedelta(days=7 - start.weekday())
            label = start.isoformat()
        out.append((label, min(nxt - dt.timedelta(days=1), asof, period.end)))
        start = nxt
    return out
