"""Session 18's forms, both rounds (docs/meetings.md, "Session 18"), each in new words written for this file (not the
training meetings' sentences), and where it must not fire (unconditional since session 20)."""

from __future__ import annotations

import pytest

from appliance.tasks import runon
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, tasks_said


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- a sentence that opens with its condition gives no task ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Nếu phát hiện quán hát sau 23 giờ thì lập biên bản chuyển anh Hùng xử lý trước thứ Sáu.",
    "Nguyễn Văn An: Nếu còn hộ chưa đóng quỹ thì cuối tuần này tổ 5 đi vận động lại nhé.",
])
def test_a_sentence_opening_with_its_condition_gives_no_task(ward, said: str) -> None:
    said = "Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n" + said
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    # the condition after the task leaves it
    ("Nguyễn Văn An: Anh Hùng kiểm tra các quán trên phố Tam Trinh trước thứ Sáu, nếu còn vi phạm thì lập biên bản.",
     [("Trần Văn Hùng", "2026-12-04")]),
    # "nếu" inside the sentence, not opening it
    ("Nguyễn Văn An: Chị Hương rà soát danh sách hộ nghèo trước thứ Năm, cần thì nhờ thêm các tổ.",
     [("Bùi Thanh Hương", "2026-12-03")]),
])
def test_a_condition_after_the_task_leaves_it(ward, said: str, due: list[tuple[str, str | None]]) -> None:
    assert tasks_said(said, ward) == due


# --- a recap naming the unit of the one given the task restates it ---

RECAP_UNIT = ("Nguyễn Văn An: Bắt đầu.\nTrịnh Văn Minh: Dạ.\n"
              "Nguyễn Văn An: Anh Minh cho kiểm tra các cơ sở karaoke quanh chợ, báo cáo trước thứ Năm.\n"
              "Trịnh Văn Minh: Dạ rõ.\n"
              "Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo trước thứ Sáu.\n"
              "Nguyễn Văn An: Tóm lại: công an kiểm tra cơ sở karaoke, báo cáo thứ Năm; chị Hương danh sách hộ nghèo.")


def test_a_recap_naming_the_unit_restates_its_persons_task(ward) -> None:
    assert tasks_said(RECAP_UNIT, ward) == [("Trịnh Văn Minh", "2026-12-03"), ("Bùi Thanh Hương", "2026-12-04")]


def test_a_recap_naming_the_unit_for_another_job_stays_its_own(ward) -> None:
    said = RECAP_UNIT.replace("Tóm lại: công an kiểm tra cơ sở karaoke, báo cáo thứ Năm",
                              "Tóm lại: công an lập danh sách thanh niên tạm trú thứ Năm")
    assert ("Công an phường", "2026-12-03") in tasks_said(said, ward)


# --- the month reported on is no deadline ---

@pytest.mark.parametrize("said", [
    "chị Hương báo cáo nhanh tình hình tháng mười một",
    "anh Minh điểm qua kết quả tháng 11 giúp tôi",
])
def test_the_month_reported_on_is_no_deadline(ward, said: str) -> None:
    assert _due(said, ward) is None


@pytest.mark.parametrize(("said", "due"), [
    ("báo cáo kết quả trong tháng 12", "2026-12-31"),      # "trong" makes it the deadline
    ("gửi số liệu tháng 11 trước 5/12", "2026-12-05"),      # the marked day wins, as before
    ("báo cáo kết quả cuối tháng này nhé", "2026-11-30"),
])
def test_a_month_with_its_deadline_word_still_reads(ward, said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- an undated recap item restating nothing read before is no task ---

RECAP_ALONE = ("Nguyễn Văn An: Bắt đầu.\nTrịnh Văn Minh: Dạ.\n"
               "Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo trước thứ Sáu.\n"
               "Nguyễn Văn An: Tóm lại: chị Hương danh sách hộ nghèo thứ Sáu, anh Sơn trực đêm giao thừa.")


def test_an_undated_recap_item_restating_nothing_is_no_task(ward) -> None:
    assert tasks_said(RECAP_ALONE, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_a_dated_recap_item_restating_nothing_stands(ward) -> None:
    said = RECAP_ALONE.replace("anh Sơn trực đêm giao thừa", "anh Sơn lập lịch trực trước thứ Năm")
    assert ("Cao Văn Sơn", "2026-12-03") in tasks_said(said, ward)


# --- second round: "ờ" before the clause's own date is a pause, not a new turn ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: việc vỉa hè thì chị hà tổng hợp toàn bộ đơn thư của bà con thành một bộ ờ đánh số ờ xong ngày "
     "mồng bốn gửi anh xem", [("Phạm Thu Hà", "2026-12-04")]),
])
def test_a_pause_before_the_date_keeps_the_date_with_its_task(ward, said: str, due: list) -> None:
    assert tasks_said(said, ward) == due


def test_a_pause_before_another_doer_still_opens_a_clause(ward) -> None:
    said = ("Nguyễn Văn An: báo cáo tháng thì mọi người nộp đủ rồi việc sơn lại vạch kẻ đường trước cổng trường "
            "anh hùng làm việc với công ty ờ chị hà chuẩn bị hồ sơ xong trước thứ năm tuần này nhé")
    assert tasks_said(said, ward) == [("Trần Văn Hùng", None), ("Phạm Thu Hà", "2026-12-03")]


def test_a_punctuated_turn_is_not_cut_at_all() -> None:
    said = "Anh Hùng rà soát các biển quảng cáo, ờ trước thứ Năm nhé."
    assert runon.punctuate(said) == said


# --- second round: "tôi là tổ trưởng tổ N" in an unpunctuated run says who speaks ---

_INTRO = ("Người nói 3: dạ tôi là tổ trưởng tổ sáu tổ tôi sẽ mượn loa của nhà văn hóa với mời các hộ tham gia buổi tập "
          "huấn phòng cháy hôm mười lăm tháng mười hai")


def test_a_voice_naming_its_group_in_a_run_speaks_for_it(ward) -> None:
    assert tasks_said(_INTRO, ward) == [("Tổ dân phố số 6", "2026-12-15")]


def test_a_group_officer_told_next_still_opens_a_clause() -> None:
    said = ("dạ vâng em làm luôn trong chiều nay để kịp gửi quận báo cáo tổng hợp bác tổ trưởng tổ năm nắm lại danh "
            "sách các hộ kinh doanh trong tổ giúp em nhé")
    assert ". bác tổ trưởng tổ năm" in runon.punctuate(said)
