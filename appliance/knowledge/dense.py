"""Session 14: what the packaged embedder (multilingual-e5-small) adds to legal search besides the blend of
`search.SEMANTIC_WEIGHT`, each behind a flag read at call time (docs/knowledge.md, "Session 14").

The chunk vectors are those the worker stores at import time (`vectors.embed_missing`: the article title and the
passage, "passage: " prefix); a question costs one "query: " embedding and a product with the stored matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# The relevance judgement (relevance.py) reads words only: a precise question in other words than the law's
# ("rút đơn khiếu nại thì phải làm thế nào") covers too little of the passage that answers it. When the judgement
# says "not found" but one of the passages the ranking shows first is as close in meaning to the question as
# DENSE_CONFIRM_SIMILARITY (cosine of the e5 vectors), the passages are shown as the answer. The bar lies above
# every question without text here in the training half and the development and check sets (the highest: 0,903),
# and below the answered ones it gains (docs/knowledge.md, "Session 14", with its cross-validation).
SESSION14_DENSE_CONFIRMS = True
DENSE_CONFIRM_SIMILARITY = 0.91
DENSE_CONFIRM_DEPTH = 3  # the passages shown first
# Session 15: closeness in meaning says what a passage is about, not that it holds what is asked: "how much does
# a copy cost" is close to the article on copies, which states no amount. With this on, only a passage that states
# what the question asks for (an amount, a time, a penalty: relevance.states_what_is_asked, the test the bridge and
# search.bridge_own_first already apply) can confirm; the others leave the question to the procedure bridge.
SESSION15_CONFIRM_STATES_ASKED = False  # off by rule R1 (session 15): with the embedder fresh15 one wrong more


@dataclass(frozen=True)
class DenseView:
    """The question's cosine similarity to every embedded chunk."""

    ids: np.ndarray
    similarities: np.ndarray

    def nearest(self, limit: int) -> dict[int, float]:
        top = np.argsort(-self.similarities)[:limit]
        return {int(self.ids[i]): float(self.similarities[i]) for i in top}

    def of(self, chunk_ids: Sequence[int]) -> list[float]:
        """The similarities of those of `chunk_ids` that are embedded, in their order."""
        wanted = np.asarray(list(chunk_ids), dtype=np.int64)
        where = np.flatnonzero(np.isin(self.ids, wanted))  # one pass over the ids, not a dict of them all
        position = {int(self.ids[i]): int(i) for i in where}
        return [float(self.similarities[position[int(c)]]) for c in wanted if int(c) in position]


def confirms(view: DenseView | None, shown: Sequence[int], states_asked: Sequence[bool] | None = None) -> bool:
    """Whether one of the passages shown first is close enough in meaning to count as the answer
    (SESSION14_DENSE_CONFIRMS). `states_asked`, beside `shown`: whether each passage states what the question
    asks for (an amount, a time, a penalty: relevance.states_what_is_asked); with SESSION15_CONFIRM_STATES_ASKED
    only those that do can confirm."""
    if not SESSION14_DENSE_CONFIRMS or view is None or not shown:
        return False
    first = list(shown[:DENSE_CONFIRM_DEPTH])
    if SESSION15_CONFIRM_STATES_ASKED and states_asked is not None:
        first = [cid for cid, stated in zip(first, states_asked, strict=False) if stated]
    return max(view.of(first), default=0.0) >= DENSE_CONFIRM_SIMILARITY
