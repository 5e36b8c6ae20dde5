"""Session 10's forms of raw recogniser meetings (docs/meetings.md, "Session 10"), each in new words written for
this file, with the cases where it must not fire: a filler piece does not end the task just given; the chair's
"em" after a doer named in the same sentence is that doer; "rồi anh ạ" closes a report; the doer's own earlier
date does not move the chair's deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import clause_model, clauses, cues, deadlines, extract, phrases, recap_run
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said

# Rule R1 of session 10 (docs/meetings.md): these forms moved nothing on the fresh sets (or, the recap, added as
# many wrong tasks as right ones), so they are off by default; here they are switched on to test what they do.
_OFF_BY_R1 = ((clauses, "SESSION10_FILLER_CHAIN"), (clauses, "SESSION10_PRONOUN_TO_DOER"),
              (clauses, "SESSION10_CORRECTION"), (deadlines, "SESSION10_DATE_FORMS"),
              (recap_run, "SESSION10_RECAP_ITEMS"), (cues, "SESSION10_TOPIC_DATE"),
              (deadlines, "SESSION10_APPOSITION"))
# phrases.SESSION10_DONE_POLITE is read when its pattern is used (since session 13): switched on here as the others.


@pytest.fixture(autouse=True)
def _session10_forms_on(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, name in _OFF_BY_R1:
        monkeypatch.setattr(module, name, True)
    monkeypatch.setattr(phrases, "SESSION10_DONE_POLITE", True)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


_tasks = tasks_said


FILLER = ("Nguyễn Văn An: rồi việc thứ hai là cái hồ sơ thi đua khen thưởng cuối năm của phường mình "
          "anh tuấn thì rà soát lại danh sách cá nhân đề nghị khen ờ phần tập thể ờ xong thứ năm nộp cho anh\n"
          "Lê Minh Tuấn: dạ vâng")


def test_a_filler_piece_does_not_end_the_task_just_given(ward, monkeypatch):
    assert _tasks(FILLER, ward) == [("Lê Minh Tuấn", "2026-12-03")]
    monkeypatch.setattr(clauses, "SESSION10_FILLER_CHAIN", False)
    assert _tasks(FILLER, ward) != [("Lê Minh Tuấn", "2026-12-03")]


def test_a_piece_that_names_someone_else_is_not_filler(ward):
    said = ("Nguyễn Văn An: rồi việc thứ hai là cái hồ sơ thi đua khen thưởng cuối năm của phường mình "
            "anh tuấn thì rà soát lại danh sách cá nhân đề nghị khen ờ chị lan văn phòng nữa ờ xong thứ năm nộp "
            "cho anh\nLê Minh Tuấn: dạ vâng")
    assert ("Lê Minh Tuấn", "2026-12-03") not in _tasks(said, ward)


PRONOUN = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
           "Phạm Thu Hà: anh ơi cái máy lấy số thứ tự ở bộ phận một cửa lại treo từ sáng rồi ạ\n"
           "Nguyễn Văn An: ờ cái này thôi huy kiểm tra luôn đi em báo lại anh trước thứ tư nhé\n"
           "Đỗ Quang Huy: dạ")


def test_the_chairs_em_after_a_doer_named_in_the_sentence_is_that_doer(ward, monkeypatch):
    assert _tasks(PRONOUN, ward) == [("Đỗ Quang Huy", "2026-12-02")]
    monkeypatch.setattr(clauses, "SESSION10_PRONOUN_TO_DOER", False)
    assert ("Phạm Thu Hà", "2026-12-02") in _tasks(PRONOUN, ward)


def test_em_after_someone_called_anh_is_not_that_person(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Phạm Thu Hà: anh ơi cái máy lấy số thứ tự ở bộ phận một cửa lại treo từ sáng rồi ạ\n"
            "Nguyễn Văn An: ờ cái này thôi anh hùng kiểm tra luôn đi em báo lại anh trước thứ tư nhé")
    assert ("Trần Văn Hùng", "2026-12-02") not in _tasks(said, ward)


def test_em_after_a_doer_in_someone_elses_turn_is_the_speaker(ward):
    said = ("Nguyễn Văn An: mình bắt đầu nhé\n"
            "Lê Minh Tuấn: dạ huy kiểm tra máy lấy số rồi em báo lại anh trước thứ tư ạ")
    assert ("Đỗ Quang Huy", "2026-12-02") not in _tasks(said, ward)


def test_done_then_a_polite_close_without_a_stop_is_a_report(ward, monkeypatch):
    said = ("Nguyễn Văn An: thế đã liên hệ bên điện lực chưa huy\n"
            "Đỗ Quang Huy: dạ em gọi rồi anh ạ bên đó hẹn thứ năm xuống")
    assert _tasks(said, ward) == []
    monkeypatch.setattr(phrases, "SESSION10_DONE_POLITE", False)
    assert _tasks(said, ward) != []


def test_a_promise_with_a_date_and_no_rồi_is_still_a_task(ward):
    said = ("Nguyễn Văn An: thế đã liên hệ bên điện lực chưa huy\n"
            "Đỗ Quang Huy: dạ chưa ạ em gửi công văn trước thứ năm anh ạ")
    assert _tasks(said, ward) == [("Đỗ Quang Huy", "2026-12-03")]


ACCEPT = ("Nguyễn Văn An: chị hương lập danh sách hộ cận nghèo được hỗ trợ tết trước ngày mười nhé\n"
          "Bùi Thanh Hương: dạ em đi luôn chiều nay ạ")


def test_the_doers_earlier_start_does_not_move_the_chairs_deadline(ward, monkeypatch):
    """Off by default (it cost a right task on a set not tuned on: "the deadline said last wins" is the
    answer keys' convention); the setting is kept for the lead's measurement."""
    assert _tasks(ACCEPT, ward) == [("Bùi Thanh Hương", "2026-11-30")]
    monkeypatch.setattr(extract, "SESSION10_ACCEPT_KEEPS", True)
    assert _tasks(ACCEPT, ward) == [("Bùi Thanh Hương", "2026-12-10")]


def test_the_doers_date_stands_where_the_chair_gave_none(ward):
    said = ("Nguyễn Văn An: chị hương lập danh sách hộ cận nghèo được hỗ trợ tết nhé\n"
            "Bùi Thanh Hương: dạ em gửi anh chiều mai ạ")
    assert _tasks(said, ward) == [("Bùi Thanh Hương", "2026-12-01")]


def test_em_after_thì_is_someone_else(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Phạm Thu Hà: anh ơi đoàn kiểm tra hỏi bản đồ các điểm lấn chiếm ạ\n"
            "Nguyễn Văn An: huy làm bản đồ xong thì em tổng hợp gửi anh trước thứ tư nhé")
    assert ("Đỗ Quang Huy", "2026-12-02") not in _tasks(said, ward)


CORRECTED = ("Nguyễn Văn An: Chị Hương tổng hợp danh sách hộ cận nghèo, thứ Tư nộp anh, à không, thứ Tư anh đi Sở, "
             "thứ Năm nộp anh.\nBùi Thanh Hương: Vâng ạ.")


def test_a_self_correction_after_à_không_moves_the_date_and_keeps_the_task(ward, monkeypatch):
    assert _tasks(CORRECTED, ward) == [("Bùi Thanh Hương", "2026-12-03")]
    monkeypatch.setattr(clauses, "SESSION10_CORRECTION", False)
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rule alone (the sentence model keeps it too)
    assert _tasks(CORRECTED, ward) == []


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
    monkeypatch.setattr(clauses, "SESSION10_OFFER", False)
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rule alone (session 12's refit model reads it too)
    assert _tasks(OFFERED, ward) == []


@pytest.mark.parametrize("said", [
    "Hoàng Văn Nam: Mấy cái mốc giới ở tổ 5 bị xê dịch anh ạ. Để em xem lại đã, thứ Sáu họp tổ.",
    "Hoàng Văn Nam: Để em nói qua tình hình mốc giới ở tổ 5 trước khi anh kết luận.",
    "Hoàng Văn Nam: Anh Tuấn gửi bản đồ sớm để em đối chiếu mốc giới.",
])
def test_để_em_thinking_it_over_speaking_now_or_meaning_so_that_is_no_offer(ward, said):
    assert ("Hoàng Văn Nam", "2026-12-04") not in _tasks("Nguyễn Văn An: Mình bắt đầu nhé.\n" + said, ward)
    assert [a for a, _d in _tasks("Nguyễn Văn An: Mình bắt đầu nhé.\n" + said, ward)] != ["Hoàng Văn Nam"]


RECAP = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
         "Nguyễn Văn An: chị hương rà lại danh sách hộ nghèo nhé\n"
         "Bùi Thanh Hương: dạ\n"
         "Nguyễn Văn An: còn cái loa phát thanh tổ năm hỏng thì sao\n"
         "Đỗ Quang Huy: dạ em đang liên hệ bên điện tử ạ\n"
         "Nguyễn Văn An: rồi tóm lại chị hương danh sách hộ nghèo thứ năm huy loa phát thanh trước thứ sáu chị hà "
         "sổ tiếp dân trong tuần")


def test_an_unpunctuated_recap_is_cut_at_each_name_and_each_piece_dates_its_task(ward, monkeypatch):
    assert _tasks(RECAP, ward) == [("Bùi Thanh Hương", "2026-12-03"), ("Đỗ Quang Huy", "2026-12-04"),
                                   ("Phạm Thu Hà", "2026-12-04")]
    monkeypatch.setattr(recap_run, "SESSION10_RECAP_ITEMS", False)
    assert ("Bùi Thanh Hương", "2026-12-03") not in _tasks(RECAP, ward)


def test_recap_pieces_need_a_name_where_an_item_opens_and_one_person_it_names(ward):
    roster, calendar = ward
    items = recap_run.recap_items("tóm lại chị hương danh sách hộ nghèo anh hùng xác minh cái xưởng thứ năm "
                                  "lan sổ hộ tịch thứ sáu", roster, [], MONDAY, calendar)
    assert items is not None
    # "xác minh" is no Minh; a bare "lan" (two Lans) only cuts the run; an undated piece gives nothing
    assert [(a.person.name if a.person else "", a.deadline) for a in items] == \
        [("Trần Văn Hùng", dt.date(2026, 12, 3))]


def test_a_punctuated_recap_and_a_remark_naming_people_are_left_to_the_clause_rules(ward):
    roster, calendar = ward
    assert recap_run.recap_items("Tóm lại: chị Hương danh sách thứ Năm, Huy loa trước thứ Sáu.", roster, [],
                                 MONDAY, calendar) is None
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Nguyễn Văn An: tóm lại là năm nay phường mình làm tốt hơn chị hương với anh hùng đều cố gắng")
    assert _tasks(said, ward) == []


def test_mai_in_a_recap_is_the_person_after_a_date_and_tomorrow_after_a_time_word(ward):
    roster, calendar = ward
    items = recap_run.recap_items("tóm lại anh hùng dọn phế thải trong tuần mai giấy mời ngày mai", roster, [],
                                  MONDAY, calendar)
    assert items is not None
    assert [(a.person.name if a.person else "", a.deadline) for a in items] == \
        [("Trần Văn Hùng", dt.date(2026, 12, 4)), ("Vũ Thị Mai", dt.date(2026, 12, 1))]


@pytest.mark.parametrize(("said", "due"), [
    ("phương án phòng cháy thì bên công an phường làm xong trong tháng nhé", dt.date(2026, 11, 30)),
    ("ngày ra quân là mười lăm", dt.date(2026, 12, 15)),
    ("hôm bàn giao là ngày hai mươi", dt.date(2026, 12, 20)),
])
def test_this_month_unnamed_and_an_event_day_named_by_là(said, due, monkeypatch):
    assert deadlines.find_deadline(said, MONDAY) is not None
    assert deadlines.find_deadline(said, MONDAY)[0] == due  # type: ignore[index]
    monkeypatch.setattr(deadlines, "SESSION10_DATE_FORMS", False)
    monkeypatch.setattr(deadlines, "SESSION14_BARE_DAY_WORDS", False)  # reads "ngày hai mươi" alone (session 14)
    assert deadlines.find_deadline(said, MONDAY) is None


@pytest.mark.parametrize("said", ["trong tháng trước tổ đã thu được tám mươi phần trăm",
                                  "ngày hội năm nay là ngày vui của cả phường",
                                  "ngày kiểm tra là năm người đi"])
def test_a_month_gone_or_a_number_that_is_no_day_is_no_deadline(said):
    assert deadlines.find_deadline(said, MONDAY) is None


def test_an_event_day_said_after_the_order_dates_it(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Nguyễn Văn An: ờ tổ bảy chuẩn bị địa điểm cho đoàn về thăm nhé. ngày đoàn về là mười hai")
    assert _tasks(said, ward) == [("Tổ dân phố số 7", "2026-12-12")]


def test_forbidding_to_put_it_off_is_an_order_and_putting_it_off_is_not(ward):
    said = ("Nguyễn Văn An: Chị Hạnh rà soát hồ sơ học bổng cho học sinh nghèo, trong tháng 12 phải xong, "
            "đừng để sang năm.")
    assert _tasks(said, ward) == [("Đặng Thị Hạnh", "2026-12-31")]
    put_off = "Nguyễn Văn An: Chị Hạnh rà soát hồ sơ học bổng cho học sinh nghèo, thôi để sang năm."
    assert _tasks(put_off, ward) == []


TOPIC = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
         "Nguyễn Văn An: ờ hội chợ xuân ngày mười hai tháng mười hai thứ bảy ấy chị hương lo gian hàng cho các hộ "
         "nghèo còn anh tuấn lo âm thanh ánh sáng với đoàn thanh niên")


def test_a_matter_named_with_its_day_before_the_doers_dates_them_all(ward, monkeypatch):
    assert _tasks(TOPIC, ward) == [("Bùi Thanh Hương", "2026-12-12"), ("Lê Minh Tuấn", "2026-12-12")]
    monkeypatch.setattr(cues, "SESSION10_TOPIC_DATE", False)
    monkeypatch.setattr(cues, "SESSION15_TOPIC_DATE", False)  # session 15's switch of the same reading
    assert _tasks(TOPIC, ward) == [("Bùi Thanh Hương", None), ("Lê Minh Tuấn", None)]


@pytest.mark.parametrize("said", [
    # a day already gone, a report, and "còn" with its own date
    "Nguyễn Văn An: hôm qua tổ năm họp ngày hai mươi chín tháng mười một thì chị hương nắm lại danh sách nhé",
    "Nguyễn Văn An: hội chợ ngày mười hai tháng mười hai thì chị hương đã báo cáo rồi",
])
def test_no_topic_day_for_a_day_gone_or_a_report(ward, said, monkeypatch):
    # (the day gone still reaches the task through the older "… thì" reading; PAST_NOT_DEADLINE, off, drops it)
    full = "Nguyễn Văn An: rồi mình bắt đầu nhé\n" + said
    before = _tasks(full, ward)
    monkeypatch.setattr(cues, "SESSION10_TOPIC_DATE", False)
    monkeypatch.setattr(cues, "SESSION15_TOPIC_DATE", False)  # session 15's switch of the same reading
    assert _tasks(full, ward) == before
    assert ("Bùi Thanh Hương", "2026-12-12") not in before


def test_còn_with_its_own_date_keeps_it(ward):
    said = ("Nguyễn Văn An: rồi mình bắt đầu nhé\n"
            "Nguyễn Văn An: ờ hội chợ xuân ngày mười hai tháng mười hai ấy chị hương lo gian hàng cho các hộ nghèo "
            "còn anh tuấn gửi kịch bản cho anh trước thứ năm")
    assert ("Lê Minh Tuấn", "2026-12-03") in _tasks(said, ward)


@pytest.mark.parametrize(("said", "due"), [
    ("họp dân ngày 12/12, thứ Bảy, ở nhà văn hóa", dt.date(2026, 12, 12)),
    ("ngày mười hai tháng mười hai thứ bảy tổ chức", dt.date(2026, 12, 12)),
    ("gửi ngày 12/12 thứ năm họp", dt.date(2026, 12, 3)),  # not that date's weekday: a second day, said last
])
def test_a_weekday_right_after_its_own_date_is_that_date(said, due, monkeypatch):
    assert deadlines.find_deadline(said, MONDAY)[0] == due  # type: ignore[index]
