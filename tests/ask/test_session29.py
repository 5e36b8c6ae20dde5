"""Session 29 of the leaders' question box: the session's bug fixes (rule R7) and each SESSION29 flag on and off, with
my own wording (never a set's sentence) and cases where it must not fire. Most checks ask the generated ward."""
from __future__ import annotations

import datetime as dt

from appliance.ask.service import AskResult
from tests.ask import spec_eval

SPAN = (dt.date(2026, 1, 1), dt.date(2026, 11, 20))


def test_a_filter_shared_by_both_sides_names_no_row(demo_settings):
    """Bug fix of the grader (rule R7): "chị Lan với chị Hà bên hộ tịch, ai giải quyết nhiều hơn" keys the field in
    both sides; the grader had looked for a row naming the field too, so the right answer (one row per officer, the
    field filtered) was graded wrong. A shared filter names no side; each officer's figure must still be hers within
    the field."""
    grader = spec_eval.Grader(demo_settings.db_path)
    lan = {"can_bo": "Nguyễn Thị Lan", "linh_vuc": "Hộ tịch"}
    ha = {"can_bo": "Phạm Thu Hà", "linh_vuc": "Hộ tịch"}
    case = spec_eval.Case("own", "chị Lan với chị Hà bên hộ tịch năm nay ai giải quyết nhiều hơn", "compare",
                          ("da_giai_quyet",), period=SPAN, filters=lan, compare_filters=ha)
    want_lan = grader.truth.value("da_giai_quyet", SPAN, None, lan)
    want_ha = grader.truth.value("da_giai_quyet", SPAN, None, ha)
    all_ha = grader.truth.value("da_giai_quyet", SPAN, None, {"can_bo": "Phạm Thu Hà"})
    assert want_ha != all_ha  # she works in another field too, so a figure without the field can be told apart

    def answer(first: object, second: object) -> AskResult:
        return AskResult(question="", answer="", columns=["Cán bộ", "Đã giải quyết"],
                         rows=[["Nguyễn Thị Lan", first], ["Phạm Thu Hà", second]], keys=["can_bo", "da_giai_quyet"])

    assert grader._compare(case, answer(want_lan, want_ha))[0] == "right"
    assert grader._compare(case, answer(want_lan, all_ha))[0] == "wrong"
    assert grader._compare(case, answer(want_ha, want_lan))[0] == "wrong"
    # the officers compared across two fields keep both names per side
    other = {"can_bo": "Phạm Thu Hà", "linh_vuc": "Chứng thực"}
    split = spec_eval.Case("own", "", "compare", ("da_giai_quyet",), period=SPAN, filters=lan, compare_filters=other)
    assert grader._compare(split, answer(want_lan, want_ha))[0] == "wrong"
