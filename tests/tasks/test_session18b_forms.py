"""Session 18's second round of forms (docs/meetings.md, "Session 18", second round), each in new words written for
this file (not the training meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import cues, phrases, runon
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import memory_ward, tasks_said

_FLAGGED = (cues, phrases, runon)


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


# --- cues.SESSION18B_FRONTED_EVENT: the matter said first with its event's day, right before the doer ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: ờ buổi tập huấn ngày mười hai tháng mười hai thứ bảy ấy anh tuấn chuẩn bị loa đài cho hội trường.",
     [("Lê Minh Tuấn", "2026-12-12")]),
    ("Nguyễn Văn An: Hùng ơi phông bạt cho lễ ra quân ngày 15 em lo nhé.", [("Trần Văn Hùng", "2026-12-15")]),
])
def test_work_for_an_event_said_first_is_due_that_day(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
    on.setattr(cues, "SESSION18B_FRONTED_EVENT", False)
    assert tasks_said(said, ward) == [(due[0][0], None)]


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Từ ngày 15 chị Hà bố trí thêm một quầy tiếp nhận hồ sơ.", [("Phạm Thu Hà", None)]),  # a start
    ("Nguyễn Văn An: Đợt kiểm tra cuối năm anh Hùng làm đầu mối nhé.", [("Trần Văn Hùng", None)]),  # no day named
])
def test_a_start_or_a_period_said_first_is_no_deadline(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


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


# --- phrases.SESSION18B_GO_TO_DO: "về", "xuống" between the doer and the verb of work ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Huy về kiểm tra lại phần mềm một cửa cho bộ phận tiếp nhận, thứ Năm báo lại anh.",
     [("Đỗ Quang Huy", "2026-12-03")]),
    ("Nguyễn Văn An: việc đấy thì tổ năm về tuyên truyền bà con không để xe ra lòng đường nữa nhé",
     [("Tổ dân phố số 5", None)]),
])
def test_going_there_to_do_it_is_the_doers_task(ward, on, said: str, due: list) -> None:
    said = "Nguyễn Văn An: Bắt đầu nhé.\n" + said
    assert tasks_said(said, ward) == due
    on.setattr(phrases, "SESSION18B_GO_TO_DO", False)
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Hà về quê mấy hôm, việc một cửa để Mai trực thay.", [("Vũ Thị Mai", None)]),  # going home
    ("Nguyễn Văn An: Anh Hùng về họp ở quận chiều nay.", []),  # a meeting elsewhere
])
def test_going_somewhere_with_no_work_is_no_task(ward, on, said: str, due: list) -> None:
    assert tasks_said("Nguyễn Văn An: Bắt đầu nhé.\n" + said, ward) == due
