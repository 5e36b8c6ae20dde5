"""Session 21's forms (docs/meetings.md, "Session 21"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_tasks, dialogue, doers, roster
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import memory_ward, tasks_said

_FLAGGED = (clause_tasks, dialogue, doers, roster)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION21_")
    return monkeypatch


# --- roster.SESSION21_MISHEARD_FIELD: a field word of a form of address misheard in one syllable ---

@pytest.mark.parametrize("said", [
    _A + "Nguyễn Văn An: lan tư phát trả lời đơn của bà Tâm trước thứ sáu nhé",
    _A + "Nguyễn Văn An: chị lan hộ tích cấp lại trích lục khai sinh cho cháu Bình trước thứ sáu",
    _A + "Nguyễn Văn An: chị lan hồ tịch cấp lại trích lục khai sinh cho cháu Bình trước thứ sáu",
])
def test_a_misheard_field_word_still_names_its_person(ward, on, said: str) -> None:
    assert tasks_said(said, ward) == [("Nguyễn Thị Lan", "2026-12-04")]
    on.setattr(roster, "SESSION21_MISHEARD_FIELD", False)
    assert tasks_said(said, ward) != [("Nguyễn Thị Lan", "2026-12-04")]


@pytest.mark.parametrize(("said", "due"), [
    # the form said right, as before
    (_A + "Nguyễn Văn An: chị Lan hộ tịch cấp lại trích lục khai sinh trước thứ Sáu.",
     [("Nguyễn Thị Lan", "2026-12-04")]),
    # "chị Lan" and another word of work: the other Lan, as the directory lists her
    (_A + "Nguyễn Văn An: chị lan tổng hợp danh sách trước thứ sáu", [("Lê Thị Lan", "2026-12-04")]),
    # two syllables off: not a field word misheard
    (_A + "Nguyễn Văn An: chị lan họ tích gì đó thì gửi anh trước thứ sáu", [("Lê Thị Lan", "2026-12-04")]),
    # an everyday word after the given name ("tư vấn"): no form
    (_A + "Nguyễn Văn An: chị lan tư vấn cho bà Tâm trước thứ sáu", [("Lê Thị Lan", "2026-12-04")]),
])
def test_no_field_word_misheard_leaves_the_name_as_said(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


# --- clause_tasks.SESSION21_SAME_DAY: "cùng ngày" shares the date of the task given just before ---

_HUNG = "Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8 trước thứ Sáu. "


@pytest.mark.parametrize("said", [
    _A + _HUNG + "Chị Hương gửi báo cáo cùng ngày.",
    _A + _HUNG + "Chị Hương gửi báo cáo cùng ngày với anh Hùng nhé.",
    _A + "Nguyễn Văn An: Tổ 5 dọn vệ sinh ngõ 12 sáng thứ Sáu này nhé. Tổ 6 cũng làm cùng ngày nhé.",
])
def test_the_same_day_is_the_date_just_given(ward, on, said: str) -> None:
    assert tasks_said(said, ward)[-1][1] == "2026-12-04"
    on.setattr(clause_tasks, "SESSION21_SAME_DAY", False)
    assert tasks_said(said, ward)[-1][1] is None


@pytest.mark.parametrize("said", [
    # the same day as an event the rules cannot date
    _A + _HUNG + "Chị Hương treo băng rôn cùng ngày với lễ khai mạc.",
    # within one day (of receiving the papers), not the date just given
    _A + _HUNG + "Chị Hà trả kết quả cho dân trong cùng ngày nhé.",
    # no date given before: nothing to share
    _A + "Nguyễn Văn An: Anh Hùng kiểm tra công trình ngõ 8. Chị Hương gửi báo cáo cùng ngày.",
])
def test_no_date_to_share_or_another_day_leaves_it_undated(ward, on, said: str) -> None:
    assert tasks_said(said, ward)[-1][1] is None


# --- doers.SESSION21_GROUP_SELF: an unnamed voice offering a job for its tổ ("tổ 7 chúng tôi cũng xin làm …") ---

_TO5 = "Nguyễn Văn An: Tổ 5 dọn vệ sinh ngõ 12 trước thứ Sáu nhé.\n"


@pytest.mark.parametrize("said", [
    _A + _TO5 + "Người nói 2: tổ 6 chúng tôi cũng xin làm trước thứ sáu luôn anh ạ",
    _A + _TO5 + "Người nói 2: Dạ tổ 6 em xin nhận dọn ngõ 14 trước thứ Sáu ạ.",
    _A + _TO5 + "Người nói 2: tổ 6 thì em dọn ngõ 14 trước thứ sáu luôn",
])
def test_a_voice_offering_for_its_group_gives_the_group_a_task(ward, on, said: str) -> None:
    assert ("Tổ dân phố số 6", "2026-12-04") in tasks_said(said, ward)
    on.setattr(doers, "SESSION21_GROUP_SELF", False)
    assert ("Tổ dân phố số 6", "2026-12-04") not in tasks_said(said, ward)


@pytest.mark.parametrize(("said", "due"), [
    # a report, not an offer
    (_A + _TO5 + "Người nói 2: Dạ tổ 6 chúng tôi đã dọn xong rồi anh ạ.", [("Tổ dân phố số 5", "2026-12-04")]),
    # a member of the staff speaking for their unit: their own offer, as before
    (_A + _TO5 + "Trần Văn Hùng: Phòng kinh tế chúng tôi sẽ hỗ trợ trước thứ Sáu ạ.",
     [("Tổ dân phố số 5", "2026-12-04"), ("Trần Văn Hùng", "2026-12-04")]),
])
def test_a_report_or_a_staff_voice_is_no_group_task(ward, on, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


def test_an_outside_bodys_voice_is_no_task_of_that_body(ward, on) -> None:
    said = _A + _TO5 + "Người nói 2: Bên trạm y tế chúng tôi sẽ phun thuốc trước thứ Sáu ạ."
    assert not [a for a, _d in tasks_said(said, ward) if "y tế" in a.lower()]


# --- dialogue.SESSION21_OWN_GROUP: "tổ em …" from a voice that named its tổ in an earlier turn of its own ---

_TOLD = "Người nói 2: anh ơi tổ 5 có ý kiến là đường ống nước ngõ 34 bị vỡ\n"
_OFFER = "Người nói 2: dạ tổ em sẽ cử người dẫn công ty nước vào chỗ vỡ trong hôm nay ạ."


def test_the_voices_own_group_offers(ward, on) -> None:
    said = _A + _TOLD + _OFFER
    assert ("Tổ dân phố số 5", "2026-11-30") in tasks_said(said, ward)
    on.setattr(dialogue, "SESSION21_OWN_GROUP", False)
    assert ("Tổ dân phố số 5", "2026-11-30") not in tasks_said(said, ward)


@pytest.mark.parametrize("said", [
    # two tổ named: which one is theirs is not said
    _A + "Người nói 2: anh ơi tổ 5 với tổ 6 có ý kiến là đường ống nước bị vỡ\n" + _OFFER,
    # no tổ named before
    _A + "Người nói 2: anh ơi đường ống nước ngõ 34 bị vỡ\n" + _OFFER,
    # another voice named the tổ
    _A + "Người nói 3: anh ơi tổ 5 có ý kiến là đường ống nước ngõ 34 bị vỡ\n" + _OFFER,
])
def test_no_group_of_its_own_leaves_the_voice(ward, on, said: str) -> None:
    assert not [a for a, _d in tasks_said(said, ward) if a.startswith("Tổ dân phố")]
