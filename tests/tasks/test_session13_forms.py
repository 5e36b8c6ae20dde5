"""Session 13's forms (docs/meetings.md, "Session 13") that are still read, each in new words written for this file
(not the training meetings' sentences), and the cases where the form must not fire. Session 16 made the forms rule R1
left on unconditional and retired those it left off (withdrawal forms and the withdrawn-task memory, merged turns, a
deadline between doer and verb, units listed after a colon), with the tests that switched them on."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import clause_model, dialogue, undated_drops
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.extract import extract_tasks
from tests.tasks.transcripts import MONDAY, tasks_said

_tasks = tasks_said


# --- orders in the words of a withdrawal ---

@pytest.mark.parametrize(("transcript", "expected"), [
    # orders that use the same words: "không để … nữa", "không được … nữa" (no longer allowed to), "rút lại hồ sơ"
    ("Nguyễn Văn An: Anh Hùng rà soát lại các công trình, thôi không để chậm trễ nữa, trước thứ Sáu báo cáo anh.",
     [("Trần Văn Hùng", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Hà nhắc bộ phận một cửa không được để dân chờ nữa, trong tuần này chấn chỉnh.",
     [("Phạm Thu Hà", "2026-12-04")]),
    ("Nguyễn Văn An: Anh Thắng lên quận rút lại hồ sơ cấp phép, thứ Năm nộp lại.",
     [("Ngô Đức Thắng", "2026-12-03")]),
    ("Nguyễn Văn An: Chị Lan hộ tịch soạn quyết định hủy bỏ quyết định xử phạt cũ, trình anh trước ngày 4/12.",
     [("Nguyễn Thị Lan", "2026-12-04")]),
])
def test_orders_in_the_same_words_are_not_withdrawals(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


# --- withdrawn duties stay withdrawn with the sentence model on ---

WITHDRAWN_DUTIES = [
    "Nguyễn Văn An: Chị Mai gửi giấy mời các tổ trưởng trước thứ Năm.\nVũ Thị Mai: Dạ.\n"
    "Nguyễn Văn An: Thôi giấy mời khỏi gửi, họp trực tuyến.",
]


@pytest.mark.parametrize("transcript", WITHDRAWN_DUTIES)
def test_the_sentence_model_does_not_add_back_a_task_called_off(ward, transcript, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", True)
    assert _tasks(transcript, ward) == []


@pytest.mark.parametrize(("transcript", "expected"), [
    # given to another: the new doer's task, the model may read the rest as before
    ("Nguyễn Văn An: Chị Hương lập danh sách học sinh nghèo trước thứ Sáu.\n"
     "Bùi Thanh Hương: Anh ơi tuần này em đi tập huấn ở quận cả tuần ạ.\n"
     "Nguyễn Văn An: À thôi, để Tuấn làm, cùng hạn.",
     [("Lê Minh Tuấn", "2026-12-04")]),
    # a task called off does not take the doer's other task of the same turns with it
    ("Nguyễn Văn An: Anh Huy kiểm tra đèn chiếu sáng ngõ 12 trước thứ Tư.\nĐỗ Quang Huy: Dạ.\n"
     "Nguyễn Văn An: Anh Hùng đi khảo sát cống ngõ 5 thứ Năm. À thôi, cống thì không khảo sát nữa.",
     [("Đỗ Quang Huy", "2026-12-02")]),
])
def test_what_was_not_called_off_stands_with_the_model(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", True)
    assert _tasks(transcript, ward) == expected


# --- a secretary's live notes ---

SHORTHAND = [
    # "c." before a name ends no sentence: "… gửi c. Hạnh duyệt" is no task of Hạnh's
    ("Lê Minh Tuấn: a ơi băng rôn tuyên truyền để em làm, thứ Tư em gửi c. Hạnh duyệt", [("Lê Minh Tuấn",
                                                                                        "2026-12-02")]),
    # "c. Lan" is chị Lan (Lê Thị Lan, not Lan tư pháp), and the date said before her is hers
    ("Nguyễn Văn An: thứ Năm thì c. Lan gửi ds đại biểu cho VP", [("Lê Thị Lan", "2026-12-03")]),
    # "CA phường" is the unit
    ("Nguyễn Văn An: CA phường rà soát các hộ cho thuê trọ, trong 5 ngày làm việc", [("Công an phường",
                                                                                    "2026-12-07")]),
]


@pytest.mark.parametrize(("transcript", "expected"), SHORTHAND)
def test_the_secretarys_shorthand_is_read_spelled_out(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


@pytest.mark.parametrize(("transcript", "expected"), [
    # a lone "a", "c" inside words, numbers and codes stays as it is
    ("Nguyễn Văn An: Anh Hùng kiểm tra lô đất A3 và ngõ 12a, báo cáo trước thứ Sáu.", [("Trần Văn Hùng",
                                                                                     "2026-12-04")]),
], ids=["codes"])
def test_shorthand_leaves_codes_alone(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


# --- a date said before a list of doers ---

LISTED = ("Nguyễn Văn An: trước thứ Năm thì anh Nam đo lại thửa đất số 7, chị Mai in biên bản, "
          "Tuấn chụp ảnh hiện trạng.")


def test_a_date_said_before_a_list_of_doers_is_each_ones(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(LISTED, ward) == [("Hoàng Văn Nam", "2026-12-03"), ("Vũ Thị Mai", "2026-12-03"),
                                    ("Lê Minh Tuấn", "2026-12-03")]


@pytest.mark.parametrize(("transcript", "expected"), [
    # an item with its own date keeps it
    ("Nguyễn Văn An: thứ Tư thì anh Hùng nộp dự toán, chị Hương nộp danh sách trước ngày 10/12.",
     [("Trần Văn Hùng", "2026-12-02"), ("Bùi Thanh Hương", "2026-12-10")]),
    # the date said after the first doer's work is that doer's alone
    ("Nguyễn Văn An: anh Hùng nộp dự toán thứ Tư, chị Hương rà danh sách hộ nghèo.",
     [("Trần Văn Hùng", "2026-12-02"), ("Bùi Thanh Hương", None)]),
    # a new sentence is a new matter
    ("Nguyễn Văn An: thứ Tư thì anh Hùng nộp dự toán. Chị Hương rà danh sách hộ nghèo nhé.",
     [("Trần Văn Hùng", "2026-12-02"), ("Bùi Thanh Hương", None)]),
])
def test_a_fronted_date_reaches_no_further_than_its_list(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


def test_thoi_khong_can_answering_an_offer_withdraws_nothing(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Chị Hà bố trí thêm một quầy trả kết quả trước thứ Tư.\nPhạm Thu Hà: Vâng.\n"
            "Lê Minh Tuấn: Anh ơi em in thêm tờ hướng dẫn không ạ?\nNguyễn Văn An: Thôi không cần, có trên cổng rồi.")
    assert _tasks(said, ward) == [("Phạm Thu Hà", "2026-12-02")]


# --- who a voice is, noted in brackets ---

NOTED = ("Nguyễn Văn An: Mời các tổ trưởng có ý kiến.\n"
         "Người nói 4: (tổ trưởng tổ dân phố số 8) tổ tôi sẽ lập danh sách hộ neo đơn, thứ Sáu gửi phường.")


def test_a_role_noted_in_brackets_names_the_voice(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(NOTED, ward) == [("Tổ dân phố số 8", "2026-12-04")]


def test_a_bracket_that_is_no_role_names_nobody(ward):
    people, _calendar = ward
    said = "Nguyễn Văn An: Bắt đầu.\nNgười nói 4: (cười) tổ 8 thì xong rồi ạ."
    assert dialogue.turns(said, people)[1].speaker.kind == "voice"


# --- the chair setting another date after an objection ---

REDATED = [
    # the doer objects, the chair corrects by "à không"
    ("Nguyễn Văn An: Chị Hà tổng hợp ý kiến cử tri, trước ngày 20/12.\n"
     "Phạm Thu Hà: Anh ơi 20 thì muộn, Văn phòng cần sớm hơn để in tài liệu.\n"
     "Nguyễn Văn An: À không, trước ngày 15/12 thôi.\nPhạm Thu Hà: Vâng.",
     [("Phạm Thu Hà", "2026-12-15")]),
    # someone else says why it cannot be sooner; the chair restates the doer with the new date
    ("Nguyễn Văn An: Tuấn phát tờ rơi xuống các tổ, mai phát luôn.\n"
     "Bùi Thanh Hương: Anh ơi tờ rơi còn ở nhà in, thứ Năm mới lấy được.\n"
     "Nguyễn Văn An: Vậy thứ Năm Tuấn phát.\nLê Minh Tuấn: Dạ.",
     [("Lê Minh Tuấn", "2026-12-03")]),
]


@pytest.mark.parametrize(("transcript", "expected"), REDATED)
def test_the_chair_redates_a_task_after_an_objection(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


def test_a_short_date_for_someone_else_moves_no_task(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo trước thứ Sáu.\n"
            "Lê Minh Tuấn: Anh ơi phần tờ rơi em làm nhé.\nNguyễn Văn An: Ừ, Tuấn thứ Tư.")
    assert ("Bùi Thanh Hương", "2026-12-04") in _tasks(said, ward)


# --- questions typed without "?" ---

ASKED = [
    "Nguyễn Văn An: Bắt đầu.\nLê Thị Lan: anh ơi văn phòng gửi giấy mời ngay hay chờ danh sách bên tổ",
    "Nguyễn Văn An: Bắt đầu.\nBùi Thanh Hương: chị ơi phòng em có phải nộp báo cáo quý không ạ",
    "Nguyễn Văn An: Bắt đầu.\nCao Văn Sơn: bên em gửi danh sách cho quận trước ngày 10 đúng không anh",
]


@pytest.mark.parametrize("transcript", ASKED)
def test_a_question_typed_without_a_question_mark_gives_no_task(ward, transcript, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == []


@pytest.mark.parametrize(("transcript", "expected"), [
    # an order that ends on "không" but asks nothing, and one that names the choice itself
    ("Nguyễn Văn An: Anh Hùng kiểm tra lại công trình, có vi phạm thì lập biên bản, không nể nang, trước thứ Sáu.",
     [("Trần Văn Hùng", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Lan gửi giấy mời ngay trong hôm nay, không chờ danh sách.",
     [("Lê Thị Lan", "2026-11-30")]),
])
def test_orders_are_not_read_as_questions(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


# --- "cứ" after the one addressed ---

CU = ("Nguyễn Văn An: Bắt đầu.\nNgười nói 3: (tổ trưởng tổ dân phố số 6) tổ em còn mấy hộ chưa kê khai ạ.\n"
      "Nguyễn Văn An: bác cứ lập danh sách các hộ đó gửi anh Minh.")


def test_cu_after_the_one_addressed_is_an_order(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    monkeypatch.setattr(undated_drops, "lone_pronoun", lambda o: False)  # it drops the undated order nobody took up
    assert _tasks(CU, ward) == [("Tổ dân phố số 6", None)]


def test_cu_de_is_leaving_it_not_an_order(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Bắt đầu.\nNgười nói 3: (tổ trưởng tổ dân phố số 6) tổ em còn mấy hộ chưa kê khai ạ.\n"
            "Nguyễn Văn An: bác cứ để đấy, tháng sau tính.")
    assert _tasks(said, ward) == []


# --- a requirement said before its doer ---

REQUIRED = ("Nguyễn Văn An: Mấy hồ sơ trễ hạn đấy thứ Năm phải xong. Chị Hà đôn đốc từng bộ phận, "
            "xong báo anh.")


def test_a_date_required_just_before_is_the_doers(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(REQUIRED, ward) == [("Phạm Thu Hà", "2026-12-03")]


@pytest.mark.parametrize(("transcript", "expected"), [
    # a doer with a date of their own keeps it
    ("Nguyễn Văn An: Hồ sơ trễ hạn thứ Năm phải xong. Chị Hà đôn đốc, thứ Tư báo anh.",
     [("Phạm Thu Hà", "2026-12-02")]),
    # a report of what had to be done is no requirement
    ("Nguyễn Văn An: Tháng trước phải xong mà chưa xong. Chị Hà đôn đốc từng bộ phận.", [("Phạm Thu Hà", None)]),
])
def test_a_requirement_dates_only_an_undated_doer(ward, transcript, expected, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == expected


# --- a season naming the event ---


@pytest.mark.parametrize(("said", "due"), [
    ("chị Lan lên chương trình hội nghị tổng kết cuối năm, thứ Tư gửi anh", dt.date(2026, 12, 2)),
    ("anh Bảo dự trù kinh phí liên hoan cuối năm, thứ Sáu gửi anh", dt.date(2026, 12, 4)),
    # alone, the event's day is still the deadline; a deadline word keeps "cuối năm" as one
    ("chuẩn bị hội nghị tổng kết cuối năm", dt.date(2026, 12, 31)),
    ("xong trước cuối năm, thứ Tư báo tiến độ", dt.date(2026, 12, 31)),
])
def test_a_season_after_the_event_it_names_is_not_the_deadline(said, due):
    found = find_deadline(said, MONDAY)
    assert found is not None and found[0] == due


# --- the chair giving the floor to read something now ---

READ_OUT = [
    "Nguyễn Văn An: Bắt đầu giao ban. Chị Lan đọc lịch công tác tuần.",
    "Nguyễn Văn An: Mời các đồng chí. Chị Hà đọc danh sách hồ sơ trễ hạn.",
]


@pytest.mark.parametrize("transcript", READ_OUT)
def test_the_chair_giving_the_floor_to_read_is_no_task(ward, transcript, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _tasks(transcript, ward) == []


def test_reading_out_with_a_date_is_work(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = "Nguyễn Văn An: Chị Lan đọc dự thảo kết luận, thứ Tư góp ý gửi anh."
    assert _tasks(said, ward) == [("Lê Thị Lan", "2026-12-02")]


@pytest.mark.parametrize(("said", "kept"), [
    ("kiểm tra khu a và tòa c", "kiểm tra khu a và tòa c"),
    ("theo mục a. Nội dung báo cáo", "theo mục a. Nội dung báo cáo"),
    ("a ơi trình a ký", "anh ơi trình anh ký"),
])
def test_shorthand_spells_out_pronouns_not_letters_naming_a_place_or_an_item(said, kept):
    assert dialogue._spell_out(said) == kept


# --- a task handed over to another ---

HANDED = ("Nguyễn Văn An: Chị Hương lập danh sách hộ cận nghèo, trước ngày 9/12.\n"
          "Bùi Thanh Hương: Anh ơi tuần này em đi tập huấn ở quận ạ.\n"
          "Nguyễn Văn An: Chị Hà bố trí thêm quầy một cửa thứ Tư.\nPhạm Thu Hà: Vâng.\n"
          "Nguyễn Văn An: Vậy chị Hương bận thì chuyển cho Tuấn làm, chị Hương xem lại trước khi gửi.")


def test_a_task_handed_over_goes_with_its_date_and_the_old_doer_reviews(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert sorted(_tasks(HANDED, ward)) == [("Lê Minh Tuấn", "2026-12-09"), ("Phạm Thu Hà", "2026-12-02")]


def test_handing_over_with_no_one_named_before_takes_no_other_task(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Chị Hà bố trí thêm quầy một cửa thứ Tư.\nPhạm Thu Hà: Vâng.\n"
            "Nguyễn Văn An: Hồ sơ thi đua thì chuyển cho Tuấn tổng hợp, thứ Sáu gửi văn phòng.")
    assert sorted(_tasks(said, ward)) == [("Lê Minh Tuấn", "2026-12-04"), ("Phạm Thu Hà", "2026-12-02")]


def test_the_quote_stays_as_the_secretary_typed_it(ward, monkeypatch):
    """The shorthand is read spelled out, but the quote (which the minutes match against the transcript's lines) is
    the text as typed; the content is spelled out."""
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    people, calendar = ward
    [task] = extract_tasks("Nguyễn Văn An: thứ Năm thì c. Lan gửi ds đại biểu cho VP", MONDAY, calendar, roster=people)
    assert task.quote == "thứ Năm thì c. Lan gửi ds đại biểu cho VP"
    assert "danh sách" in task.content


def test_a_trimmed_particle_leaves_no_space_before_a_comma(ward):
    people, calendar = ward
    said = "Nguyễn Văn An: Chị Hương lo giúp kế hoạch văn nghệ nhé, có kế hoạch trước thứ Năm để gửi các tổ."
    tasks = extract_tasks(said, MONDAY, calendar, roster=people)
    assert tasks and all(" ," not in t.content for t in tasks) and "văn nghệ, có kế hoạch" in tasks[0].content
