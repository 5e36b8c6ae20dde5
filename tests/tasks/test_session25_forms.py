"""Session 25's forms (docs/meetings.md, "Session 25"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. The settings off by session 25's R1 (RIGHT_TAG, TOPIC_HEAD,
CHAIR_ASKS, PRONOUN_HAVE_DO, SAID_AGAIN, DONE_WHEN) were retired in session 26 (rule R8): their tests of where a form
must not fire stay here as plain behaviour. The settings on (HESITATION, NO_PAST, BUT_NO) became plain behaviour in
session 27 (rule R8): their tests here have no setting."""

from __future__ import annotations

import pytest

from appliance.tasks import deadlines, runon
from appliance.tasks.extract import extract_tasks
from tests.tasks.transcripts import MONDAY, tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- "không đúng", "đúng không sai" in a run: no cut (session 25's RIGHT_TAG, retired in session 26) ---

@pytest.mark.parametrize("said", [
    # "không đúng" and "đúng không sai" go on with the same thought: no cut there
    "hồ sơ này nộp không đúng không phải lỗi của một cửa mà bà con khai sai mẫu tờ khai nên anh nam hướng dẫn lại "
    "cho bà con ngay trong tuần này",
    "cái sổ này ghi đúng không sai chỗ nào cả anh nam chỉ cần ký xác nhận rồi gửi lên quận trong tuần này là được",
])
def test_no_cut_where_the_thought_goes_on(said: str) -> None:
    assert "đúng không?" not in runon.punctuate(said)


# --- "thì là...", "à...", "..." between the doer and the verb of work are fillers (session 25's HESITATION; plain
# since session 27) ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: tổ 6 thì là... nộp danh sách hộ nghèo về văn phòng trước thứ Năm nhé.",
     [("Tổ dân phố số 6", "2026-12-03", "Nộp danh sách hộ nghèo về văn phòng")]),
    ("Nguyễn Văn An: Anh Nam à... gửi biên bản đo đạc về văn phòng trong tuần này.",
     [("Hoàng Văn Nam", "2026-12-04", "Gửi biên bản đo đạc về văn phòng")]),
    ("Nguyễn Văn An: Chị Hương... ờ... lập danh sách quà Tết trước 15/12.",
     [("Bùi Thanh Hương", "2026-12-15", "Lập danh sách quà Tết")]),
])
def test_a_hesitation_before_the_work(ward, said: str, due: list) -> None:
    assert _with_content(_A + said, ward) == due


@pytest.mark.parametrize("said", [
    # no verb of work after the hesitation: no doer
    "Nguyễn Văn An: tổ 6 thì là... năm nay tốt hơn năm ngoái.",
    # a deferral after it
    "Nguyễn Văn An: Chị Lan à... thôi, để sau tính.",
    # a question after it
    "Nguyễn Văn An: Chị Lan à... gửi rồi à?",
])
def test_a_hesitation_then_no_work(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


def _with_content(said: str, ward) -> list:
    roster, calendar = ward
    return [(t.assignee, t.deadline, t.content) for t in extract_tasks(said, MONDAY, calendar, roster=roster)]


# --- a day before the meeting, "hôm thứ Bảy", "thứ Hai tuần trước" are no deadline (session 25's NO_PAST; plain
# since session 27) ---

def _due(said: str) -> str | None:
    found = deadlines.find_deadline(said, MONDAY)
    return found[0].isoformat() if found else None


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan trả lời công văn ngày 20/11 của quận.", None),
    ("Anh Minh xác minh vụ việc xảy ra đêm 28/11, báo cáo anh.", None),
    ("Anh Minh báo cáo vụ cháy hôm thứ Bảy bằng văn bản.", None),
    ("Anh Minh làm rõ vụ va chạm thứ Hai tuần trước.", None),
])
def test_a_day_gone_is_no_deadline(said: str, due: str | None) -> None:
    assert _due(said) == due


@pytest.mark.parametrize(("said", "due"), [
    ("Anh Hùng cử xe chở rác hôm chủ nhật mùng 6 cho tổ bảy.", "2026-12-06"),   # "hôm" before a day to come
    ("Anh Minh trình anh thứ Bảy này.", "2026-12-05"),
    ("Chị Lan gửi anh trong hôm nay.", "2026-11-30"),                              # the meeting's own day
    ("Chị Lan gửi anh trước ngày 5/1.", "2027-01-05"),                             # January said in November
    ("Anh Minh xác minh vụ việc xảy ra đêm 28/11, báo cáo anh thứ Năm.", "2026-12-03"),  # the day to come wins
])
def test_days_to_come_stay_deadlines(said: str, due: str) -> None:
    assert _due(said) == due


# --- a condition or reason before the date opening a member's clause (session 25's TOPIC_HEAD, retired in
# session 26) ---

_ASKED = _A + "Nguyễn Văn An: Còn danh sách hộ nghèo của phòng văn hóa thì sao?\n"


@pytest.mark.parametrize("said", [
    # a condition before the date: read as before (no task)
    "Bùi Thanh Hương: Dạ nếu có số liệu thì thứ Năm em nộp ạ.",
    # a reason
    "Bùi Thanh Hương: Dạ vì quận đổi mẫu thì thứ Năm em nộp ạ.",
])
def test_a_condition_or_reason_before_the_date(ward, said: str) -> None:
    assert tasks_said(_ASKED + said, ward) == []


