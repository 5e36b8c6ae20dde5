"""Session 14's forms (docs/meetings.md, "Session 14"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import (
    clause_model,
    clauses,
    deadline_calls,
    deadlines,
    dialogue,
    extract,
    phrases,
    roster,
    withdrawals,
)
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said

_FLAGGED = (clauses, deadline_calls, deadlines, dialogue, phrases, roster, withdrawals)


@pytest.fixture(autouse=True)
def _session14_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads a setting against all of session 14's on: rule R1 switched some off in the shipped
    defaults (docs "Session 14"); a test that wants one off switches it itself, after this."""
    switch_on(monkeypatch, _FLAGGED, "SESSION14_")


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


_tasks = tasks_said


# --- a withdrawn task stays withdrawn with the sentence model on (withdrawals.SESSION14_WITHDRAWN) ---

DUTY_OFF = ("Nguyễn Văn An: Anh Tuấn trực trụ sở Chủ nhật 6/12 nhé.\nLê Minh Tuấn: Vâng ạ.\n"
            "Nguyễn Văn An: Thôi, Chủ nhật này không trực nữa, đã có bảo vệ.")
SPARED = ("Nguyễn Văn An: Anh Hùng sửa đèn chiếu sáng ngõ 12 trước thứ Sáu.\nTrần Văn Hùng: Dạ.\n"
          "Nguyễn Văn An: Thôi anh Hùng không phải lo việc đó nữa, điện lực làm rồi.")


@pytest.mark.parametrize(("transcript", "task"), [(DUTY_OFF, ("Lê Minh Tuấn", "2026-12-06")),
                                                  (SPARED, ("Trần Văn Hùng", "2026-12-04"))])
def test_a_task_called_off_is_not_added_back_by_the_sentence_model(ward, transcript, task, monkeypatch):
    assert clause_model.BY_DEFAULT
    assert _tasks(transcript, ward) == []
    monkeypatch.setattr(withdrawals, "SESSION14_WITHDRAWN", False)
    monkeypatch.setattr(withdrawals, "SESSION15_WITHDRAWN", False)  # session 15's narrower form of the same
    assert _tasks(transcript, ward) == [task]  # the sentence model adds the sentence back


# "thôi không in màu nữa" speaks of printing, not of preparing the file: the rules' cancel took the latest task
# (session 13's forms), and the sentence model may still add it back; session 13's block kept it out.
OTHER_WORK = ("Nguyễn Văn An: Anh Nam chuẩn bị hồ sơ đất ông Tư trước 10/12.\nHoàng Văn Nam: Dạ.\n"
              "Nguyễn Văn An: Hồ sơ đấy thôi không in màu nữa, in đen trắng là được.")


def test_a_cancel_naming_other_work_leaves_the_task_to_the_sentence_model(ward, monkeypatch):
    assert _tasks(OTHER_WORK, ward) == [("Hoàng Văn Nam", "2026-12-10")]
    monkeypatch.setattr(withdrawals, "SESSION14_WITHDRAWN", False)
    monkeypatch.setattr(extract, "SESSION13_WITHDRAWN", True)
    assert _tasks(OTHER_WORK, ward) == []


def test_only_that_very_sentence_is_kept_out():
    long_quote = ("ờ anh hùng kiểm tra cống ngõ năm trong tuần này nhé dạ em nhận còn chị lan soạn giấy mời hội nghị "
                  "tổng kết gửi các tổ trước thứ sáu")
    assert withdrawals.same_sentence("Anh Hùng kiểm tra cống ngõ 5 trong tuần này nhé.", ["anh hùng kiểm tra cống "
                                                                                         "ngõ năm trong tuần này"])
    assert not withdrawals.same_sentence("chị lan soạn giấy mời hội nghị tổng kết", [long_quote])


