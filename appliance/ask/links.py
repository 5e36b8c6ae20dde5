"""Where a list answer continues: the dashboard's records list (the same conditions as the
figure, every record, paged) or the feedback inbox, filtered as the question was."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from appliance.reporting.measures import MEASURES

if TYPE_CHECKING:  # type-only: the parser imports nothing from here
    from appliance.ask.parser import Intent

# The question box's view columns → the records page's parameters.
_RECORD_PARAMS = {"linh_vuc": "linh_vuc", "ten_thu_tuc": "thu_tuc", "can_bo_xu_ly": "can_bo",
                  "trang_thai": "trang_thai", "hinh_thuc_nop": "hinh_thuc_nop"}


def for_list(intent: Intent, today: dt.date) -> str:
    """The page listing every record of a list answer, or "" when no page holds that selection."""
    if any(isinstance(v, list) for v in intent.filters.values()):
        return ""  # no page holds two names at once
    measure = MEASURES[intent.measures[0]]
    if measure.kind == "rate":
        measure = MEASURES[measure.of]
    if intent.domain == "phan_anh":
        if "don_vi_xu_ly" in intent.filters:
            return ""  # the feedback page filters by category, not by department
        params = {"category": intent.filters.get("ma_linh_vuc"), "status": intent.filters.get("trang_thai"),
                  "overdue": "1" if measure.key == "pa_qua_han" else None}
        query = urlencode({k: str(v) for k, v in params.items() if v})
        return "/phan-anh" + (f"?{query}" if query else "")
    if set(intent.filters) - set(_RECORD_PARAMS):
        return ""
    key = measure.kpi or measure.key
    if measure.basis == "asof":
        day = intent.asof or today
        start = end = day
    elif intent.period is not None:
        start, end = intent.period.start, min(intent.period.end, today)
    else:
        start, end = today - dt.timedelta(days=3650), today  # every record of the last ten years (the page limit)
    params = {"measure": key, "from": start.isoformat(), "to": end.isoformat()}
    params.update({_RECORD_PARAMS[c]: str(v) for c, v in intent.filters.items()})
    return "/tong-quan/ho-so?" + urlencode(params)
