"""Session 22's forms (docs/meetings.md, "Session 22"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire; and session 22's plain bug
fixes (rule R7)."""

from __future__ import annotations

import pytest

from appliance.tasks import clauses, cues
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import memory_ward, tasks_said

_FLAGGED = (clauses, cues)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION22_")
    return monkeypatch


# --- cues.SESSION22_FRONT_DATE: a date said alone as the sentence's first clause, right before the doer ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Thứ Năm này, chị Hương rà soát danh sách hộ cận nghèo ở tổ 3.", ("Bùi Thanh Hương", "2026-12-03")),
    ("Nguyễn Văn An: Ừ, trước ngày 10/12, anh Nam đo lại ranh giới thửa đất nhà ông Bình.",
     ("Hoàng Văn Nam", "2026-12-10")),
    ("Nguyễn Văn An: Chiều mai, Văn phòng gửi giấy mời họp cho các tổ trưởng.",
     ("Văn phòng HĐND và UBND", "2026-12-01")),
])
def test_a_date_said_first_is_the_doers(ward, on, said: str, due: tuple) -> None:
    assert tasks_said(_A + said, ward) == [due]
    on.setattr(cues, "SESSION22_FRONT_DATE", False)
    assert tasks_said(_A + said, ward) == [(due[0], None)]


@pytest.mark.parametrize(("said", "due"), [
    # a matter said before the date: not a date alone
    ("Nguyễn Văn An: Kế hoạch diễn tập, thứ Năm này, chị Hương rà soát lại.", [("Bùi Thanh Hương", None)]),
    # from when the work starts, not by when
    ("Nguyễn Văn An: Từ thứ Hai tuần sau, chị Hà bố trí một bàn hướng dẫn nộp hồ sơ trực tuyến.",
     [("Phạm Thu Hà", None)]),
    # a weekday of every week
    ("Nguyễn Văn An: Thứ Năm, anh Hùng tổng hợp số vụ vi phạm hằng tuần, gửi anh.", [("Trần Văn Hùng", None)]),
    # a reason, not a date for the work
    ("Nguyễn Văn An: Vì thứ Năm đoàn quận về, anh Hùng dọn lại vỉa hè ngõ 8.", [("Trần Văn Hùng", None)]),
])
def test_a_date_with_more_than_itself_is_not_taken(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due



# --- clauses.SESSION22_PAUSE_JOINS: "..." before a word in lower case is a pause within one sentence ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết trước thứ Sáu.\nLê Thị Lan: Dạ em nhận ạ.\n"
     "Nguyễn Văn An: Còn buổi gặp mặt các cụ thì... hôm nào nhỉ... thôi tổ chức ngày 10/12.",
     [("Lê Thị Lan", "2026-12-04")]),
    ("Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8 trước thứ Năm.\nTrần Văn Hùng: Dạ em nhận.\n"
     "Nguyễn Văn An: Còn đoàn đi thăm các cụ thì... ngày nào nhỉ... thôi đi thăm ngày 18/12.",
     [("Trần Văn Hùng", "2026-12-03")]),
])
def test_a_sentence_after_a_trailing_off_is_not_told_back(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
    on.setattr(clauses, "SESSION22_PAUSE_JOINS", False)
    assert tasks_said(_A + said, ward) != due


@pytest.mark.parametrize("said", [
    # a full stop after the acknowledgement: the date is told back, as before
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm ạ.\n"
    "Nguyễn Văn An: Ừ. Thứ Năm này gửi anh nhé.",
    # the trailing-off in the answer, not in the chair's turn
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm... em xem lại số liệu đã ạ.\n"
    "Nguyễn Văn An: Ừ. Thứ Năm này gửi anh nhé.",
    # a capital after the trailing-off: a new sentence, as before
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm ạ.\n"
    "Nguyễn Văn An: Ừ... Thứ Năm này gửi anh nhé.",
])
def test_a_date_told_back_after_a_full_stop_is_kept(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Lê Thị Lan", "2026-12-03")]


# --- bug fix (rule R7): "mỗi tổ một buổi" is each group, not Tổ dân phố số 1 ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Anh Minh cho công an phường tổ chức tuyên truyền ở các tổ dân phố, mỗi tổ một buổi, xong trước "
    "thứ Sáu.",
    "Nguyễn Văn An: anh minh tổ chức tuyên truyền từng tổ một buổi xong trước thứ sáu",
])
def test_each_group_is_no_group(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Trịnh Văn Minh", "2026-12-04")]


def test_a_group_said_by_its_number_is_still_the_group(ward) -> None:
    assert tasks_said(_A + "Nguyễn Văn An: Tổ một rà soát các hộ chưa đóng quỹ trước thứ Sáu.", ward) \
        == [("Tổ dân phố số 1", "2026-12-04")]
