"""Session 18's second round of forms (docs/meetings.md, "Session 18", second round), each in new words written for
this file (not the training meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import runon
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import memory_ward, tasks_said

_FLAGGED = (runon,)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION18B_")
    return monkeypatch


# --- runon.SESSION18B_PAUSE_BEFORE_DATE: "ờ" before the clause's own date is a pause, not a new turn ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: việc vỉa hè thì chị hà tổng hợp toàn bộ đơn thư của bà con thành một bộ ờ đánh số ờ xong ngày "
     "mồng bốn gửi anh xem", [("Phạm Thu Hà", "2026-12-04")]),
])
def test_a_pause_before_the_date_keeps_the_date_with_its_task(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
    on.setattr(runon, "SESSION18B_PAUSE_BEFORE_DATE", False)
    assert tasks_said(said, ward) == [(due[0][0], None)]


def test_a_pause_before_another_doer_still_opens_a_clause(ward, on) -> None:
    said = ("Nguyễn Văn An: báo cáo tháng thì mọi người nộp đủ rồi việc sơn lại vạch kẻ đường trước cổng trường "
            "anh hùng làm việc với công ty ờ chị hà chuẩn bị hồ sơ xong trước thứ năm tuần này nhé")
    assert tasks_said(said, ward) == [("Trần Văn Hùng", None), ("Phạm Thu Hà", "2026-12-03")]


def test_a_punctuated_turn_is_not_cut_at_all(on) -> None:
    said = "Anh Hùng rà soát các biển quảng cáo, ờ trước thứ Năm nhé."
    assert runon.punctuate(said) == said


# --- runon.SESSION18B_SELF_INTRO: "tôi là tổ trưởng tổ N" in an unpunctuated run says who speaks ---

_INTRO = ("Người nói 3: dạ tôi là tổ trưởng tổ sáu tổ tôi sẽ mượn loa của nhà văn hóa với mời các hộ tham gia buổi tập "
          "huấn phòng cháy hôm mười lăm tháng mười hai")


def test_a_voice_naming_its_group_in_a_run_speaks_for_it(ward, on) -> None:
    assert tasks_said(_INTRO, ward) == [("Tổ dân phố số 6", "2026-12-15")]
    on.setattr(runon, "SESSION18B_SELF_INTRO", False)
    assert tasks_said(_INTRO, ward) == [("", "2026-12-15")]


def test_a_group_officer_told_next_still_opens_a_clause(on) -> None:
    said = ("dạ vâng em làm luôn trong chiều nay để kịp gửi quận báo cáo tổng hợp bác tổ trưởng tổ năm nắm lại danh "
            "sách các hộ kinh doanh trong tổ giúp em nhé")
    assert ". bác tổ trưởng tổ năm" in runon.punctuate(said)
