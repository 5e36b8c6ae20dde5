"""The fitted task scorer (appliance/tasks/scorer.py): its shipped weights load, the fit is deterministic, and
it reads a proposal the way the evidence says."""

from __future__ import annotations

import datetime as dt
import json

from appliance.tasks.extract import candidates, extract_tasks
from appliance.tasks.scorer import FEATURES, WEIGHTS, Candidate, features, fit, model

MEETING = ("Nguyễn Văn An: Bắt đầu giao ban. Anh Bảo báo cáo nhanh tình hình thu ngân sách.\n"
           "Phạm Quốc Bảo: Dạ, hết tháng 10 thu ngân sách đạt 82% dự toán.\n"
           "Nguyễn Văn An: Anh Hùng rà soát danh sách hộ kinh doanh nợ thuế, gửi anh Bảo trước thứ Sáu.\n"
           "Trần Văn Hùng: Dạ.")


def test_the_shipped_weights_are_for_these_features():
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(raw["features"]) == FEATURES and len(raw["weights"]) == len(FEATURES)
    scorer = model()
    assert scorer is not None and 0 < scorer.drop < scorer.review < 1


def test_the_fit_is_deterministic_and_learns_the_sign():
    rows = [[1.0, float(i % 2), float(i % 3 == 0)] + [0.0] * (len(FEATURES) - 3) for i in range(40)]
    labels = [i % 2 for i in range(40)]
    first, second = fit(rows, labels), fit(rows, labels)
    assert first == second and first[1] > 1.0   # the feature equal to the label gets a large positive weight


def test_a_task_given_outranks_a_guess():
    """A directive to a person of the directory with a deadline, against a recap mention of someone nobody named,
    inferred from the dialogue, with no deadline: the evidence the weights must have learnt, whatever the fit."""
    scorer = model()
    assert scorer is not None
    given = Candidate("named", True, "staff", True, True, True, False,
                      "Giao anh Hùng rà soát danh sách hộ kinh doanh nợ thuế, gửi anh Bảo trước thứ Sáu.",
                      "Rà soát danh sách hộ kinh doanh nợ thuế", 0.3, 2)
    guess = Candidate("told", False, "voice", False, False, False, False,
                      "Tóm lại: báo cáo tình hình đi?", "Báo cáo tình hình", 0.9, 1)
    assert scorer.probability(given) > scorer.review > scorer.drop > scorer.probability(guess)


def test_extraction_with_the_scorer_keeps_what_the_rules_give():
    kept = extract_tasks(MEETING, dt.date(2026, 11, 3), fitted=True)
    assert [t.deadline for t in kept if t.assignee == "Anh Hùng"] == ["2026-11-06"]
    assert all(0 < t.confidence < 1 for t in kept)
    assert len(features(candidates(MEETING, dt.date(2026, 11, 3))[0][1])) == len(FEATURES)
