"""Session 20's forms (docs/meetings.md, "Session 20"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. The five settings off by session 20's rule R1 (PAIR_LEAD, WISH,
RESIDENTS_OF, NEXT_MEETING, SAME_DATED) were deleted with their tests in session 21 (rule R8); the three it kept on
(INSTEAD_WIDER, IF_AFTER, LETTER_TO) are plain behaviour since session 22 (rule R8): their tests read them as such."""

from __future__ import annotations

import pytest

from tests.tasks.transcripts import tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- merge._INSTEAD_WIDE (session 20's INSTEAD_WIDER): a job moved to another after an excuse, in more words ---

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
def test_a_job_moved_to_another_after_an_excuse_is_theirs(ward, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


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
def test_another_job_or_no_excuse_leaves_the_doers_task(ward, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


# --- clause_tasks.condition_closes (session 20's IF_AFTER): a job closed by its condition ("… nếu có kinh phí") ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Chị Hà mua thêm bình cứu hỏa trước Tết nếu có kinh phí.",
    # recogniser text, the condition cut into a sentence of its own
    "Nguyễn Văn An: chị hương bố trí thêm một bàn tiếp dân ở hội trường ờ kê sát cửa sổ nếu mà còn chỗ",
    # the sentence model does not add it back
    "Nguyễn Văn An: Anh Hùng rà soát lại hồ sơ trước thứ Năm. Chị Lan gửi danh sách trước thứ Sáu nếu kịp.",
])
def test_a_job_closed_by_its_condition_is_no_task(ward, said: str) -> None:
    said = _A + said
    found = tasks_said(said, ward)
    assert not {a for a, _d in found} & {"Phạm Thu Hà", "Bùi Thanh Hương", "Lê Thị Lan"}


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
def test_a_condition_within_or_after_the_task_leaves_it(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.LETTER_TO (session 20's LETTER_TO): whom a letter asks is no doer; the date is the sender's ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Anh Nam gửi công văn đề nghị phòng Kinh tế cử người đo đạc lại thửa đất, trong tuần này nhé.",
     [("Hoàng Văn Nam", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Lan soạn văn bản yêu cầu Trung tâm Phục vụ hành chính công báo cáo hồ sơ trễ hạn, trước thứ "
     "Năm.", [("Lê Thị Lan", "2026-12-03")]),
])
def test_whom_a_letter_asks_is_no_doer(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    # asked in the meeting, not in a letter
    ("Nguyễn Văn An: Đề nghị phòng Kinh tế rà soát các hộ kinh doanh trước thứ Sáu.",
     [("Phòng Kinh tế, Hạ tầng và Đô thị", "2026-12-04")]),
    # a notice sent, then another doer
    ("Nguyễn Văn An: Chị Lan soạn thông báo gửi các tổ, công an phường kiểm tra các nhà trọ trước thứ Năm.",
     [("Lê Thị Lan", None), ("Công an phường", "2026-12-03")]),
])
def test_a_unit_asked_in_the_meeting_is_a_doer(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
