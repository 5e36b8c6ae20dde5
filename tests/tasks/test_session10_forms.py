"""Session 10's forms of raw recogniser meetings (docs/meetings.md, "Session 10") that are still read, each in new
words written for this file, with the cases where it must not fire: "để em …" offers whatever the verb, "không để sang
năm" forbids putting it off; a matter named with its day before the doers gives them no date of its own (session 15's
switch of that reading, off by its R1, was retired in session 18).
Session 16 retired the forms rule R1 of session 10 had left off (a filler piece, the chair's "em" after a doer, "rồi
anh ạ", "à không" correcting a date, the run-on recap cut at names, two date forms, a weekday after its own date, the
doer's earlier start, and session 10's own switch of the topic day), with the tests that switched them on."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_model
from tests.tasks.transcripts import tasks_said

_tasks = tasks_said


def test_a_piece_that_names_someone_else_is_not_filler(ward):
    said = ("Nguyễn Văn An: rồi việc thứ hai là cái hồ sơ thi đua khen thưởng cuối năm của phường mình "
            "anh tuấn thì rà soát lại danh sách cá nhân đề nghị khen ờ chị lan văn phòng nữa ờ xong thứ năm nộp "
            "cho anh\nLê Minh Tuấn: dạ vâng")
    assert ("Lê Minh Tuấn", "2026-12-03") not in _tasks(said, ward)


def test_em_after_someone_called_anh_is_not_that_person(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Phạm Thu Hà: anh ơi cái máy lấy số thứ tự ở bộ phận một cửa lại treo từ sáng rồi ạ\n"
            "Nguyễn Văn An: ờ cái này thôi anh hùng kiểm tra luôn đi em báo lại anh trước thứ tư nhé")
    assert ("Trần Văn Hùng", "2026-12-02") not in _tasks(said, ward)


def test_em_after_a_doer_in_someone_elses_turn_is_the_speaker(ward):
    said = ("Nguyễn Văn An: mình bắt đầu nhé\n"
            "Lê Minh Tuấn: dạ huy kiểm tra máy lấy số rồi em báo lại anh trước thứ tư ạ")
    assert ("Đỗ Quang Huy", "2026-12-02") not in _tasks(said, ward)


def test_a_promise_with_a_date_and_no_rồi_is_still_a_task(ward):
    said = ("Nguyễn Văn An: thế đã liên hệ bên điện lực chưa huy\n"
            "Đỗ Quang Huy: dạ chưa ạ em gửi công văn trước thứ năm anh ạ")
    assert _tasks(said, ward) == [("Đỗ Quang Huy", "2026-12-03")]


def test_the_doers_date_stands_where_the_chair_gave_none(ward):
    said = ("Nguyễn Văn An: chị hương lập danh sách hộ cận nghèo được hỗ trợ tết nhé\n"
            "Bùi Thanh Hương: dạ em gửi anh chiều mai ạ")
    assert _tasks(said, ward) == [("Bùi Thanh Hương", "2026-12-01")]


def test_em_after_thì_is_someone_else(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Phạm Thu Hà: anh ơi đoàn kiểm tra hỏi bản đồ các điểm lấn chiếm ạ\n"
            "Nguyễn Văn An: huy làm bản đồ xong thì em tổng hợp gửi anh trước thứ tư nhé")
    assert ("Đỗ Quang Huy", "2026-12-02") not in _tasks(said, ward)


def test_à_không_naming_another_doer_still_hands_the_task_over(ward):
    said = ("Nguyễn Văn An: Chị Hương tổng hợp danh sách hộ cận nghèo, thứ Tư nộp anh, à không, chị Hương đang nghỉ "
            "phép, để Tuấn làm.\nLê Minh Tuấn: Vâng ạ.")
    assert [a for a, _d in _tasks(said, ward)] == ["Lê Minh Tuấn"]


def test_à_thôi_with_a_date_late_in_what_follows_still_withdraws(ward):
    said = "Nguyễn Văn An: Chị Hương tổng hợp danh sách hộ cận nghèo, thứ Tư nộp anh, à thôi, việc này sang năm tính."
    assert _tasks(said, ward) == []


OFFERED = ("Nguyễn Văn An: Mình bắt đầu nhé.\n"
           "Hoàng Văn Nam: Mấy cái mốc giới ở tổ 5 bị xê dịch anh ạ. Để em căng dây cắm mốc lại, xong trước thứ Sáu.")


def test_để_em_opening_a_clause_offers_whatever_the_verb(ward, monkeypatch):
    assert _tasks(OFFERED, ward) == [("Hoàng Văn Nam", "2026-12-04")]
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rule alone (session 12's refit model reads it too)
    assert _tasks(OFFERED, ward) == [("Hoàng Văn Nam", "2026-12-04")]


@pytest.mark.parametrize("said", [
    "Hoàng Văn Nam: Mấy cái mốc giới ở tổ 5 bị xê dịch anh ạ. Để em xem lại đã, thứ Sáu họp tổ.",
    "Hoàng Văn Nam: Để em nói qua tình hình mốc giới ở tổ 5 trước khi anh kết luận.",
    "Hoàng Văn Nam: Anh Tuấn gửi bản đồ sớm để em đối chiếu mốc giới.",
])
def test_để_em_thinking_it_over_speaking_now_or_meaning_so_that_is_no_offer(ward, said):
    assert ("Hoàng Văn Nam", "2026-12-04") not in _tasks("Nguyễn Văn An: Mình bắt đầu nhé.\n" + said, ward)
    assert [a for a, _d in _tasks("Nguyễn Văn An: Mình bắt đầu nhé.\n" + said, ward)] != ["Hoàng Văn Nam"]


def test_forbidding_to_put_it_off_is_an_order_and_putting_it_off_is_not(ward):
    said = ("Nguyễn Văn An: Chị Hạnh rà soát hồ sơ học bổng cho học sinh nghèo, trong tháng 12 phải xong, "
            "đừng để sang năm.")
    assert _tasks(said, ward) == [("Đặng Thị Hạnh", "2026-12-31")]
    put_off = "Nguyễn Văn An: Chị Hạnh rà soát hồ sơ học bổng cho học sinh nghèo, thôi để sang năm."
    assert _tasks(put_off, ward) == []


def test_còn_with_its_own_date_keeps_it(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Nguyễn Văn An: ờ hội chợ xuân ngày mười hai tháng mười hai ấy chị hương lo gian hàng cho các hộ nghèo "
            "còn anh tuấn gửi kịch bản cho anh trước thứ năm")
    assert ("Lê Minh Tuấn", "2026-12-03") in _tasks(said, ward)


