"""Embedding vectors for chunks, used only when an embedder is installed (engines registry).

Vectors are computed in the background (job `knowledge.embed`) so adding a document never waits
for a model; search blends in similarity for the chunks that have one. The matrix is cached in
memory per database and model, and rebuilt when the vector count changes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

import numpy as np

from appliance.engines import Embedder
from appliance.jobs import enqueue
from appliance.jobs.queue import has_pending
from appliance.knowledge import store
from appliance.knowledge.dense import DenseView
from appliance.knowledge.summarize import Progress

log = logging.getLogger(__name__)
_CACHE: dict[tuple[str, str], tuple[int, np.ndarray, np.ndarray]] = {}
_LOCK = threading.Lock()
BATCH = 32


def request_embedding(conn: sqlite3.Connection) -> bool:
    """Queue one `knowledge.embed` job unless one is already waiting or running."""
    if has_pending(conn, "knowledge.embed"):
        return False
    enqueue(conn, "knowledge.embed", {})
    return True


def _db_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else ""


def embed_missing(conn: sqlite3.Connection, embedder: Embedder, progress: Progress | None = None) -> int:
    """Embed every chunk lacking a vector for this model; returns how many were added."""
    model = getattr(embedder, "name", "embedder")
    rows = store.chunks_without_vector(conn, model)
    done = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        matrix = np.asarray(embedder.embed([f"{r['article_title']}\n{r['text']}" for r in batch], kind="passage"),
                            dtype=np.float32)
        store.put_vectors(conn, model, [(int(r["id"]), matrix[i].tobytes()) for i, r in enumerate(batch)])
        done += len(batch)
        if progress:
            progress(done / len(rows), f"Đã tính vector cho {done}/{len(rows)} đoạn")
    return done


def _matrix(conn: sqlite3.Connection, model: str) -> tuple[np.ndarray, np.ndarray] | None:
    count = store.vector_count(conn, model)
    if not count:
        return None
    key = (_db_name(conn), model)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached and cached[0] == count:
            return cached[1], cached[2]
        rows = store.vectors(conn, model)
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
        _CACHE[key] = (count, ids, matrix)
        return ids, matrix


def similar(conn: sqlite3.Connection, embedder: Embedder, query: str, limit: int = 60) -> dict[int, float]:
    """chunk id → cosine similarity for the nearest chunks; {} when nothing is embedded."""
    found = query_similarities(conn, embedder, query)
    return DenseView(*found).nearest(limit) if found is not None else {}


def query_similarities(conn: sqlite3.Connection, embedder: Embedder,
                       query: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(chunk ids, cosine similarity of each to the question), or None when nothing is embedded or the
    model fails (search then degrades to BM25 rather than failing)."""
    model = getattr(embedder, "name", "embedder")
    try:
        found = _matrix(conn, model)
        if found is None:
            return None
        ids, matrix = found
        query_vector = np.asarray(embedder.embed([query], kind="query"), dtype=np.float32)[0]
    except Exception:
        log.exception("embedding search failed; BM25 only")
        return None
    return ids, matrix @ query_vector