def test_what_a_cancel_speaks_of():
    assert withdrawals.speaks_of("thôi, không trực nữa", "Chị Hà trực thứ Bảy ngày 5/12.", "Phạm Thu Hà")
    assert withdrawals.speaks_of("thôi không cần nữa", "Anh Sơn in băng rôn.", "Nguyễn Văn Sơn")
    assert withdrawals.speaks_of("anh sơn không phải lo nữa", "Giao anh em in băng rôn.", "Nguyễn Văn Sơn")
    assert not withdrawals.speaks_of("thôi không in màu nữa", "Anh Nam chuẩn bị hồ sơ đất.", "Hoàng Văn Nam")


# --- a withdrawal form in a purpose or condition is no withdrawal (withdrawals.SESSION14_WITHDRAWN_FORMS) ---

PURPOSE = [
    ("Nguyễn Văn An: Chị Mai bố trí xe đưa đoàn đi thăm các gia đình chính sách sáng thứ Năm, để các cụ không phải "
     "chờ nữa.", [("Vũ Thị Mai", "2026-12-03")]),
    ("Nguyễn Văn An: Chị Lan làm thủ tục liên thông khai sinh trước thứ Sáu để dân không phải đi lại nhiều nữa.",
     [("Lê Thị Lan", "2026-12-04")]),
]


@pytest.mark.parametrize(("transcript", "expected"), PURPOSE)
def test_a_withdrawal_form_in_a_purpose_is_the_tasks_purpose(ward, transcript, expected, monkeypatch):
    assert _tasks(transcript, ward) == expected
    monkeypatch.setattr(withdrawals, "SESSION14_WITHDRAWN_FORMS", False)
    monkeypatch.setattr(clauses, "SESSION13_WITHDRAWN_FORMS", True)  # session 13's forms without the guard
    assert _tasks(transcript, ward) == []


CALLED_OFF = ("Nguyễn Văn An: Chị Hương rà soát danh sách hộ cận nghèo gửi anh trước thứ Tư.\nBùi Thanh Hương: Dạ.\n"
              "Nguyễn Văn An: À chị Hương không cần rà soát phần đó nữa, quận có số liệu rồi.")


def test_session13_forms_still_call_off(ward, monkeypatch):
    assert _tasks(CALLED_OFF, ward) == []
    monkeypatch.setattr(withdrawals, "SESSION14_WITHDRAWN_FORMS", False)
    assert _tasks(CALLED_OFF, ward) == [("Bùi Thanh Hương", "2026-12-02")]
    purpose, apart = "làm trước thứ sáu để dân không phải đi lại nữa", "thôi, để đó, không làm nữa"
    assert withdrawals.in_purpose(purpose, purpose.index("không"))
    assert not withdrawals.in_purpose(apart, apart.index("không"))


# --- a sentence that names a work and calls it off in the same breath (withdrawals.SESSION14_SELF_CANCEL) ---

SELF_CANCEL = ("Nguyễn Văn An: Bắt đầu họp.\nPhạm Thu Hà: Anh ơi, Chủ nhật này bộ phận một cửa có làm không ạ?\n"
               "Nguyễn Văn An: Làm buổi sáng. Còn trực tối Chủ nhật thì tháng này thôi, không trực nữa.")
# the form names no work of the sentence: the task stands
OLD_COPY = ("Nguyễn Văn An: Bắt đầu họp.\nLê Thị Lan: Anh ơi, bản dự thảo cũ thì sao ạ?\n"
            "Nguyễn Văn An: Chị Lan gửi lại bản mới cho các phòng trước thứ Tư, bản cũ thôi không cần nữa.")


def test_a_work_named_and_called_off_in_one_sentence_is_none(ward, monkeypatch):
    assert _tasks(SELF_CANCEL, ward) == []
    assert _tasks(OLD_COPY, ward) == [("Lê Thị Lan", "2026-12-02")]
    monkeypatch.setattr(withdrawals, "SESSION14_SELF_CANCEL", False)
    assert _tasks(SELF_CANCEL, ward) == [("Phạm Thu Hà", "2026-12-06")]
    assert withdrawals.repeats_work("còn trực tối chủ nhật thì thôi, không trực nữa", 33)
    assert not withdrawals.repeats_work("gửi bản mới, bản cũ thôi không cần nữa", 26)


