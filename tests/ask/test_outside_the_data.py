"""Issue 16/20, "no data" said honestly: a period not begun yet, or one before the first record (or
complaint) the unit holds, gets no figure; a comparison with such a period gives the later figure and
says it cannot compare, never "tăng N" against a zero nobody counted. On the demo ward (data from
21/11/2025, today 20/11/2026). Also: the source statuses' own words (trả lại, dừng xử lý, rút, hủy) name
their class, never a figure for everyone."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask.service import answer_question, catalog_for
from appliance.text import fold

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def db(demo_settings):
    return demo_settings.db_path


@pytest.mark.parametrize("question, says", [
    ("tháng 12/2026 tiếp nhận bao nhiêu hồ sơ", "Tháng 12/2026 chưa bắt đầu (hôm nay là 20/11/2026)"),
    ("năm sau có bao nhiêu phản ánh", "Năm 2027 chưa bắt đầu"),
    ("tháng sau tiếp nhận bao nhiêu hồ sơ", "Tháng 12/2026 chưa bắt đầu"),
    ("tuần tới có bao nhiêu hồ sơ", "Tuần sau (từ 23/11/2026 đến 29/11/2026) chưa bắt đầu"),
    ("quý kế tiếp giải quyết bao nhiêu", "Quý 1/2027 chưa bắt đầu"),
    ("tháng 10/2025 tiếp nhận bao nhiêu hồ sơ", "Dữ liệu hồ sơ hiện có bắt đầu từ ngày 21/11/2025"),
    ("phản ánh tháng 10/2025 bao nhiêu", "Dữ liệu phản ánh hiện có bắt đầu từ ngày 21/11/2025"),
])
def test_no_figure_outside_the_data(db, question, says):
    result = answer_question(db, question, today=TODAY, use_llm=False)
    assert result.status == "no_data" and not result.rows, result.answer
    assert says in result.answer


@pytest.mark.parametrize("question, what", [
    ("hồ sơ đất đai tháng 10 năm nay so với tháng 10 năm ngoái", "hồ sơ"),
    ("tháng này so với cùng kỳ năm ngoái phản ánh tăng hay giảm", "phản ánh"),
])
def test_a_comparison_with_a_period_before_the_data_does_not_compare(db, question, what):
    result = answer_question(db, question, today=TODAY, use_llm=False)
    assert result.status == "ok" and len(result.rows) == 2, result.answer
    assert f"chưa có số liệu (dữ liệu {what} hiện có bắt đầu từ ngày 21/11/2025), nên không so sánh được" \
        in result.answer
    words = fold(result.answer).split()
    assert "tang" not in words and "giam" not in words, result.answer
    # A comparison inside the data still says how much it changed.
    inside = answer_question(db, "tiếp nhận tháng này so với tháng trước", today=TODAY, use_llm=False)
    assert "không so sánh được" not in inside.answer and ("tăng" in inside.answer or "giảm" in inside.answer)


def test_thang_sau_is_june_or_next_month_only_when_the_accents_say_so(db):
    june = answer_question(db, "tháng sáu tiếp nhận bao nhiêu hồ sơ", today=TODAY, use_llm=False)
    assert june.status == "ok" and june.answer.startswith("Tháng 6/2026"), june.answer
    bare = answer_question(db, "thang sau tiep nhan bao nhieu ho so", today=TODAY, use_llm=False)
    assert bare.status == "unsure" and not bare.rows and "tháng tới hay tháng 6" in bare.answer, bare.answer


@pytest.mark.parametrize("question, key", [
    ("năm nay có bao nhiêu hồ sơ người dân xin rút", "rut_huy"),  # "hồ sơ người dân" is not "số người dân"
    ("số hồ sơ bị hủy tháng 10", "rut_huy"),
    ("số hồ sơ dừng xử lý năm nay", "tu_choi"),
])
def test_source_status_words_name_their_class(db, question, key):
    result = answer_question(db, question, today=TODAY, use_llm=False)
    assert result.status == "ok" and result.keys == [key], result.answer


def test_a_statistic_no_view_holds_names_the_indicators_this_ward_reports(db):
    """The nearest data offered is the ward's own indicator list (from its data), not a list written in code."""
    held = catalog_for(db).indicators
    assert held
    result = answer_question(db, "phường có bao nhiêu doanh nghiệp", today=TODAY, use_llm=False)
    assert result.status == "no_data" and not result.rows, result.answer
    assert all(name in result.answer for name in held) and "{indicators}" not in result.answer
