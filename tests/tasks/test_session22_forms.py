"""Session 22's forms (docs/meetings.md, "Session 22"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire; and session 22's plain bug fixes (rule R7). ADDRESSED, off by
session 22's rule R1, was deleted with its tests in session 23 (rule R8); the six settings on (FRONT_DATE,
PAUSE_JOINS, UNDECIDED, BARE_ACK, RIGHT_AFTER, RENAMED) became plain behaviour in session 24 (rule R8)."""

from __future__ import annotations

import pytest

from tests.tasks.transcripts import tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- a date said alone as the sentence's first clause, right before the doer ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Thứ Năm này, chị Hương rà soát danh sách hộ cận nghèo ở tổ 3.", ("Bùi Thanh Hương", "2026-12-03")),
    ("Nguyễn Văn An: Ừ, trước ngày 10/12, anh Nam đo lại ranh giới thửa đất nhà ông Bình.",
     ("Hoàng Văn Nam", "2026-12-10")),
    ("Nguyễn Văn An: Chiều mai, Văn phòng gửi giấy mời họp cho các tổ trưởng.",
     ("Văn phòng HĐND và UBND", "2026-12-01")),
])
def test_a_date_said_first_is_the_doers(ward, said: str, due: tuple) -> None:
    assert tasks_said(_A + said, ward) == [due]


