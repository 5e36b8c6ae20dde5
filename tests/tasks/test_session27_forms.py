"""Session 27's forms (docs/meetings.md, "Session 27"), each in new words written for this file (not the training
meetings' sentences): each setting switched off and on, and where it must not fire; and the plain bug fixes (rule
R7)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import deadlines
from tests.tasks.transcripts import MONDAY

_WEDNESDAY = dt.date(2026, 12, 9)


def _due(said: str, meeting: dt.date = MONDAY) -> str | None:
    found = deadlines.find_deadline(said, meeting)
    return found[0].isoformat() if found else None


# --- rule R7 (session 27): "hôm sau" (the day after) is no "hôm sáu" (the 6th) ---

@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo hôm sau.", None),                          # it was the 6th of the coming month
    ("Anh Nam xuống kiểm tra sáng hôm sau.", None),
    ("Chị Lan gửi báo cáo trước hôm sáu.", "2027-01-06"),             # "sáu": the 6th, as before
    ("Chị Lan gửi báo cáo sáng mùng sáu.", "2027-01-06"),
    ("chi lan gui bao cao truoc ngay sau", "2027-01-06"),              # typed without accents: as before
])
def test_the_day_after_is_no_sixth(said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due
