"""Task extraction on conversational transcripts, with deadlines and assignees matched to the ward's
directory: the held-out set written blind by an outsider (frozen in tests/tasks/heldout/, provenance kept)
and the development sets the extractor was tuned on. Scored on (assignee, deadline) per task.

Figures (right / unsure = missed / confidently wrong = a task nobody gave or the wrong person or date):
- when this test was written: development 64 / 1 / 1 (F1 0.985, in-sample); held-out 80 / 51 / 56 (F1 0.60,
  P 0.59, R 0.61);
- after the general-phrasing pass of 2026-12-04 (tuned on the development sets only, held-out measured once at
  the end): development, three files, 103 / 1 / 1 (F1 0.99, in-sample; 0.87 before the pass); held-out
  95 / 36 / 58 (F1 0.67, P 0.62, R 0.73). Of the held-out proposals, those marked firm were right 92 of 131
  (0.70), those marked "cần xác nhận" 3 of 22 (0.14).
- after session 5's pass (fitted on the development sets and the blind-written training batch, tests/tasks/train/,
  half at a time; held-out measured once at the end): held-out 100 / 31 / 47 (F1 0.72, P 0.68, R 0.76; of the
  wrong, 25 tasks nobody gave, 12 wrong assignees, 10 wrong deadlines); firm proposals right 97 of 129 (0.75),
  "cần xác nhận" 3 of 18 (0.17); training batch F1 0.65 → 0.95 (fitted), development 0.99.
- after session 6's general fixes (made reading session 6's blind batch, checked on development and session 5's
  batch, which did not move): held-out 99 / 32 / 46 (F1 0.72, P 0.68, R 0.76), firm 96 of 127, "cần xác nhận"
  3 of 18; session 6's batch 82 / 22 / 19 (F1 0.80; 0.657 on arrival).
- after session 7's deadline/assignee pass (errors where the clause was found but the date or the person was
  wrong, on the training sets only): development 104 / 0 / 0, session 5's batch 171 / 13 / 5 (unchanged),
  session 6's batch 86 / 18 / 17 (F1 0.831); held-out, measured once at the end, 99 / 32 / 46 (unchanged,
  F1 0.717), firm 97 of 128, "cần xác nhận" 2 of 17.
The issue's target is F1 ≥ 0.85 on the held-out set: not reached by the rules engine; the thresholds below are
what it reaches, so that a regression fails (docs/meetings.md, "Task extraction")."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from appliance.tasks.extract import extract_tasks
from appliance.tasks.service import ward_roster
from appliance.text import fold
from appliance.ward import work_calendar
from tests.tasks.transcripts import DEV, HELDOUT, TRAIN, TRAIN2, TRAIN8, TRAIN9, Meeting, load, load_staff, score

FROZEN_SHA256 = "bb4b73fc909f68847f981bdc86fab3c276a036c5d6892e3e12cc4c5704c68141"  # as received, 2026-12-04
# 0,723 at the end of session 12 (98 / 42 / 33: one wrong more than at session 11's end, the R1 trade written down
# in docs/meetings.md "Session 12"); reached 0.72 in session 5; the target is 0.85, not reached.
HELDOUT_F1 = 0.71
DEV_F1 = 0.97          # 1.00 after session 7's deadline/assignee pass (0.99 before); 0.976 (100 / 1 / 4) at the end
# of session 17: the undated drops (undated_drops.lone_offer, lone_pronoun) take out four undated tasks of the dev keys
TRAIN_F1 = 0.93        # session 5's training batch: F1 0.65 when it arrived (P 0.71, R 0.60), 0.95 after fitting
TRAIN2_F1 = 0.82       # session 6's training batch: F1 0.657 when it arrived (P 0.634, R 0.683), 0.80 after fixes,
                       # 0.831 after session 7's deadline/assignee pass
TRAIN8_F1 = (0.83, 0.91)  # session 8's two training halves: F1 0.619 / 0.827 on arrival, 0.843 / 0.922 after
                          # session 8's general fixes (made reading them)
TRAIN9_F1 = (0.63, 0.55)  # session 9's two training halves: F1 0.635 / 0.541 on arrival (A edited, B raw
                          # speech-recognition text; clause model on 0.645 / 0.541, scorer on 0.656 / 0.541);
                          # B 0.556 with the list-recap reading (clauses.LIST_RECAP), A unchanged by it
FIRM_PRECISION = 0.74  # held-out proposals not marked "cần xác nhận" (0.75 reached in session 5)


@pytest.fixture
def ward(conn: sqlite3.Connection) -> sqlite3.Connection:
    assert load_staff(conn) == 15
    return conn


def _run(conn: sqlite3.Connection, meetings: list[Meeting], label: str, fitted: bool | None = None) -> float:
    roster, calendar = ward_roster(conn), work_calendar(conn)
    result = score(meetings, lambda m: extract_tasks(m.transcript, m.date, calendar, roster=roster, title=m.title,
                                                     fitted=fitted))
    print(f"{result.line(label)}; right / unsure / confidently wrong = {result.tp} / {result.fn} / {result.fp}")
    return result.f1


def test_the_heldout_set_is_the_one_received():
    assert hashlib.sha256(HELDOUT.read_bytes()).hexdigest() == FROZEN_SHA256
    count = len(load(HELDOUT))  # counts only in a failure: pytest would print the blind cases an assert names
    marked = "written 2026-12-04 by an outside writer" in HELDOUT.read_text(encoding="utf-8")
    assert count >= 40 and marked, f"{count} meetings, provenance marked: {marked}"


def test_heldout_f1_with_deadlines_and_directory_assignees(ward):
    f1 = _run(ward, load(HELDOUT), "held-out (blind)")
    assert f1 >= HELDOUT_F1, f"F1 {f1:.4f} under the floor {HELDOUT_F1}"


def test_development_sets(ward):
    meetings = load(DEV) + load(DEV.parent / "extra_transcripts.toml") + load(DEV.parent / "directive_transcripts.toml")
    assert _run(ward, meetings, "development (in-sample)") >= DEV_F1


def test_training_batch(ward):
    """The blind-written training batch (tests/tasks/train/README.md): fitted on, half at a time."""
    meetings = load(TRAIN)
    assert len(meetings) >= 36
    assert _run(ward, meetings, "training batch (blind-written, tuned on)") >= TRAIN_F1


def test_training_batch_session6(ward):
    """Session 6's blind-written training batch (tests/tasks/train/README.md): the rules were not fitted on it;
    the task scorer was (its leave-one-meeting-out figure is in docs/meetings.md)."""
    meetings = load(TRAIN2)
    assert len(meetings) >= 20
    assert _run(ward, meetings, "training batch, session 6 (rules alone)", fitted=False) >= TRAIN2_F1
    assert _run(ward, meetings, "training batch, session 6 (with the scorer, in-sample)", fitted=True) >= 0.70


def test_training_batches_session8(ward):
    """Session 8's two blind-written training halves (tests/tasks/train/README.md): the rules were fixed reading
    them, so their figures are in-sample; the fresh halves (tests/tasks/fresh8/) measure what carries over."""
    for path, floor in zip(TRAIN8, TRAIN8_F1, strict=True):
        meetings = load(path)
        assert len(meetings) == 10
        assert _run(ward, meetings, f"training half, session 8 {path.stem[-1].upper()} (rules alone)",
                    fitted=False) >= floor


def test_training_batches_session9(ward):
    """Session 9's two blind-written training halves (tests/tasks/train/README.md): A edited, B raw
    speech-recognition text (lower case, little punctuation, fillers); the fresh halves (tests/tasks/fresh9/)
    are never read."""
    for path, floor in zip(TRAIN9, TRAIN9_F1, strict=True):
        meetings = load(path)
        assert len(meetings) == 6
        assert _run(ward, meetings, f"training half, session 9 {path.stem[-1].upper()} (rules alone)",
                    fitted=False) >= floor


def test_proposals_marked_unsure_are_the_doubtful_ones(ward):
    """Calibration on the blind set: firm proposals are right far more often than "cần xác nhận" ones."""
    roster, calendar = ward_roster(ward), work_calendar(ward)
    right = {True: [0, 0], False: [0, 0]}   # firm? → [right, all]
    for m in load(HELDOUT):
        remaining = [(fold(t.assignee), t.deadline) for t in m.tasks]
        for task in extract_tasks(m.transcript, m.date, calendar, roster=roster, title=m.title):
            pair = (fold(task.assignee), task.deadline)
            hit = pair in remaining
            if hit:
                remaining.remove(pair)
            firm = task.review == ""
            right[firm][0] += hit
            right[firm][1] += 1
    firm, unsure = (right[True][0] / max(1, right[True][1])), (right[False][0] / max(1, right[False][1]))
    print(f"held-out: firm {right[True][0]}/{right[True][1]} right, cần xác nhận {right[False][0]}/{right[False][1]}")
    assert firm >= FIRM_PRECISION and right[False][1] > 0 and unsure < firm / 2


def test_assignees_are_people_and_units_of_the_directory(ward):
    roster = ward_roster(ward)
    known = {fold(m.full_name) for m in roster.members} | {fold(u) for u in roster.units} | {""}
    found = [t for m in load(HELDOUT) for t in extract_tasks(m.transcript, m.date, roster=roster, title=m.title)]
    matched = [t for t in found if fold(t.assignee) in known or fold(t.assignee).startswith("to dan pho so")]
    print(f"{len(matched)} of {len(found)} assignees are the directory's people or units (or an unnamed voice)")
    assert len(matched) >= 0.95 * len(found)
    staff = [t for t in found if t.staff_id is not None]
    assert staff and all(fold(t.assignee) in {fold(m.full_name) for m in roster.members} for t in staff)


@pytest.mark.parametrize(("transcript", "expected"), [
    # volunteering, then a deadline the chair agrees to
    ("Nguyễn Văn An: Còn kế hoạch chỉnh trang vỉa hè thì sao?\n"
     "Trần Văn Hùng: Để em làm, thứ Hai em gửi anh ạ.\nNguyễn Văn An: Được.", [("Trần Văn Hùng", "2026-12-07")]),
    # indirect, with "thôi"
    ("Nguyễn Văn An: Việc kiểm tra an toàn thực phẩm thì thôi anh Tuấn lo việc này nhé, trong tuần này.",
     [("Lê Minh Tuấn", "2026-12-04")]),
    # withdrawn
    ("Nguyễn Văn An: Chị Hà làm báo cáo giải trình... à thôi, chưa giao ai, để sau tính.", []),
    # unpunctuated recogniser text, three working days across the weekend
    ("nguyễn văn an: anh minh kiểm tra lại nguyên nhân báo cáo bằng văn bản trong 3 ngày làm việc",
     [("Trịnh Văn Minh", "2026-12-03")]),
    # before New Year's Day, tomorrow
    ("Nguyễn Văn An: Văn phòng rà soát hồ sơ lưu trữ trước Tết dương lịch. Chị Mai gửi tôi danh sách sáng mai nhé.",
     [("Văn phòng HĐND và UBND", "2026-12-31"), ("Vũ Thị Mai", "2026-12-01")]),
    # a directive without "giao"; a leader directing a unit keeps the task; a form of address after "anh"
    ("Nguyễn Văn An: Anh Tuấn xử lý dứt điểm trong tuần này. Đồng chí Minh chỉ đạo lực lượng công an phường "
     "xử lý tình trạng đua xe, trong tháng này phải xong. Anh Nam địa chính đo đạc lại thửa đất, đầu tuần sau có "
     "kết quả.", [("Lê Minh Tuấn", "2026-12-04"), ("Trịnh Văn Minh", "2026-11-30"), ("Hoàng Văn Nam", "2026-12-07")]),
    # helping is not a task; the unit's head accepting is the unit's task; an order without a subject
    ("Nguyễn Văn An: Giao Trung tâm Phục vụ hành chính công thống kê hồ sơ trễ hạn, báo cáo trong 2 tuần. "
     "Nam địa chính phối hợp với anh Huy.\nPhạm Thu Hà: Dạ, em nhận ạ.\n"
     "Nguyễn Văn An: Anh Hùng này, vụ lấn chiếm vỉa hè đến đâu rồi?\nTrần Văn Hùng: Dạ em đang xác minh ạ.\n"
     "Nguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.",
     [("Trung tâm Phục vụ hành chính công", "2026-12-14"), ("Trần Văn Hùng", "2026-12-02")]),
    # an answer that is not a question, the deadline before the doer; reassigned after "à thôi"
    ("Nguyễn Văn An: Chị Mai, công văn gửi quận đã gửi chưa?\nVũ Thị Mai: Dạ chưa ạ, chiều nay em gửi.\n"
     "Nguyễn Văn An: Việc lắp camera thì anh Tuấn lo, trước Tết dương lịch phải xong.\n"
     "Lê Minh Tuấn: Anh ơi, việc này bên phòng kinh tế làm thì hợp hơn ạ.\n"
     "Nguyễn Văn An: À thôi, để anh Huy làm, cùng hạn.",
     [("Vũ Thị Mai", "2026-11-30"), ("Đỗ Quang Huy", "2026-12-31")]),
    # the chair's closing recap restates tasks (the last deadline said wins); taking the floor is no task
    ("Nguyễn Văn An: Anh Hùng rà soát các công trình sai phép trên phố Tam Trinh, báo cáo trước 15/12.\n"
     "Trần Văn Hùng: Dạ.\nNguyễn Văn An: Chị Lan chuẩn bị hội nghị tổng kết.\n"
     "Phạm Quốc Bảo: Em xin bổ sung về vệ sinh môi trường, mấy điểm rác ở ngõ 5 vẫn chưa xử lý.\n"
     "Nguyễn Văn An: Kết luận: anh Hùng rà soát công trình sai phép, hạn 15/12; chị Lan chuẩn bị hội nghị tổng kết, "
     "xong trước 20/12; anh Bảo chỉ đạo xử lý điểm rác ở ngõ 5 trong tuần này.",
     [("Trần Văn Hùng", "2026-12-15"), ("Lê Thị Lan", "2026-12-20"), ("Phạm Quốc Bảo", "2026-12-04")]),
    # titles with their unit or field; "Phó Chủ tịch" is not the Chủ tịch; abbreviated units; "phối hợp X"
    ("Nguyễn Văn An: Đồng chí Giám đốc Trung tâm Phục vụ hành chính công báo cáo số hồ sơ trễ hạn trong tuần sau. "
     "Đồng chí Phó Chủ tịch phụ trách kinh tế chỉ đạo thu ngân sách, trong tháng 12 phải đạt chỉ tiêu. Giao phòng "
     "VHXH lập danh sách trước 15/12. Trung tâm hành chính công phối hợp Văn phòng rà soát thủ tục, cuối tháng "
     "báo cáo.", [("Phạm Thu Hà", "2026-12-11"), ("Phạm Quốc Bảo", "2026-12-31"), ("Phòng Văn hóa - Xã hội",
                                                                               "2026-12-15"),
                  ("Trung tâm Phục vụ hành chính công", "2026-11-30")]),
    # recogniser text: clauses run on; "em" after a bare vocative is the one called; a new voice answering
    # "dạ" to whoever was told (or asked "chị Hà cho em hỏi…") is that person
    ("người nói 1: anh hùng rà soát lại các công trình trên tam trinh trước ngày mười lăm còn chị lan chuẩn bị "
     "giấy mời trong tuần này anh minh thì tăng cường tuần tra khu vực chợ\n"
     "người nói 1: tuấn ơi em làm cái kế hoạch tổ chức tết nhé thứ sáu nộp anh\n"
     "người nói 1: chị hà cho em hỏi số hồ sơ trễ hạn tháng này là bao nhiêu\n"
     "người nói 2: dạ mười hai hồ sơ em sẽ gửi số liệu chi tiết cho anh vào chiều mai",
     [("Trần Văn Hùng", "2026-12-15"), ("Lê Thị Lan", "2026-12-04"), ("Trịnh Văn Minh", None),
      ("Lê Minh Tuấn", "2026-12-04"), ("Phạm Thu Hà", "2026-12-01")]),
    # asking for more time, with or without "em … được không"; the chair agrees ("thôi được", "ừ") or not
    ("Nguyễn Văn An: Chị Hương lập danh sách hộ nghèo, thứ Tư gửi tôi.\n"
     "Bùi Thanh Hương: Thứ Tư thì gấp quá anh ạ, thứ Sáu được không anh?\nNguyễn Văn An: Thôi được, thứ Sáu.\n"
     "Nguyễn Văn An: Anh Hùng kiểm tra công trình ở ngõ 8 trong tuần này.\n"
     "Trần Văn Hùng: Dạ, em xin lùi sang thứ Hai tuần sau vì tuần này em đi tập huấn ạ.\nNguyễn Văn An: Ừ.\n"
     "Nguyễn Văn An: Anh Tuấn rà soát hồ sơ người có công trong tuần này.\n"
     "Lê Minh Tuấn: Em xin lùi sang tuần sau ạ.\nNguyễn Văn An: Không được, tuần này phải xong.",
     [("Bùi Thanh Hương", "2026-12-04"), ("Trần Văn Hùng", "2026-12-07"), ("Lê Minh Tuấn", "2026-12-04")]),
    # answering "ai …?" in mid-sentence is volunteering; the chair's "ừ, cuối tháng nhé" sets its deadline
    ("Nguyễn Văn An: Ai phụ trách việc cập nhật cổng thông tin?\nĐỗ Quang Huy: Dạ việc đó em làm cho ạ.\n"
     "Nguyễn Văn An: Ừ, cuối tháng nhé.", [("Đỗ Quang Huy", "2026-11-30")]),
])
def test_phrasing_families(ward, transcript, expected):
    import datetime as dt

    found = extract_tasks(transcript, dt.date(2026, 11, 30), work_calendar(ward), roster=ward_roster(ward))
    assert [(t.assignee, t.deadline) for t in found] == expected
