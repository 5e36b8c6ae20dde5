"""Session 14: the complaint model's bar read beside the classifier's cue phrases
(complaint_model.SESSION14_COMPLAINT_AGREEMENT) and the leave-one-batch-out tools that chose it
(complaint_lobo.py, complaint_decision.py). Sentences here were written for these tests."""

from __future__ import annotations

import pytest

from appliance.citizen import complaint_model
from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.complaint_decision import Rule, Table, choose, grid, leave_one_batch_out, served
from appliance.citizen.complaint_lobo import Reading
from appliance.citizen.complaint_model import (
    SESSION8,
    SESSION12,
    VAGUE,
    ComplaintRouter,
    bar,
    cue_category,
)
from appliance.citizen.understanding import thresholds

RUBBISH = "Rác thải đổ bừa bãi ở đầu ngõ 7 bốc mùi cả tuần nay"  # cue phrases: moi_truong
DRAIN = "Cống thoát nước trước nhà tắc, mưa là ngập"  # cue phrases: ha_tang
NO_CUE = "Tôi muốn gửi một ý kiến tới các anh chị"  # no cue phrase


def probabilities(best: str, p: float) -> dict[str, float]:
    rest = (1.0 - p) / (len(CATEGORIES) - 1)
    return {**{c: rest for c in CATEGORIES}, best: p, VAGUE: 0.0}


class FixedModel:
    """The model's reading fixed: the flag's effect without the embedder's floats."""

    def __init__(self, best: str, p: float):
        self.reading = probabilities(best, p)

    def read(self, text: str) -> tuple[dict[str, float], str | None]:
        return self.reading, None


def router(best: str, p: float) -> ComplaintRouter:
    out = object.__new__(ComplaintRouter)
    out.classifier = FeedbackClassifier()
    out.config = SESSION12
    out.model = FixedModel(best, p)  # type: ignore[assignment]
    return out


def test_cue_category_names_the_strongest_cue_or_none():
    classifier = FeedbackClassifier()
    assert cue_category(classifier, RUBBISH) == "moi_truong"
    assert cue_category(classifier, DRAIN) == "ha_tang"
    assert cue_category(classifier, NO_CUE) is None


def test_the_bar_by_what_the_cue_phrases_say(monkeypatch: pytest.MonkeyPatch):
    limits = thresholds()
    monkeypatch.setattr(complaint_model, "SESSION14_COMPLAINT_AGREEMENT", True)
    assert bar("moi_truong", "moi_truong", SESSION12) == limits["complaint_model_session14_agree"] == 0.62
    assert bar("moi_truong", "ha_tang", SESSION12) == limits["complaint_model_session14_disagree"] == 0.80
    assert bar("moi_truong", None, SESSION12) == limits["complaint_model_session12"] == 0.77
    assert bar("moi_truong", "moi_truong", SESSION8) == limits["complaint_model_session8"]  # chosen for SESSION12
    monkeypatch.setattr(complaint_model, "SESSION14_COMPLAINT_AGREEMENT", False)
    for cue in ("moi_truong", "ha_tang", None):
        assert bar("moi_truong", cue, SESSION12) == 0.77


@pytest.mark.parametrize("flag", [True, False])
def test_agreeing_cue_phrases_let_a_surer_half_through(monkeypatch: pytest.MonkeyPatch, flag: bool):
    monkeypatch.setattr(complaint_model, "SESSION14_COMPLAINT_AGREEMENT", flag)
    agreed = router("moi_truong", 0.70).classify(RUBBISH)  # the cue phrases say moi_truong too
    assert agreed.category == "moi_truong" and agreed.pending is (not flag)
    silent = router("moi_truong", 0.70).classify(NO_CUE)  # no cue: the served bar either way
    assert silent.pending
    against = router("moi_truong", 0.78).classify(DRAIN)  # the cue phrases say ha_tang
    assert against.pending is flag
    sure = router("moi_truong", 0.85).classify(DRAIN)
    assert not sure.pending


def reading(batch: str, gold: str, best: str, p: float, cue: str | None) -> Reading:
    return Reading(batch, gold, "…", probabilities(best, p), {cue: 2.0} if cue else {}, {})


def test_the_table_counts_as_the_rule_decides():
    rows = [reading("a", "ha_tang", "ha_tang", 0.7, "ha_tang"),  # agree: told at 0.62, waits at 0.77
            reading("a", "moi_truong", "ha_tang", 0.78, "moi_truong"),  # disagree: wrong at 0.77, waits at 0.80
            reading("b", VAGUE, "khac", 0.5, None)]  # waits: right for a complaint naming no problem
    table = Table.of(rows)
    assert table.tally(served(0.77)) == (1, 1, 1)
    assert table.tally(Rule(0.62, 0.77, 0.80)) == (2, 1, 0)
    for row in rows:  # the Rule's own decision agrees with the table's
        told = Rule(0.62, 0.77, 0.80).category(row.probabilities, row.rule_best)
        assert (told is None) == (row.gold in (VAGUE, "moi_truong"))


def test_leave_one_batch_out_chooses_on_the_other_batches():
    rows = [reading("a", "ha_tang", "ha_tang", 0.7, "ha_tang"), reading("b", "ha_tang", "ha_tang", 0.7, "ha_tang"),
            reading("c", "khac", "ha_tang", 0.7, "ha_tang")]
    table = Table.of(rows)
    rules = grid(0.77)
    base = served(0.77)
    chosen = leave_one_batch_out(table, rules, base)
    # Without c, lowering the agree bar costs nothing: a and b are told; c, left out, is then wrong.
    assert chosen["c"][1] == (0, 0, 1)
    # Without a, c's wrong answer keeps the agree bar above 0.7 (no more wrong than the served bar).
    assert chosen["a"][0].agree > 0.7 and chosen["a"][1] == (0, 1, 0)
    assert choose(table.where(table.batch == "none"), rules, 0, base) in rules  # no rows: every rule ties
