"""Session 26's forms (docs/meetings.md, "Session 26"), each in new words written for this file (not the training
meetings' sentences): the setting left on by rule R1 (`deadlines.SESSION26_PAPER_MONTH`, plain behaviour since session
28, rule R8), and for the settings off by rule R1 and deleted in session 27 (rule R8), where their form must not fire,
as plain behaviour; and the plain bug fixes (rule R7)."""

from __future__ import annotations

import pytest

from appliance.tasks import deadlines
from tests.tasks.transcripts import MONDAY, tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


def _due(said: str) -> str | None:
    found = deadlines.find_deadline(said, MONDAY)
    return found[0].isoformat() if found else None


# --- rule R7 (session 26): "hai hai", "hai ba" before their month are the 22nd and the 23rd ---

@pytest.mark.parametrize(("said", "due"), [
    ("Anh Sơn chuẩn bị lễ kỷ niệm trước ngày hai hai tháng mười hai.", "2026-12-22"),
    ("Chị Lan gửi báo cáo ngày hai ba tháng mười hai.", "2026-12-23"),
    ("Anh Sơn bố trí trực tối hai hai tháng mười hai.", "2026-12-22"),
    ("Chị Lan gửi báo cáo trước ngày ba tháng mười hai.", "2026-12-03"),      # one word: as before
    ("Chị Lan gửi báo cáo ngày hai mươi hai tháng mười hai.", "2026-12-22"),  # said whole: as before
])
def test_twenty_two_and_three_said_short_before_the_month(said: str, due: str) -> None:
    assert _due(said) == due


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan rà soát lại trong hai ba ngày.", None),                  # "two or three days": no date
    ("Anh Nam kiểm tra hai ba hộ trong tháng mười hai.", "2026-12-31"),  # two or three households
])
def test_two_or_three_is_no_day(said: str, due: str | None) -> None:
    assert _due(said) == due


# --- SESSION26_PAST_TIME (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # an order's particle or a date to come: work to do
    ("Nguyễn Văn An: Hôm qua chị Lan gửi thiếu phụ lục, chị Lan gửi bổ sung trước thứ Sáu nhé.",
     [("Lê Thị Lan", "2026-12-04")]),
    ("Nguyễn Văn An: Tuần trước anh Nam đo chưa xong, anh Nam đo lại trước thứ Năm.",
     [("Hoàng Văn Nam", "2026-12-03")]),
    # a directive word: the task given then is read as before
    ("Nguyễn Văn An: Hôm qua anh giao chị Lan soạn kế hoạch, chị gửi anh trước thứ Sáu nhé.",
     [("Lê Thị Lan", "2026-12-04")]),
    # the time gone is another clause's
    ("Nguyễn Văn An: Quận kiểm tra hôm qua, chị Lan khắc phục trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
])
def test_a_time_gone_with_work_to_do(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_PAPER_MONTH (plain since session 28): a month said bare after the paper it names is which month's ---

@pytest.mark.parametrize("said", [
    "Chị Lan gửi báo cáo tháng 11 cho quận.",                      # without the rule: 30/11
    "Chị Lan làm kế hoạch tháng 12, gửi các phòng.",              # 31/12
    "Tuấn gửi chị bảng tổng hợp chi trả tháng 12.",               # 31/12
    "Chị Hà thống kê số hồ sơ trễ hạn tháng 11, gửi văn phòng.",  # 30/11
])
def test_the_month_a_paper_covers_is_no_deadline(said: str) -> None:
    assert _due(said) is None


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo trong tháng 12.", "2026-12-31"),               # "trong": by then
    ("Chị Lan gửi báo cáo tháng 11 trước thứ Sáu.", "2026-12-04"),        # a deadline besides the month
    ("Chị Lan làm báo cáo, xong tháng 12.", "2026-12-31"),                # the month after "xong"
    ("Anh Sơn tổ chức diễn tập tháng 12.", "2026-12-31"),                 # no paper named: as before
])
def test_a_month_that_is_still_a_deadline(said: str, due: str) -> None:
    assert _due(said) == due


# --- SESSION26_GONE_THEN (off by rule R1, deleted in session 27): where its form must not fire ---

_ASKED_LAN = _A + "Nguyễn Văn An: Còn công văn của quận thế nào?\n"