# --- a group's officer who says "em" (dialogue.SESSION14_SELF_GROUP_EM) ---

GROUP_EM = [
    ("Nguyễn Văn An: ờ bắt đầu họp nhé\nNgười nói 2: dạ em tổ phó tổ tám ạ tổ em nhận dọn vệ sinh nhà văn hóa trước "
     "thứ sáu", ("Tổ dân phố số 8", "2026-12-04")),
    ("Nguyễn Văn An: Hôm nay họp về chuẩn bị Tết.\nNgười nói 2: Dạ, em là tổ trưởng tổ 5. Tổ em nhận trang trí cổng "
     "chào trước ngày 20/12 ạ.", ("Tổ dân phố số 5", "2026-12-20")),
]


@pytest.mark.parametrize(("transcript", "task"), GROUP_EM)
def test_an_officer_saying_em_speaks_for_the_group(ward, transcript, task, monkeypatch):
    assert _tasks(transcript, ward) == [task]
    monkeypatch.setattr(dialogue, "SESSION14_SELF_GROUP_EM", False)
    assert _tasks(transcript, ward) == [("", task[1])]


def test_em_before_another_word_is_no_officer(ward):
    said = ("Nguyễn Văn An: ờ bắt đầu họp nhé\nNgười nói 2: dạ em hỏi tổ trưởng tổ tám rồi ạ em nhận dọn vệ sinh nhà "
            "văn hóa trước thứ sáu")
    assert [a for a, _ in _tasks(said, ward)] != ["Tổ dân phố số 8"]


# --- what a unit or person said, reported (clauses.SESSION14_SAID_THAT) ---

SAID = ("Nguyễn Văn An: ờ bắt đầu họp nhé\nBùi Thanh Hương: dạ anh ơi phòng kinh tế báo cáo là tháng này cấp mười hai "
        "giấy phép xây dựng còn ba hồ sơ đang chờ ạ")


def test_a_report_of_what_a_unit_said_gives_it_no_task(ward, monkeypatch):
    assert _tasks(SAID, ward) == []
    asked = "Nguyễn Văn An: Anh Hùng báo cáo lại cho tôi số hộ vi phạm trước thứ Sáu."
    assert _tasks(asked, ward) == [("Trần Văn Hùng", "2026-12-04")]
    monkeypatch.setattr(clauses, "SESSION14_SAID_THAT", False)
    assert _tasks(SAID, ward) == [("Phòng Kinh tế, Hạ tầng và Đô thị", "2026-11-30")]
    assert clauses.SAID_THAT.match(" báo là đã xong") and clauses.SAID_THAT.match(" phản ánh rằng đường hỏng")
    assert not clauses.SAID_THAT.match(" báo cáo lại kết quả cho tôi")


# --- whom something is asked from is not the doer (clauses.SESSION14_ASK_FROM) ---

ASKED_FROM = [
    ("Nguyễn Văn An: Tuấn soạn giấy mời hội nghị, số đại biểu xin chị Hạnh, gửi các tổ trước thứ Năm.",
     [("Lê Minh Tuấn", "2026-12-03")], [("Lê Minh Tuấn", None), ("Đặng Thị Hạnh", "2026-12-03")]),
    ("Nguyễn Văn An: Tuấn làm báo cáo quý, số liệu xin phòng Kinh tế, trình anh trước thứ Sáu.",
     [("Lê Minh Tuấn", "2026-12-04")], [("Lê Minh Tuấn", None)]),
]


