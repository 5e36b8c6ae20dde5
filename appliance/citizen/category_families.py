"""Vocabulary families of the complaint categories that the team's cue phrases miss (session 17, docs/citizen.md
"Session 17"; on by rule R1, unconditional since session 19).

The complaint model (complaint_model.py) reads, per category, the score of the classifier's cue phrases
(data/feedback_classifier.toml) as one of its shared signals. Read leave-one-batch-out over the blind training
batches, most complaints left "chờ phân loại" had the right category at the top but below the bar, and a third of
them matched no cue phrase at all: the team's phrases name the problem by its office's word ("tiếng ồn", "lấn
chiếm", "trợ cấp"), citizens by what they live through ("loa bật to ầm ầm", "dựng rạp chiếm hết ngõ", "đá qua đá
lại"). The families here (data/category_families.toml, folded phrases) are read beside the team's phrases by the
complaint model only, at its fit and at each reading: never by the chat's question-or-complaint reading (the
classifier's `issue_strength`), nor by the rules' own classification.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from appliance.citizen.matching import PhraseSet, tokens

DATA = Path(__file__).with_name("data") / "category_families.toml"


@lru_cache(maxsize=1)
def phrases() -> dict[str, dict[str, list[str]]]:
    """category → family name → folded phrases."""
    with DATA.open("rb") as fh:
        raw = tomllib.load(fh)
    return {cat: {name: [" ".join(tokens(p)) for p in family] for name, family in families.items()}
            for cat, families in raw.items()}


@lru_cache(maxsize=1)
def phrase_set() -> PhraseSet[str]:
    """The families' phrases, read by the complaint model beside the team's cue phrases (category as the value)."""
    return PhraseSet((tuple(p.split()), cat) for cat, fams in phrases().items() for family in fams.values()
                     for p in family)
