"""Session 14's forms (docs/meetings.md, "Session 14"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. Session 16 retired the settings rule R1 left off (the withdrawn-task
memory and forms, "kiểm tra xem … có … không", "về" before the verb, a bare acceptance, a deadline said to someone by
name), with their tests; session 18 made the others unconditional (rule R8)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import clause_tasks, doers, withdrawals
from appliance.tasks.deadlines import find_deadline
from tests.tasks.transcripts import MONDAY, tasks_said

_tasks = tasks_said


# --- what the withdrawal settings still read (withdrawals.py) ---


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


# --- a sentence that names a work and calls it off in the same breath ---

SELF_CANCEL = ("Nguyễn Văn An: Bắt đầu họp.\nPhạm Thu Hà: Anh ơi, Chủ nhật này bộ phận một cửa có làm không ạ?\n"
               "Nguyễn Văn An: Làm buổi sáng. Còn trực tối Chủ nhật thì tháng này thôi, không trực nữa.")
# the form names no work of the sentence: the task stands
OLD_COPY = ("Nguyễn Văn An: Bắt đầu họp.\nLê Thị Lan: Anh ơi, bản dự thảo cũ thì sao ạ?\n"
            "Nguyễn Văn An: Chị Lan gửi lại bản mới cho các phòng trước thứ Tư, bản cũ thôi không cần nữa.")


def test_a_work_named_and_called_off_in_one_sentence_is_none(ward):
    assert _tasks(SELF_CANCEL, ward) == []
    assert _tasks(OLD_COPY, ward) == [("Lê Thị Lan", "2026-12-02")]
    assert withdrawals.repeats_work("còn trực tối chủ nhật thì thôi, không trực nữa", 33)
    assert not withdrawals.repeats_work("gửi bản mới, bản cũ thôi không cần nữa", 26)


# --- a group's officer who says "em" ---

GROUP_EM = [
    ("Nguyễn Văn An: ờ bắt đầu họp nhé\nNgười nói 2: dạ em tổ phó tổ tám ạ tổ em nhận dọn vệ sinh nhà văn hóa trước "
     "thứ sáu", ("Tổ dân phố số 8", "2026-12-04")),
    ("Nguyễn Văn An: Hôm nay họp về chuẩn bị Tết.\nNgười nói 2: Dạ, em là tổ trưởng tổ 5. Tổ em nhận trang trí cổng "
     "chào trước ngày 20/12 ạ.", ("Tổ dân phố số 5", "2026-12-20")),
]


@pytest.mark.parametrize(("transcript", "task"), GROUP_EM)
def test_an_officer_saying_em_speaks_for_the_group(ward, transcript, task):
    assert _tasks(transcript, ward) == [task]


def test_em_before_another_word_is_no_officer(ward):
    said = ("Nguyễn Văn An: ờ bắt đầu họp nhé\nNgười nói 2: dạ em hỏi tổ trưởng tổ tám rồi ạ em nhận dọn vệ sinh nhà "
            "văn hóa trước thứ sáu")
    assert [a for a, _ in _tasks(said, ward)] != ["Tổ dân phố số 8"]


# --- what a unit or person said, reported ---

SAID = ("Nguyễn Văn An: ờ bắt đầu họp nhé\nBùi Thanh Hương: dạ anh ơi phòng kinh tế báo cáo là tháng này cấp mười hai "
        "giấy phép xây dựng còn ba hồ sơ đang chờ ạ")


def test_a_report_of_what_a_unit_said_gives_it_no_task(ward):
    assert _tasks(SAID, ward) == []
    asked = "Nguyễn Văn An: Anh Hùng báo cáo lại cho tôi số hộ vi phạm trước thứ Sáu."
    assert _tasks(asked, ward) == [("Trần Văn Hùng", "2026-12-04")]
    assert clause_tasks.SAID_THAT.match(" báo là đã xong") and clause_tasks.SAID_THAT.match(" phản ánh rằng đường hỏng")
    assert not clause_tasks.SAID_THAT.match(" báo cáo lại kết quả cho tôi")


# --- whom something is asked from is not the doer ---

ASKED_FROM = [
    ("Nguyễn Văn An: Tuấn soạn giấy mời hội nghị, số đại biểu xin chị Hạnh, gửi các tổ trước thứ Năm.",
     [("Lê Minh Tuấn", "2026-12-03")]),
    ("Nguyễn Văn An: Tuấn làm báo cáo quý, số liệu xin phòng Kinh tế, trình anh trước thứ Sáu.",
     [("Lê Minh Tuấn", "2026-12-04")]),
]


@pytest.mark.parametrize(("transcript", "expected"), ASKED_FROM)
def test_whom_it_is_asked_from_is_not_the_doer(ward, transcript, expected):
    assert _tasks(transcript, ward) == expected


def test_the_speakers_own_request_is_left_as_it_was():
    assert doers.ASK_FROM.search("số liệu xin ")
    assert doers.ASK_FROM.search("xin ý kiến ")
    assert not doers.ASK_FROM.search("em xin ")  # "em xin nhận", "em xin chị Hương cho em nghỉ"


# --- the chair putting off a work given just before ---

PUT_OFF = ("Nguyễn Văn An: Bắt đầu họp.\n"
           "Phạm Thu Hà: Anh ơi, em đề xuất mình in thêm tờ rơi hướng dẫn dịch vụ công trực tuyến ạ.\n"
           "Nguyễn Văn An: Được đấy, chị Hà làm dự toán in tờ rơi trình anh trước thứ Tư.\n"
           "Phạm Quốc Bảo: Anh ơi kinh phí năm nay hết rồi ạ.\nNguyễn Văn An: Ừ thôi thế tờ rơi để sang năm tính.")
# "còn …" puts off another matter: the task stands
ANOTHER = ("Nguyễn Văn An: Chị Hà làm dự toán in tờ rơi trình anh trước thứ Tư.\nPhạm Thu Hà: Dạ.\n"
           "Nguyễn Văn An: Còn việc in tờ rơi cho các tổ thì để sau Tết tính.")


def test_a_work_put_off_by_the_chair_is_withdrawn(ward):
    assert _tasks(PUT_OFF, ward) == []
    assert _tasks(ANOTHER, ward) == [("Phạm Thu Hà", "2026-12-02")]
    assert not withdrawals.shares_work("còn đề xuất mua máy quét", "tuần tra khu vực chợ")
    assert not withdrawals.shares_work("máy quét cho một cửa", "tuần tra khu vực chợ")  # "cho" is not "chợ"


# --- a task withdrawn by "à thôi" and given again to the same person ---

REDONE = ("Nguyễn Văn An: Bắt đầu họp.\nLê Minh Tuấn: Anh ơi, kế hoạch tuyên truyền Tết em cần anh duyệt.\n"
          "Nguyễn Văn An: Tuấn gửi kế hoạch tuyên truyền cho tôi thứ Sáu. À thôi, thứ Sáu tôi đi công tác, em gửi luôn "
          "ngày mai nhé.")


def test_a_task_given_again_is_not_added_back_with_its_old_date(ward):
    assert _tasks(REDONE, ward) == [("Lê Minh Tuấn", "2026-12-01")]


# --- a given name inside a common word of recogniser text ---

XAC_MINH = "Nguyễn Văn An: ờ việc đơn thư thì thắng xác minh xong làm báo cáo gửi anh trước thứ sáu này nhé"


def test_a_name_inside_a_common_word_is_the_word(ward):
    assert _tasks(XAC_MINH, ward) == [("Ngô Đức Thắng", "2026-12-04")]
    # a call by honorific and a capital in written text are names still
    assert _tasks("Nguyễn Văn An: anh minh bố trí lực lượng giữ trật tự trước thứ sáu nhé", ward) == \
        [("Trịnh Văn Minh", "2026-12-04")]
    assert ("Trịnh Văn Minh", "2026-12-04") in _tasks(
        "Nguyễn Văn An: Thắng xác minh đơn thư, Minh bố trí lực lượng trước thứ Sáu.", ward)


# --- a day said in words with no month ---

def test_a_day_in_words_alone_is_that_day_of_the_month():
    said = "tuấn chuẩn bị hội trường cho hội nghị tổng kết ngày hai mươi chín nhé"
    assert find_deadline(said, MONDAY)[0] == dt.date(2026, 12, 29)
    # a month after it, a count of days: the older rules read them
    assert find_deadline("xong trước ngày mười lăm tháng một", MONDAY)[0] == dt.date(2027, 1, 15)
    assert find_deadline("trong vòng mười ngày làm việc", MONDAY)[0] == dt.date(2026, 12, 14)


# --- a member asking the chair's opinion, with a date in it ---

OPINION = ("Nguyễn Văn An: ờ bắt đầu họp nhé\n"
           "Bùi Thanh Hương: anh ơi em xin ý kiến cái việc hội chợ xuân ngày hai mươi tháng mười hai ạ")


def test_asking_an_opinion_is_no_task_even_with_a_date(ward):
    assert _tasks(OPINION, ward) == []
    offer = "Nguyễn Văn An: Bắt đầu họp.\nLê Minh Tuấn: Em xin gửi danh sách trước thứ Năm tuần sau ạ."
    assert _tasks(offer, ward) == [("Lê Minh Tuấn", "2026-12-10")]