@pytest.mark.parametrize(("transcript", "on", "off"), ASKED_FROM)
def test_whom_it_is_asked_from_is_not_the_doer(ward, transcript, on, off, monkeypatch):
    assert _tasks(transcript, ward) == on
    monkeypatch.setattr(clauses, "SESSION14_ASK_FROM", False)
    assert _tasks(transcript, ward) == off


def test_the_speakers_own_request_is_left_as_it_was():
    assert clauses.ASK_FROM.search("số liệu xin ")
    assert clauses.ASK_FROM.search("xin ý kiến ")
    assert not clauses.ASK_FROM.search("em xin ")  # "em xin nhận", "em xin chị Hương cho em nghỉ"


# --- the chair putting off a work given just before (withdrawals.SESSION14_DEFER_NAMED) ---

PUT_OFF = ("Nguyễn Văn An: Bắt đầu họp.\n"
           "Phạm Thu Hà: Anh ơi, em đề xuất mình in thêm tờ rơi hướng dẫn dịch vụ công trực tuyến ạ.\n"
           "Nguyễn Văn An: Được đấy, chị Hà làm dự toán in tờ rơi trình anh trước thứ Tư.\n"
           "Phạm Quốc Bảo: Anh ơi kinh phí năm nay hết rồi ạ.\nNguyễn Văn An: Ừ thôi thế tờ rơi để sang năm tính.")
# "còn …" puts off another matter: the task stands
ANOTHER = ("Nguyễn Văn An: Chị Hà làm dự toán in tờ rơi trình anh trước thứ Tư.\nPhạm Thu Hà: Dạ.\n"
           "Nguyễn Văn An: Còn việc in tờ rơi cho các tổ thì để sau Tết tính.")


def test_a_work_put_off_by_the_chair_is_withdrawn(ward, monkeypatch):
    assert _tasks(PUT_OFF, ward) == []
    assert _tasks(ANOTHER, ward) == [("Phạm Thu Hà", "2026-12-02")]
    monkeypatch.setattr(withdrawals, "SESSION14_DEFER_NAMED", False)
    assert _tasks(PUT_OFF, ward) == [("Phạm Thu Hà", "2026-12-02")]
    assert not withdrawals.shares_work("còn đề xuất mua máy quét", "tuần tra khu vực chợ")
    assert not withdrawals.shares_work("máy quét cho một cửa", "tuần tra khu vực chợ")  # "cho" is not "chợ"


# --- a task withdrawn by "à thôi" and given again to the same person (withdrawals.SESSION14_SUPERSEDED) ---

REDONE = ("Nguyễn Văn An: Bắt đầu họp.\nLê Minh Tuấn: Anh ơi, kế hoạch tuyên truyền Tết em cần anh duyệt.\n"
          "Nguyễn Văn An: Tuấn gửi kế hoạch tuyên truyền cho tôi thứ Sáu. À thôi, thứ Sáu tôi đi công tác, em gửi luôn "
          "ngày mai nhé.")


def test_a_task_given_again_is_not_added_back_with_its_old_date(ward, monkeypatch):
    assert _tasks(REDONE, ward) == [("Lê Minh Tuấn", "2026-12-01")]
    monkeypatch.setattr(withdrawals, "SESSION14_SUPERSEDED", False)
    assert _tasks(REDONE, ward) == [("Lê Minh Tuấn", "2026-12-01"), ("Lê Minh Tuấn", "2026-12-04")]


# --- "kiểm tra xem … có … không" asks whether inside an order (clauses.SESSION14_WHETHER) ---

CHECK_WHETHER = "Nguyễn Văn An: anh hùng kiểm tra xem công trình đó có giấy phép không"


def test_check_whether_is_an_order_not_a_question(ward, monkeypatch):
    assert _tasks(CHECK_WHETHER, ward) == [("Trần Văn Hùng", None)]
    # a question stays one: whether the one addressed can, or a "?"
    assert _tasks("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\nNguyễn Văn An: em xem có làm kịp không", ward) == []
    monkeypatch.setattr(clauses, "SESSION14_WHETHER", False)
    assert _tasks(CHECK_WHETHER, ward) == []


