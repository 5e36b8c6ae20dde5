"""Session 17 of the leaders' question box: each flag switched on and off with my own wording (never a set's sentence)
and cases where it must not fire; bug fixes (rule R7) as plain tests that failed before the fix."""
from __future__ import annotations

import pytest

from appliance.ask import cohort_status, departments
from tests.ask.answering import asker, same


@pytest.mark.parametrize("on", [True, False])
def test_session17_feedback_by_the_department_that_handles_it(ask_db, monkeypatch, on):
    """departments.SESSION17_DEPARTMENTS: a department of the routing table named is its feedback: one of several
    categories filters on the department, one of a single category is that category. Off, its words were unknown."""
    monkeypatch.setattr(departments, "SESSION17_DEPARTMENTS", on)
    ask = asker(ask_db)
    several = ask("số phản ánh giao Phòng Kinh tế, Hạ tầng và Đô thị tháng 10")
    assert (several.status == "ok") is on
    if on:
        assert several.intent is not None and several.intent.filters == {
            "don_vi_xu_ly": "Phòng Kinh tế, Hạ tầng và Đô thị"}
        assert same(ask("phản ánh thuộc phạm vi phòng kinh tế xử lý tháng 10 bao nhiêu"), several)
    social = ask("tháng 10 có bao nhiêu phản ánh giao phòng văn hóa - xã hội")
    assert (social.status == "ok") is on
    if on:
        assert same(social, ask("tháng 10 có bao nhiêu phản ánh chính sách xã hội"))
    two = ask("tháng trước phản ánh giao công an với phản ánh môi trường, loại nào nhiều hơn")
    assert (two.status == "ok") is on
    if on:
        assert two.intent is not None and sorted(two.intent.filters["ma_linh_vuc"]) == ["an_ninh_trat_tu",
                                                                                          "moi_truong"]


def test_session17_what_no_department_reading_answers(ask_db, monkeypatch):
    """With the flag on: a department of several categories with a category, or two such departments, is unsure (a
    condition on both would count none); "văn phòng" alone and "phòng" as a grouping name no department; records have
    none."""
    monkeypatch.setattr(departments, "SESSION17_DEPARTMENTS", True)
    ask = asker(ask_db)
    assert ask("phản ánh đất đai giao phòng kinh tế tháng này").status == "unsure"
    assert ask("phản ánh giao phòng kinh tế so với phòng văn hóa tháng 10").status == "unsure"
    assert ask("số phản ánh gửi văn phòng tháng 10").status == "unsure"
    by_department = ask("phản ánh tháng 10 theo phòng")
    assert by_department.status == "ok" and by_department.intent is not None
    assert by_department.intent.group == "don_vi_xu_ly" and not by_department.intent.filters
    assert ask("số hồ sơ công an phường tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_where_a_period_s_records_stand_now(ask_db, monkeypatch, on):
    """cohort_status.SESSION17_COHORT_STATUS: "… giờ trạng thái ra sao / thế nào", "… xử lý tới đâu rồi" is the
    breakdown by current status, as "theo trạng thái" is. Off, "trạng thái" was unknown, or "xử lý" the measure."""
    monkeypatch.setattr(cohort_status, "SESSION17_COHORT_STATUS", on)
    ask = asker(ask_db)
    for said, plain in (("hồ sơ nhận tháng 9 bây giờ trạng thái thế nào", "hồ sơ nhận tháng 9 theo trạng thái"),
                        ("phản ánh gửi tuần trước trạng thái ra sao", "phản ánh gửi tuần trước theo trạng thái"),
                        ("phản ánh tháng 10 đã xử lý đến đâu rồi", "phản ánh tháng 10 theo trạng thái"),
                        ("hồ sơ hộ tịch nhận tháng này giải quyết tới đâu", "hồ sơ hộ tịch nhận tháng này theo trạng "
                                                                             "thái")):
        assert same(ask(said), ask(plain)) is on, said


def test_session17_what_no_status_question_is(ask_db, monkeypatch):
    """With the flag on: a status named ("trạng thái đang xử lý") is a filter, and "trạng thái" with nothing after it
    is no question of how things stand."""
    monkeypatch.setattr(cohort_status, "SESSION17_COHORT_STATUS", True)
    ask = asker(ask_db)
    got = ask("bao nhiêu hồ sơ trạng thái đang xử lý")
    assert got.status == "ok" and got.intent is not None and got.intent.group is None
    assert ask("hồ sơ tháng 10 trạng thái").status == "unsure"
