"""Session 28's forms (docs/meetings.md, "Session 28"), each in new words written for this file (not the training
meetings' sentences): each setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_tasks, cues, deadlines, doers, open_task, roster
from appliance.tasks.extract import extract_tasks
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, tasks_said

_FLAGGED = (clause_tasks, cues, deadlines, doers, open_task, roster)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION28_")
    return monkeypatch


def _due(said: str) -> str | None:
    found = deadlines.find_deadline(said, MONDAY)  # Monday 30/11/2026
    return found[0].isoformat() if found else None


# --- deadlines.SESSION28_SPAN_WORDS: "trong thời hạn / không quá / tối đa / hạn" + so many days is a span ---

@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo trong thời hạn 5 ngày.", "2026-12-05"),
    ("Anh Nam trả lời bà Tâm không quá 3 ngày.", "2026-12-03"),
    ("Huy hoàn thiện hồ sơ, hạn 3 ngày.", "2026-12-03"),
    ("chị hà rà soát lại tối đa hai tuần", "2026-12-14"),
])
def test_a_span_after_a_bounding_word(on, said: str, due: str) -> None:
    assert _due(said) == due
    on.setattr(deadlines, "SESSION28_SPAN_WORDS", False)
    assert _due(said) != due


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo, thời hạn 5 ngày làm việc.", "2026-12-07"),         # working days: as before
    ("Chị Lan nộp hồ sơ trước thứ Sáu, hạn 3 ngày là hạn của quận.", "2026-12-04"),  # a deadline word wins
    ("Chị Lan gửi báo cáo trong mấy ngày tới.", None),                         # no number
])
def test_spans_that_stay(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- deadlines.SESSION28_CHRISTMAS: "trước Noel / lễ Giáng sinh", "đêm Nô-en" is the 24th of December ---

@pytest.mark.parametrize("said", [
    "Chị Lan gửi báo cáo trước Noel.",
    "Anh Minh trình phương án phân luồng trước lễ Giáng sinh.",
    "anh minh bố trí lực lượng trực khu nhà thờ đêm nô en",
])
def test_christmas_is_the_24th(on, said: str) -> None:
    assert _due(said) == "2026-12-24"
    on.setattr(deadlines, "SESSION28_CHRISTMAS", False)
    assert _due(said) is None


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Hương gửi thư chúc mừng Giáng sinh các giáo xứ.", None),              # the occasion, no day
    ("Anh Minh tăng cường tuần tra dịp Noel.", None),                            # the season (`_OCCASION`)
    ("Anh Minh làm phương án đêm Giáng sinh, gửi chị trước thứ Ba tuần sau.", "2026-12-08"),  # the deadline word
])
def test_christmas_named_without_a_day(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- clause_tasks.SESSION28_IF_WORDS: "giả sử / trường hợp … / hễ … là / lỡ …, thì" opens a condition ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: Trường hợp dân không đồng ý thì anh Hùng lập biên bản.", [("Trần Văn Hùng", None)]),
    ("Nguyễn Văn An: Giả sử hộ đó vẫn không chấp hành thì anh Thắng lập biên bản xử phạt.",
     [("Ngô Đức Thắng", None)]),
    ("Nguyễn Văn An: Trường hợp quận về kiểm tra đột xuất thì chị Lan báo cáo ngay trước thứ Sáu.",
     [("Lê Thị Lan", "2026-12-04")]),
    ("Nguyễn Văn An: Trong trường hợp hộ dân không hợp tác thì anh Thắng báo công an.", [("Ngô Đức Thắng", None)]),
    ("Nguyễn Văn An: Ngộ nhỡ có cháy thì anh Minh cho lực lượng xuống ngay.", [("Trịnh Văn Minh", None)]),
])
def test_a_condition_opened_otherwise(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION28_IF_WORDS", False)
    assert tasks_said(_A + said, ward) == off


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


# --- clause_tasks.SESSION28_WH_END: a question word closing the doer's clause asks, it gives nothing ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: thế chị lan gửi công văn cho quận khi nào", [("Lê Thị Lan", None)]),
    ("Nguyễn Văn An: anh sơn chuẩn bị hội trường đến đâu", [("Cao Văn Sơn", None)]),
    ("Nguyễn Văn An: chị hà tổng hợp được bao nhiêu hồ sơ", [("Phạm Thu Hà", None)]),
    ("Nguyễn Văn An: Thế anh Thắng kiểm tra công trình ở đâu.", [("Ngô Đức Thắng", None)]),
])
def test_a_question_word_at_the_end(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION28_WH_END", False)
    assert tasks_said(_A + said, ward) == off


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


# --- roster.SESSION28_CALL_WORDS: "X à," and, with no comma, "X à / này em …" call X; the "em" is X ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: huy à em kiểm tra lại phần mềm một cửa trong sáng mai nhé", [("Nguyễn Văn An", "2026-12-01")]),
    ("Nguyễn Văn An: Tuấn à, em gửi các tổ kế hoạch ra quân trước thứ Năm.", [("Nguyễn Văn An", "2026-12-03")]),
    ("Nguyễn Văn An: mai này em photo tài liệu hội nghị trước thứ tư nhé", [("Nguyễn Văn An", "2026-12-02")]),
])
def test_a_call_with_a_or_nay(ward, on, said: str, off: list) -> None:
    called = {"h": "Đỗ Quang Huy", "T": "Lê Minh Tuấn", "m": "Vũ Thị Mai"}[said.split(": ")[1][0]]
    assert tasks_said(_A + said, ward) == [(called, off[0][1])]
    on.setattr(roster, "SESSION28_CALL_WORDS", False)
    assert tasks_said(_A + said, ward) == off  # the chair's "em" was read as the chair


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


def test_a_call_then_the_matter(ward, on) -> None:
    said = (_A + "Lê Thị Lan: Anh ơi.\nNguyễn Văn An: anh sơn à cái loa ở nhà văn hóa tổ chín hỏng từ tuần trước "
            "rồi đấy anh cho người sửa trước thứ năm nhé")
    assert tasks_said(said, ward) == [("Cao Văn Sơn", "2026-12-03")]
    on.setattr(roster, "SESSION28_CALL_WORDS", False)
    assert tasks_said(said, ward) != [("Cao Văn Sơn", "2026-12-03")]


def test_a_then_taking_back(ward, on) -> None:
    said = _A + "Nguyễn Văn An: Tuấn làm băng rôn nhé. À thôi, Huy làm băng rôn trước thứ Năm."
    assert tasks_said(said, ward) == [("Đỗ Quang Huy", "2026-12-03")]


# --- doers.SESSION28_PLURAL: "hai em / các anh / cả hai chị" address a group, no one person ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Thắng với Nam, hai em đo lại ranh giới thửa đất trước thứ Năm.",
    "Nguyễn Văn An: thắng với nam các em đo lại ranh giới thửa đất trước thứ năm",
])
def test_a_group_addressed_is_not_the_chair(ward, on, said: str) -> None:
    assert ("Nguyễn Văn An", "2026-12-03") not in tasks_said(_A + said, ward)
    on.setattr(doers, "SESSION28_PLURAL", False)
    assert ("Nguyễn Văn An", "2026-12-03") in tasks_said(_A + said, ward)  # the chair's "em" read as the chair


@pytest.mark.parametrize(("said", "due"), [
    # a weekday's number before the pronoun: as before
    ("Lê Minh Tuấn: Dạ phần tuyên truyền để em làm, thứ Hai em gửi chị Hạnh duyệt ạ.",
     [("Lê Minh Tuấn", "2026-12-07")]),
    # one person called: as before
    ("Nguyễn Văn An: Thắng, em đo lại ranh giới thửa đất trước thứ Năm.", [("Ngô Đức Thắng", "2026-12-03")]),
])
def test_a_number_that_counts_no_group(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- cues.SESSION28_THIS_WAY: "thế này (nhé)" before a name leaves it a call; the pronoun after is the one called ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Thế này, anh Thắng, anh lập biên bản công trình nhà số 9 trước thứ Sáu.",
    "Nguyễn Văn An: Như thế này nhé chị Hương, chị rà soát danh sách hộ nghèo trước thứ Sáu.",
])
def test_a_call_after_the_opener(ward, on, said: str) -> None:
    called = "Ngô Đức Thắng" if "Thắng" in said else "Bùi Thanh Hương"
    roster_, calendar = ward
    firm = [(t.assignee, t.deadline, t.confidence >= 0.5) for t in extract_tasks(_A + said, MONDAY, calendar,
                                                                                   roster=roster_)]
    assert firm == [(called, "2026-12-04", True)]
    on.setattr(cues, "SESSION28_THIS_WAY", False)
    assert [(t.assignee, t.deadline, t.confidence >= 0.5) for t in extract_tasks(_A + said, MONDAY, calendar,
                                                                                  roster=roster_)] != firm


def test_this_way_with_no_call(ward, on) -> None:
    said = _A + "Lê Thị Lan: Thế này anh ạ, em gửi quận trước thứ Sáu."
    assert tasks_said(said, ward) == [("Lê Thị Lan", "2026-12-04")]  # the speaker's own offer, as before


# --- doers.SESSION28_RESIDENTS: a tổ right after "bà con / các hộ / người dân" is where the residents live ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Bà con tổ 8 khơi thông cống rãnh trước thứ Bảy nhé.",
    "Nguyễn Văn An: bà con tổ tám dọn vệ sinh ngõ trước thứ bảy nhé",
    "Nguyễn Văn An: Người dân tổ 8 đăng ký tiêm phòng trước thứ Bảy.",
])
def test_residents_of_a_group(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(doers, "SESSION28_RESIDENTS", False)
    assert tasks_said(_A + said, ward) == [("Tổ dân phố số 8", "2026-12-05")]


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Tổ 8 vận động bà con khơi thông cống rãnh trước thứ Bảy nhé.",
     [("Tổ dân phố số 8", "2026-12-05")]),
    ("Nguyễn Văn An: Anh Hùng làm việc với bà con tổ 8 trước thứ Bảy.", [("Trần Văn Hùng", "2026-12-05")]),
])
def test_the_group_itself(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION28_EVALUATION: the doer's clause closing on "rất / khá … X", "X lắm / quá" grades the work ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: Đợt này anh Sơn tổ chức huấn luyện dân quân rất bài bản.", [("Cao Văn Sơn", None)]),
    ("Nguyễn Văn An: chị hà sắp xếp quầy một cửa gọn gàng lắm", [("Phạm Thu Hà", None)]),
])
def test_an_evaluation_is_no_task(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION28_EVALUATION", False)
    assert tasks_said(_A + said, ward) == off


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


# --- deadlines.SESSION28_THIS_QUARTER, SESSION28_BARE_MONTH: "trong quý này / quý tới", "trong tháng" said bare ---

@pytest.mark.parametrize(("said", "due", "flag"), [
    ("Anh Hùng giải ngân xong vốn sửa đường trong quý này.", "2026-12-31", "SESSION28_THIS_QUARTER"),
    ("chị hà số hóa xong hồ sơ lưu trữ hết quý tới", "2027-03-31", "SESSION28_THIS_QUARTER"),
    ("Tuấn hoàn thiện hồ sơ khen thưởng trong tháng nhé.", "2026-11-30", "SESSION28_BARE_MONTH"),
])
def test_a_quarter_or_month_by_where_it_stands(on, said: str, due: str, flag: str) -> None:
    assert _due(said) == due
    on.setattr(deadlines, flag, False)
    assert _due(said) is None


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Hà gửi báo cáo quý này cho quận.", None),                 # the paper's quarter, no deadline
    ("Tuấn hoàn thiện hồ sơ khen thưởng trong tháng 12.", "2026-12-31"),  # the month named: as before
    ("Tuấn đã chi trả đủ trợ cấp trong tháng rồi.", None),           # gone
])
def test_quarters_and_months_that_stay(on, said: str, due: str | None) -> None:
    assert _due(said) == due


# --- clause_tasks.SESSION28_HAY_LA: a sentence opening with "hay là / hay mình" puts a way to the meeting ---

@pytest.mark.parametrize(("said", "off"), [
    ("Lê Thị Lan: chị ơi hay là để tuấn in thêm tờ rơi trước thứ năm", [("Lê Minh Tuấn", "2026-12-03")]),
    ("Phạm Thu Hà: Hay mình giao phòng Văn hóa - Xã hội in thêm tờ rơi trước thứ Năm anh nhỉ.",
     [("Phòng Văn hóa - Xã hội", "2026-12-03")]),
])
def test_how_about_is_asked(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION28_HAY_LA", False)
    assert tasks_said(_A + said, ward) == off


def test_an_alternative_inside_the_order(ward, on) -> None:
    said = _A + "Nguyễn Văn An: Tuấn in thêm tờ rơi trước thứ Năm, hay là in cả áp phích cũng được."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-03")]
