"""Session 19's forms (docs/meetings.md, "Session 19"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. The four settings on by session 19's rule R1 are plain behaviour
since session 21 (rule R8): their tests read them as such."""

from __future__ import annotations

import pytest

from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, tasks_said


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- bug fix (rule R7): "thứ hai" after a counted noun is an ordinal, not Monday ---

@pytest.mark.parametrize("said", [
    "tổ chức hội nghị lần thứ ba cho các hộ kinh doanh",
    "chuẩn bị phương án thứ hai nếu trời mưa",
    "ra quân đợt thứ hai ở các tuyến phố chính",
])
def test_an_ordinal_is_no_weekday(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert _due(said, ward) is None


@pytest.mark.parametrize(("said", "due"), [
    ("Việc thứ hai, chị Lan gửi giấy mời cho các tổ nhé", None),
    ("làm việc với công ty môi trường thứ Hai tuần sau", "2026-12-07"),
    ("gửi báo cáo thứ hai nhé", "2026-12-07"),
])
def test_a_weekday_beside_a_counted_word_still_reads(ward: tuple[Roster, WorkCalendar], said: str,
                                                     due: str | None) -> None:
    assert _due(said, ward) == due


# --- bug fix (rule R7): "bảo đảm", "bảo vệ" after the doer are work, not "bảo" (said) ---

def test_ensuring_is_work_not_a_report(ward: tuple[Roster, WorkCalendar]) -> None:
    said = ("Nguyễn Văn An: bắt đầu nhé\n"
            "Trịnh Văn Minh: anh ơi đêm giao thừa ở bờ hồ có đếm ngược không ạ\n"
            "Nguyễn Văn An: có ờ thì công an phường bảo đảm trật tự khu vực bờ hồ đêm ba mươi mốt tháng mười hai nhé")
    assert tasks_said(said, ward) == [("Công an phường", "2026-12-31")]


def test_bao_la_is_still_what_was_said(ward: tuple[Roster, WorkCalendar]) -> None:
    said = "Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Anh Hùng bảo là đường ống ngõ tám đã sửa xong."
    assert tasks_said(said, ward) == []


# --- bug fix (rule R7): "em xin báo là …" takes the floor to report; the chair's answer is the task ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Bắt đầu.\nHoàng Văn Nam: anh ơi em xin báo là còn ba hộ chưa nộp hồ sơ đất ạ\n"
    "Nguyễn Văn An: thế thì nam đôn đốc ba hộ đó nộp hồ sơ xong thứ sáu tuần này",
    "Nguyễn Văn An: Bắt đầu.\nHoàng Văn Nam: Anh ơi em xin báo là còn ba hộ chưa nộp hồ sơ đất ạ.\n"
    "Nguyễn Văn An: Thế thì Nam đôn đốc ba hộ đó nộp hồ sơ trước thứ Sáu.",
])
def test_a_report_before_the_chairs_answer_is_no_task(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert tasks_said(said, ward) == [("Hoàng Văn Nam", "2026-12-04")]


def test_offering_to_report_back_is_still_an_offer(ward: tuple[Roster, WorkCalendar]) -> None:
    said = "Nguyễn Văn An: Bắt đầu.\nHoàng Văn Nam: Dạ em xin báo lại anh kết quả vào thứ Sáu ạ."
    assert tasks_said(said, ward) == [("Hoàng Văn Nam", "2026-12-04")]


# --- session 19's THEN_SAME: "rồi …" with no doer goes on with the doer the turn just named ---

THEN = ("Nguyễn Văn An: Bắt đầu.\n"
        "Lê Minh Tuấn: Dạ.\n"
        "Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ, gửi anh trước thứ Tư; rồi liên hệ nhà văn hóa mượn "
        "hội trường trước thứ Sáu.")


def test_then_goes_on_with_the_doer_just_named(ward) -> None:
    # the second job is hers, not told back to the one who spoke before (two jobs of one person in one turn are one
    # task since session 20: session 19's TWO_IN_TURN, off by its R1, was retired)
    assert tasks_said(THEN, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_then_after_no_task_is_told_back_as_before(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Lê Minh Tuấn: Anh ơi danh sách mừng thọ còn thiếu tổ ba ạ.\n"
            "Nguyễn Văn An: Thế thì chậm quá. Rồi bổ sung số liệu còn thiếu, gửi anh trước thứ Sáu.")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


def test_roi_with_a_comma_is_ok_not_then(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Lê Minh Tuấn: Dạ anh, băng rôn in xong rồi ạ.\n"
            "Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ, gửi anh trước thứ Tư. Rồi, treo băng rôn ở "
            "nhà văn hóa trước thứ Sáu nhé.")
    assert ("Bùi Thanh Hương", "2026-12-04") not in tasks_said(said, ward)


# --- session 19's UNIT_ASKED: the chair asking a tổ or unit to do a job by a date ---

UNIT_ASKED = "Nguyễn Văn An: thế tổ tám dọn vệ sinh nhà văn hóa trong tuần này được không"


def test_the_chair_asking_a_group_by_a_date_asks_them(ward) -> None:
    assert tasks_said(UNIT_ASKED, ward) == [("Tổ dân phố số 8", "2026-12-04")]


def test_a_member_asking_for_a_date_is_still_a_proposal(ward) -> None:
    said = ("Nguyễn Văn An: Chị Lan gửi danh sách tổ tám trước thứ Tư.\n"
            "Lê Thị Lan: Tổ tám chưa gửi số liệu, thứ Sáu được không anh?\n"
            "Nguyễn Văn An: Được.")
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-04")]


# --- session 19's REDATE: a new date later in the meeting for a person's task, with no job of its own ---

_GIVEN = ("Nguyễn Văn An: Bắt đầu.\n"
          "Nguyễn Văn An: Anh Hùng dự thảo quyết định thành lập tổ kiểm tra, trình anh ký thứ Hai tuần sau.\n"
          "Trần Văn Hùng: Dạ.\n")


@pytest.mark.parametrize("later", [
    "Nguyễn Văn An: À anh Hùng làm sớm lên, thứ Sáu này nhé.",
    "Nguyễn Văn An: à anh hùng làm sớm lên thứ sáu này nhé",
])
def test_a_new_date_later_redates_the_task(ward, later: str) -> None:
    assert tasks_said(_GIVEN + later, ward) == [("Trần Văn Hùng", "2026-12-04")]


def test_a_new_job_later_is_a_second_task(ward) -> None:
    later = "Nguyễn Văn An: Anh Hùng lập danh sách các hộ vi phạm trước thứ Sáu nhé."
    assert tasks_said(_GIVEN + later, ward) == [("Trần Văn Hùng", "2026-12-07"), ("Trần Văn Hùng", "2026-12-04")]


# --- session 19's UNIT_THEN_MEMBER: a unit's job, then a person of that unit named for it in a few words ---

_UNIT = "Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Còn hội trường cho hội nghị ngày 10/12 thì văn phòng lo. "


def test_the_units_job_goes_to_its_person(ward) -> None:
    said = _UNIT + "Chị Lan mượn loa nhé."
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-10")]


@pytest.mark.parametrize(("said", "due"), [
    # a person of another unit: their own task
    (_UNIT + "Anh Hùng mượn loa nhé.", [("Văn phòng HĐND và UBND", "2026-12-10"), ("Trần Văn Hùng", None)]),
    # the unit's head accepting in the next turn: the unit's task, as before
    (_UNIT + "\nLê Thị Lan: Dạ, em nhận ạ.", [("Văn phòng HĐND và UBND", "2026-12-10")]),
])
def test_another_units_person_or_an_acceptance_keeps_the_units_task(ward, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
