"""Session 19's forms (docs/meetings.md, "Session 19"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_dates, clause_model, clause_tasks, clauses, merge, roster
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said

_FLAGGED = (clause_dates, clause_tasks, clauses, merge, roster)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION19_")
    return monkeypatch


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


# --- roster.SESSION19_MISHEARD: a colleague's given name misheard by its tone or vowel mark ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: thế thì chị hường lập danh sách các cụ mừng thọ gửi anh trước thứ sáu",
     [("Bùi Thanh Hương", "2026-12-04")]),
    ("Nguyễn Văn An: anh thăng đo lại mặt bằng khu chợ tạm trong tuần này nhé", [("Ngô Đức Thắng", "2026-12-04")]),
    ("Nguyễn Văn An: còn cái cống ngõ chín thì anh hũng cho người thông cống trước thứ tư",
     [("Trần Văn Hùng", "2026-12-02")]),
])
def test_a_misheard_given_name_names_the_colleague(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
    on.setattr(roster, "SESSION19_MISHEARD", False)
    assert tasks_said(said, ward) != due


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: anh báo lại em số hộ còn nợ trước thứ sáu nhé",        # "báo" (tell), not Bảo
    "Nguyễn Văn An: anh nắm tình hình các hộ kinh doanh rồi báo cáo sau",   # "nắm" (grasp), not Nam
    "Nguyễn Văn An: bên em tuần sau gửi lại bảng tổng hợp",                 # "tuần" (week), not Tuấn
    "Nguyễn Văn An: Chị Hường bên hội phụ nữ gửi danh sách trước thứ Sáu.",  # written text: a name as written
])
def test_an_everyday_word_or_a_written_name_is_no_colleague(ward, on, said: str) -> None:
    assert not {a for a, _d in tasks_said(said, ward)} & {"Phạm Quốc Bảo", "Hoàng Văn Nam", "Lê Minh Tuấn",
                                                          "Bùi Thanh Hương"}


# --- clauses.SESSION19_THEN_SAME: "rồi …" with no doer goes on with the doer the turn just named ---

THEN = ("Nguyễn Văn An: Bắt đầu.\n"
        "Lê Minh Tuấn: Dạ.\n"
        "Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ, gửi anh trước thứ Tư; rồi liên hệ nhà văn hóa mượn "
        "hội trường trước thứ Sáu.")


def test_then_goes_on_with_the_doer_just_named(ward, on) -> None:
    assert tasks_said(THEN, ward) == [("Bùi Thanh Hương", "2026-12-02"), ("Bùi Thanh Hương", "2026-12-04")]
    on.setattr(clauses, "SESSION19_THEN_SAME", False)
    assert ("Bùi Thanh Hương", "2026-12-04") not in tasks_said(THEN, ward)


def test_then_after_no_task_is_told_back_as_before(ward, on) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Lê Minh Tuấn: Anh ơi danh sách mừng thọ còn thiếu tổ ba ạ.\n"
            "Nguyễn Văn An: Thế thì chậm quá. Rồi bổ sung số liệu còn thiếu, gửi anh trước thứ Sáu.")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


def test_roi_with_a_comma_is_ok_not_then(ward, on) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Lê Minh Tuấn: Dạ anh, băng rôn in xong rồi ạ.\n"
            "Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ, gửi anh trước thứ Tư. Rồi, treo băng rôn ở "
            "nhà văn hóa trước thứ Sáu nhé.")
    assert ("Bùi Thanh Hương", "2026-12-04") not in tasks_said(said, ward)


# --- merge.SESSION19_TWO_IN_TURN: two jobs for one person in one turn, each with its date ---

TWO = ("Nguyễn Văn An: Anh Hùng kiểm tra hệ thống thoát nước ngõ năm trước thứ Tư. "
       "Anh Hùng lập dự toán sửa mái chợ trước thứ Sáu.")


def test_two_jobs_with_two_dates_are_two_tasks(ward, on) -> None:
    assert tasks_said(TWO, ward) == [("Trần Văn Hùng", "2026-12-02"), ("Trần Văn Hùng", "2026-12-04")]
    on.setattr(merge, "SESSION19_TWO_IN_TURN", False)
    assert tasks_said(TWO, ward) == [("Trần Văn Hùng", "2026-12-04")]


def test_one_job_said_again_with_a_new_date_stays_one(ward, on) -> None:
    said = ("Nguyễn Văn An: Anh Hùng rà soát các công trình sai phép trước thứ Tư. "
            "Anh Hùng rà soát các công trình sai phép trước thứ Sáu cũng được.")
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04")]


def test_a_new_date_with_no_job_of_its_own_moves_the_first(ward, on) -> None:
    said = "Nguyễn Văn An: Anh Hùng lập dự toán sửa mái chợ trước thứ Tư. À không, thứ Sáu anh Hùng gửi anh nhé."
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04")]


# --- clause_tasks.SESSION19_AND_DATED: "… xong trước thứ tư và làm … tuần sau": two jobs joined by "và" ---

AND_DATED = ("Nguyễn Văn An: anh hùng sửa đèn chiếu sáng ngõ năm xong trước thứ tư và lập dự toán sửa mái chợ tuần "
             "sau gửi anh")


def test_two_dated_jobs_joined_by_va(ward, on) -> None:
    found = tasks_said(AND_DATED, ward)
    assert [a for a, _d in found] == ["Trần Văn Hùng", "Trần Văn Hùng"]
    assert found[0][1] == "2026-12-02" and found[1][1] not in (None, "2026-12-02")
    on.setattr(clause_tasks, "SESSION19_AND_DATED", False)
    assert len(tasks_said(AND_DATED, ward)) == 1


def test_one_date_for_two_verbs_stays_one_task(ward, on) -> None:
    said = "Nguyễn Văn An: chị hương lập danh sách các cụ mừng thọ và gửi anh trước thứ sáu"
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_reporting_the_job_back_by_another_date_stays_one_task(ward, on) -> None:
    said = "Nguyễn Văn An: anh hùng kiểm tra đường ống ngõ tám trước thứ tư và báo cáo anh trong tuần này"
    assert len(tasks_said(said, ward)) == 1


# --- clauses.SESSION19_UNIT_ASKED: the chair asking a tổ or unit to do a job by a date ---

UNIT_ASKED = "Nguyễn Văn An: thế tổ tám dọn vệ sinh nhà văn hóa trong tuần này được không"


def test_the_chair_asking_a_group_by_a_date_asks_them(ward, on) -> None:
    assert tasks_said(UNIT_ASKED, ward) == [("Tổ dân phố số 8", "2026-12-04")]
    on.setattr(clauses, "SESSION19_UNIT_ASKED", False)
    assert tasks_said(UNIT_ASKED, ward) == []


def test_a_member_asking_for_a_date_is_still_a_proposal(ward, on) -> None:
    said = ("Nguyễn Văn An: Chị Lan gửi danh sách tổ tám trước thứ Tư.\n"
            "Lê Thị Lan: Tổ tám chưa gửi số liệu, thứ Sáu được không anh?\n"
            "Nguyễn Văn An: Được.")
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-04")]


# --- clause_dates.SESSION19_CORRECTION_LATER: "à không, <reason>, <the new date>" re-dates the task ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ trước thứ Tư, à không, thứ Tư thì gấp quá, trước thứ "
     "Sáu cho kịp.", [("Bùi Thanh Hương", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Hương gửi báo cáo an sinh ngày 2 tháng 12, à không, ngày 2 là họp Đảng ủy, mùng 4 tháng 12 "
     "nộp anh.", [("Bùi Thanh Hương", "2026-12-04")]),
    ("Nguyễn Văn An: Công an phường chủ trì, Ban Chỉ huy Quân sự phối hợp, kiểm tra các kho pháo, trước 20/12 phải "
     "xong, à không, 20 thì sát quá, trước Tết dương lịch cho kịp.", [("Công an phường", "2026-12-31")]),
])
def test_a_correction_after_its_reason_redates_the_task(ward, on, said: str, due: list) -> None:
    on.setattr(clause_model, "BY_DEFAULT", False)  # the rules alone
    assert tasks_said(said, ward) == due
    on.setattr(clause_dates, "SESSION19_CORRECTION_LATER", False)
    assert tasks_said(said, ward) == []


def test_a_new_job_after_a_khong_is_no_correction(ward, on) -> None:
    on.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ trước thứ Tư, à không, chuẩn bị cả quà mừng thọ "
            "trước thứ Sáu.")
    assert ("Bùi Thanh Hương", "2026-12-04") not in tasks_said(said, ward)


# --- merge.SESSION19_REDATE: a new date later in the meeting for a person's task, with no job of its own ---

_GIVEN = ("Nguyễn Văn An: Bắt đầu.\n"
          "Nguyễn Văn An: Anh Hùng dự thảo quyết định thành lập tổ kiểm tra, trình anh ký thứ Hai tuần sau.\n"
          "Trần Văn Hùng: Dạ.\n")


@pytest.mark.parametrize("later", [
    "Nguyễn Văn An: À anh Hùng làm sớm lên, thứ Sáu này nhé.",
    "Nguyễn Văn An: à anh hùng làm sớm lên thứ sáu này nhé",
])
def test_a_new_date_later_redates_the_task(ward, on, later: str) -> None:
    assert tasks_said(_GIVEN + later, ward) == [("Trần Văn Hùng", "2026-12-04")]
    on.setattr(merge, "SESSION19_REDATE", False)
    assert tasks_said(_GIVEN + later, ward) == [("Trần Văn Hùng", "2026-12-07"), ("Trần Văn Hùng", "2026-12-04")]


def test_a_new_job_later_is_a_second_task(ward, on) -> None:
    later = "Nguyễn Văn An: Anh Hùng lập danh sách các hộ vi phạm trước thứ Sáu nhé."
    assert tasks_said(_GIVEN + later, ward) == [("Trần Văn Hùng", "2026-12-07"), ("Trần Văn Hùng", "2026-12-04")]


# --- merge.SESSION19_UNIT_THEN_MEMBER: a unit's job, then a person of that unit named for it in a few words ---

_UNIT = "Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Còn hội trường cho hội nghị ngày 10/12 thì văn phòng lo. "


def test_the_units_job_goes_to_its_person(ward, on) -> None:
    said = _UNIT + "Chị Lan mượn loa nhé."
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-10")]
    on.setattr(merge, "SESSION19_UNIT_THEN_MEMBER", False)
    assert tasks_said(said, ward) == [("Văn phòng HĐND và UBND", "2026-12-10")]


@pytest.mark.parametrize(("said", "due"), [
    # a person of another unit: their own task
    (_UNIT + "Anh Hùng mượn loa nhé.", [("Văn phòng HĐND và UBND", "2026-12-10"), ("Trần Văn Hùng", None)]),
    # the unit's head accepting in the next turn: the unit's task, as before
    (_UNIT + "\nLê Thị Lan: Dạ, em nhận ạ.", [("Văn phòng HĐND và UBND", "2026-12-10")]),
])
def test_another_units_person_or_an_acceptance_keeps_the_units_task(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


# --- merge.SESSION19_DONE_SHORT: a task answered as done in a few words stays off for the sentence model too ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: bắt đầu nhé\nNguyễn Văn An: à quên huy gửi anh danh sách máy tính hỏng chiều nay nhé\n"
    "Đỗ Quang Huy: em gửi anh rồi ạ hôm qua",
    "Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Huy gửi anh danh sách máy tính hỏng chiều nay nhé.\n"
    "Đỗ Quang Huy: Dạ em gửi anh rồi ạ.",
])
def test_a_task_answered_done_is_no_task(ward, on, said: str) -> None:
    assert tasks_said(said, ward) == []
    on.setattr(merge, "SESSION19_DONE_SHORT", False)
    assert tasks_said(said, ward) == [("Đỗ Quang Huy", "2026-11-30")]


def test_a_part_done_leaves_the_task(ward, on) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Nguyễn Văn An: Huy gửi anh danh sách máy tính hỏng và biên bản kiểm tra chiều nay nhé.\n"
            "Đỗ Quang Huy: Dạ danh sách em gửi rồi, còn biên bản thì em đang làm ạ.")
    assert tasks_said(said, ward) == [("Đỗ Quang Huy", "2026-11-30")]
