"""Feedback classification into the CONTRACT §5 categories: keyword rules + similarity.

Two real signals over folded, teencode-expanded text:
- rules: cue phrases per category (data/feedback_classifier.toml); a cue lying inside a
  longer cue that also matched is ignored, the rest score by length^1.5;
- similarity: TF-IDF cosine (words and word pairs) to example complaints; the seed examples
  ship with the code, staff reclassifications are added as examples (public.db pub_examples,
  staff feedback_examples) so the classifier learns the ward's own wording.
Nothing matched → "khac". The engine label is "rules".
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from appliance.citizen.matching import PhraseSet, tokens

DATA = Path(__file__).with_name("data") / "feedback_classifier.toml"
CATEGORIES = ("dat_dai", "trat_tu_do_thi", "moi_truong", "ha_tang", "an_ninh_trat_tu", "thu_tuc_hanh_chinh",
              "chinh_sach_xa_hoi", "khac")
SIMILARITY_WEIGHT = 4.0
STAFF_EXAMPLE_BOOST = 1.25


@dataclass(frozen=True)
class Classification:
    category: str
    confidence: float  # 0..1, the share of the best score among all scores
    scores: dict[str, float]
    engine: str = "rules"
    pending: bool = False  # below the confidence threshold: staff choose the category ("chờ phân loại")
    # The category of the most similar example alone (TF-IDF): a second opinion that cue phrases
    # cannot outvote (understanding.classify_complaint); None when no example shares a word.
    nearest: str | None = None


@lru_cache(maxsize=1)
def seed() -> dict[str, dict[str, list[str]]]:
    with DATA.open("rb") as fh:
        raw = tomllib.load(fh)
    more = raw.pop("more", {})  # further phrasing families, examples only
    return {cat: {"keywords": list(v.get("keywords", [])),
                  "examples": [*v.get("examples", []), *more.get(cat, {}).get("examples", [])]}
            for cat, v in raw.items()}


def _features(words: Sequence[str]) -> Counter[str]:
    feats: Counter[str] = Counter(words)
    feats.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return feats


def nearest_category(sims: dict[str, float]) -> str | None:
    """The category of the most similar example (TF-IDF), "khac" on a tie; None when nothing is similar."""
    return max(CATEGORIES, key=lambda c: (sims.get(c, 0.0), c == "khac")) if sims else None


class FeedbackClassifier:
    def __init__(self, extra_examples: Iterable[tuple[str, str]] = ()):
        data = seed()
        self.keywords = PhraseSet((tokens(k), cat) for cat, v in data.items() for k in v["keywords"])
        examples: list[tuple[str, list[str], float]] = []
        for cat, v in data.items():
            examples.extend((cat, tokens(text), 1.0) for text in v["examples"])
        for cat, text in extra_examples:
            if cat in data:
                examples.append((cat, tokens(text), STAFF_EXAMPLE_BOOST))
        docs = [_features(words) for _, words, _ in examples]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs) + 1
        self.idf = {term: math.log(n / (1 + count)) + 1.0 for term, count in df.items()}
        self.vectors = [(cat, self._vector(doc), weight) for (cat, _, weight), doc in zip(examples, docs,
                                                                                           strict=True)]
        self._words = [tuple(words) for _, words, _ in examples]

    def _vector(self, feats: Counter[str]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in feats.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def rule_scores(self, words: Sequence[str], extra: PhraseSet[str] | None = None) -> dict[str, float]:
        """Per category, the cue phrases found (length^1.5 each, a phrase inside a longer found one ignored).
        `extra`: more phrases read with the team's (category_families.py: the complaint model's own reading)."""
        hits = self.keywords.find(words) + (extra.find(words) if extra is not None else [])
        kept = {h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                           for o in hits)}
        scores: dict[str, float] = {}
        for start, end, cat in kept:
            scores[cat] = scores.get(cat, 0.0) + (end - start) ** 1.5
        return scores

    def similarity_scores(self, words: Sequence[str], *, leave_out: bool = False) -> dict[str, float]:
        """Per category, the cosine of its most similar example. `leave_out`: examples worded exactly
        like the query do not count (a training text's own signal, complaint_model.py)."""
        query = self._vector(_features(words))
        best: dict[str, float] = {}
        own = tuple(words)
        for (cat, vec, weight), example in zip(self.vectors, self._words, strict=True):
            if leave_out and example == own:
                continue
            sim = weight * sum(v * vec.get(t, 0.0) for t, v in query.items())
            if sim > best.get(cat, 0.0):
                best[cat] = sim
        return best

    def classify(self, text: str) -> Classification:
        words = tokens(text)
        rules = self.rule_scores(words)
        sims = self.similarity_scores(words)
        scores = {cat: rules.get(cat, 0.0) + SIMILARITY_WEIGHT * sims.get(cat, 0.0) for cat in CATEGORIES}
        best = max(CATEGORIES, key=lambda c: (scores[c], c == "khac"))
        total = sum(scores.values())
        nearest = nearest_category(sims)
        if scores[best] < 0.35:  # nothing meaningful matched: a person will sort it
            return Classification("khac", 0.0, scores, nearest=nearest)
        return Classification(best, round(scores[best] / total, 3) if total else 0.0, scores, nearest=nearest)

    def issue_strength(self, text: str) -> float:
        """How much a message reads like a complaint about a concrete problem (rules only)."""
        rules = self.rule_scores(tokens(text))
        return max(rules.values(), default=0.0)