# --- "về" between the doer and the verb (phrases.SESSION14_GO_BACK) ---

GO_BACK = "Nguyễn Văn An: ờ việc đấy thì tổ năm về vận động các hộ dọn vật liệu xây dựng trên vỉa hè nhé"


def test_go_back_and_do_it(ward, monkeypatch):
    assert _tasks(GO_BACK, ward) == [("Tổ dân phố số 5", None)]
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rules alone: "về" before a noun opens no verb
    assert _tasks("Nguyễn Văn An: Chị Lan về quê thăm mẹ thứ Sáu này.", ward) == []
    monkeypatch.setattr(phrases, "SESSION14_GO_BACK", False)
    assert _tasks(GO_BACK, ward) == []


# --- "Dạ, em nhận." answering a task the rules did not read (withdrawals.SESSION14_BARE_ACCEPT) ---

ACCEPTED = [
    # given to a title the directory does not know: nobody's task to propose
    ("Nguyễn Văn An: Khâu trang trí hội trường năm nay giao đồng chí phụ trách đoàn thanh niên nhé.\n"
     "Lê Minh Tuấn: Dạ, em nhận.", [], [("Lê Minh Tuấn", None)]),
    # the sentence model reads the task itself; the bare acceptance was a second, undated one
    ("Nguyễn Văn An: Tuấn trang trí hội trường trước thứ Sáu nhé.\nLê Minh Tuấn: Dạ, em nhận.",
     [("Lê Minh Tuấn", "2026-12-04")], [("Lê Minh Tuấn", None), ("Lê Minh Tuấn", "2026-12-04")]),
]


@pytest.mark.parametrize(("transcript", "on", "off"), ACCEPTED)
def test_a_bare_acceptance_is_no_task_of_its_own(ward, transcript, on, off, monkeypatch):
    assert _tasks(transcript, ward) == on
    monkeypatch.setattr(withdrawals, "SESSION14_BARE_ACCEPT", False)
    assert _tasks(transcript, ward) == off


def test_an_offer_naming_its_work_is_still_one(ward):
    said = "Nguyễn Văn An: Bắt đầu họp.\nLê Minh Tuấn: Dạ, em nhận trang trí hội trường ạ."
    assert _tasks(said, ward) == [("Lê Minh Tuấn", None)]
    assert withdrawals.BARE_ACCEPT.match("nhận ạ") and withdrawals.BARE_ACCEPT.match("gửi ạ")
    assert not withdrawals.BARE_ACCEPT.match("nhận trang trí hội trường ạ")


# --- a deadline said to someone by name, no verb of work (deadline_calls.SESSION14_NAMED_DEADLINE) ---

NAMED_DEADLINES = [
    ("Nguyễn Văn An: Hùng, hồ sơ cấp phép ngõ 9 xong chưa?\nTrần Văn Hùng: Dạ còn 2 hồ sơ ạ.\n"
     "Nguyễn Văn An: Ừ, thứ Sáu là hạn cuối đấy Hùng, phải xong cả hai.", [("Trần Văn Hùng", "2026-12-04")], []),
    ("Nguyễn Văn An: Chị Hương, danh sách quà Tết được bao nhiêu hộ rồi?\nBùi Thanh Hương: Dạ mới được 40 hộ ạ.\n"
     "Nguyễn Văn An: Chị Hương cố gắng, hạn 15/12 không lùi.", [("Bùi Thanh Hương", "2026-12-15")], []),
    # the person's task given before takes the date said last
    ("Nguyễn Văn An: Anh Hùng kiểm tra cống ngõ 5 trước thứ Tư.\nTrần Văn Hùng: Dạ.\n"
     "Nguyễn Văn An: Còn cống ngõ 5 thì thứ Sáu là hạn cuối nhé Hùng.", [("Trần Văn Hùng", "2026-12-04")],
     [("Trần Văn Hùng", "2026-12-02")]),
]


