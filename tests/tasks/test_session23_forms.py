"""Session 23's forms (docs/meetings.md, "Session 23"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. REFUSED and FLOOR_TOPIC, off by session 23's rule R1, were deleted
with their tests in session 24 (rule R8); the nine settings on were made plain behaviour in session 25 (rule R8), their
tests kept without a setting."""

from __future__ import annotations

import pytest

from appliance.tasks import runon
from tests.tasks.transcripts import tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- merge (session 23, STAND_IN): "X đi thay / làm thay" takes the job in the doer's place ---

_AWAY = _A + ("Nguyễn Văn An: Chị Hương xuống tổ 5 thăm gia đình bà Hoa, mang quà của phường, trong tuần này nhé.\n"
              "Lê Thị Lan: Dạ anh, chị Hương đang đi tập huấn ở quận đến thứ Sáu ạ.\n")


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: À thế thì để Tuấn đi thay, vẫn trong tuần này.",
    "Nguyễn Văn An: Thế thì Tuấn làm thay nhé.",
])
def test_one_who_stands_in_takes_the_job(ward, said: str) -> None:
    assert tasks_said(_AWAY + said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


def test_another_job_leaves_the_doers(ward) -> None:
    said = _AWAY + "Nguyễn Văn An: Thế thì Tuấn làm báo cáo quỹ khuyến học trước thứ Năm nhé."
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04"), ("Lê Minh Tuấn", "2026-12-03")]


# --- cues (session 23, MATTER_OPENER): "cuối cùng, chị Hương, …" calls Hương; her later "chị" is her ---

_TOOK = _A + "Lê Minh Tuấn: Dạ, em nhận ạ.\n"


def test_a_call_after_the_next_matters_word(ward) -> None:
    said = _TOOK + ("Nguyễn Văn An: Rồi cuối cùng, chị Hương, kế hoạch thăm hộ nghèo chị chủ trì, chị trình anh trước "
                    "thứ Sáu.")
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


@pytest.mark.parametrize(("said", "due"), [
    # no name after the matter's word: "em" is still the one who spoke before
    ("Nguyễn Văn An: Cuối cùng, em gửi anh danh sách trước thứ Sáu nhé.", [("Lê Minh Tuấn", "2026-12-04")]),
    # a name that opens its own clause, as before
    ("Nguyễn Văn An: Tiếp theo, anh Hùng, đèn ngõ 12 hỏng, anh cho thay trong tuần này.",
     [("Trần Văn Hùng", "2026-12-04")]),
])
def test_the_matters_word_alone_changes_nothing(ward, said: str, due: list) -> None:
    assert tasks_said(_TOOK + said, ward) == due


# --- clauses (session 23, SO_THEN_DATE): "thế thì" and a date alone, after the doer's objection ---

_OBJECTED = _A + ("Nguyễn Văn An: Chị Hương lập kế hoạch thăm hộ nghèo, trình anh trong 5 ngày làm việc.\n"
                  "Bùi Thanh Hương: Dạ, nhưng quận cần trước thứ Năm ạ.\n")


def test_so_then_and_a_date_moves_the_deadline(ward) -> None:
    said = _OBJECTED + "Nguyễn Văn An: Thế à, thế thì thứ Tư luôn nhé."
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-02")]


@pytest.mark.parametrize(("said", "due"), [
    # another doer: a task of theirs, the first date stays
    ("Nguyễn Văn An: Vậy thì thứ Tư anh Hùng gửi quận nhé.",
     [("Bùi Thanh Hương", "2026-12-07"), ("Trần Văn Hùng", "2026-12-02")]),
    # more than a date: a meeting planned, not the deadline
    ("Nguyễn Văn An: Thế thì thứ Tư họp lại bàn tiếp.", [("Bùi Thanh Hương", "2026-12-07")]),
])
def test_so_then_with_more_than_a_date(ward, said: str, due: list) -> None:
    assert tasks_said(_OBJECTED + said, ward) == due


# --- merge (session 23, STARTS_ONLY): a task given with its start and no end takes no date from a run-on recap ---

_STARTED = _A + ("Nguyễn Văn An: Chị Hương chủ trì tuyên truyền bầu cử trên loa phường, bắt đầu từ thứ Hai tuần sau, "
                 "làm liên tục cả tháng.\nBùi Thanh Hương: Dạ.\nNguyễn Văn An: Tuấn in tờ rơi, mai gửi anh.\n"
                 "Lê Minh Tuấn: Dạ.\n")


@pytest.mark.parametrize("recap", [
    "Nguyễn Văn An: thôi tóm lại hương tuyên truyền từ thứ hai bà con các tổ dọn vệ sinh trước ngày mười "
    "tuấn tờ rơi mai",
    "Nguyễn Văn An: thôi tóm lại tuấn tờ rơi mai hương tuyên truyền từ thứ hai còn loa hỏng thì sửa trước ngày mười",
])
def test_a_started_task_takes_no_date_from_a_run_on_recap(ward, recap: str) -> None:
    assert tasks_said(_STARTED + recap, ward) == [("Bùi Thanh Hương", None), ("Lê Minh Tuấn", "2026-12-01")]


@pytest.mark.parametrize("recap", [
    # the end said for the same item
    "Nguyễn Văn An: thôi tóm lại tuấn tờ rơi mai hương tuyên truyền loa phường từ thứ hai xong trước ngày hai mươi",
    # an item said on its own
    "Nguyễn Văn An: Tóm lại: Tuấn tờ rơi mai; chị Hương tuyên truyền từ thứ Hai, xong trước 20/12.",
])
def test_a_started_task_takes_its_own_end(ward, recap: str) -> None:
    assert tasks_said(_STARTED + recap, ward) == [("Bùi Thanh Hương", "2026-12-20"), ("Lê Minh Tuấn", "2026-12-01")]


# --- runon (session 23, INCLUDED): someone after "có cả / mời cả" takes part; no cut, no doer there ---

_RUN = ("thế thì tuấn mời hai gia đình lên phường hòa giải có cả tổ trưởng tổ tám làm trong tuần này cho anh còn "
        "đơn thứ hai thì để sau")


def test_a_run_is_not_cut_before_one_included(ward) -> None:
    said = _A + "Nguyễn Văn An: " + _RUN
    assert runon.punctuate(_RUN).startswith("thế thì tuấn mời hai gia đình lên phường hòa giải có cả tổ trưởng tổ tám")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


def test_one_invited_as_well_is_no_doer(ward) -> None:
    said = _A + "Nguyễn Văn An: Chị Hương tổ chức buổi nói chuyện, mời cả anh Minh, xong trước thứ Sáu."
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_and_also_still_opens_a_clause(ward) -> None:
    said = _A + "Nguyễn Văn An: Chị Hương chuẩn bị quà, với cả anh Minh bố trí xe trước thứ Sáu."
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", None), ("Trịnh Văn Minh", "2026-12-04")]


# --- merge (session 23, AGREE_FIRST): "Ừ." as a sentence of its own, then the order restating what was offered ---

_OFFERED = _A + "Lê Thị Lan: Dạ, lịch trực Tết em làm xong bản nháp, thứ Tư này em trình anh ạ.\n"


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Ừ. Lịch trực chị Lan làm cho xong, đúng hạn nhé.",
    "Nguyễn Văn An: Được. Chị Lan hoàn thiện lịch trực, gửi các phòng nhé.",
])
def test_a_bare_agreement_then_the_order_is_the_offer(ward, said: str) -> None:
    assert tasks_said(_OFFERED + said, ward) == [("Lê Thị Lan", "2026-12-02")]


