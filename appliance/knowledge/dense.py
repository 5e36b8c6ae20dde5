"""Session 14: what the packaged embedder (multilingual-e5-small) adds to legal search besides the blend of
`search.SEMANTIC_WEIGHT` (docs/knowledge.md, "Session 14").

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
DENSE_CONFIRM_SIMILARITY = 0.91
DENSE_CONFIRM_DEPTH = 3  # the passages shown first


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


def confirms(view: DenseView | None, shown: Sequence[int]) -> bool:
    """Whether one of the passages shown first is close enough in meaning to count as the answer."""
    if view is None or not shown:
        return False
    first = list(shown[:DENSE_CONFIRM_DEPTH])
    return max(view.of(first), default=0.0) >= DENSE_CONFIRM_SIMILARITY
