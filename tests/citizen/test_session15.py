"""Session 15: session 14's halves learnt (phrasings.SESSION15_REFIT, complaint_model.SESSION15_COMPLAINT_ALL), the
procedure bar calibrated with them (understanding.SESSION15_PROCEDURE_BAR) and the complaint decision's abstention
(complaint_cues.SESSION15_COMPLAINT_BAR, SESSION15_TWO_CATEGORIES). Every flag is read at call time. Sentences here
were written for these tests (the procedure questions in the manner of s14's writer: grandparents dictating,
students typing on Zalo, renters from the south and centre); none is from a training, development, held-out or fresh
batch."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from appliance.citizen import complaint_cues, complaint_model, fit, lobo_examples, phrasings, understanding
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.complaint_cues import bar, cue_category
from appliance.citizen.complaint_model import SESSION12, SESSION15, ComplaintRouter, served_config
from appliance.citizen.matching import Procedure
from appliance.citizen.understanding import FUSION_S13, FUSION_S15, Understanding, fusion_path, thresholds
from appliance.knowledge.procedures import load_catalogue
from tests.citizen.fixed_router import fixed_router
from tests.citizen.readings import assert_answered, assert_not_answered
from tests.flags import switch_on

MODULES = (phrasings, understanding, complaint_model, complaint_cues)
ASKED = [  # (question, procedure): the chat must answer these with the record
    ("bà nhờ cháu hỏi hộ, thằng cháu nội bà mới đẻ được tuần nay, giờ đi làm giấy khai sinh cho nó thì bà mang những "
     "gì ra phường", "HT-KS"),
    ("e la sv o tro, chu nha bao e phai dang ky tam tru, e can chuan bi giay to gi v a", "CU-TAM"),
]
NOT_A_PROCEDURE = [  # another office's matter: never answered with a ward procedure
    "cho con hỏi đổi bằng lái xe máy bị mất thì làm ở đâu vậy anh",
]


@pytest.fixture(autouse=True)
def flags_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every session 15 flag on (R1 decides the shipped defaults); a test switches one off itself. Session 17's
    model (SESSION17_COMPLAINT_ALL, served before SESSION15's) off: these tests read session 15's."""
    switch_on(monkeypatch, MODULES, "SESSION15_")
    monkeypatch.setattr(complaint_model, "SESSION17_COMPLAINT_ALL", False)


@pytest.fixture(scope="module")
def reader() -> Iterator[Understanding]:
    with pytest.MonkeyPatch.context() as patch:
        switch_on(patch, MODULES, "SESSION15_")
        procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
        yield Understanding(procedures, phrasings.load(procedures))


def _texts(name: str) -> set[str]:
    return {text for text, _, _ in lobo_examples.crossval.read_toml(lobo_examples.half_path(name))}


def test_s14_is_an_example_and_fit_data_only_with_the_refit(monkeypatch: pytest.MonkeyPatch) -> None:
    own = _texts("s14") - {w.text for w in phrasings.training_batch(halves=False)}
    assert own and own <= {w.text for w in phrasings.training_batch()}
    assert own <= {text for text, _, _ in fit.training_items()}
    monkeypatch.setattr(phrasings, "SESSION15_REFIT", False)
    assert not own & {w.text for w in phrasings.training_batch()}
    assert not own & {text for text, _, _ in fit.training_items()}


def test_complaints_train14_is_fit_data_never_an_example(monkeypatch: pytest.MonkeyPatch) -> None:
    new = _texts("complaints_train14")
    assert new <= {text for text, _, _ in fit.training_items()}
    assert not new & {w.text for w in phrasings.training_batch()}
    monkeypatch.setattr(phrasings, "SESSION15_REFIT", False)
    assert not new & {text for text, _, _ in fit.training_items()}


def test_the_weights_follow_the_refit_and_the_bar_its_own_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fusion_path() == FUSION_S15
    assert thresholds()["answer_procedure"] == thresholds()["answer_procedure_s15"]
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (FUSION_S13, FUSION_S15))
    assert old["features"] == new["features"] and old["kinds"] == new["kinds"]
    assert "s14}" in new["fitted_on"] and ",14}" in new["fitted_on"] and old["rules"] != new["rules"]
    monkeypatch.setattr(understanding, "SESSION15_PROCEDURE_BAR", False)
    assert fusion_path() == FUSION_S15
    assert thresholds()["answer_procedure"] == thresholds()["answer_procedure_s13"]
    monkeypatch.setattr(phrasings, "SESSION15_REFIT", False)
    assert fusion_path() == FUSION_S13
    assert thresholds()["answer_procedure"] == thresholds()["answer_procedure_s13"]


