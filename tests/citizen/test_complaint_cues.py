"""Session 14: the complaint model's bar read beside the classifier's cue phrases (the leave-one-batch-out tools
that chose a pair of bars: complaint_lobo.py, complaint_decision.py; the pair's flag was retired in session 16) and
praise filed under "khac" (complaint_cues.praises). Sentences here were written for these tests."""

from __future__ import annotations

import pytest

from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.complaint_cues import bar, cue_category, praises
from appliance.citizen.complaint_decision import Rule, Table, choose, grid, leave_one_batch_out, served
from appliance.citizen.complaint_lobo import Reading
from appliance.citizen.complaint_model import SESSION8, SESSION12, VAGUE, ComplaintRouter
from appliance.citizen.understanding import thresholds
from tests.citizen.fixed_router import fixed_router, probabilities

RUBBISH = "Rác thải đổ bừa bãi ở đầu ngõ 7 bốc mùi cả tuần nay"  # cue phrases: moi_truong
DRAIN = "Cống thoát nước trước nhà tắc, mưa là ngập"  # cue phrases: ha_tang
NO_CUE = "Tôi muốn gửi một ý kiến tới các anh chị"  # no cue phrase


def router(best: str, p: float) -> ComplaintRouter:
    return fixed_router(SESSION12, best, p)


def test_cue_category_names_the_strongest_cue_or_none():
    classifier = FeedbackClassifier()
    assert cue_category(classifier, RUBBISH) == "moi_truong"
    assert cue_category(classifier, DRAIN) == "ha_tang"
    assert cue_category(classifier, NO_CUE) is None


def test_the_bar_is_the_models_own():
    """Session 14's and 15's agree / disagree pairs (off by rule R1) were retired in sessions 16 and 18: whatever the
    cue phrases say, the served bar (the pairs stay complaint_decision.py's rules)."""
    limits = thresholds()
    assert bar(SESSION12.threshold_key) == limits["complaint_model_session12"] == 0.77
    assert bar(SESSION8.threshold_key) == limits["complaint_model_session8"]


def test_the_served_bar_whatever_the_cue_phrases_say():
    assert router("moi_truong", 0.70).classify(RUBBISH).pending  # the cue phrases say moi_truong too
    assert router("moi_truong", 0.70).classify(NO_CUE).pending
    assert not router("moi_truong", 0.78).classify(DRAIN).pending  # the cue phrases say ha_tang
    assert not router("moi_truong", 0.85).classify(DRAIN).pending


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


PRAISE = ["Tôi muốn khen anh bảo vệ tổ dân phố 3 rất nhiệt tình",
          "Đề nghị phường biểu dương cô giáo Lan đã dạy miễn phí cho trẻ khó khăn",
          "Cảm ơn anh cán bộ tư pháp đã giúp tôi làm giấy tờ nhanh",
          "cam on chi o bo phan mot cua da huong dan tan tinh"]
NOT_PRAISE = ["Xin cảm ơn phường đã đọc thư này. Nhà bên cạnh xây lấn sang đất nhà tôi",
              "Đường ngõ 5 ngập nước, xin cảm ơn",
              "Hồ sơ đề nghị khen thưởng kháng chiến của bố tôi nộp từ năm ngoái chưa có kết quả",
              "Cán bộ một cửa làm việc thế này thì không ai khen nổi",
              "chê chứ khen gì cái cách làm việc này",
              "Tuyến đường trước chợ nhiều ổ gà",  # folded: "tuyen duong", not "tuyên dương"
              "Tôi khen anh Nam ở bộ phận một cửa, nhưng chị thủ quỹ thì rất khó chịu với dân"]


@pytest.mark.parametrize("text", PRAISE)
def test_praise_is_recognised(text: str):
    assert praises(text)


@pytest.mark.parametrize("text", NOT_PRAISE)
def test_thanks_at_the_end_irony_records_and_a_but_are_not_praise(text: str):
    assert not praises(text)


def test_praise_is_filed_under_khac():
    told = router("an_ninh_trat_tu", 0.92).classify("Cho tôi khen các anh công an phường đã đến rất nhanh đêm qua")
    assert (told.category, told.pending) == ("khac", False)
    praise = reading("a", "khac", "thu_tuc_hanh_chinh", 0.9, None)
    praise = Reading(praise.batch, praise.gold, PRAISE[2], praise.probabilities, {}, {})
    assert Table.of([praise]).tally(served(0.77)) == (1, 0, 0)