# --- a member's own "… được không?" and a question without work (session 25's CHAIR_ASKS, retired in session 26) ---

_LEFT = _A + "Nguyễn Thị Lan: Dạ sổ khai tử còn ba quyển chưa nhập ạ.\n"


@pytest.mark.parametrize(("said", "due"), [
    # a member asking for another date: the chair's agreement moves it, as before
    ("Nguyễn Văn An: Chị Lan gửi báo cáo thứ Tư nhé.\nLê Thị Lan: Dạ em gửi thứ Sáu được không anh?\n"
     "Nguyễn Văn An: Ừ được.", [("Lê Thị Lan", "2026-12-04")]),
    # a question with no work in it
    ("Nguyễn Văn An: Em có làm kịp được không?", []),
])
def test_a_members_own_ask_or_no_work(ward, said: str, due: list) -> None:
    assert tasks_said(_LEFT + said, ward) == due


# --- "anh cho em hỏi" is no work (session 25's PRONOUN_HAVE_DO, retired in session 26) ---

_ASKED_MINH = _A + ("Nguyễn Văn An: Anh Minh, tình hình trật tự thế nào?\n"
                    "Trịnh Văn Minh: Dạ ổn định ạ, có hai vụ trộm xe máy.\n")


def test_cho_and_a_person_after_a_pronoun_is_no_work(ward) -> None:
    assert tasks_said(_ASKED_MINH + "Nguyễn Văn An: Anh cho em hỏi lịch trực tuần sau.", ward) == []


# --- rule R7 (session 25): a day of the month the meeting's month lacks is the coming one ("trước ngày 31" in
# November is 31 December), not no date ---

@pytest.mark.parametrize(("said", "due"), [
    ("Anh Sơn bố trí dân quân trực đêm 31 nhé.", "2026-12-31"),
    ("Chị Lan nộp trước ngày 31.", "2026-12-31"),
    ("Chị Lan nộp trước ngày 30.", "2026-11-30"),   # a day the month has: as before
])
def test_a_day_the_month_lacks(said: str, due: str) -> None:
    assert _due(said) == due


# --- rule R7 (session 25): "thứ Sáu tuần sau nữa" is the week after next; "từ nay đến thứ Sáu" is by Friday ---

@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan nộp trước thứ Sáu tuần sau nữa.", "2026-12-18"),
    ("Chị Lan nộp trước thứ Sáu tuần sau.", "2026-12-11"),          # next week's: as before
    ("Chị Lan rà soát từ nay đến thứ Sáu.", "2026-12-04"),
    ("Anh Sơn trực từ 24/12 đến 2/1.", None),                        # a period: its end is no deadline, as before
])
def test_the_week_after_next_and_from_now_until(said: str, due: str | None) -> None:
    assert _due(said) == due


# --- "(nhưng) mà thôi" after a clause withdraws it, as "à thôi" does (session 25's BUT_NO, plain since session 27) ---

def test_but_never_mind_withdraws(ward) -> None:
    said = _A + "Nguyễn Văn An: Chị Hương lập kế hoạch văn nghệ trước thứ Sáu, mà thôi, để Tuấn làm."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", None)]   # the task goes to Tuấn, as after "à thôi"


@pytest.mark.parametrize(("said", "due"), [
    # "mà thôi" closing the sentence: "only"
    ("Nguyễn Văn An: Chị Hương gửi một bản trước thứ Sáu mà thôi.", [("Bùi Thanh Hương", "2026-12-04")]),
    # "mà thôi việc": no withdrawal
    ("Nguyễn Văn An: Chị Hương gửi danh sách trước thứ Sáu, mà thôi việc đó cũng gấp.", [("Bùi Thanh Hương",
                                                                                         "2026-12-04")]),
])
def test_mà_thôi_that_withdraws_nothing(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- the chair naming a person again with new words is new work (session 25's SAID_AGAIN, retired in session 26) ---

_GIVEN = _A + ("Nguyễn Văn An: Chị Hương làm báo cáo quý, gửi anh trước thứ Sáu.\nBùi Thanh Hương: Dạ.\n"
               "Nguyễn Văn An: Anh Nam đo lại thửa đất nhà bà Tâm trong tuần này.\nHoàng Văn Nam: Vâng.\n")


def test_new_words_are_new_work(ward) -> None:
    said = _GIVEN + "Nguyễn Văn An: Chị Hương báo cáo Mặt trận kết quả nhé."
    assert ("Bùi Thanh Hương", None) in tasks_said(said, ward)


# --- a task answered as done without a day or with work left (session 25's DONE_WHEN, retired in session 26) ---

_ASKED_TUAN = _A + "Nguyễn Văn An: tuấn gửi anh bảng tổng hợp chi trả tháng mười một chiều nay nhé\n"


@pytest.mark.parametrize("said", [
    # no day said: left to the sentence model, as before
    "Lê Minh Tuấn: em gửi anh rồi ạ",
    # work left
    "Lê Minh Tuấn: em gửi anh bản nháp hôm qua rồi, em chỉ bổ sung thêm số liệu tháng mười một",
])
def test_done_without_a_day_or_with_work_left(ward, said: str) -> None:
    assert tasks_said(_ASKED_TUAN + said, ward) == [("Lê Minh Tuấn", "2026-11-30")]