def test_s14_is_never_among_the_examples_nor_the_fit_data_that_read_it() -> None:
    universe = lobo_examples.Universe(False, ["s12c", "s14"])
    examples, _, batches = lobo_examples.DESIGNS["s15"]
    held = {text for _, text in universe.examples_without("s14", True, examples)}
    own = _texts("s14") - {text for _, text in universe.base.examples}
    assert not own & held and _texts("s12c") <= held
    assert "complaints_train14" in batches and "s14" not in lobo_examples.DESIGNS["s13"][0]


@pytest.mark.parametrize(("text", "code"), ASKED)
def test_everyday_questions_are_answered_with_their_procedure(reader: Understanding, text: str, code: str) -> None:
    assert_answered(reader, text, code)


@pytest.mark.parametrize("text", NOT_A_PROCEDURE)
def test_other_offices_are_not_answered_as_a_procedure(reader: Understanding, text: str) -> None:
    assert_not_answered(reader, text)


def test_the_complaint_model_learns_session_14s_half_with_its_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    assert served_config() is SESSION15 and "s14" in SESSION15.batches
    texts = {t for _, t, _ in complaint_model.training_examples()}
    new = {t for _, t in complaint_model.training_batch14()}
    assert new and new <= texts
    monkeypatch.setattr(complaint_model, "SESSION15_COMPLAINT_ALL", False)
    assert served_config() is SESSION12
    assert not new & {t for _, t, _ in complaint_model.training_examples()}


# Complaints written for this test: the model's reading is fixed below, so the test shows the decision, not the model.
RUBBISH = "Bãi rác tự phát ở cuối ngõ 9 bốc mùi, ruồi nhặng bay vào nhà"  # cue phrases: moi_truong
TWO_PROBLEMS = "Quán nhậu đầu ngõ kê bàn ra hết vỉa hè, tối nào cũng có người say xỉn chửi nhau"
NO_CUE = "Tôi có việc muốn trình bày với các anh chị ở phường"  # no cue phrase


def router(best: str, p: float) -> ComplaintRouter:
    return fixed_router(SESSION15, best, p)


def test_the_cue_phrases_of_the_sentences_here() -> None:
    classifier = FeedbackClassifier()
    assert cue_category(classifier, RUBBISH) == "moi_truong"
    assert cue_category(classifier, NO_CUE) is None
    assert cue_category(classifier, TWO_PROBLEMS) not in (None, "an_ninh_trat_tu")


def test_the_bars_follow_their_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = thresholds()
    key = SESSION15.threshold_key
    assert bar("moi_truong", "moi_truong", key) == limits["complaint_model_session15_agree"] == 0.74
    assert bar("moi_truong", "ha_tang", key) == limits["complaint_model_session15_disagree"] == 0.82
    assert bar("moi_truong", None, key) == limits["complaint_model_session12"] == 0.77
    assert bar("moi_truong", "ha_tang", "complaint_model_session8") == limits["complaint_model_session8"]
    monkeypatch.setattr(complaint_cues, "SESSION15_COMPLAINT_BAR", False)
    assert bar("moi_truong", "moi_truong", key) == 0.77
    assert bar("moi_truong", "ha_tang", key) == 0.82
    monkeypatch.setattr(complaint_cues, "SESSION15_TWO_CATEGORIES", False)
    assert bar("moi_truong", "ha_tang", key) == 0.77


@pytest.mark.parametrize("flag", [True, False])
def test_agreeing_readings_are_told_a_little_sooner(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(complaint_cues, "SESSION15_COMPLAINT_BAR", flag)
    told = router("moi_truong", 0.75).classify(RUBBISH)
    assert told.category == "moi_truong" and told.pending is (not flag)
    assert router("moi_truong", 0.75).classify(NO_CUE).pending  # no cue: 0.77 either way


@pytest.mark.parametrize("flag", [True, False])
def test_a_complaint_touching_two_categories_waits_unless_the_model_is_sure(monkeypatch: pytest.MonkeyPatch,
                                                                            flag: bool) -> None:
    monkeypatch.setattr(complaint_cues, "SESSION15_TWO_CATEGORIES", flag)
    # The words name street order (the tables on the pavement), the model reads the drunken quarrels.
    told = router("an_ninh_trat_tu", 0.80).classify(TWO_PROBLEMS)
    assert told.category == "an_ninh_trat_tu" and told.pending is flag
    assert not router("an_ninh_trat_tu", 0.90).classify(TWO_PROBLEMS).pending


def test_a_cached_router_of_the_other_model_is_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen.public import intake

    key = (0, 0, "session15-test")
    monkeypatch.setitem(intake._router_cache, key, router("ha_tang", 0.9))  # SESSION15's
    assert intake.cached_router(key) is intake._router_cache[key]
    monkeypatch.setattr(complaint_model, "SESSION15_COMPLAINT_ALL", False)
    assert intake.cached_router(key) is None