@pytest.mark.parametrize(("said", "due"), [
    # an order after "rồi": work to do
    ("Nguyễn Văn An: chị lan gửi hôm qua rồi giờ gửi bổ sung trước thứ sáu nhé", [("Lê Thị Lan", "2026-12-04")]),
    # "hôm thứ Sáu này rồi": a day to come, then the next step
    ("Nguyễn Văn An: chị lan làm xong hôm thứ sáu này rồi gửi anh nhé", [("Lê Thị Lan", "2026-12-04")]),
    # the time gone is another clause's
    ("Lê Thị Lan: Dạ tổ em nhận làm bảng tin trước thứ Sáu ạ, các bà làm từ tháng trước rồi.",
     [("Lê Thị Lan", "2026-12-04")]),
])
def test_a_time_gone_then_work_to_do(ward, said: str, due: list) -> None:
    assert tasks_said(_ASKED_LAN + said, ward) == due


# --- SESSION26_WHEN_ASKED (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # "khi nào xong thì …": when it is done, then: no question, read as before
    ("Nguyễn Văn An: Chị Lan làm báo cáo, khi nào xong thì gửi anh.", [("Lê Thị Lan", None)]),
    # asking whether it is done: no order
    ("Nguyễn Văn An: Chị Lan làm xong chưa, bao giờ xong?\nLê Thị Lan: Dạ thứ Sáu ạ.", []),
    # no doer named: no order
    ("Nguyễn Văn An: Báo cáo tổng kết bao giờ xong?\nLê Thị Lan: Dạ thứ Sáu ạ.", []),
    # a member asking: no order
    ("Lê Thị Lan: Anh ơi, chị Hà làm báo cáo, bao giờ xong ạ?", []),
])
def test_when_asked_without_an_order(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_UNIT_THEN_DOER (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # the unit has work of its own before the comma: as before
    ("Nguyễn Văn An: Giao công an phường rà soát người tạm trú, anh Minh báo cáo anh trước 15/12.",
     [("Trịnh Văn Minh", "2026-12-15")]),
    ("Nguyễn Văn An: Văn phòng chuẩn bị hội trường, chị Hương lo quà, xong trước 15/12.",
     [("Văn phòng HĐND và UBND", None), ("Bùi Thanh Hương", "2026-12-15")]),
])
def test_a_unit_with_work_of_its_own(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_HELPER_FIRST (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # help of their own, with what they give: their task
    ("Nguyễn Văn An: Anh Nam hỗ trợ kinh phí cho tổ 5 làm đường trước thứ Sáu.", [("Hoàng Văn Nam", "2026-12-04")]),
    # "X chủ trì, Y hỗ trợ": X's, as before
    ("Nguyễn Văn An: Chị Lan chủ trì, anh Nam hỗ trợ, xong trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
])
def test_help_of_ones_own_or_after_the_lead(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_ALL_DUE (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # "tất cả" of the work, not of the tasks
    ("Nguyễn Văn An: Chị Lan tổng hợp tất cả số liệu, anh Hùng kiểm tra lại trước thứ Sáu.",
     [("Lê Thị Lan", None), ("Trần Văn Hùng", "2026-12-04")]),
    # a date of its own stays
    ("Nguyễn Văn An: Chị Lan chuẩn bị hội trường trước thứ Năm, anh Hùng lo âm thanh, tất cả xong trước thứ Sáu.",
     [("Lê Thị Lan", "2026-12-03"), ("Trần Văn Hùng", "2026-12-04")]),
])
def test_all_that_dates_no_other(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_WORK_BEFORE (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # an event's day before: not the doer's deadline here
    ("Nguyễn Văn An: Ngày 20/12 quận kiểm tra, anh Hùng lo nhé.", [("Trần Văn Hùng", None)]),
    # the doer's clause says work of its own
    ("Nguyễn Văn An: Quận yêu cầu nộp trước 15/12, anh Hùng làm báo cáo.", [("Trần Văn Hùng", None)]),
])
def test_the_date_before_stays_where_it_was(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION26_REPORT_LATER (off by rule R1, deleted in session 27): where its form must not fire ---

_ASKED_POOR = _A + "Nguyễn Văn An: Còn việc rà soát hộ nghèo thì sao?\n"


@pytest.mark.parametrize("said", [
    "Bùi Thanh Hương: Dạ, em báo cáo anh ạ: còn 12 hộ chưa xác minh.",             # the floor, now
    "Bùi Thanh Hương: Dạ, em báo lịch tháng 12 ạ: ngày 3 tiếp xúc cử tri, ngày 10 họp HĐND.",  # the dates listed
    "Bùi Thanh Hương: Dạ, hôm nay em báo cáo qua ạ.",                                # today
])
def test_the_floor_now_stays_no_task(ward, said: str) -> None:
    assert tasks_said(_ASKED_POOR + said, ward) == []


# --- SESSION26_DUE_CALLED (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Nam, hạn thứ Sáu là được chưa?",               # a question
    "Nguyễn Văn An: Hạn nộp là thứ Sáu, quận nhắc rồi.",            # nobody called
    "Nguyễn Văn An: Ừ, anh Hùng báo cáo là hạn thứ Sáu.",           # said of someone, not to them
    "Nguyễn Văn An: Hạn 20/11 qua rồi đấy Nam, tuần sau họp tiếp.",  # a day gone
])
def test_a_deadline_nobody_is_given(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


# --- SESSION26_LET_DO (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize(("said", "due"), [
    # "cho" after a verb: whom the work is for
    ("Nguyễn Văn An: Chị Lan gửi cho anh Nam bản dự thảo trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
    # "cho anh hỏi": asking
    ("Nguyễn Văn An: Cho anh hỏi anh Nam kiểm tra chưa?", []),
    # no verb of work: leave, not work
    ("Nguyễn Văn An: Cho anh Nam nghỉ phép hai ngày.", []),
])
def test_cho_that_lets_nobody_work(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- rule R7 (session 26): the next doer's own date, said after the comma before them, is not this doer's ---

def test_the_date_before_the_next_doer_is_theirs(ward) -> None:
    said = _A + "Nguyễn Văn An: Thứ Năm anh Hùng gửi báo cáo, thứ Sáu chị Lan gửi quận."
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-03"), ("Lê Thị Lan", "2026-12-04")]


def test_one_persons_date_after_the_comma_stays_theirs(ward) -> None:
    # the same doer going on: the date is still theirs, as before
    said = _A + "Hoàng Văn Nam: Anh ơi, để em rà lại hồ sơ đất đai còn tồn, mai em báo cáo anh bằng văn bản."
    assert tasks_said(said, ward) == [("Hoàng Văn Nam", "2026-12-01")]


# --- rule R7 (session 26): a short date naming another person does not move the last task's date ---

def test_a_short_date_for_another_moves_nothing(ward) -> None:
    said = _A + "Nguyễn Văn An: Về lịch: anh Hùng xong trước thứ Năm; chị Lan trước thứ Sáu."
    assert ("Trần Văn Hùng", "2026-12-03") in tasks_said(said, ward)


def test_a_short_date_still_sets_the_task_just_given(ward) -> None:
    said = _A + "Nguyễn Văn An: Anh Hùng làm báo cáo. Trước thứ Năm anh Hùng nhé."
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-03")]


# --- SESSION26_REPORT_LATER (off by rule R1, deleted in session 27): where its form must not fire ---

@pytest.mark.parametrize("said", ["Nguyễn Văn An: Anh Hùng báo cáo đi.",
                                  "Nguyễn Văn An: Hôm nay anh Hùng báo cáo trước nhé."])
def test_the_floor_given_now(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


# --- SESSION26_RUN_FRONTED (off by rule R1, deleted in session 27): where its form must not fire ---

def test_a_run_whose_first_doer_has_no_date_before(ward) -> None:
    said = _A + "Nguyễn Văn An: anh hùng gửi báo cáo thứ sáu chị lan tổng hợp gửi quận nhé"
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04"), ("Lê Thị Lan", None)]


# --- SESSION26_GOES_INSTEAD (off by rule R1, deleted in session 27): where its form must not fire ---

def test_at_a_meeting_is_still_where_someone_is(ward) -> None:
    assert tasks_said(_A + "Nguyễn Văn An: Anh Nam đi họp ở quận rồi.", ward) == []
