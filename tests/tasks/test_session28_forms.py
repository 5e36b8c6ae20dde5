"""Session 28's forms (docs/meetings.md, "Session 28"), each in new words written for this file (not the training
meetings' sentences): the setting left (CHAIR_SAID) switched off and on; for the twelve settings off by rule R1 and
deleted in session 29 (rule R8), where their form must not fire, as plain behaviour."""

from __future__ import annotations

import pytest

from appliance.tasks import deadlines, open_task
from appliance.tasks.extract import extract_tasks
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, tasks_said

_FLAGGED = (open_task,)  # the setting left: CHAIR_SAID
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION28_")
    return monkeypatch


def _due(said: str) -> str | None:
    found = deadlines.find_deadline(said, MONDAY)  # Monday 30/11/2026
    return found[0].isoformat() if found else None


# --- SESSION28_SPAN_WORDS (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo, thời hạn 5 ngày làm việc.", "2026-12-07"),         # working days: as before
    ("Chị Lan nộp hồ sơ trước thứ Sáu, hạn 3 ngày là hạn của quận.", "2026-12-04"),  # a deadline word wins
    ("Chị Lan gửi báo cáo trong mấy ngày tới.", None),                         # no number
])
def test_spans_that_stay(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- SESSION28_CHRISTMAS (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Hương gửi thư chúc mừng Giáng sinh các giáo xứ.", None),              # the occasion, no day
    ("Anh Minh tăng cường tuần tra dịp Noel.", None),                            # the season (`_OCCASION`)
    ("Anh Minh làm phương án đêm Giáng sinh, gửi chị trước thứ Ba tuần sau.", "2026-12-08"),  # the deadline word
])
def test_christmas_named_without_a_day(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- SESSION28_IF_WORDS (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # the case named as a topic: work given
    ("Nguyễn Văn An: Trường hợp ông Quý thì chị Hà hướng dẫn bổ sung hồ sơ trước thứ Sáu.",
     [("Phạm Thu Hà", "2026-12-04")]),
    ("Nguyễn Văn An: Trường hợp này thì anh Hùng xử lý luôn trong tuần.", [("Trần Văn Hùng", "2026-12-04")]),
    ("Nguyễn Văn An: Còn trường hợp nhà cụ Khải thì chị Hương đến thăm trước thứ Năm.",
     [("Bùi Thanh Hương", "2026-12-03")]),
    # when, not whether
    ("Nguyễn Văn An: Khi nào xong thì chị Lan gửi anh, trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
    # in case: a precaution done anyway
    ("Nguyễn Văn An: Phòng khi mất điện thì anh Sơn chuẩn bị máy phát trước thứ Năm.", [("Cao Văn Sơn", "2026-12-03")]),
])
def test_no_condition(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- open_task.SESSION28_CHAIR_SAID: the chair's later order by name is read by the sentence model too ---


def _firm(said: str, ward) -> list:
    roster, calendar = ward
    return [(t.assignee, t.deadline, t.confidence >= 0.5) for t in extract_tasks(said, MONDAY, calendar, roster=roster)]


def test_a_members_matter_given_by_the_chair(ward, on) -> None:
    said = (_A + "Phạm Thu Hà: Anh ơi, em xin trình bày về máy lấy số ở một cửa, bên bảo hành hẹn cuối tuần ạ.\n"
            "Nguyễn Văn An: Thế à.\nNguyễn Văn An: Chị Hà đôn đốc bên bảo hành sửa máy lấy số trước thứ Tư.")
    assert _firm(said, ward) == [("Phạm Thu Hà", "2026-12-02", True)]
    on.setattr(open_task, "SESSION28_CHAIR_SAID", False)
    assert _firm(said, ward) == []  # read on Hà's own words alone, the chair's order was dropped with them


def test_the_chairs_order_makes_it_firm(ward, on) -> None:
    said = (_A + "Cao Văn Sơn: Anh ơi, em xin báo cáo về lễ ra quân huấn luyện, quận muốn tổ chức vào cuối tháng ạ.\n"
            "Nguyễn Văn An: Ừ, để văn phòng xếp lịch.\n"
            "Nguyễn Văn An: Vậy anh Sơn chuẩn bị kịch bản lễ ra quân trước ngày 12/12.")
    assert _firm(said, ward) == [("Cao Văn Sơn", "2026-12-12", True)]
    on.setattr(open_task, "SESSION28_CHAIR_SAID", False)
    assert _firm(said, ward) == [("Cao Văn Sơn", "2026-12-12", False)]  # added back by the model, "cần xác nhận"


@pytest.mark.parametrize("said", [
    # the chair's agreement, "ừ …", not an order of its own: as before
    "Trần Văn Hùng: Dạ em gọi rồi anh ạ, họ hẹn thứ Sáu xuống.\n"
    "Nguyễn Văn An: Ừ, anh Hùng theo dõi việc đấy nhé, thứ Sáu báo lại anh kết quả.",
    # the member's own dated task, the chair's order another job
    "Lê Minh Tuấn: Anh ơi, em xin báo cáo về băng rôn mừng Đảng, năm nay quận yêu cầu treo trong tháng này ạ.\n"
    "Nguyễn Văn An: Ừ.\nNguyễn Văn An: Vậy Tuấn treo băng rôn trên các tuyến chính trước ngày 5/12.",
])
def test_nothing_else_moves(ward, on, said: str) -> None:
    shipped = _firm(_A + said, ward)
    on.setattr(open_task, "SESSION28_CHAIR_SAID", False)
    assert _firm(_A + said, ward) == shipped


# --- SESSION28_WH_END (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # the question is the work to find out
    ("Nguyễn Văn An: Anh Hùng kiểm tra lại xem đường ống vỡ ở đâu.", [("Trần Văn Hùng", None)]),
    ("Nguyễn Văn An: tuấn nắm xem bao nhiêu hộ chưa nộp quỹ", [("Lê Minh Tuấn", None)]),
    # when, not a question
    ("Nguyễn Văn An: chị lan soạn công văn khi nào xong thì báo anh", [("Lê Thị Lan", None)]),
    # a negation: no question
    ("Nguyễn Văn An: Chị Lan gửi bản cứng muộn một chút cũng không sao.", [("Lê Thị Lan", None)]),
    ("Nguyễn Văn An: anh nam đo lại thửa đất trước thứ sáu bên quận chưa duyệt gì đâu",
     [("Hoàng Văn Nam", "2026-12-04")]),
    # the question in the clause after the comma is not the doer's
    ("Nguyễn Văn An: Chị Hà gửi số liệu trước thứ Sáu, quận hỏi khi nào.", [("Phạm Thu Hà", "2026-12-04")]),
    # the next doer's clause asks, the first one gives
    ("Nguyễn Văn An: anh hùng gửi báo cáo trước thứ sáu còn chị lan khi nào", [("Trần Văn Hùng", "2026-12-04")]),
])
def test_a_question_word_that_asks_nothing(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION28_CALL_WORDS (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # the filler "à" before the name: as before
    ("Nguyễn Văn An: à huy kiểm tra lại phần mềm một cửa trong sáng mai nhé", [("Đỗ Quang Huy", "2026-12-01")]),
    # another pronoun after "này" may open a name: no call read
    ("Lê Thị Lan: Anh Hùng này anh An vừa nhắn đoàn quận về thứ Năm.", []),
    # a call with no work: nothing
    ("Nguyễn Văn An: Hà à, tháng này một cửa đông quá.", []),
])
def test_no_call_read(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


def test_a_then_taking_back(ward, on) -> None:
    said = _A + "Nguyễn Văn An: Tuấn làm băng rôn nhé. À thôi, Huy làm băng rôn trước thứ Năm."
    assert tasks_said(said, ward) == [("Đỗ Quang Huy", "2026-12-03")]


# --- SESSION28_PLURAL (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # a weekday's number before the pronoun: as before
    ("Lê Minh Tuấn: Dạ phần tuyên truyền để em làm, thứ Hai em gửi chị Hạnh duyệt ạ.",
     [("Lê Minh Tuấn", "2026-12-07")]),
    # one person called: as before
    ("Nguyễn Văn An: Thắng, em đo lại ranh giới thửa đất trước thứ Năm.", [("Ngô Đức Thắng", "2026-12-03")]),
])
def test_a_number_that_counts_no_group(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION28_THIS_WAY (off by rule R1, deleted in session 29): where its form must not fire ---


def test_this_way_with_no_call(ward, on) -> None:
    said = _A + "Lê Thị Lan: Thế này anh ạ, em gửi quận trước thứ Sáu."
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-04")]  # the speaker's own offer, as before


# --- SESSION28_RESIDENTS (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Tổ 8 vận động bà con khơi thông cống rãnh trước thứ Bảy nhé.",
     [("Tổ dân phố số 8", "2026-12-05")]),
    ("Nguyễn Văn An: Anh Hùng làm việc với bà con tổ 8 trước thứ Bảy.", [("Trần Văn Hùng", "2026-12-05")]),
])
def test_the_group_itself(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION28_EVALUATION (off by rule R1, deleted in session 29): where its form must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    # how urgent the work is: an order
    ("Nguyễn Văn An: Anh Sơn rà soát danh sách dân quân này rất gấp.", [("Cao Văn Sơn", None)]),
    # a date: an order
    ("Nguyễn Văn An: Anh Sơn tổ chức huấn luyện dân quân trước thứ Sáu, rất bài bản.", [("Cao Văn Sơn", "2026-12-04")]),
    # the grade after the first stop is a reason, the work is before it
    ("Nguyễn Văn An: Anh Sơn bố trí thêm dân quân trực ở chợ, người ra đó đông lắm.", [("Cao Văn Sơn", None)]),
])
def test_a_grade_with_an_order(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- SESSION28_THIS_QUARTER, _BARE_MONTH (off by rule R1, deleted in session 29): where they must not fire ---


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Hà gửi báo cáo quý này cho quận.", None),                 # the paper's quarter, no deadline
    ("Tuấn hoàn thiện hồ sơ khen thưởng trong tháng 12.", "2026-12-31"),  # the month named: as before
    ("Tuấn đã chi trả đủ trợ cấp trong tháng rồi.", None),           # gone
])
def test_quarters_and_months_that_stay(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- SESSION28_HAY_LA (off by rule R1, deleted in session 29): where its form must not fire ---


def test_an_alternative_inside_the_order(ward, on) -> None:
    said = _A + "Nguyễn Văn An: Tuấn in thêm tờ rơi trước thứ Năm, hay là in cả áp phích cũng được."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-03")]
