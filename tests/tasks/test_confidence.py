"""Calibrated proposals (issue 17): a task said as a directive to a person of the directory with a deadline
is firm; one whose assignee the rules inferred from the dialogue is stored as "cần xác nhận" with what to
check (tests/meetings/test_meetings_api.py sees both pages show it)."""

from __future__ import annotations

import datetime as dt

from appliance.meetings import store as meetings
from appliance.tasks import service
from appliance.tasks.confidence import THRESHOLD, Evidence, assess
from appliance.tasks.extract import extract_tasks
from appliance.tasks.roster import Roster

TRANSCRIPT = ("Nguyễn Văn An: Giao anh Hùng rà soát công trình sai phép, báo cáo trước ngày 5/12.\n"
              "Nguyễn Văn An: Chị Mai, công văn gửi quận đã gửi chưa?\n"
              "Người nói 2: Dạ chưa ạ, chiều nay em gửi.\n"
              "Nguyễn Văn An: Anh Tuấn này, vụ lấn chiếm vỉa hè đến đâu rồi?\n"
              "Người nói 3: Dạ em đang xác minh ạ.\n"
              "Nguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.")


def test_evidence_orders_the_proposals():
    firm = assess(Evidence("named", True, "staff", True))
    inferred = assess(Evidence("told", False, "staff", True))
    nobody = assess(Evidence("first", False, "voice", False))
    assert firm[0] >= THRESHOLD and firm[1] == ""
    assert nobody[0] < inferred[0] < THRESHOLD <= firm[0]
    assert "suy ra" in inferred[1] and "chưa rõ người nhận" in nobody[1]


def test_unsure_proposals_are_stored_with_what_to_check(conn):
    found = {t.deadline: t for t in extract_tasks(TRANSCRIPT, dt.date(2026, 11, 30), roster=Roster())}
    assert found["2026-12-05"].review == "" and found["2026-12-05"].confidence >= THRESHOLD
    assert found["2026-12-02"].confidence < THRESHOLD and "suy ra" in found["2026-12-02"].review
    meeting_id = meetings.create_meeting(conn, "Giao ban tuần 49", status="done", source="upload",
                                         meeting_date="2026-11-30")
    service.save_proposed(conn, meeting_id, list(found.values()), "rules")
    rows = {r["deadline"]: r for r in service.meeting_tasks(conn, meeting_id)}
    assert rows["2026-12-02"]["review"] == found["2026-12-02"].review
    assert rows["2026-12-02"]["confidence"] == found["2026-12-02"].confidence
    assert rows["2026-12-05"]["review"] == ""


def test_a_model_task_for_someone_outside_the_directory_needs_confirmation():
    confidence, review = assess(Evidence("named", False, "said", True))  # what llm.py gives such a task
    assert confidence < THRESHOLD and "không có trong danh bạ" in review
