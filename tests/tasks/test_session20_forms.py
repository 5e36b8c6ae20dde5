"""Session 20's forms (docs/meetings.md, "Session 20"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_tasks, doers, merge, proposals
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import memory_ward, tasks_said

_FLAGGED = (clause_tasks, doers, merge, proposals)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION20_")
    return monkeypatch


# --- merge.SESSION20_INSTEAD_WIDER: a job moved to another after an excuse, in more words ---

_TUAN = ("Nguyễn Văn An: Bắt đầu.\n"
         "Nguyễn Văn An: Tuấn tổng hợp báo cáo thi đua khen thưởng cả năm, hạn thứ Năm.\n")


@pytest.mark.parametrize(("said", "due"), [
    # the doer's excuse, the chair agreeing in more words before "thế thì"
    ("Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Anh Nam soạn công văn trả lời đơn của bà Tâm trước thứ Sáu.\n"
     "Hoàng Văn Nam: Anh ơi, phần này bên tư pháp nắm rõ hơn em ạ.\n"
     "Nguyễn Văn An: Ừ đúng rồi, thế thì chị Lan soạn công văn trả lời đơn bà Tâm, không phải Nam nữa.",
     [("Lê Thị Lan", "2026-12-04")]),
    # someone else says why the doer cannot; the chair points back to the job ("báo cáo đó"), its date kept
    (_TUAN + "Trần Văn Hùng: Anh ơi Tuấn đi học đến hết tuần, để Huy làm thay.\n"
             "Nguyễn Văn An: Vâng, thế Huy làm báo cáo đó nhé.",
     [("Đỗ Quang Huy", "2026-12-03")]),
])
def test_a_job_moved_to_another_after_an_excuse_is_theirs(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
    on.setattr(merge, "SESSION20_INSTEAD_WIDER", False)
    assert len(tasks_said(said, ward)) == 2


@pytest.mark.parametrize(("said", "due"), [
    # another job, not pointed back to: two tasks
    (_TUAN + "Trần Văn Hùng: Anh ơi Tuấn đang làm báo cáo rồi ạ.\n"
             "Nguyễn Văn An: Thế Huy lập danh sách hộ nghèo trước thứ Sáu.",
     [("Lê Minh Tuấn", "2026-12-03"), ("Đỗ Quang Huy", "2026-12-04")]),
    # the one before did not speak of the doer: "số liệu đó" is theirs, the doer's task stays
    (_TUAN + "Trần Văn Hùng: Dạ bên em cũng có số liệu ạ.\n"
             "Nguyễn Văn An: Vâng, thế anh Hùng gửi số liệu đó cho Tuấn trước thứ Tư nhé.",
     [("Lê Minh Tuấn", "2026-12-03"), ("Trần Văn Hùng", "2026-12-02")]),
])
def test_another_job_or_no_excuse_leaves_the_doers_task(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


# --- proposals.SESSION20_NEXT_MEETING: "trước cuộc họp lần sau" is the day the meeting names for its next one ---

_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.mark.parametrize(("said", "due"), [
    # the next meeting's day said after the task, in another turn
    (_A + "Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 12, báo cáo trước buổi họp tới.\nTrần Văn Hùng: Dạ.\n"
          "Nguyễn Văn An: Buổi họp tới tổ chức sáng thứ Hai ngày 7/12.", [("Trần Văn Hùng", "2026-12-07")]),
    # … said before it
    (_A + "Nguyễn Văn An: Cuộc họp lần sau vào thứ Năm tuần sau nhé.\nTrần Văn Hùng: Dạ.\n"
          "Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo, gửi anh trước cuộc họp lần sau.",
     [("Bùi Thanh Hương", "2026-12-10")]),
    # recogniser text, the day in words
    (_A + "Nguyễn Văn An: anh hùng kiểm tra công trình ngõ mười hai báo cáo trước cuộc họp lần sau nhé\n"
          "Trần Văn Hùng: dạ\nNguyễn Văn An: họp lần sau là ngày mười tháng mười hai",
     [("Trần Văn Hùng", "2026-12-10")]),
])
def test_before_the_next_meeting_is_its_day(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
    on.setattr(proposals, "SESSION20_NEXT_MEETING", False)
    assert tasks_said(said, ward) == [(due[0][0], None)]


@pytest.mark.parametrize(("said", "due"), [
    # nobody says when the next meeting is: no date
    (_A + "Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo, gửi anh trước cuộc họp lần sau.",
     [("Bùi Thanh Hương", None)]),
    # a council's session is another event
    (_A + "Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo trước kỳ họp tới.\n"
          "Nguyễn Văn An: Kỳ họp tới của HĐND vào ngày 15/12.", [("Bùi Thanh Hương", None)]),
    # a task with its own date keeps it
    (_A + "Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo trước thứ Sáu.\n"
          "Nguyễn Văn An: Họp lần sau vào thứ Năm tuần sau.", [("Bùi Thanh Hương", "2026-12-04")]),
])
def test_no_next_meeting_day_or_another_event_gives_none(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


# --- clause_tasks.SESSION20_IF_AFTER: a job closed by its condition ("… nếu có kinh phí") is no task ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Chị Hà mua thêm bình cứu hỏa trước Tết nếu có kinh phí.",
    # recogniser text, the condition cut into a sentence of its own
    "Nguyễn Văn An: chị hương bố trí thêm một bàn tiếp dân ở hội trường ờ kê sát cửa sổ nếu mà còn chỗ",
    # the sentence model does not add it back
    "Nguyễn Văn An: Anh Hùng rà soát lại hồ sơ trước thứ Năm. Chị Lan gửi danh sách trước thứ Sáu nếu kịp.",
])
def test_a_job_closed_by_its_condition_is_no_task(ward, on, said: str) -> None:
    said = _A + said
    found = tasks_said(said, ward)
    assert not {a for a, _d in found} & {"Phạm Thu Hà", "Bùi Thanh Hương", "Lê Thị Lan"}
    on.setattr(clause_tasks, "SESSION20_IF_AFTER", False)
    assert {a for a, _d in tasks_said(said, ward)} & {"Phạm Thu Hà", "Bùi Thanh Hương", "Lê Thị Lan"}


@pytest.mark.parametrize(("said", "due"), [
    # a step within the task, with its "thì"
    ("Nguyễn Văn An: Anh Hùng kiểm tra các quán trên phố Tam Trinh trước thứ Sáu, nếu còn vi phạm thì lập biên bản.",
     [("Trần Văn Hùng", "2026-12-04")]),
    # a step of the task said without "thì"
    ("Nguyễn Văn An: Anh Hùng kiểm tra các quán trước thứ Sáu, nếu có vi phạm lập biên bản luôn.",
     [("Trần Văn Hùng", "2026-12-04")]),
    # "nếu không": otherwise
    ("Nguyễn Văn An: Chị Lan gửi danh sách trước thứ Sáu, nếu không quận sẽ nhắc.", [("Lê Thị Lan", "2026-12-04")]),
    # a condition in the next sentence, with its "thì", is another step
    ("Nguyễn Văn An: Anh Hùng rà soát lại hồ sơ trước thứ Năm. Nếu thấy sai sót thì báo anh ngay.",
     [("Trần Văn Hùng", "2026-12-03")]),
    # recogniser text: "nếu kinh phí còn thì …" (cut before "còn") is the next job's condition
    ("Nguyễn Văn An: chị hương liên hệ trung tâm bảo trợ xã hội thứ năm này nhé nếu kinh phí còn thì mua thêm chăn "
     "cho các cụ", [("Bùi Thanh Hương", "2026-12-03")]),
])
def test_a_condition_within_or_after_the_task_leaves_it(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION20_WISH: a doer right after a wish is wished well, not given work ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Tôi mong anh Hùng sớm hoàn thành công trình trước Tết.",
    "Nguyễn Văn An: Hy vọng chị Lan hoàn thành báo cáo trước Tết.",
    "Nguyễn Văn An: Chúc anh Hùng hoàn thành tốt nhiệm vụ.",
])
def test_a_wish_is_no_task(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION20_WISH", False)
    assert len(tasks_said(_A + said, ward)) == 1


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Mai in thiệp chúc mừng năm mới gửi các đơn vị trước thứ Sáu.", [("Vũ Thị Mai", "2026-12-04")]),
    ("Nguyễn Văn An: Chúc mừng năm mới, chị Lan gửi thiệp cho các đơn vị trước thứ Sáu.",
     [("Lê Thị Lan", "2026-12-04")]),
])
def test_greetings_as_the_work_or_before_it_leave_the_task(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION20_RESIDENTS_OF: "bà con tổ bảy …" asks the residents, not the tổ ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Bà con tổ bảy nhớ đóng quỹ trước 20/12 nhé.",
    "Nguyễn Văn An: Đề nghị bà con tổ bốn dọn vệ sinh trước cửa nhà trước Tết.",
])
def test_the_residents_of_a_group_are_no_task_of_the_group(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION20_RESIDENTS_OF", False)
    assert len(tasks_said(_A + said, ward)) == 1


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Tổ bảy nhắc bà con đóng quỹ trước 20/12 nhé.", [("Tổ dân phố số 7", "2026-12-20")]),
    ("Nguyễn Văn An: Bác tổ trưởng tổ năm vận động các hộ dọn đồ trước thứ Tư nhé.",
     [("Tổ dân phố số 5", "2026-12-02")]),
])
def test_the_group_asked_to_tell_its_residents_is_given_work(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- merge.SESSION20_SAME_DATED: "cùng hạn" shares the date of the last task given one ---

@pytest.mark.parametrize(("said", "due"), [
    # an offer for the tổ, "cùng hạn" said after a pronoun
    ("Nguyễn Văn An: Tổ năm vận động các hộ trọ trang bị bình cứu hỏa, xong trước thứ Sáu.\nNgười nói 1: Dạ.\n"
     "Người nói 2: Tổ sáu cũng làm như tổ năm ạ, em gửi cùng hạn.",
     [("Tổ dân phố số 5", "2026-12-04"), ("Tổ dân phố số 6", "2026-12-04")]),
    # an undated task in between has no date to share
    ("Nguyễn Văn An: Chị Lan gửi báo cáo quý trước thứ Năm.\n"
     "Nguyễn Văn An: Anh Hùng tiếp tục theo dõi công trình ngõ 12.\n"
     "Nguyễn Văn An: Chị Hà gửi số liệu một cửa cùng hạn nhé.",
     [("Lê Thị Lan", "2026-12-03"), ("Trần Văn Hùng", None), ("Phạm Thu Hà", "2026-12-03")]),
])
def test_the_same_deadline_is_the_last_one_given(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
    on.setattr(merge, "SESSION20_SAME_DATED", False)
    assert tasks_said(_A + said, ward) != due


def test_the_same_deadline_with_no_dated_task_is_none(ward, on) -> None:
    said = ("Nguyễn Văn An: Anh Hùng tiếp tục theo dõi công trình ngõ 12.\n"
            "Nguyễn Văn An: Chị Hà gửi số liệu một cửa cùng hạn nhé.")
    assert tasks_said(_A + said, ward) == [("Trần Văn Hùng", None), ("Phạm Thu Hà", None)]


# --- clause_tasks.SESSION20_LETTER_TO: whom a letter asks is no doer; the date is the sender's ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Anh Nam gửi công văn đề nghị phòng Kinh tế cử người đo đạc lại thửa đất, trong tuần này nhé.",
     [("Hoàng Văn Nam", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Lan soạn văn bản yêu cầu Trung tâm Phục vụ hành chính công báo cáo hồ sơ trễ hạn, trước thứ "
     "Năm.", [("Lê Thị Lan", "2026-12-03")]),
])
def test_whom_a_letter_asks_is_no_doer(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
    on.setattr(clause_tasks, "SESSION20_LETTER_TO", False)
    assert len(tasks_said(_A + said, ward)) == 2


@pytest.mark.parametrize(("said", "due"), [
    # asked in the meeting, not in a letter
    ("Nguyễn Văn An: Đề nghị phòng Kinh tế rà soát các hộ kinh doanh trước thứ Sáu.",
     [("Phòng Kinh tế, Hạ tầng và Đô thị", "2026-12-04")]),
    # a notice sent, then another doer
    ("Nguyễn Văn An: Chị Lan soạn thông báo gửi các tổ, công an phường kiểm tra các nhà trọ trước thứ Năm.",
     [("Lê Thị Lan", None), ("Công an phường", "2026-12-03")]),
])
def test_a_unit_asked_in_the_meeting_is_a_doer(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- doers.SESSION20_PAIR_LEAD: "Anh Hùng với chị Hà kiểm tra …": the first leads ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Anh Hùng với chị Hà kiểm tra các cơ sở ăn uống trước 15/12, anh Hùng làm đầu mối.",
    "Nguyễn Văn An: anh hùng với chị hà kiểm tra các cơ sở ăn uống trước mười lăm tháng mười hai anh hùng làm đầu mối",
])
def test_the_first_of_a_pair_leads_the_job(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Trần Văn Hùng", "2026-12-15")]
    on.setattr(doers, "SESSION20_PAIR_LEAD", False)
    assert tasks_said(_A + said, ward) == [("Trần Văn Hùng", None)]


@pytest.mark.parametrize(("said", "due"), [
    # whom the work is done with or sent to
    ("Nguyễn Văn An: Chị Lan làm việc với anh Hùng trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Lan gửi báo cáo cho anh Hùng với chị Hà trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
])
def test_a_partner_after_the_verb_is_no_doer(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
