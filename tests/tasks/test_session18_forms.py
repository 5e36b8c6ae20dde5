"""Session 18's forms (docs/meetings.md, "Session 18"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_tasks, deadlines, merge
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said

_FLAGGED = (clause_tasks, deadlines, merge)


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    return memory_ward()


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION18_")
    return monkeypatch


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- clause_tasks.SESSION18_IF_FIRST: a sentence that opens with its condition gives no task ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Nếu phát hiện quán hát sau 23 giờ thì lập biên bản chuyển anh Hùng xử lý trước thứ Sáu.",
    "Nguyễn Văn An: Nếu còn hộ chưa đóng quỹ thì cuối tuần này tổ 5 đi vận động lại nhé.",
])
def test_a_sentence_opening_with_its_condition_gives_no_task(ward, on, said: str) -> None:
    said = "Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n" + said
    assert tasks_said(said, ward) == []
    on.setattr(clause_tasks, "SESSION18_IF_FIRST", False)
    assert len(tasks_said(said, ward)) == 1


@pytest.mark.parametrize(("said", "due"), [
    # the condition after the task leaves it
    ("Nguyễn Văn An: Anh Hùng kiểm tra các quán trên phố Tam Trinh trước thứ Sáu, nếu còn vi phạm thì lập biên bản.",
     [("Trần Văn Hùng", "2026-12-04")]),
    # "nếu" inside the sentence, not opening it
    ("Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo trước thứ Năm, cần thì nhờ thêm các tổ.",
     [("Bùi Thanh Hương", "2026-12-03")]),
])
def test_a_condition_after_the_task_leaves_it(ward, on, said: str, due: list[tuple[str, str | None]]) -> None:
    assert tasks_said(said, ward) == due


# --- merge.SESSION18_RECAP_UNIT: a recap naming the unit of the one given the task restates it ---

RECAP_UNIT = ("Nguyễn Văn An: Bắt đầu.\nTrịnh Văn Minh: Dạ.\n"
              "Nguyễn Văn An: Anh Minh cho kiểm tra các cơ sở karaoke quanh chợ, báo cáo trước thứ Năm.\n"
              "Trịnh Văn Minh: Dạ rõ.\n"
              "Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo trước thứ Sáu.\n"
              "Nguyễn Văn An: Tóm lại: công an kiểm tra cơ sở karaoke, báo cáo thứ Năm; chị Hương danh sách hộ nghèo.")


def test_a_recap_naming_the_unit_restates_its_persons_task(ward, on) -> None:
    assert tasks_said(RECAP_UNIT, ward) == [("Trịnh Văn Minh", "2026-12-03"), ("Bùi Thanh Hương", "2026-12-04")]
    on.setattr(merge, "SESSION18_RECAP_UNIT", False)
    assert ("Công an phường", "2026-12-03") in tasks_said(RECAP_UNIT, ward)


def test_a_recap_naming_the_unit_for_another_job_stays_its_own(ward, on) -> None:
    said = RECAP_UNIT.replace("Tóm lại: công an kiểm tra cơ sở karaoke, báo cáo thứ Năm",
                              "Tóm lại: công an lập danh sách thanh niên tạm trú thứ Năm")
    assert ("Công an phường", "2026-12-03") in tasks_said(said, ward)


# --- deadlines.SESSION18_MATTER_MONTH: the month reported on is no deadline ---

@pytest.mark.parametrize("said", [
    "chị Hương báo cáo nhanh tình hình tháng mười một",
    "anh Minh điểm qua kết quả tháng 11 giúp tôi",
])
def test_the_month_reported_on_is_no_deadline(ward, on, said: str) -> None:
    assert _due(said, ward) is None
    on.setattr(deadlines, "SESSION18_MATTER_MONTH", False)
    assert _due(said, ward) == "2026-11-30"


@pytest.mark.parametrize(("said", "due"), [
    ("báo cáo kết quả trong tháng 12", "2026-12-31"),      # "trong" makes it the deadline
    ("gửi số liệu tháng 11 trước 5/12", "2026-12-05"),      # the marked day wins, as before
    ("báo cáo kết quả cuối tháng này nhé", "2026-11-30"),
])
def test_a_month_with_its_deadline_word_still_reads(ward, on, said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- merge.SESSION18_RECAP_ALONE: an undated recap item restating nothing read before is no task ---

RECAP_ALONE = ("Nguyễn Văn An: Bắt đầu.\nTrịnh Văn Minh: Dạ.\n"
               "Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo trước thứ Sáu.\n"
               "Nguyễn Văn An: Tóm lại: chị Hương danh sách hộ nghèo thứ Sáu, anh Sơn trực đêm giao thừa.")


def test_an_undated_recap_item_restating_nothing_is_no_task(ward, on) -> None:
    assert tasks_said(RECAP_ALONE, ward) == [("Bùi Thanh Hương", "2026-12-04")]
    on.setattr(merge, "SESSION18_RECAP_ALONE", False)
    assert ("Cao Văn Sơn", None) in tasks_said(RECAP_ALONE, ward)


def test_a_dated_recap_item_restating_nothing_stands(ward, on) -> None:
    said = RECAP_ALONE.replace("anh Sơn trực đêm giao thừa", "anh Sơn lập lịch trực trước thứ Năm")
    assert ("Cao Văn Sơn", "2026-12-03") in tasks_said(said, ward)
