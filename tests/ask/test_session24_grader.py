"""Session 24: the grader (spec_eval) learns lists of indicators. Before, a list case on an indicator measure went to
the records' listing and crashed (KeyError) whenever the box answered with a table of indicators, so no reading of
"danh sách chỉ tiêu chưa đạt kế hoạch" (held-out h074) could be graded. The answer's own claim is checked."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask.service import AskResult
from tests.ask import spec_eval

SPAN = (dt.date(2026, 1, 1), dt.date(2026, 11, 20))


@pytest.fixture(scope="module")
def grader(demo_settings):
    return spec_eval.Grader(demo_settings.db_path)


def _case() -> spec_eval.Case:
    return spec_eval.Case("own", "danh sách chỉ tiêu chưa đạt kế hoạch", "list", ("chi_tieu_ty_le_ke_hoach",),
                          period=SPAN)


def _answer(text: str, names: list[str]) -> AskResult:
    return AskResult(question="", answer=text, columns=["Chỉ tiêu"], rows=[[n] for n in names], keys=["chi_tieu"])


def _split(grader: spec_eval.Grader) -> tuple[list[str], list[str]]:
    """The demo ward's indicators that missed and that reached their 2026 plan by 20/11 (hộ nghèo: lower is better)."""
    missed: list[str] = []
    reached: list[str] = []
    for name in grader.truth.groups("chi_tieu_thuc_hien", SPAN, None, {}, "chi_tieu"):
        done = grader.truth.value("chi_tieu_thuc_hien", SPAN, None, {"chi_tieu": name})
        plan = grader.truth.value("chi_tieu_ke_hoach", SPAN, None, {"chi_tieu": name})
        assert isinstance(done, float) and isinstance(plan, float)
        ok = done <= plan if "nghèo" in name else done >= plan
        (reached if ok else missed).append(name)
    return missed, reached


def test_a_list_of_the_indicators_that_missed_their_plan_is_graded(grader):
    missed, reached = _split(grader)
    assert missed and reached  # both kinds exist, so a wrong set can be told from a right one
    case = _case()
    assert grader._list(case, _answer("Các chỉ tiêu chưa đạt kế hoạch:", missed))[0] == "right"
    assert grader._list(case, _answer("Các chỉ tiêu chưa đạt kế hoạch:", missed[1:]))[0] == "wrong"
    assert grader._list(case, _answer("Các chỉ tiêu chưa đạt kế hoạch:", missed + reached[:1]))[0] == "wrong"
    assert grader._list(case, _answer("Các chỉ tiêu đã đạt kế hoạch:", reached))[0] == "right"
    assert grader._list(case, _answer("Các chỉ tiêu đã đạt kế hoạch:", missed))[0] == "wrong"
    assert grader._list(case, _answer("Các chỉ tiêu:", missed + reached))[0] == "right"


def test_a_table_of_records_for_an_indicator_list_is_wrong_not_a_crash(grader):
    records = AskResult(question="", answer="Danh sách hồ sơ", columns=["Mã hồ sơ"], rows=[["HS-1"]], keys=["ma_ho_so"])
    assert grader._list(_case(), records)[0] == "wrong"
