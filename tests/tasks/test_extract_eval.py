"""Task extraction evaluated on 50 tasks in Vietnamese transcripts: F1 ≥ 0.85 on (assignee, deadline)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from appliance.tasks.deadlines import find_deadline
from appliance.tasks.extract import extract_tasks
from appliance.text import fold
from tests.tasks.eval_data import CASES

HONORIFIC = re.compile(r"^(?:dong chi|d/c|anh|chi|ong|ba|em|co|chu|bac)\s+")


def _who(name: str) -> str:
    return HONORIFIC.sub("", fold(name))


def test_f1_on_assignee_and_deadline():
    tp = fp = fn = 0
    misses = []
    for meeting_date, transcript, gold in CASES:
        found = extract_tasks(transcript, dt.date.fromisoformat(meeting_date))
        predicted = [(_who(t.assignee), t.deadline) for t in found]
        remaining = [(_who(a), d) for a, d in gold]
        for pair in predicted:
            if pair in remaining:
                remaining.remove(pair)
                tp += 1
            else:
                fp += 1
                misses.append(("extra", meeting_date, pair))
        fn += len(remaining)
        misses += [("missed", meeting_date, pair) for pair in remaining]
    assert sum(len(g) for _d, _t, g in CASES) >= 40
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"task extraction: P={precision:.3f} R={recall:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn})")
    assert f1 >= 0.85, misses


@pytest.mark.parametrize(("said", "meeting", "expected"), [
    ("hoàn thành trước thứ Sáu tuần này", "2026-11-23", "2026-11-27"),
    ("xong trước ngày 5/12", "2026-11-23", "2026-12-05"),
    ("báo cáo trong tháng 12", "2026-11-23", "2026-12-31"),
    ("nộp trước ngày 5/1", "2026-12-15", "2027-01-05"),
    ("trong vòng 5 ngày làm việc", "2026-12-02", "2026-12-09"),
    ("trước thứ Hai tuần sau", "2026-12-02", "2026-12-07"),
    ("trước tháng 12", "2026-11-10", "2026-11-30"),
    ("ngày mười lăm tháng một năm 2027", "2026-12-20", "2027-01-15"),
    ("trong quý II", "2026-03-02", "2026-06-30"),
    ("chậm nhất ngày 25", "2026-11-20", "2026-11-25"),
    # a day of this or next month; "sáu" (six) and "sau" (next) fold alike
    ("gửi đại biểu chậm nhất ngày 5 tháng sau", "2026-11-16", "2026-12-05"),
    ("trước ngày 10 tháng sáu", "2026-12-07", "2027-06-10"),
    ("xong trước 25 tháng này", "2026-11-16", "2026-11-25"),
    ("đầu tuần sau có kết quả", "2027-01-11", "2027-01-18"),
    ("anh Hùng, tuần này trả lời dân", "2026-12-07", "2026-12-11"),
    ("sang tuần báo cáo", "2026-12-07", "2026-12-18"),
    ("xong trong 3 ngày làm việc", "2026-12-31", "2027-01-06"),
    ("hai tuần nữa", "2026-12-07", "2026-12-21"),
    ("trước khi nghỉ Tết dương lịch", "2026-12-07", "2026-12-31"),
    ("trước mùng 5", "2026-12-07", "2027-01-05"),
    ("ngày 15 tới", "2026-12-07", "2026-12-15"),
    ("trước ngày hai lăm", "2026-12-07", "2026-12-25"),
    ("trong quý I", "2026-12-07", "2027-03-31"),
    ("hết ngày 30 phải đi hết", "2026-12-22", "2026-12-30"),
    ("tổ 12 báo trước 23;", "2026-12-16", "2026-12-23"),
    ("nam rà hồ sơ trước hai mươi thế thôi", "2026-11-09", "2026-11-20"),
])
def test_deadlines_resolve_against_meeting_date(said, meeting, expected):
    found = find_deadline(said, dt.date.fromisoformat(meeting))
    assert found is not None and found[0].isoformat() == expected


@pytest.mark.parametrize("said", ["trước năm 2027", "trước năm giờ", "trước 5 giờ chiều", "trước hai tuần",
                                  "trước hai mươi hộ", "trước 2026"])
def test_a_bare_number_after_truoc_that_is_no_day(said):
    assert find_deadline(said, dt.date(2026, 12, 1)) is None


def test_reported_facts_are_not_tasks():
    text = "Anh Hùng cho biết ngày 15/11 đã kiểm tra xong. Chị Lan nêu ý kiến về máy quét."
    assert extract_tasks(text, dt.date(2026, 11, 20)) == []


def test_reports_and_acceptances_without_a_directory_are_no_new_tasks():
    text = ("Trần Văn Hùng: Phòng Kinh tế, Hạ tầng và Đô thị báo cáo tuần qua đã xử lý 12 trường hợp lấn chiếm.\n"
            "Nguyễn Văn An: Giao anh Hùng rà soát các công trình không phép, hoàn thành trước ngày 5/12.\n"
            "Lê Thị Lan: Văn phòng đã chuẩn bị xong dự thảo kế hoạch.\n"
            "Nguyễn Văn An: Đề nghị chị Lan gửi giấy mời trong thứ Sáu tuần này.\n"
            "Trần Văn Hùng: Tôi xin nhận nhiệm vụ và sẽ báo cáo đúng hạn.")
    found = extract_tasks(text, dt.date(2026, 11, 23))
    assert [(t.assignee, t.deadline) for t in found] == [("anh Hùng", "2026-12-05"), ("chị Lan", "2026-11-27")]


def test_quote_unit_and_content_come_from_the_sentence():
    [task] = extract_tasks("Người nói 2: Giao anh Trần Văn Hùng, Phòng Kinh tế, Hạ tầng và Đô thị, rà soát "
                           "công trình không phép, hoàn thành trước ngày 5/12.", dt.date(2026, 11, 23))
    assert task.assignee == "anh Trần Văn Hùng"
    assert task.unit == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert task.content == "Rà soát công trình không phép"
    assert task.deadline == "2026-12-05"
    assert task.quote.startswith("Giao anh Trần Văn Hùng")
