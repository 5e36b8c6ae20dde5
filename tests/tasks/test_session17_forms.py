"""Session 17 (docs/meetings.md, "Session 17"): the session's forms, each in new words written for this file (not the
training meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import extract
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said

_FLAGGED = (extract,)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION17_")
    return monkeypatch


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- bug fix (rule R7): a day said as a routine is no deadline ---

@pytest.mark.parametrize("said", [
    "phòng Kinh tế gửi số liệu thu cho tôi sáng thứ Sáu hằng tuần",
    "tổ trưởng nộp sổ theo dõi vào ngày 25 hàng tháng",
    "mỗi thứ Hai em cập nhật bảng theo dõi lên nhóm nhé",
    "Trung tâm mở thêm quầy các sáng thứ Bảy",
])
def test_a_routine_day_is_no_deadline(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert _due(said, ward) is None


@pytest.mark.parametrize(("said", "due"), [
    ("chuẩn bị chương trình văn nghệ chào năm mới đêm 31/12", "2026-12-31"),   # "mới" is new, not "mỗi"
    ("gửi bảng theo dõi hằng tuần cho tôi trước thứ Sáu", "2026-12-04"),        # the routine is the report's
    ("họp các tổ trưởng thứ Năm này", "2026-12-03"),
])
def test_a_day_beside_a_routine_word_still_reads(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- extract.SESSION17_LONE_OFFER: an undated offer nobody took up is no task ---

LONE_OFFERS = [
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ em đang xem ạ, em sẽ gọi thêm người bên tổ đi cùng anh Thắng ạ.\n"
     "Nguyễn Văn An: Ừ, chuyển sang việc khác."),
    ("Nguyễn Văn An: Bắt đầu nhé.\n"
     "Bùi Thanh Hương: Dạ, em nhận ạ.\n"
     "Nguyễn Văn An: Tiếp theo là lịch tiếp dân."),
]


@pytest.mark.parametrize("said", LONE_OFFERS)
def test_an_undated_offer_nobody_takes_up_is_no_task(ward, on, said: str) -> None:
    assert tasks_said(said, ward) == []
    on.setattr(extract, "SESSION17_LONE_OFFER", False)
    assert tasks_said(said, ward) != []


@pytest.mark.parametrize(("said", "due"), [
    # an offer with its own date stands
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ em sẽ gửi anh biên bản kiểm tra trước thứ Sáu ạ.", [("Hoàng Văn Nam", "2026-12-04")]),
    # an undated offer the chair takes up stands
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ để em kiểm tra lại hồ sơ đó ạ.\n"
     "Nguyễn Văn An: Ừ, Nam kiểm tra lại hồ sơ đó, thứ Sáu báo anh.", [("Hoàng Văn Nam", "2026-12-04")]),
    # an undated task the chair gives stands
    ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n"
     "Nguyễn Văn An: Chị Hương liên hệ nhà in đặt băng rôn.", [("Bùi Thanh Hương", None)]),
])
def test_dated_offers_and_given_tasks_stand(ward, on, said: str, due: list[tuple[str, str | None]]) -> None:
    assert tasks_said(said, ward) == due


# --- extract.SESSION17_ADOPTED: the chair adopting a member's dated proposal takes its date ---

ADOPTED = ("Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
           "Đặng Thị Hạnh: Anh An, em đề nghị Mai in tài liệu cho đại biểu trước thứ Năm.\n"
           "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.")


def test_the_chair_adopting_a_dated_proposal_takes_its_date(ward, on) -> None:
    assert tasks_said(ADOPTED, ward) == [("Vũ Thị Mai", "2026-12-03")]
    on.setattr(extract, "SESSION17_ADOPTED", False)
    assert tasks_said(ADOPTED, ward) == [("Vũ Thị Mai", None)]


@pytest.mark.parametrize("said", [
    # a question, not a proposal
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, có cần Mai in tài liệu cho đại biểu trước thứ Năm không ạ?\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
    # the proposal named another person
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, em đề nghị chị Lan in tài liệu cho đại biểu trước thứ Năm.\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
    # another job
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, em đề nghị Mai gửi giấy mời cho đại biểu trước thứ Năm.\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
])
def test_no_date_is_taken_from_what_was_not_proposed(ward, on, said: str) -> None:
    assert tasks_said(said, ward) == [("Vũ Thị Mai", None)]