@pytest.mark.parametrize(("said", "due"), [
    # a matter said before the date: not a date alone
    ("Nguyễn Văn An: Kế hoạch diễn tập, thứ Năm này, chị Hương rà soát lại.", [("Bùi Thanh Hương", None)]),
    # from when the work starts, not by when
    ("Nguyễn Văn An: Từ thứ Hai tuần sau, chị Hà bố trí một bàn hướng dẫn nộp hồ sơ trực tuyến.",
     [("Phạm Thu Hà", None)]),
    # a weekday of every week
    ("Nguyễn Văn An: Thứ Năm, anh Hùng tổng hợp số vụ vi phạm hằng tuần, gửi anh.", [("Trần Văn Hùng", None)]),
    # a reason, not a date for the work
    ("Nguyễn Văn An: Vì thứ Năm đoàn quận về, anh Hùng dọn lại vỉa hè ngõ 8.", [("Trần Văn Hùng", None)]),
])
def test_a_date_with_more_than_itself_is_not_taken(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due



# --- "..." before a word in lower case is a pause within one sentence ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết trước thứ Sáu.\nLê Thị Lan: Dạ em lấy số liệu bên thống kê ạ.\n"
     "Nguyễn Văn An: Còn buổi gặp mặt các cụ thì... hôm nào nhỉ... thôi tổ chức ngày 10/12.",
     [("Lê Thị Lan", "2026-12-04")]),
    ("Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8 trước thứ Năm.\nTrần Văn Hùng: Dạ em đi cùng anh Nam.\n"
     "Nguyễn Văn An: Còn đoàn đi thăm các cụ thì... ngày nào nhỉ... thôi đi thăm ngày 18/12.",
     [("Trần Văn Hùng", "2026-12-03")]),
])
def test_a_sentence_after_a_trailing_off_is_not_told_back(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


@pytest.mark.parametrize("said", [
    # a full stop after the acknowledgement: the date is told back, as before
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm ạ.\n"
    "Nguyễn Văn An: Ừ. Thứ Năm này gửi anh nhé.",
    # the trailing-off in the answer, not in the chair's turn
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm... em xem lại số liệu đã ạ.\n"
    "Nguyễn Văn An: Ừ. Thứ Năm này gửi anh nhé.",
    # a capital after the trailing-off: a new sentence, as before
    "Nguyễn Văn An: Chị Lan soạn báo cáo tổng kết.\nLê Thị Lan: Dạ, để em làm ạ.\n"
    "Nguyễn Văn An: Ừ... Thứ Năm này gửi anh nhé.",
])
def test_a_date_told_back_after_a_full_stop_is_kept(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Lê Thị Lan", "2026-12-03")]



# --- a member calling someone: the chair's order after a call and the member's own offer stay tasks ---

@pytest.mark.parametrize(("said", "due"), [
    # the chair's call: an order, as before
    ("Nguyễn Văn An: Hà, em đề xuất phương án phân luồng trước thứ Sáu nhé.", [("Phạm Thu Hà", "2026-12-04")]),
    # the member's own offer after the call, as before
    ("Phạm Thu Hà: Chị Hạnh, em gửi báo cáo trước thứ Sáu ạ.", [("Phạm Thu Hà", "2026-12-04")]),
])
def test_an_order_or_an_offer_after_a_call_is_kept(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- "chưa quyết / chưa chốt / chưa thống nhất": not decided yet, no task ---

def test_a_matter_not_decided_is_no_task(ward) -> None:
    said = _A + "Nguyễn Văn An: Mua thêm máy tính thì anh Bảo lo trước Tết, cái này chưa thống nhất."
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize("said", [
    # a list not closed yet: work to do
    "Nguyễn Văn An: Chị Hương chưa chốt danh sách thì chốt trước thứ Sáu nhé.",
    "Nguyễn Văn An: Chị Hương chốt danh sách trước thứ Sáu, quận chưa chốt số liệu đâu.",
])
def test_a_list_not_closed_yet_is_still_work(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Bùi Thanh Hương", "2026-12-04")]



# --- after a bare "dạ em nhận ạ" the chair's next matter is not told back to them ---

def test_the_next_matter_after_a_bare_acknowledgement_is_not_told_back(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Anh Tuấn xác minh hoàn cảnh hộ bà Lựu, trong 7 ngày nhé.\n"
            "Lê Minh Tuấn: Dạ em nhận ạ.\n"
            "Nguyễn Văn An: vệ sinh môi trường, ngày 5 tháng 12 ra quân tổng vệ sinh. Mời anh Hùng.")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-07")]


@pytest.mark.parametrize("answer", [
    # urged on after the bare acknowledgement: told back, as before
    "Trần Văn Hùng: Vâng.\nNguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.",
    # an answer with more in it: told back, as before
    "Trần Văn Hùng: Dạ em đang phối hợp với công an phường ạ.\n"
    "Nguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.",
])
def test_an_order_after_an_answer_or_urging_is_still_told_back(ward, answer: str) -> None:
    said = _A + "Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8.\n" + answer
    assert ("Trần Văn Hùng", "2026-12-02") in tasks_said(said, ward)



# --- told back only in the turn right after the one told spoke ---

def test_an_order_after_the_chairs_own_turns_is_not_told_back(ward) -> None:
    said = (_A + "Lê Thị Lan: Anh ơi, báo cáo thu ngân sách gửi quận hạn là ngày 25 ạ.\n"
            "Nguyễn Văn An: Ừ, chị Lan tổng hợp, trước ngày 10/12 gửi anh xem.\n"
            "Nguyễn Văn An: Còn hội nghị đối thoại thì giờ chưa cần.\n"
            "Nguyễn Văn An: Thông báo bà con nộp thuế đất trước 30/12.")
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-10")]


@pytest.mark.parametrize("after", [
    # right after the answer: told back, as before
    "Nguyễn Văn An: Thứ Tư này báo cáo tôi kết quả.",
    # a turn of the chair's own in between, then urged on: told back, as before
    "Nguyễn Văn An: Ừ.\nNguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.",
])
def test_an_order_right_after_or_urged_is_still_told_back(ward, after: str) -> None:
    said = (_A + "Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8.\n"
            "Trần Văn Hùng: Dạ em đang phối hợp với công an phường ạ.\n" + after)
    assert ("Trần Văn Hùng", "2026-12-02") in tasks_said(said, ward)



# --- the correction after "à thôi" says again the part of each person it names ---

def test_a_person_named_again_after_a_correction_loses_the_earlier_part(ward) -> None:
    said = (_A + "Nguyễn Văn An: Vẫn làm, nhưng phải quy hoạch lại. Anh Bảo chủ trì, anh Hùng xây dựng phương án... "
            "à thôi, anh Hùng chủ trì luôn, anh Bảo chỉ đạo, phương án chợ hoa trình anh thứ Hai tuần sau.")
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-07")]


@pytest.mark.parametrize(("said", "due"), [
    # Lan is not named again: her task stands
    ("Nguyễn Văn An: Chị Lan gửi giấy mời trước thứ Năm, anh Hùng xây dựng phương án... à thôi, anh Nam xây dựng "
     "phương án, trước thứ Sáu.", [("Lê Thị Lan", "2026-12-03"), ("Hoàng Văn Nam", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Lan gửi giấy mời trước thứ Năm, anh Hùng xây dựng phương án... à thôi, anh Hùng làm trước "
     "thứ Sáu nhé.", [("Lê Thị Lan", "2026-12-03"), ("Trần Văn Hùng", "2026-12-04")]),
])
def test_a_person_not_named_again_keeps_their_task(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- bug fix (rule R7): "mỗi tổ một buổi" is each group, not Tổ dân phố số 1 ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Anh Minh cho công an phường tổ chức tuyên truyền ở các tổ dân phố, mỗi tổ một buổi, xong trước "
    "thứ Sáu.",
    "Nguyễn Văn An: anh minh tổ chức tuyên truyền từng tổ một buổi xong trước thứ sáu",
])
def test_each_group_is_no_group(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Trịnh Văn Minh", "2026-12-04")]


def test_a_group_said_by_its_number_is_still_the_group(ward) -> None:
    assert tasks_said(_A + "Nguyễn Văn An: Tổ một rà soát các hộ chưa đóng quỹ trước thứ Sáu.", ward) \
        == [("Tổ dân phố số 1", "2026-12-04")]
