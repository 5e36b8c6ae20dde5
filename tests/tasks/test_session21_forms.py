"""Session 21's forms (docs/meetings.md, "Session 21"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire. The three settings off by session 21's rule R1 (SAME_DAY,
GROUP_SELF, OWN_GROUP) were deleted with their tests in session 22 (rule R8); MISHEARD_FIELD, on, became plain
behaviour in session 23 (rule R8)."""

from __future__ import annotations

import pytest

from tests.tasks.transcripts import tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- a field word of a form of address misheard in one syllable ---

@pytest.mark.parametrize("said", [
    _A + "Nguyễn Văn An: lan tư phát trả lời đơn của bà Tâm trước thứ sáu nhé",
    _A + "Nguyễn Văn An: chị lan hộ tích cấp lại trích lục khai sinh cho cháu Bình trước thứ sáu",
    _A + "Nguyễn Văn An: chị lan hồ tịch cấp lại trích lục khai sinh cho cháu Bình trước thứ sáu",
])
def test_a_misheard_field_word_still_names_its_person(ward, said: str) -> None:
    assert tasks_said(said, ward) == [("Nguyễn Thị Lan", "2026-12-04")]


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
def test_no_field_word_misheard_leaves_the_name_as_said(ward, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due
