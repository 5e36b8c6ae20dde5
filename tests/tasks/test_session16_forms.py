"""Session 16 (docs/meetings.md, "Session 16"): bug fixes (rule R7: the output contradicts the plain meaning of the
input; no setting) and the session's forms, each in new words written for this file (not the training meetings'
sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, memory_ward


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- bug fix: a day said in words is read whole (was deadlines.SESSION15_WHOLE_NUMBER, off) ---

@pytest.mark.parametrize(("said", "due"), [
    ("chị gửi em trước mười hai giờ trưa mai nhé", "2026-12-01"),    # not "before the 10th"
    ("anh nộp trước mười một giờ sáng thứ tư", "2026-12-02"),
    ("trước mười giờ sáng mai tổ gửi danh sách lên phường", "2026-12-01"),
])
def test_an_hour_in_words_is_no_day_of_the_month(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    ("xong trước mười lăm nhé", "2026-12-15"),         # a whole day in words still reads
    ("tổ trực tối hai mươi tư nhé", "2026-12-24"),
    ("gửi anh trước hai mươi", "2026-12-20"),
    ("trước ngày mười hai tháng mười hai nộp về phường", "2026-12-12"),
])
def test_whole_days_in_words_still_read(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due
