"""Session 12's forms (docs/meetings.md, "Session 12") that are still read, each in new words written for this file
(not the training meetings' sentences), and the cases where the form must not fire. Session 16 made the forms rule R1
left on unconditional (each case names the setting it had) and retired those it left off, with their tests."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

import pytest

from appliance.tasks import clause_model, clauses, deadlines, dialogue, extract, phrases, roster
from appliance.tasks.deadlines import find_deadline
from tests.tasks.transcripts import MONDAY, Pairs, tasks_said


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rules' reading, without the sentence model


_tasks = tasks_said


def _key(pair: tuple[str, str | None]) -> tuple[str, str]:
    return pair[0], pair[1] or ""


# (the setting it had until session 16, transcript, what it gives)
FORMS: list[tuple[ModuleType, str, str, Pairs]] = [
    # a call by a bare name and "này,": the "em" after it is the one called, not the last speaker
    (roster, "SESSION12_NAY_CALL",
     "Nguyễn Văn An: Còn hồ sơ hỗ trợ học bổng thì sao?\n"
     "Bùi Thanh Hương: Dạ, danh sách năm ngoái vẫn còn lưu ạ.\n"
     "Nguyễn Văn An: Tuấn này, em lập danh sách các cháu đủ điều kiện, gửi chị Hương trước thứ Sáu nhé.",
     [("Lê Minh Tuấn", "2026-12-04")]),
    # a group's officer naming the group in words speaks for it
    (dialogue, "SESSION12_SELF_GROUP_WORDS",
     "Nguyễn Văn An: mời bác tổ trưởng tổ chín có ý kiến\n"
     "Người nói 1: dạ tôi là tổ trưởng tổ chín tổ tôi sẽ vận động các hộ phát quang bụi rậm trước chủ nhật này",
     [("Tổ dân phố số 9", "2026-12-06")]),
    # the pronoun before the recap's verb is the one recapping
    (clauses, "SESSION12_RECAP_SPEAKER",
     "Nguyễn Văn An: chị hương lập danh sách hộ cận nghèo gửi anh thứ sáu\n"
     "Trịnh Văn Minh: dạ rõ\n"
     "Nguyễn Văn An: thôi anh nhắc lại chị hương danh sách hộ cận nghèo thứ sáu",
     [("Bùi Thanh Hương", "2026-12-04")]),
    # the recap's first item is measured without its header: its date moves the task's
    (extract, "SESSION12_RECAP_HEADER",
     "Nguyễn Văn An: Anh Hùng rà soát biển quảng cáo trên phố Tam Trinh, trình tôi trong tuần này.\n"
     "Trần Văn Hùng: Dạ.\n"
     "Nguyễn Văn An: Tôi chốt lại nhé: anh Hùng rà soát biển quảng cáo phố Tam Trinh, thứ Tư tuần sau trình tôi; "
     "còn lại như đã bàn.",
     [("Trần Văn Hùng", "2026-12-09")]),
    # "dịp cuối năm" is the season the work is for; the day said before the doer is the deadline
    (deadlines, "SESSION12_OCCASION",
     "Nguyễn Văn An: trong tuần này thì huy liên hệ công ty cây xanh cắt tỉa cây dịp cuối năm nhé",
     [("Đỗ Quang Huy", "2026-12-04")]),
    # a given name as the second word of a place in recogniser text
    (roster, "SESSION12_PLACE_NAME",
     "Nguyễn Văn An: anh hùng cho sửa đèn chiếu sáng trên đường lĩnh nam xong trước thứ sáu nhé",
     [("Trần Văn Hùng", "2026-12-04")]),
    # the chair attending
    (clauses, "SESSION12_CHAIR_ATTENDS", "Nguyễn Văn An: Hội nghị tuyên dương thứ Sáu này tôi sẽ dự và phát biểu.", []),
    # a member taking the floor
    (clauses, "SESSION12_SPEAK_NOW",
     "Nguyễn Văn An: Chị Hà nói qua tình hình tiếp nhận hồ sơ.\n"
     "Phạm Thu Hà: Dạ, em báo cáo nhanh ạ. Tuần này Trung tâm nhận hơn ba trăm hồ sơ.", []),
    # "Y đôn đốc." after the doer oversees the task
    (clauses, "SESSION12_OVERSEE",
     "Nguyễn Văn An: Việc nạo vét kênh giao Đoàn Thanh niên làm trước chủ nhật này, anh Tuấn đôn đốc.",
     [("Đoàn Thanh niên", "2026-12-06")]),
    # ready to do it is not done
    (clauses, "SESSION12_READY",
     "Nguyễn Văn An: Chị Lan gửi giấy mời hội nghị cho các tổ trong hôm nay nhé.\n"
     "Lê Thị Lan: Dạ, giấy mời em in sẵn rồi ạ.",
     [("Lê Thị Lan", "2026-11-30")]),
    # noting it down is no task, and "ghi rồi" does not cancel the task just given
    (clauses, "SESSION12_NOTED",
     "Nguyễn Văn An: Anh Tuấn lo băng rôn khẩu hiệu, xong trước thứ Năm nhé. Tuấn ghi lại luôn.\n"
     "Lê Minh Tuấn: Dạ em ghi rồi ạ.",
     [("Lê Minh Tuấn", "2026-12-03")]),
    # after an excuse, "à thôi … để X làm" with its date takes the task of the one excused
    (extract, "SESSION12_REASSIGN_EXCUSE",
     "Nguyễn Văn An: còn anh hùng thì kiểm tra cống ngõ tám trong năm ngày làm việc\n"
     "Lê Thị Lan: dạ\n"
     "Trần Văn Hùng: anh ơi tuần này em đi họp quận cả tuần ạ\n"
     "Nguyễn Văn An: à thế à thôi cống ngõ tám thì để huy làm vẫn năm ngày làm việc nhé",
     [("Đỗ Quang Huy", "2026-12-07")]),
    # … and "X làm việc này" after the doer asked to be spared it
    (extract, "SESSION12_REASSIGN_EXCUSE",
     "Nguyễn Văn An: Việc đó Huy làm với bên thuế nhé.\n"
     "Đỗ Quang Huy: Anh ơi, em đang dở đợt kiểm kê, anh cho em lùi sang tuần sau được không ạ?\n"
     "Nguyễn Văn An: Không lùi được. Thôi được, Thắng làm việc này, thứ Sáu có danh sách cho anh.",
     [("Ngô Đức Thắng", "2026-12-04")]),
    # a sentence about the deadline dates the task just given
    (clauses, "SESSION12_DEADLINE_TOPIC",
     "Nguyễn Văn An: Báo cáo tổng kết phong trào giao Văn phòng làm. Hạn thì mình gửi quận trước ngày 10/12.",
     [("Văn phòng HĐND và UBND", "2026-12-10")]),
    # the chair agreeing to an offer in their own words is the same task
    (extract, "SESSION12_CONFIRM_OFFER",
     "Nguyễn Văn An: Băng rôn năm nay thế nào?\n"
     "Trần Văn Hùng: Dạ, em xin treo xong trước ngày 20 ạ.\n"
     "Nguyễn Văn An: Ừ, anh Hùng treo băng rôn trên các tuyến phố chính trước ngày 20/12 nhé.",
     [("Trần Văn Hùng", "2026-12-20")]),
    # how to do the task just given is no second task
    (extract, "SESSION12_HOW_TO",
     "Nguyễn Văn An: chị hương thì tổng hợp danh sách các cháu đạt giải gửi lên trước thứ sáu\n"
     "Bùi Thanh Hương: dạ nhưng mấy trường năm nào cũng gửi chậm\n"
     "Nguyễn Văn An: thì em gọi điện nhắc từng trường nhé",
     [("Bùi Thanh Hương", "2026-12-04")]),
    # accepting a few turns later, others answering in between
    (extract, "SESSION12_ACCEPT_LATER",
     "Nguyễn Văn An: chị hương gửi chị lan phần văn hóa trong hai ngày làm việc còn anh hùng gửi phần kinh tế "
     "sáng mai\n"
     "Trần Văn Hùng: dạ vâng sáng mai em gửi ạ\n"
     "Lê Thị Lan: anh ơi phần an ninh thì bên công an gửi rồi ạ\n"
     "Bùi Thanh Hương: dạ em gửi thứ tư ạ",
     [("Bùi Thanh Hương", "2026-12-02"), ("Trần Văn Hùng", "2026-12-01")]),
    # asking for another date for one's own task given long before, and the chair agreeing
    (extract, "SESSION12_PROPOSE_REACH",
     "Nguyễn Văn An: Anh Nam rà soát hồ sơ đất công ở tổ 3, thứ Tư báo cáo tôi.\n"
     "Hoàng Văn Nam: Dạ.\n"
     "Nguyễn Văn An: Chị Hà nói qua tình hình bộ phận một cửa.\n"
     "Phạm Thu Hà: Dạ, tuần này hồ sơ ổn định ạ.\n"
     "Nguyễn Văn An: Tốt.\n"
     "Bùi Thanh Hương: Anh ơi, đợt tặng quà vừa rồi bà con rất phấn khởi ạ.\n"
     "Nguyễn Văn An: Ừ, tốt.\n"
     "Hoàng Văn Nam: Anh An, thứ Tư em đi đo đạc ở tổ 12 cả ngày, em xin báo cáo anh vào thứ Năm được không ạ?\n"
     "Nguyễn Văn An: Được, thứ Năm.",
     [("Hoàng Văn Nam", "2026-12-03")]),
    # "hôm đấy" and the event day said earlier in the sentence
    (extract, "SESSION12_THAT_DAY",
     "Nguyễn Văn An: rồi thứ bảy này mình ra quân dọn vệ sinh ở tổ năm anh minh bố trí lực lượng giữ trật tự "
     "hôm đấy nhé",
     [("Trịnh Văn Minh", "2026-12-05")]),
]


@pytest.mark.parametrize(("module", "setting", "said", "expected"), FORMS,
                         ids=[f"{m.__name__.rsplit('.', 1)[-1]}.{s}" for m, s, _t, _e in FORMS])
def test_the_form(ward, module, setting, said, expected):
    assert sorted(_tasks(said, ward), key=_key) == sorted(expected, key=_key)


# Where the forms must not fire: the reading before session 12 stands.
NOT_THESE: list[tuple[str, Pairs]] = [
    # a name with "này," that does not open the sentence is no call
    ("Nguyễn Văn An: Hồ sơ của Tuấn này, chị Hương kiểm tra lại trước thứ Sáu.",
     [("Bùi Thanh Hương", "2026-12-04")]),
    # the chair's "em" answering a member's question is still the one who asked
    ("Nguyễn Văn An: Tiếp theo là quà Tết cho các hộ chính sách.\n"
     "Bùi Thanh Hương: Anh ơi, em có cần gửi danh sách cho quận không ạ?\n"
     "Nguyễn Văn An: Ừ, em gửi luôn trước thứ Sáu.", [("Bùi Thanh Hương", "2026-12-04")]),
    # organising a training is work, not being away at one
    ("Nguyễn Văn An: Lực lượng dân phòng thì sao?\n"
     "Trịnh Văn Minh: Dạ, thứ Năm em tổ chức tập huấn cho anh em dân phòng ạ.", [("Trịnh Văn Minh", "2026-12-03")]),
    # someone else attending in the chair's place is a task
    ("Nguyễn Văn An: Anh Sơn dự thay tôi hội nghị quận thứ Sáu nhé.", [("Cao Văn Sơn", "2026-12-04")]),
    # reporting to the chair later is work, not taking the floor now
    ("Nguyễn Văn An: Số liệu hồ sơ trễ hạn thế nào?\nPhạm Thu Hà: Dạ, thứ Sáu em báo cáo anh số liệu ạ.",
     [("Phạm Thu Hà", "2026-12-04")]),
    # "đôn đốc" as the task itself
    ("Nguyễn Văn An: Anh Tuấn đôn đốc các tổ nộp quỹ khuyến học trước thứ Sáu.", [("Lê Minh Tuấn", "2026-12-04")]),
    # a junior's "để em báo cáo anh" is an offer, not a leader deferring to a superior
    ("Nguyễn Văn An: Số liệu thu phí chợ thế nào?\nPhạm Thu Hà: Để em báo cáo anh số liệu chiều nay ạ.",
     [("Phạm Thu Hà", "2026-11-30")]),
    # a name at the head of a recogniser clause is still a name
    ("Nguyễn Văn An: thế thì nam kiểm tra lại mốc giới đoạn đường tam trinh xong trước thứ sáu báo anh",
     [("Hoàng Văn Nam", "2026-12-04")]),
]


@pytest.mark.parametrize(("said", "expected"), NOT_THESE)
def test_where_the_forms_do_not_fire(ward, said, expected):
    assert sorted(_tasks(said, ward), key=_key) == sorted(expected, key=_key)


def test_a_leader_deferring_to_a_superior_and_a_cancelled_job_give_nothing(ward):
    assert _tasks("Nguyễn Văn An: Việc lắp camera ở cổng chợ thì để tôi xin ý kiến Thường trực Đảng ủy đã.", ward) == []
    assert _tasks("Nguyễn Văn An: Hôm trước tôi có bảo Thắng đi kiểm kê tài sản các nhà văn hóa, thôi việc đó hủy "
                  "nhé.", ward) == []
    assert phrases.CANCEL.search("thôi việc đó hủy nhé") is not None
    # "hủy bỏ" as the work itself is a task
    assert _tasks("Nguyễn Văn An: Anh Thắng làm văn bản hủy bỏ quyết định cũ trước thứ Sáu.", ward) == [
        ("Ngô Đức Thắng", "2026-12-04")]
    # putting the work off is still a deferral
    assert _tasks("Nguyễn Văn An: Việc sửa nhà văn hóa tổ 3 thì tạm hoãn lại, chị Hương chưa phải làm.", ward) == []


@pytest.mark.parametrize(("said", "due"), [
    ("xong trước ngày mồng năm tháng mười hai", dt.date(2026, 12, 5)),  # "mồng" before a day and its month
    ("Được, ngày 14 nhé.", dt.date(2026, 12, 14)),                       # "ngày 14" alone
])
def test_date_forms(said, due):
    found = find_deadline(said, MONDAY)
    assert (found[0] if found else None) == due


@pytest.mark.parametrize(("said", "due"), [
    ("trong 14 ngày", dt.date(2026, 12, 14)),                 # a span, not the 14th
    ("trước ngày 14 tháng 1", dt.date(2027, 1, 14)),
    ("vào thứ Hai, ngày 15", dt.date(2026, 12, 7)),            # the 15th is a Tuesday: not the same day said again
])
def test_date_forms_leave_other_dates_alone(said, due):
    found = find_deadline(said, MONDAY)
    assert found is not None and found[0] == due


def test_the_refitted_sentence_model_is_read():
    assert clause_model.weights() == clause_model.WEIGHTS_S12
    refit = clause_model.model()
    assert refit is not None and refit.weights
