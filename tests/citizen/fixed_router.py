"""A complaint router whose model reading is fixed: a bar's or a rule's effect shown without the embedder's floats
(tests of complaint_cues' bars, sessions 14 and 15)."""

from __future__ import annotations

from appliance.citizen import category_families
from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.complaint_model import VAGUE, ComplaintRouter, Config


def probabilities(best: str, p: float) -> dict[str, float]:
    """`best` at `p`, the rest shared evenly by the other categories, none vague."""
    rest = (1.0 - p) / (len(CATEGORIES) - 1)
    return {**{c: rest for c in CATEGORIES}, best: p, VAGUE: 0.0}


class FixedModel:
    def __init__(self, best: str, p: float):
        self.reading = probabilities(best, p)
        self.families = category_families.phrase_set()  # as a model fit now keeps them (session 17)

    def read(self, text: str) -> tuple[dict[str, float], str | None]:
        return self.reading, None


def fixed_router(config: Config, best: str, p: float) -> ComplaintRouter:
    out = object.__new__(ComplaintRouter)
    out.classifier = FeedbackClassifier()
    out.config = config
    out.model = FixedModel(best, p)  # type: ignore[assignment]
    return out
