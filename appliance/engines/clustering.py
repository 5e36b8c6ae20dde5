"""Clustering of speaker embeddings (numpy only): agglomerative clustering on cosine similarity with
its whole merge history, the silhouette that picks the number of voices, and the Viterbi pass that
labels a timeline with a cost for switching."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float32]
Labels = NDArray[np.int64]


def normalise(matrix: Floats) -> Floats:
    return np.asarray(matrix / np.maximum(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12), dtype=np.float32)


@dataclass(frozen=True)
class Dendrogram:
    """Average-linkage merges in order: (kept row, absorbed row, similarity at the merge)."""

    size: int
    merges: tuple[tuple[int, int, float], ...]

    def cut(self, clusters: int) -> Labels:
        """Labels with `clusters` clusters (numbered by their first row)."""
        parent = np.arange(self.size)
        for kept, absorbed, _sim in self.merges[:max(0, self.size - max(1, clusters))]:
            parent[parent == absorbed] = kept
        _, labels = np.unique(parent, return_inverse=True)
        return labels.astype(np.int64)

    def cut_at(self, threshold: float) -> Labels:
        """Labels after every merge whose similarity is at least `threshold`."""
        done = sum(1 for _k, _a, sim in self.merges if sim >= threshold)
        return self.cut(self.size - done)


def agglomerate(vectors: Floats, weights: NDArray[np.float64]) -> Dendrogram:
    """Average-linkage agglomerative clustering on cosine similarity (rows L2-normalised), weighted by
    `weights` (speech seconds): merges until one cluster is left, most similar pair first."""
    n = len(vectors)
    sim = (vectors @ vectors.T).astype(np.float64)
    np.fill_diagonal(sim, -np.inf)
    sizes = weights.astype(np.float64).copy()
    merges: list[tuple[int, int, float]] = []
    for _ in range(n - 1):
        i, j = divmod(int(np.argmax(sim)), n)
        merges.append((i, j, float(sim[i, j])))
        merged = (sizes[i] * sim[i] + sizes[j] * sim[j]) / (sizes[i] + sizes[j])  # Lance-Williams update
        sim[i, :], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j, :], sim[:, j] = -np.inf, -np.inf
        sizes[i] += sizes[j]
    return Dendrogram(n, tuple(merges))


def silhouette(vectors: Floats, labels: Labels) -> float:
    """Mean silhouette (Rousseeuw 1987) on cosine distance; -1 for a single cluster."""
    count = int(labels.max()) + 1
    if count < 2:
        return -1.0
    distance = 1.0 - (vectors @ vectors.T).astype(np.float64)
    sums = np.zeros((len(vectors), count))
    for k in range(count):
        sums[:, k] = distance[:, labels == k].sum(axis=1)
    sizes = np.bincount(labels, minlength=count).astype(np.float64)
    rows = np.arange(len(vectors))
    own_size = sizes[labels]
    inside = np.where(own_size > 1, sums[rows, labels] / np.maximum(own_size - 1, 1), 0.0)
    means = sums / sizes[None, :]
    means[rows, labels] = np.inf
    nearest = means.min(axis=1)
    score = np.where(own_size > 1, (nearest - inside) / np.maximum(np.maximum(nearest, inside), 1e-12), 0.0)
    return float(score.mean())


def cluster_sums(weights: NDArray[np.float64], labels: Labels) -> NDArray[np.float64]:
    return np.asarray(np.bincount(labels, weights=weights, minlength=int(labels.max()) + 1), dtype=np.float64)


def cluster_means(vectors: Floats, weights: NDArray[np.float64], labels: Labels) -> Floats:
    """Weighted mean direction of each cluster (rows L2-normalised)."""
    sums = np.zeros((int(labels.max()) + 1, vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, labels, vectors * weights[:, None])
    return normalise(sums.astype(np.float32))


def renumber(labels: Labels) -> Labels:
    """Labels 0…k-1 in order of first appearance."""
    order: dict[int, int] = {}
    for value in labels.tolist():
        order.setdefault(int(value), len(order))
    return np.array([order[int(v)] for v in labels.tolist()], dtype=np.int64)


def viterbi(scores: Floats, breaks: Sequence[bool], switch_penalty: float) -> Labels:
    """Best label path through per-step scores (steps × labels) where changing label costs
    `switch_penalty`, except across a break (a pause between stretches of speech), where it is free."""
    steps, count = scores.shape
    back = np.zeros((steps, count), dtype=np.int64)
    total = scores[0].astype(np.float64).copy()
    for t in range(1, steps):
        penalty = 0.0 if breaks[t] else switch_penalty
        best_prev = int(np.argmax(total))
        move = total[best_prev] - penalty
        choose_move = move > total
        back[t] = np.where(choose_move, best_prev, np.arange(count))
        total = np.where(choose_move, move, total) + scores[t]
    path = np.zeros(steps, dtype=np.int64)
    path[-1] = int(np.argmax(total))
    for t in range(steps - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path
