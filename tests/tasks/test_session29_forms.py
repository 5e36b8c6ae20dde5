"""Session 29's forms (docs/meetings.md, "Session 29"), each in new words written for this file (not the training
meetings' sentences): each setting switched off and on, and where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import clause_tasks, clauses, deadlines, doers, phrases, roster
from appliance.tasks.extract import extract_tasks
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, tasks_said

_FLAGGED = (clause_tasks, clauses, deadlines, doers, phrases, roster)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION29_")
    return monkeypatch


def _firm(said: str, ward) -> list:
    roster, calendar = ward
    return [(t.assignee, t.deadline, t.confidence >= 0.5) for t in extract_tasks(said, MONDAY, calendar, roster=roster)]


# --- clause_tasks.SESSION29_AWAY_DATE: the day the same doer is away opens a clause of its own ---

@pytest.mark.parametrize(("said", "on_due", "off_due"), [
    # a member saying whose job it is, and that they are away today: no task (it took "hôm nay" as a deadline)
    ("Nguyễn Văn An: Việc đèn ngõ ai theo dõi?\nNgô Đức Thắng: Dạ, chiếu sáng do anh Huy theo dõi, hôm nay anh Huy "
     "đi học ạ.", [], [("Đỗ Quang Huy", "2026-11-30")]),
    # the chair's order, then the day the doer is at a meeting: the order has no date
    ("Nguyễn Văn An: Chị Hà tổng hợp hồ sơ tồn, thứ Năm chị Hà đi họp quận nên gửi trước đó nhé.",
     [("Phạm Thu Hà", None)], [("Phạm Thu Hà", "2026-12-03")]),
    ("Nguyễn Văn An: anh nam đo lại thửa đất ở tổ tám, thứ sáu anh nam nghỉ phép",
     [("Hoàng Văn Nam", None)], [("Hoàng Văn Nam", "2026-12-04")]),
    # recogniser text, no comma: the date right before the same doer, away
    ("Nguyễn Văn An: việc loa ai theo dõi\nLê Thị Lan: dạ loa do anh tuấn theo dõi hôm nay anh tuấn đi công tác ạ",
     [], [("Lê Minh Tuấn", "2026-11-30")]),
])
def test_the_day_away_is_no_deadline(ward, on, said: str, on_due: list, off_due: list) -> None:
    assert tasks_said(_A + said, ward) == on_due
    on.setattr(clause_tasks, "SESSION29_AWAY_DATE", False)
    assert tasks_said(_A + said, ward) == off_due


@pytest.mark.parametrize(("said", "due"), [
    # the same doer going on with work: the date is theirs, as before
    ("Nguyễn Văn An: Anh Hùng kiểm tra lại ngõ 5, thứ Sáu anh Hùng gửi quận.", [("Trần Văn Hùng", "2026-12-04")]),
    # another doer's date: theirs, as before
    ("Nguyễn Văn An: Anh Hùng kiểm tra lại ngõ 5, thứ Sáu chị Lan gửi quận.",
     [("Trần Văn Hùng", None), ("Lê Thị Lan", "2026-12-04")]),
    # the date inside the doer's own clause, the absence after it: the date stays
    ("Nguyễn Văn An: Chị Hà gửi số liệu trước thứ Năm, chị Hà đi họp quận thứ Sáu.", [("Phạm Thu Hà", "2026-12-03")]),
])
def test_a_date_that_stays(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- phrases.SESSION29_BRING_OBJECT: "mang / đem" what is brought, then where to, is work ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Công an phường mang hồ sơ vụ việc lên quận trước thứ Sáu.", [("Công an phường", "2026-12-04")]),
    ("Nguyễn Văn An: tổ tám mang quà đến tận nhà các cụ trước thứ bảy nhé", [("Tổ dân phố số 8", "2026-12-05")]),
    ("Nguyễn Văn An: Phòng Văn hóa - Xã hội mang tài liệu xuống các tổ trước thứ Sáu.",
     [("Phòng Văn hóa - Xã hội", "2026-12-04")]),
])
def test_bringing_something_somewhere(ward, on, said: str, due: list) -> None:
    assert _firm(_A + said, ward) == [(*due[0], True)]
    on.setattr(phrases, "SESSION29_BRING_OBJECT", False)
    assert _firm(_A + said, ward) != [(*due[0], True)]  # none, or put by the sentence model as "cần xác nhận"


@pytest.mark.parametrize(("said", "due"), [
    # carrying along: residents told what to bring, no doer
    ("Nguyễn Văn An: Bà con nhớ mang theo căn cước khi lên nhận quà nhé.", []),
    # "mang theo" after a unit: carrying along, no place it is brought to
    ("Nguyễn Văn An: Tổ 8 mang theo chổi, xẻng thứ Bảy.", []),
    # no place after: wearing
    ("Nguyễn Văn An: Hội Phụ nữ mang áo dài hôm lễ nhé.", []),
])
def test_mang_that_is_no_bringing(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION29_DELEGATE: a member handing their own task down to someone else ---

_GIVEN = "Nguyễn Văn An: Chị Hương làm kế hoạch văn nghệ mừng Xuân, trước thứ Sáu gửi anh.\n"


@pytest.mark.parametrize(("said", "off"), [
    (_GIVEN + "Bùi Thanh Hương: Dạ việc đó để em giao anh Tuấn ạ.", [("Bùi Thanh Hương", "2026-12-04")]),
    (_GIVEN + "Bùi Thanh Hương: dạ tuần này em đi tập huấn để em giao tuấn nhé", [("Bùi Thanh Hương", "2026-12-04")]),
    # the unit given the task, its head hands it down
    ("Nguyễn Văn An: Phòng Văn hóa - Xã hội làm kế hoạch văn nghệ mừng Xuân, trước thứ Sáu gửi anh.\n"
     "Bùi Thanh Hương: Dạ, để chị giao cho Tuấn làm ạ.", [("Phòng Văn hóa - Xã hội", "2026-12-04")]),
])
def test_a_task_handed_down(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == [("Lê Minh Tuấn", "2026-12-04")]  # the one named, with the task's date
    on.setattr(clause_tasks, "SESSION29_DELEGATE", False)
    assert tasks_said(_A + said, ward) == off


@pytest.mark.parametrize(("said", "due"), [
    # a suggestion put to the chair ("định / tính giao"): as before
    (_GIVEN + "Bùi Thanh Hương: Dạ em định giao anh Tuấn làm ạ.", [("Bùi Thanh Hương", "2026-12-04")]),
    # the chair putting off whom to give it to: no task
    ("Nguyễn Văn An: Việc làm băng rôn thì để anh giao sau.", []),
    # handing over papers ("bàn giao") is work of the speaker's, no delegation
    ("Nguyễn Văn An: Anh Hùng soạn hợp đồng trước thứ Năm.\nTrần Văn Hùng: Dạ, để em bàn giao hồ sơ cho anh Nam.",
     [("Trần Văn Hùng", "2026-12-03")]),
])
def test_no_task_handed_down(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- phrases.SESSION29_MOVE_WORDS: "cho em đến <day>", "(hạn) đổi / chuyển sang <day>" move a deadline ---

_REPORT = "Nguyễn Văn An: Chị Hà tổng hợp số liệu một cửa trước thứ Năm.\n"


@pytest.mark.parametrize("said", [
    _REPORT + "Phạm Thu Hà: Dạ thứ Năm em vướng họp quận, cho em đến thứ Sáu ạ.\nNguyễn Văn An: Được.",
    _REPORT + "Phạm Thu Hà: dạ cho em xin tới thứ sáu ạ\nNguyễn Văn An: được",
    _REPORT + "Nguyễn Văn An: À hạn số liệu của chị Hà đổi sang thứ Sáu nhé.",
    _REPORT + "Nguyễn Văn An: thôi chuyển hạn sang sáng thứ sáu cho chị hà",
    _REPORT + "Nguyễn Văn An: Số liệu của chị Hà lùi lại một hôm, thứ Sáu nhé.",
    _REPORT + "Nguyễn Văn An: Chị Hà không phải vội, để đến thứ Sáu cũng được.",
])
def test_a_deadline_moved_in_other_words(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Phạm Thu Hà", "2026-12-04")]
    on.setattr(phrases, "SESSION29_MOVE_WORDS", False)
    assert tasks_said(_A + said, ward) == [("Phạm Thu Hà", "2026-12-03")]


@pytest.mark.parametrize(("said", "due"), [
    # asked, refused: the old date
    (_REPORT + "Phạm Thu Hà: Anh cho em đến thứ Sáu ạ.\nNguyễn Văn An: Không được, thứ Năm quận cần rồi.",
     [("Phạm Thu Hà", "2026-12-03")]),
    # "chuyển sang" a unit, no day right after: no move
    (_REPORT + "Nguyễn Văn An: Hồ sơ đất thì chuyển sang phòng Kinh tế, thứ Sáu báo anh.",
     [("Phạm Thu Hà", "2026-12-03")]),
    # "cho em đến dự": no day
    (_REPORT + "Phạm Thu Hà: Anh cho em đến dự hội nghị quận nhé.\nNguyễn Văn An: Ừ.", [("Phạm Thu Hà", "2026-12-03")]),
    # "lùi lại" with no day after it in the sentence: nothing moves
    (_REPORT + "Nguyễn Văn An: Việc họp tổ thì lùi lại, chưa họp.", [("Phạm Thu Hà", "2026-12-03")]),
])
def test_no_deadline_moved(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clauses.SESSION29_FRONTED_PROPOSAL: the day said before the pronoun in "… em gửi được không" is proposed ---

@pytest.mark.parametrize("said", [
    _REPORT + "Phạm Thu Hà: Thứ Năm em sợ không kịp, thứ Sáu em gửi được không anh?\nNguyễn Văn An: Ừ, được.",
    _REPORT + "Phạm Thu Hà: dạ thứ năm em vướng lịch trực thứ sáu em nộp được không ạ\nNguyễn Văn An: ừ thế cũng được",
])
def test_a_fronted_day_proposed(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Phạm Thu Hà", "2026-12-04")]
    on.setattr(clauses, "SESSION29_FRONTED_PROPOSAL", False)
    assert tasks_said(_A + said, ward) == [("Phạm Thu Hà", "2026-12-03")]


@pytest.mark.parametrize(("said", "due"), [
    # refused: the old date
    (_REPORT + "Phạm Thu Hà: Thứ Sáu em gửi được không anh?\nNguyễn Văn An: Không, thứ Năm nhé.",
     [("Phạm Thu Hà", "2026-12-03")]),
    # the day said earlier in the sentence, not right before the pronoun: no new date
    (_REPORT + "Phạm Thu Hà: Thứ Sáu quận họp, em gửi được không anh?\nNguyễn Văn An: Ừ.",
     [("Phạm Thu Hà", "2026-12-03")]),
])
def test_no_fronted_day(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION29_WISH: a wish or hope opening the clause gives nobody work ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Hy vọng Công an phường giữ vững an ninh dịp cuối năm.",
    "Nguyễn Văn An: Chúc chị Hương tổ chức thành công hội diễn.",
    "Nguyễn Văn An: tôi hy vọng tổ bảy dọn xong ngõ trước tết",
    "Nguyễn Văn An: Mong rằng phòng Kinh tế sớm hoàn thành dự án vỉa hè.",
])
def test_a_wish_is_no_task(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION29_WISH", False)
    assert tasks_said(_A + said, ward) != []


@pytest.mark.parametrize(("said", "due"), [
    # "chúc" inside the work, after the doer: as before
    ("Nguyễn Văn An: Mai in thiệp chúc Tết gửi các đơn vị trước thứ Năm.", [("Vũ Thị Mai", "2026-12-03")]),
    # a wish in the sentence before the order: the order stands
    ("Nguyễn Văn An: Chúc mọi người năm mới vui vẻ. Anh Hùng gửi báo cáo trước thứ Sáu.",
     [("Trần Văn Hùng", "2026-12-04")]),
    # a bare "mong": a polite request, as before
    ("Nguyễn Văn An: Tôi mong chị Lan gửi báo cáo trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
])
def test_no_wish(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- deadlines.SESSION29_MAI_PLACE: "mai động", "mai hắc đế", "tập thể mai …" in recogniser text are places ---

@pytest.mark.parametrize("said", [
    "anh minh tăng cường tuần tra ở khu tập thể mai động nhé",
    "anh hùng thay đèn đoạn mai hắc đế nhé",
    "tuấn treo băng rôn ở tập thể mai hương",
])
def test_a_place_named_mai_is_no_tomorrow(on, said: str) -> None:
    assert deadlines.find_deadline(said, MONDAY) is None
    on.setattr(deadlines, "SESSION29_MAI_PLACE", False)
    assert deadlines.find_deadline(said, MONDAY) is not None


@pytest.mark.parametrize("said", [
    "anh minh tuần tra ở mai động từ mai",        # the second "mai": tomorrow
    "tổ năm mai động viên bà con dọn ngõ",        # "động viên": a verb, tomorrow
    "chị lan gửi báo cáo mai nhé",
])
def test_tomorrow_still(on, said: str) -> None:
    found = deadlines.find_deadline(said, MONDAY)
    assert found is not None and found[0].isoformat() == "2026-12-01"


# --- deadlines.SESSION29_WEEKDAY_DATE: a weekday named with its date is that date ---

_FRIDAY = dt.date(2026, 12, 4)


def _due_on(said: str, meeting: dt.date) -> str | None:
    found = deadlines.find_deadline(said, meeting)
    return found[0].isoformat() if found else None


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo trước thứ Năm 17/12.", "2026-12-17"),
    ("anh hùng xong trước thứ năm ngày mười bảy tháng mười hai", "2026-12-17"),
    ("Chị Hà gửi quận chậm nhất thứ Hai 21/12.", "2026-12-21"),
])
def test_a_weekday_with_its_date(on, said: str, due: str) -> None:
    assert _due_on(said, _FRIDAY) == due
    on.setattr(deadlines, "SESSION29_WEEKDAY_DATE", False)
    assert _due_on(said, _FRIDAY) != due  # the next such weekday, a week early


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo thứ Năm tuần sau.", "2026-12-10"),      # no date: as before
    ("Chị Lan gửi báo cáo trước thứ Sáu, còn hội nghị ngày 18/12.", "2026-12-11"),  # the date after a comma, another
])
def test_a_weekday_alone(on, said: str, due: str) -> None:
    assert _due_on(said, _FRIDAY) == due


# --- deadlines.SESSION29_BARE_DAY_MONTH: a day and its month in words, no word before, are that date ---

@pytest.mark.parametrize(("said", "due"), [
    ("tuấn in giấy mời mười tám tháng mười hai phải có", "2026-12-18"),
    ("chị hà gửi hồ sơ lên quận hai mươi mốt tháng mười hai nhé", "2026-12-21"),
    ("anh sơn hoàn thành danh sách mười lăm tháng một", "2027-01-15"),
])
def test_a_day_and_month_in_words(on, said: str, due: str) -> None:
    assert _due_on(said, _FRIDAY) == due
    on.setattr(deadlines, "SESSION29_BARE_DAY_MONTH", False)
    assert _due_on(said, _FRIDAY) != due  # the month's last day


@pytest.mark.parametrize(("said", "due"), [
    ("thời gian thi công là ba tháng mười ngày", None),             # a span
    ("chị hà làm báo cáo sáu tháng đầu năm trước thứ năm", "2026-12-10"),  # no month's number after "tháng"
    ("chị hà gửi trước ngày mười tám tháng mười hai", "2026-12-18"),  # with "ngày": as before
])
def test_no_bare_day_and_month(on, said: str, due: str | None) -> None:
    assert _due_on(said, _FRIDAY) == due


# --- phrases.SESSION29_DROP_WORDS: "bỏ việc đó", "thôi, bỏ nhé", "không giao nữa" drop the job just given ---

_PANO = "Nguyễn Văn An: Anh Huy làm pano tuyên truyền trước thứ Sáu.\n"


@pytest.mark.parametrize("said", [
    _PANO + "Nguyễn Văn An: À thành phố cấp pano rồi, thôi bỏ việc đó không giao nữa.",
    _PANO + "Nguyễn Văn An: thôi bỏ phần pano ấy nhé",
    _PANO + "Nguyễn Văn An: Thành phố cấp rồi thì thôi, bỏ nhé.",
    _PANO + "Nguyễn Văn An: Pano thì không triển khai nữa.",
])
def test_a_job_dropped(ward, on, said: str) -> None:
    assert [firm for firm in _firm(_A + said, ward) if firm[2]] == []  # none, or the sentence model's "cần xác nhận"
    on.setattr(phrases, "SESSION29_DROP_WORDS", False)
    assert ("Đỗ Quang Huy", "2026-12-04", True) in _firm(_A + said, ward)


@pytest.mark.parametrize(("said", "due"), [
    # "bỏ phiếu", "bỏ rác": work, not dropping it
    (_PANO + "Nguyễn Văn An: Tổ 5 tổ chức cho bà con bỏ phiếu trước thứ Bảy.",
     [("Tổ dân phố số 5", "2026-12-05"), ("Đỗ Quang Huy", "2026-12-04")]),
    # a job dropped long before (more than two turns): the one just given stays
    (_PANO + "Đỗ Quang Huy: Dạ.\nLê Thị Lan: Anh ơi em báo cáo lịch tuần.\nNguyễn Văn An: Ừ.\n"
     "Nguyễn Văn An: Chuyện hội diễn thì bỏ việc đó, không giao nữa.", [("Đỗ Quang Huy", "2026-12-04")]),
])
def test_no_job_dropped(ward, on, said: str, due: list) -> None:
    assert sorted(tasks_said(_A + said, ward)) == due


# --- roster.SESSION29_PLACE_NAMES: "lĩnh nam", "tân mai", "hoàng mai", "mai động", "minh khai" are places ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: thắng giám sát nạo vét ngõ hai trăm mười tám lĩnh nam xong trước tết dương lịch",
     [("Ngô Đức Thắng", "2026-12-31")]),
    ("Nguyễn Văn An: phòng kinh tế lập danh sách điểm lấn chiếm trên tuyến lĩnh nam báo cáo thứ tư tuần sau",
     [("Phòng Kinh tế, Hạ tầng và Đô thị", "2026-12-09")]),
    ("Nguyễn Văn An: anh hùng kiểm tra các công trình ở lĩnh nam gửi anh thứ sáu", [("Trần Văn Hùng", "2026-12-04")]),
])
def test_a_place_is_no_doer(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
    on.setattr(roster, "SESSION29_PLACE_NAMES", False)
    assert ("Hoàng Văn Nam", due[0][1]) in tasks_said(_A + said, ward)  # Nam took the work and its date


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: nam kiểm tra lại hồ sơ đất trước thứ sáu", [("Hoàng Văn Nam", "2026-12-04")]),  # Nam himself
    ("Nguyễn Văn An: Anh Nam xuống Lĩnh Nam đo lại thửa đất trước thứ Sáu.", [("Hoàng Văn Nam", "2026-12-04")]),
])
def test_the_names_still(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- rule R7 (session 29): "em báo lịch tháng mười hai ạ" (the month in words) takes the floor, as "tháng 12" does ---

@pytest.mark.parametrize("said", [
    "Lê Thị Lan: dạ em báo lịch tháng mười hai ạ",
    "Lê Thị Lan: dạ em báo cáo tình hình tháng mười một ạ",
])
def test_taking_the_floor_with_the_month_in_words(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


# --- doers.SESSION29_OFFER_IN_RUN: "để em <verb>" inside a recogniser run offers to do it ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: việc sửa loa thế nào rồi\nTrần Văn Hùng: dạ bên em đang liên hệ để em làm xong hồ sơ "
     "thứ hai em gửi anh ạ", [("Trần Văn Hùng", "2026-12-07")]),
    ("Nguyễn Văn An: ai in giấy mời\nVũ Thị Mai: dạ văn phòng còn giấy để em in luôn chiều nay ạ",
     [("Vũ Thị Mai", "2026-11-30")]),
])
def test_an_offer_inside_a_run(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
    on.setattr(doers, "SESSION29_OFFER_IN_RUN", False)
    assert tasks_said(_A + said, ward) != due


@pytest.mark.parametrize(("said", "due"), [
    # so that I can: after sending
    ("Lê Thị Lan: anh gửi file cho em để em làm báo cáo nhé", []),
    # thinking it over
    ("Lê Thị Lan: dạ việc đó em chưa rõ để em xem lại", []),
    # written text with its commas: as before (no date, no task)
    ("Lê Thị Lan: Dạ, bên em đang rà soát, để em làm xong thì gửi anh.", []),
])
def test_no_offer_inside_a_run(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due
