"""Which label a citizen's message is, from a small multinomial logistic model over its
multilingual-e5-small vector and its folded words (issue 16): one more signal for the fusion model
of `understanding` (the "clf" column), beside the nearest example's cosine.

Why: the nearest example's cosine answers "is one example like this message?", and one odd example
of a neighbouring procedure can win it; a linear model over every example of every label learns
which directions of the vector and which words tell the labels apart (the same design as the
complaint model, `complaint_model.py`, which does this for the eight categories). Its probability
of each label is a feature, so the fusion model learns how far to trust it; messages that the rules
are sure of never reach it.

Trained on the understanding's own examples (names, aliases, example questions, the blind
training batches), one label per row of the fusion model (every out-of-scope topic is "oos", every
complaint category "complaint"). The fit is deterministic (gradient descent with momentum from
zero, in the dual: a few hundred steps over the n × n Gram matrix), about ten seconds for the
shipped examples on a small CPU, so its weights are kept on disk beside the example vectors, keyed
by the model, the labels and the examples; a later start reads them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from appliance.citizen.lexical import features as word_features
from appliance.citizen.textdesign import TextDesign

log = logging.getLogger(__name__)
L2 = 1e-4
MIN_DF = 2  # a word or pair seen once teaches nothing general
WORDS_WEIGHT = 1.0  # the words' block against the embedding's (both about unit norm)
STEPS = 400
RATE = 1.0
MOMENTUM = 0.9
VERSION = "1"  # bump when the design or the fit changes: the disk cache is keyed by it


def _softmax(scores: np.ndarray) -> np.ndarray:
    z = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(z)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


def _counts(text: str) -> Counter[str]:
    return word_features(text)


class IntentModel:
    """P(label | message) over `labels`, trained on (label, text) examples with their vectors."""

    def __init__(self, labels: Sequence[str], examples: Sequence[tuple[str, str]], vectors: np.ndarray, *,
                 l2: float = L2, weights: np.ndarray | None = None):
        self.labels = list(labels)
        row = {label: i for i, label in enumerate(self.labels)}
        keep = [i for i, (label, _) in enumerate(examples) if label in row]
        texts = [examples[i][1] for i in keep]
        gold = np.array([row[examples[i][0]] for i in keep])
        vecs = np.asarray(vectors, dtype=np.float64)[keep]
        counts = [_counts(t) for t in texts]
        self.design = TextDesign.fit(vecs, counts, min_df=MIN_DF, words_weight=WORDS_WEIGHT)
        if weights is None:
            design = np.vstack([self._design(vecs[i], counts[i]) for i in range(len(texts))])
            # Each label weighs as if it had sqrt(its count) examples: the complaints (hundreds of
            # examples) do not drown a procedure's twenty.
            per_label = np.bincount(gold, minlength=len(self.labels)).astype(np.float64)
            sample = 1.0 / np.sqrt(np.maximum(per_label[gold], 1.0))
            weights = fit(design, gold, len(self.labels), sample / sample.mean(), l2=l2)
        self.weights = weights  # labels × design columns

    def _design(self, vector: np.ndarray, counts: Counter[str]) -> np.ndarray:
        return self.design.row(vector, counts)

    def probabilities(self, text: str, vector: np.ndarray) -> dict[str, float]:
        """Per label, its probability for this message (its vector from the same embedder)."""
        design = self._design(np.asarray(vector, dtype=np.float64), _counts(text))
        p = _softmax(design @ self.weights.T)[0]
        return {label: float(p[i]) for i, label in enumerate(self.labels)}


def fit(design: np.ndarray, gold: np.ndarray, n_labels: int, sample: np.ndarray, *, l2: float = L2) -> np.ndarray:
    """Multinomial logistic regression by full-batch gradient descent with heavy-ball momentum from
    zero (deterministic; the loss is convex). In the dual: from zero every step adds a combination
    of the training rows to the weights, so they stay `coef.T @ design` and the steps need only the
    n × n Gram matrix (n examples against a few thousand columns)."""
    n = design.shape[0]
    y = np.zeros((n, n_labels))
    y[np.arange(n), gold] = 1.0
    gram = design @ design.T
    coef = np.zeros((n, n_labels))
    velocity = np.zeros_like(coef)
    for _ in range(STEPS):
        err = (_softmax(gram @ coef) - y) * sample[:, None] / n
        velocity = MOMENTUM * velocity - RATE * (err + l2 * coef)
        coef += velocity
    return np.asarray(coef.T @ design)


def cache_key(model_name: str, labels: Sequence[str], examples: Sequence[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{VERSION}\x00{model_name}\x00{L2}\x00{'|'.join(labels)}".encode())
    for label, text in examples:
        digest.update(b"\x00" + label.encode() + b"\x01" + text.encode())
    return digest.hexdigest()[:24]


def load_or_fit(model_name: str, labels: Sequence[str], examples: Sequence[tuple[str, str]], vectors: np.ndarray,
                directory: Path) -> IntentModel:
    """The model for these examples: its weights from the disk cache, or fit now (and stored)."""
    path = directory / f"intent-{cache_key(model_name, labels, examples)}.npy"
    try:
        weights = np.load(path)
        model = IntentModel(labels, examples, vectors, weights=np.asarray(weights, dtype=np.float64))
        if weights.shape == (len(labels), len(model.design.vocabulary) + vectors.shape[1] + 1):
            return model
    except (OSError, ValueError):
        pass
    model = IntentModel(labels, examples, vectors)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part.npy")
        np.save(partial, model.weights.astype(np.float32))
        os.replace(partial, path)  # whole or absent: another process may be reading it
    except OSError as exc:
        log.warning("could not keep the intent model in %s: %s", path, exc)
    return model
