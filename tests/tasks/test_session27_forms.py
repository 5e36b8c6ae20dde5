"""Session 27's forms (docs/meetings.md, "Session 27"), each in new words written for this file (not the training
meetings' sentences): the two settings on by rule R1 (plain code since session 29, rule R8) and where they must not
fire; for the settings off by rule R1 and deleted in session 28 (rule R8), where their form must not fire, as plain
behaviour; and the plain bug fixes (rule R7)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import deadlines
from appliance.tasks.extract import extract_tasks
from tests.tasks.transcripts import MONDAY, tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


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


# --- doers.SESSION27_BARE_OFFICER (plain since session 29, rule R8): an officer named bare is the group said ---


def _titled(said: str, ward, title: str) -> list:
    roster, calendar = ward
    return [(t.assignee, t.deadline) for t in extract_tasks(said, MONDAY, calendar, roster=roster, title=title)]


_GROUP_MEETING = ("Người nói 1: Bắt đầu họp tổ dân phố số 7.\n"
                  "Đặng Thị Hạnh: Cảm ơn bà con, phường có mấy việc nhờ tổ.\n")


@pytest.mark.parametrize("said", [
    "Đặng Thị Hạnh: Bác tổ trưởng thống kê giúp các hộ có người cao tuổi, gửi phường trước thứ Sáu.",
    "Đặng Thị Hạnh: Chú Bình tổ phó thống kê giúp các hộ có người cao tuổi, gửi phường trước thứ Sáu.",
])
def test_the_officer_of_the_meetings_group(ward, said: str) -> None:
    title = "Họp tổ dân phố số 7 tháng 12"
    assert _titled(_GROUP_MEETING + said, ward, title) == [("Tổ dân phố số 7", "2026-12-04")]


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Tổ 9 thì bác tổ trưởng vận động bà con dọn ngõ trước thứ Bảy.",
    "Nguyễn Văn An: Còn tổ 9, bác tổ trưởng vận động bà con dọn ngõ trước thứ Bảy.",
])
def test_the_officer_of_the_group_said_before(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Tổ dân phố số 9", "2026-12-05")]


def test_the_officer_of_the_one_group_that_spoke(ward) -> None:
    said = (_A + "Người nói 2: Tôi là tổ trưởng tổ 11, ngõ 40 mất điện chiếu sáng cả tuần nay.\n"
            "Nguyễn Văn An: Anh Hùng cho kiểm tra nhé. Bác tổ trưởng thống kê giúp các cột hỏng, gửi anh Hùng "
            "trước thứ Năm.")
    assert ("Tổ dân phố số 11", "2026-12-03") in tasks_said(said, ward)


@pytest.mark.parametrize("said", [
    # no group in the meeting: nobody
    "Nguyễn Văn An: Bác tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    # every group's officer
    "Nguyễn Văn An: Các tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    "Nguyễn Văn An: Mỗi tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    # the officer as whom it goes to
    "Nguyễn Văn An: Tuấn gửi danh sách cho bác tổ trưởng tổ 9 trước thứ Sáu.",
])
def test_an_officer_who_is_no_doer(ward, said: str) -> None:
    assert all(not a.startswith("Tổ dân phố") for a, _d in tasks_said(_A + said, ward))


def test_two_groups_spoke_so_nobody(ward) -> None:
    said = (_A + "Người nói 2: Tôi là tổ trưởng tổ 11, ngõ 40 mất điện.\n"
            "Người nói 3: Tôi là tổ trưởng tổ 12, ngõ 42 cũng thế.\n"
            "Nguyễn Văn An: Bác tổ trưởng thống kê giúp các cột hỏng trước thứ Năm.")
    assert tasks_said(said, ward) == []


def test_an_officer_told_not_to(ward) -> None:
    said = _GROUP_MEETING + "Đặng Thị Hạnh: Bác tổ trưởng đừng nói với ai, để công an làm."
    assert ("Tổ dân phố số 7", None) not in _titled(said, ward, "Họp tổ dân phố số 7")


# --- SESSION27_PARTNERS (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # a comma, no "và": the next clause may be the last one's own
    ("Nguyễn Văn An: Anh Hùng làm việc với chị Hà, chị Lan gửi báo cáo trước thứ Sáu.",
     [("Trần Văn Hùng", None), ("Lê Thị Lan", "2026-12-04")]),
    # "và" opening a clause of its own after other words: a doer
    ("Nguyễn Văn An: Anh Hùng làm việc với chị Hà về kinh phí, và anh Nam kiểm tra hiện trường trước thứ Sáu.",
     [("Trần Văn Hùng", None), ("Hoàng Văn Nam", "2026-12-04")]),
    # a pair of doers with no partner word: as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời, chị Hà và anh Nam chuẩn bị hội trường trước thứ Năm.",
     [("Lê Thị Lan", None), ("Hoàng Văn Nam", "2026-12-03")]),
])
def test_a_list_that_is_no_partners(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION27_RECEIVERS (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # the last name has work of its own: their clause, as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời cho anh Hùng, anh Nam làm báo cáo trước thứ Năm.",
     [("Lê Thị Lan", None), ("Hoàng Văn Nam", "2026-12-03")]),
    # no word the list goes to: a recap's items, as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời trước thứ Tư, anh Hùng, anh Nam trước thứ Năm.",
     [("Lê Thị Lan", "2026-12-02")]),
])
def test_a_list_that_is_no_receivers(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- rule R7 (session 27): "Tết tây", "Tết dương" are New Year's Day, as "Tết dương lịch" is ---


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo trước Tết tây.", "2026-12-31"),      # it was the lunar new year's eve, 5/2
    ("chị lan gửi báo cáo trước tết dương", "2026-12-31"),      # it was no date
    ("Chị Lan gửi báo cáo trước Tết Dương lịch.", "2026-12-31"),
    ("Chị Lan gửi báo cáo trước Tết.", "2027-02-05"),           # the lunar new year, as before
])
def test_the_western_new_year(said: str, due: str) -> None:
    assert _due(said, _WEDNESDAY) == due


# --- SESSION27_DAYS_SAID (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("chị lan gửi báo cáo vài hôm nữa", None),             # no number
    ("chị lan gửi báo cáo mấy hôm nữa", None),
    ("chị lan gửi báo cáo hôm mười tám", "2026-12-18"),    # a day: as before
    ("chị lan gửi báo cáo hôm nay", "2026-12-09"),
])
def test_hom_that_counts_no_days(said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due


def test_two_days_today_is_today() -> None:
    assert _due("chị lan gửi báo cáo trong hai hôm nay", _WEDNESDAY) == "2026-12-09"  # "hôm nay", as before


# --- SESSION27_LED_PERSON (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # the chair reminding: the one reminded does it
    ("Nguyễn Văn An: Tôi nhắc chị Lan gửi báo cáo trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
    # a comma between: two clauses, as before
    ("Nguyễn Văn An: Anh Nam hướng dẫn, Huy làm hồ sơ này trong tuần.",
     [("Hoàng Văn Nam", None), ("Đỗ Quang Huy", "2026-12-04")]),
])
def test_no_one_led(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION27_SPEAKS_UP (off by rule R1, deleted in session 28): where its form must not fire ---


def test_a_senior_offering_stays(ward) -> None:
    said = _A + "Lê Thị Lan: Chị Hà ơi.\nPhạm Thu Hà: Chị gửi em bản mẫu trước thứ Năm nhé."
    assert tasks_said(said, ward) == [("Phạm Thu Hà", "2026-12-03")]


# --- SESSION27_OPINION (off by rule R1, deleted in session 28): where its form must not fire ---


def test_the_chairs_opinion_is_given(ward) -> None:
    said = _A + "Nguyễn Văn An: Tôi thấy nên giao Tuấn làm việc này, xong trước thứ Sáu."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


# --- clause_tasks.SESSION27_EXHORT (plain since session 29, rule R8): urging, no work nor date, is no task ---


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: ừ anh minh nói đúng đấy bên công an phải làm quyết liệt hơn",  # it was Công an phường's task
    "Nguyễn Văn An: Anh Hùng cần thực hiện nghiêm túc hơn nữa.",  # it was Hùng's task
])
def test_urging_is_no_task(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Anh Minh xử lý nghiêm các trường hợp lấn chiếm.", [("Trịnh Văn Minh", None)]),  # the work
    ("Nguyễn Văn An: Anh Minh làm quyết liệt, xong trước thứ Sáu.", [("Trịnh Văn Minh", "2026-12-04")]),  # a date
])
def test_urging_with_work_or_a_date(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION27_BARE_INSTEAD (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # a bare acceptance is no excuse: nothing moves
    ("Nguyễn Văn An: Chị Hà làm báo cáo quý.\nPhạm Thu Hà: Dạ.\nNguyễn Văn An: Thế thì Huy làm.",
     [("Phạm Thu Hà", None), ("Đỗ Quang Huy", None)]),
    # a job of its own: a second task, as before
    ("Nguyễn Văn An: Tuấn làm băng rôn trước thứ Năm nhé.\nLê Minh Tuấn: Dạ tuần này em bận quá ạ.\n"
     "Nguyễn Văn An: Thế Huy lo hội trường nhé.", [("Lê Minh Tuấn", "2026-12-03"), ("Đỗ Quang Huy", None)]),
])
def test_nothing_moves(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION27_PURPOSE_DATE (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan chuẩn bị hội trường để thứ Sáu họp.", "2026-12-04"),              # only after "để": as before
    ("Chị Lan gửi báo cáo thứ Tư, để sau tính việc khác thứ Sáu.", "2026-12-04"),  # "để sau": no purpose
])
def test_a_date_after_de_that_stays(said: str, due: str) -> None:
    assert _due(said) == due


# --- SESSION27_BARE_DAY_DUE (off by rule R1, deleted in session 28): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("mười tám hồ sơ phải xong", None),                          # a count with its noun
    ("còn 15 phải xong nhé", None),                              # after a word that counts
    ("ba phải xong", None),                                      # under ten: three of them
    ("Công an phường làm căn cước, trong tháng 12 phải xong.", "2026-12-31"),  # the month's number: as before
    ("Tuấn rà soát, xong trước 15/12 gửi chị Hạnh.", "2026-12-15"),            # a date's month: as before
])
def test_a_number_that_is_no_day(said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due