@pytest.mark.parametrize("said", [
    # a new matter
    "Nguyễn Văn An: Ừ. Còn việc khác, chị Lan soạn báo cáo tháng trước thứ Sáu.",
    # another date: another job
    "Nguyễn Văn An: Ừ. Chị Lan soạn báo cáo tháng trước thứ Sáu.",
])
def test_a_bare_agreement_then_another_job(ward, said: str) -> None:
    assert tasks_said(_OFFERED + said, ward) == [("Lê Thị Lan", "2026-12-02"), ("Lê Thị Lan", "2026-12-04")]


# --- clauses (session 23, IF_LATER): "nếu … thì X mới <work>": X's task of the last turns waits on the condition ---

_CAR = _A + ("Nguyễn Văn An: Chị Hương đặt xe cho đoàn đi thăm các gia đình chính sách, trước thứ Sáu.\n"
             "Bùi Thanh Hương: Dạ, anh ơi năm nay quận có cho mượn xe không ạ?\nTrần Văn Hùng: Quận chưa trả lời ạ.\n")


def test_a_task_made_conditional_afterwards_is_withdrawn(ward) -> None:
    said = _CAR + "Nguyễn Văn An: Vậy thế này, nếu quận không cho mượn thì chị Hương mới đặt xe."
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize("said", [
    # another person named
    "Nguyễn Văn An: Vậy thế này, nếu quận không cho mượn thì anh Hùng mới đặt xe.",
    # a contingency without "mới"
    "Nguyễn Văn An: Nếu có hộ vắng nhà thì anh Hùng lập biên bản.",
])
def test_other_conditions_leave_the_task(ward, said: str) -> None:
    assert tasks_said(_CAR + said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


# --- dialogue (session 23, NOT_RECEIVER): a name after "đưa / gửi / trình …" and a comma is no call ---

_MARKET = _A + "Người nói 1: Tôi ở ban quản lý chợ, mái chợ dột cả tháng nay rồi.\n"


def test_one_a_paper_goes_to_is_not_the_voice_answering(ward) -> None:
    said = _MARKET + ("Nguyễn Văn An: Thế thì anh gửi lại cho phường cái tờ trình sửa mái trong tuần này, "
                      "đưa anh Hùng, bọn anh xem.\nNgười nói 1: Vâng.")
    assert tasks_said(said, ward) == [("", "2026-12-04")]


def test_a_call_still_names_the_voice_answering(ward) -> None:
    said = _MARKET + "Nguyễn Văn An: Anh Hùng, anh kiểm tra mái chợ trong tuần này nhé.\nNgười nói 1: Vâng."
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04")]


# --- clause_tasks (session 23, READ_EACH): the chair having someone read the items out one by one, now ---

def test_reading_the_items_out_now_is_no_task(ward) -> None:
    said = _A + ("Nguyễn Văn An: Hôm nay mình giải quyết các đơn thư tồn. Chị Lan đọc từng đơn, các bộ phận trả lời "
                 "luôn.\nLê Thị Lan: Dạ. Đơn thứ nhất của bà Hoa tổ 3 ạ.")
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize("said", [
    # with a date: work to do
    "Nguyễn Văn An: Chị Lan đọc từng đơn, trả lời bằng văn bản trước thứ Sáu nhé.",
    # another verb than reading out
    "Nguyễn Văn An: Chị Lan tổng hợp từng kiến nghị, các bộ phận trả lời trong tuần này.",
])
def test_work_on_each_item_stays_a_task(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Lê Thị Lan", "2026-12-04")]
