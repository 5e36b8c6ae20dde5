"""Session 15's forms (docs/meetings.md, "Session 15"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire; unconditional since session 18 (rule R8), the settings off by R1
deleted with their code."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import undated_drops
from appliance.tasks.clause_add import additions
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import turns
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, Pairs, tasks_said

_tasks = tasks_said


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- a part of the day, "hạn chót", "là", "vào" before a date with its month ---

@pytest.mark.parametrize(("said", "due"), [
    ("anh sơn cho dân quân trực chốt đêm ba mươi mốt tháng mười hai nhé", "2026-12-31"),
    ("lực lượng trực tối hai tư tháng mười hai ở nhà thờ", "2026-12-24"),
    ("tổ chức ra quân sáng hai mươi tháng mười hai", "2026-12-20"),
    ("hạn chót mười lăm tháng mười hai nộp hồ sơ về phường", "2026-12-15"),
    ("nộp báo cáo vào mười tám tháng sau nhé", "2026-12-18"),
])
def test_part_of_day_before_a_date_and_its_month(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    ("thời gian thực hiện là ba tháng mười ngày", None),  # a span, not 10 March
    ("sáng mai anh gửi lại", "2026-12-01"),                # a part of the day before "mai" keeps its reading
    ("tối nay tổ trực", "2026-11-30"),
])
def test_part_of_day_where_it_must_not_fire(ward: tuple[Roster, WorkCalendar], said: str, due: str | None) -> None:
    assert _due(said, ward) == due


# --- a withdrawn task's sentence is kept from its own doer only ---

DUTY = ("Nguyễn Văn An: Anh Nam trực tiếp dân sáng thứ Bảy 12/12 nhé.\nHoàng Văn Nam: Dạ.\n"
        "Nguyễn Văn An: À tháng này thôi, không trực nữa.")


def test_a_duty_called_off_is_not_added_back(ward: tuple[Roster, WorkCalendar]) -> None:
    assert _tasks(DUTY, ward) == []


class _Sure:
    """A sentence model sure that every sentence gives work (clause_add reads only these three)."""
    add = 0.5
    drop = 0.5

    def probability(self, sentence: str, names: frozenset[str], chair: bool) -> float:
        return 1.0


def test_the_sentence_may_still_be_read_for_someone_else(ward: tuple[Roster, WorkCalendar]) -> None:
    people, calendar = ward
    said = "Nguyễn Văn An: Mai gửi giấy mời cho các tổ trưởng trước thứ Sáu."
    lines = turns(said, people, "")
    sentence = "Mai gửi giấy mời cho các tổ trưởng trước thứ Sáu."
    read = [(a.person.name, a.deadline) for a in additions(
        lines, [], set(), _Sure(), frozenset(), people, MONDAY, calendar, (), [(sentence, "Lê Thị Lan")])]
    assert read == [("Vũ Thị Mai", dt.date(2026, 12, 4))]
    kept = additions(lines, [], set(), _Sure(), frozenset(), people, MONDAY, calendar, (), [(sentence, "Vũ Thị Mai")])
    assert kept == []


# --- "trễ hạn", "quá hạn" before a date mark no deadline ---

@pytest.mark.parametrize(("said", "due"), [
    ("chị rà soát hồ sơ trễ hạn tháng 10, thứ hai tuần sau báo cáo anh", "2026-12-07"),
    ("anh tổng hợp các hồ sơ quá hạn tháng mười một gửi em thứ năm", "2026-12-03"),
    ("em rà lại các hồ sơ quá hạn 15/11, trả lời dân trong tuần này", "2026-12-04"),
])
def test_late_files_of_a_month_name_no_deadline(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    ("chị làm xong đúng hạn ngày 5/12", "2026-12-05"),   # "đúng hạn" still marks it
    ("hạn chót 7/12 nhé", "2026-12-07"),
    ("gia hạn đến 10/12 cho tổ", "2026-12-10"),
])
def test_other_deadline_words_still_mark(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- a member's date said in reply moves no other person's task ---

OTHERS = ("Nguyễn Văn An: Chị Hương gửi số liệu văn hóa sáng mai, còn phần quân sự anh Sơn gửi thứ Năm nhé.\n"
          "Bùi Thanh Hương: Anh ơi mai thứ Ba ạ.")


def test_a_members_remark_on_a_date_leaves_anothers_task(ward: tuple[Roster, WorkCalendar]) -> None:
    assert _tasks(OTHERS, ward) == [("Bùi Thanh Hương", "2026-12-01"), ("Cao Văn Sơn", "2026-12-03")]


@pytest.mark.parametrize(("said", "expected"), [
    # the doer's own date in reply, and the chair's agreement, still date the task
    ("Nguyễn Văn An: Anh Sơn gửi kế hoạch huấn luyện dân quân nhé.\nCao Văn Sơn: Dạ, thứ Năm ạ.",
     [("Cao Văn Sơn", "2026-12-03")]),
    ("Nguyễn Văn An: Anh Sơn gửi kế hoạch huấn luyện dân quân nhé.\nCao Văn Sơn: Em gửi thứ Tư được không anh?\n"
     "Nguyễn Văn An: Được, thứ Tư.", [("Cao Văn Sơn", "2026-12-02")]),
])
def test_own_and_the_chairs_dates_still_count(ward: tuple[Roster, WorkCalendar], said: str, expected: Pairs) -> None:
    assert _tasks(said, ward) == expected


# --- more ways of making a request optional ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Chị Hương ghé thăm cụ Tư nếu không bận.",
    "Nguyễn Văn An: chị hương ghé thăm cụ tư nếu chị thu xếp được",
    "Nguyễn Văn An: Anh Sơn qua nhà văn hóa tổ 5 xem buổi tập văn nghệ, nếu rảnh.",
])
def test_optional_requests_give_no_task(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert _tasks(said, ward) == []


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Chị Hương gửi báo cáo thứ Sáu, không bận việc gì khác thì làm luôn.",  # "không bận" alone
    "Nguyễn Văn An: Anh Sơn bố trí được người thì báo anh, còn danh sách trực anh gửi thứ Sáu.",
])
def test_firm_tasks_near_those_words_stand(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert [d for _a, d in _tasks(said, ward)][-1:] == ["2026-12-04"]


# --- a later sentence naming whom the work goes to still dates the task ---

@pytest.mark.parametrize(("said", "expected"), [
    ("Nguyễn Văn An: Tổ năm rà soát các hộ chưa đóng quỹ. Báo cho anh Tuấn trong tuần này.",
     [("Tổ dân phố số 5", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Hương làm tờ trình mua quà Tết. Trình anh Bảo trước thứ Năm nhé.",
     [("Bùi Thanh Hương", "2026-12-03")]),
])
def test_a_later_date_with_whom_it_goes_to(ward: tuple[Roster, WorkCalendar], said: str, expected: Pairs) -> None:
    assert _tasks(said, ward) == expected


def test_a_later_sentence_with_another_doer_keeps_its_date(ward: tuple[Roster, WorkCalendar]) -> None:
    said = "Nguyễn Văn An: Chị Hương lập danh sách các cụ mừng thọ. Anh Tuấn trong tuần này gửi phòng."
    assert _tasks(said, ward) == [("Bùi Thanh Hương", None), ("Lê Minh Tuấn", "2026-12-04")]


# --- how to do it, told within an exchange of the chair and the doer ---

_GIVEN = ("Nguyễn Văn An: hương tổng hợp danh sách hộ nghèo đề nghị hỗ trợ tết gửi anh thứ sáu\n"
          "Bùi Thanh Hương: dạ nhưng mới có sáu tổ gửi danh sách thôi ạ\n")
_HOW = "Bùi Thanh Hương: dạ tổ ba với tổ chín ạ\nNguyễn Văn An: thì em gọi điện cho hai tổ trưởng nhắc đi"


def test_how_to_within_an_exchange(ward: tuple[Roster, WorkCalendar], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(undated_drops, "lone_pronoun", lambda o: False)  # it drops the undated how-to read as a task
    said = _GIVEN + "Nguyễn Văn An: tổ nào chưa gửi\n" + _HOW
    assert _tasks(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_another_voice_in_between_ends_the_exchange(ward: tuple[Roster, WorkCalendar],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(undated_drops, "lone_pronoun", lambda o: False)  # it drops the undated how-to read as a task
    said = _GIVEN + "Cao Văn Sơn: anh ơi bên em cũng cần danh sách đấy\n" + _HOW
    assert _tasks(said, ward) == [("Bùi Thanh Hương", "2026-12-04"), ("Bùi Thanh Hương", None)]


# --- "hôm đấy" points to the event day said earlier in the same turn ---

THAT_DAY = ("Nguyễn Văn An: thứ sáu tổ năm họp dân\n"
            "Nguyễn Văn An: buổi ra quân thì ấn định sáng thứ năm tuần sau ngày mười ờ công an phường bố trí lực lượng "
            "bảo đảm trật tự buổi hôm đấy nhé")


def test_that_day_said_earlier_in_the_turn(ward: tuple[Roster, WorkCalendar]) -> None:
    assert _tasks(THAT_DAY, ward) == [("Công an phường", "2026-12-10")]


def test_that_day_with_no_day_in_the_turn_looks_back(ward: tuple[Roster, WorkCalendar]) -> None:
    said = ("Nguyễn Văn An: thứ sáu tổ năm họp dân\nNguyễn Văn An: buổi đó thì chưa ấn định giờ ờ công an phường bố "
            "trí lực lượng bảo đảm trật tự buổi hôm đấy nhé")
    assert _tasks(said, ward) == [("Công an phường", "2026-12-04")]
