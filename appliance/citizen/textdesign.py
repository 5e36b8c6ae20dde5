"""The input row of the citizen's two linear models (complaint_model.py, intent_model.py): a
message's multilingual-e5-small vector, centred and scaled per dimension, beside its folded words
and word pairs, TF-IDF weighted over the training texts; both blocks about unit norm, then a bias.

Why centred: e5 vectors share a large common direction (cosines ~0.8), so without it the weights
would mostly see that direction; the differences between messages are what tell labels apart."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TextDesign:
    mean: np.ndarray
    scale: np.ndarray
    vocabulary: dict[str, int]  # term -> column of the words' block
    idf: np.ndarray
    words_weight: float  # the words' block against the embedding's

    @classmethod
    def fit(cls, vectors: np.ndarray, counts: Sequence[Counter[str]], *, min_df: int,
            words_weight: float) -> TextDesign:
        """From the training texts' vectors and term counts; a term in fewer than `min_df` texts
        teaches nothing general and gets no column."""
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        vocabulary = {term: i for i, term in enumerate(sorted(t for t, k in df.items() if k >= min_df))}
        idf = np.zeros(len(vocabulary))
        for term, i in vocabulary.items():
            idf[i] = math.log((len(counts) + 1) / (1 + df[term])) + 1.0
        return cls(vectors.mean(axis=0), vectors.std(axis=0) + 1e-6, vocabulary, idf, words_weight)

    def row(self, vector: np.ndarray, counts: Counter[str]) -> np.ndarray:
        """One message's row (shape 1 × width)."""
        embedding = (vector - self.mean) / self.scale / math.sqrt(vector.shape[0])  # about unit norm
        words = np.zeros(len(self.vocabulary))
        for term, count in counts.items():
            i = self.vocabulary.get(term)
            if i is not None:
                words[i] = (1.0 + math.log(count)) * self.idf[i]
        words /= max(float(np.linalg.norm(words)), 1e-9)
        return np.concatenate([embedding, self.words_weight * words, [1.0]])[None, :]
