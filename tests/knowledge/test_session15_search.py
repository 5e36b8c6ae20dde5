"""Session 15: legal search says "not found" rather than show an article that does not answer, each behaviour
behind a SESSION15_* flag read at call time (docs/knowledge.md, "Session 15"), and the embedder path's mends. The
sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import numpy as np

from appliance.knowledge import dense, vectors


class FakeEmbedder:
    """Three-dimensional vectors: a question about "a" points at chunk 11, one about "b" at chunk 12."""

    name = "fake-embedder"

    def embed(self, texts, kind="passage"):
        return [[1.0, 0.0, 0.0] if "a" in t else [0.0, 1.0, 0.0] for t in texts]


def test_of_reads_the_similarities_of_the_ids_asked_in_their_order():
    view = dense.DenseView(np.array([5, 9, 2, 7], dtype=np.int64), np.array([0.1, 0.9, 0.5, 0.7], dtype=np.float32))
    assert view.of([2, 5]) == [np.float32(0.5), np.float32(0.1)]
    assert view.of([7, 3, 9]) == [np.float32(0.7), np.float32(0.9)]  # 3 is not embedded: left out
    assert view.of([]) == []


def test_similar_is_the_dense_views_nearest(monkeypatch):
    ids = np.array([11, 12, 13], dtype=np.int64)
    matrix = np.array([[1, 0, 0], [0, 1, 0], [0.6, 0.8, 0]], dtype=np.float32)
    monkeypatch.setattr(vectors, "_matrix", lambda conn, model: (ids, matrix))
    found = vectors.similar(None, FakeEmbedder(), "a", limit=2)  # type: ignore[arg-type]
    assert list(found) == [11, 13] and found[11] == 1.0
    assert found == dense.DenseView(ids, matrix @ np.array([1, 0, 0], dtype=np.float32)).nearest(2)
    monkeypatch.setattr(vectors, "_matrix", lambda conn, model: None)
    assert vectors.similar(None, FakeEmbedder(), "a") == {}  # type: ignore[arg-type]