@pytest.mark.parametrize(("transcript", "on", "off"), NAMED_DEADLINES)
def test_a_deadline_said_to_someone_by_name(ward, transcript, on, off, monkeypatch):
    assert _tasks(transcript, ward) == on
    monkeypatch.setattr(deadline_calls, "SESSION14_NAMED_DEADLINE", False)
    assert _tasks(transcript, ward) == off


def test_whom_the_work_goes_to_is_not_called(ward):
    assert _tasks("Nguyễn Văn An: Hạn nộp hồ sơ thi đua là thứ Sáu, các phòng gửi chị Lan nhé.", ward) == []
    assert _tasks("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\nNguyễn Văn An: Tuấn, hạn thứ Sáu là hạn của Sở à?",
                  ward) == []


# --- a given name inside a common word of recogniser text (roster.SESSION14_COMPOUND) ---

XAC_MINH = "Nguyễn Văn An: ờ việc đơn thư thì thắng xác minh xong làm báo cáo gửi anh trước thứ sáu này nhé"


def test_a_name_inside_a_common_word_is_the_word(ward, monkeypatch):
    assert _tasks(XAC_MINH, ward) == [("Ngô Đức Thắng", "2026-12-04")]
    # a call by honorific and a capital in written text are names still
    assert _tasks("Nguyễn Văn An: anh minh bố trí lực lượng giữ trật tự trước thứ sáu nhé", ward) == \
        [("Trịnh Văn Minh", "2026-12-04")]
    assert ("Trịnh Văn Minh", "2026-12-04") in _tasks(
        "Nguyễn Văn An: Thắng xác minh đơn thư, Minh bố trí lực lượng trước thứ Sáu.", ward)
    monkeypatch.setattr(roster, "SESSION14_COMPOUND", False)
    assert _tasks(XAC_MINH, ward) == [("Ngô Đức Thắng", None), ("Trịnh Văn Minh", "2026-12-04")]


# --- a day said in words with no month (deadlines.SESSION14_BARE_DAY_WORDS) ---

def test_a_day_in_words_alone_is_that_day_of_the_month(monkeypatch):
    said = "tuấn chuẩn bị hội trường cho hội nghị tổng kết ngày hai mươi chín nhé"
    assert find_deadline(said, MONDAY)[0] == dt.date(2026, 12, 29)
    # a month after it, a count of days: the older rules read them
    assert find_deadline("xong trước ngày mười lăm tháng một", MONDAY)[0] == dt.date(2027, 1, 15)
    assert find_deadline("trong vòng mười ngày làm việc", MONDAY)[0] == dt.date(2026, 12, 14)
    monkeypatch.setattr(deadlines, "SESSION14_BARE_DAY_WORDS", False)
    assert find_deadline(said, MONDAY) is None


# --- a member asking the chair's opinion, with a date in it (clauses.SESSION14_ASK_OPINION) ---

OPINION = ("Nguyễn Văn An: ờ bắt đầu họp nhé\n"
           "Bùi Thanh Hương: anh ơi em xin ý kiến cái việc hội chợ xuân ngày hai mươi tháng mười hai ạ")


def test_asking_an_opinion_is_no_task_even_with_a_date(ward, monkeypatch):
    assert _tasks(OPINION, ward) == []
    offer = "Nguyễn Văn An: Bắt đầu họp.\nLê Minh Tuấn: Em xin gửi danh sách trước thứ Năm tuần sau ạ."
    assert _tasks(offer, ward) == [("Lê Minh Tuấn", "2026-12-10")]
    monkeypatch.setattr(clauses, "SESSION14_ASK_OPINION", False)
    assert _tasks(OPINION, ward) == [("Bùi Thanh Hương", "2026-12-20")]
