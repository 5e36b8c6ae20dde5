"""An offline run keeps every message's vector (semantic.SemanticIndex.keep_queries): fit.py and lobo_examples.py
read thousands of fit messages again for every fold or half, more than the chat's cache holds."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from appliance.citizen import semantic
from appliance.citizen.semantic import SemanticIndex, query_store
from appliance.engines.base import Vectors


class CountingEmbedder:
    name = "counting"
    dimension = 4

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        self.calls += len(texts)
        rows = [np.array([len(t), t.count("a"), t.count("o"), 1.0], dtype=np.float32) for t in texts]
        out = np.vstack(rows) if rows else np.zeros((0, 4), dtype=np.float32)
        return np.asarray(out / np.linalg.norm(out, axis=1, keepdims=True))


def index(embedder: CountingEmbedder) -> SemanticIndex:
    return SemanticIndex(embedder, [("a", "khai sinh"), ("b", "ket hon")], vectors=np.eye(2, 4, dtype=np.float32))


def test_the_chat_cache_is_bounded_and_an_offline_run_is_not(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(semantic, "QUERY_CACHE", 2)
    messages = [f"cau hoi so {i}" for i in range(3)]
    chat = CountingEmbedder()
    bounded = index(chat)
    for _ in range(2):
        for text in messages:
            bounded.subset(bounded.examples).vector(text)
    assert chat.calls == 6  # three messages through a cache of two: every one evicted before it comes again
    run = CountingEmbedder()
    kept = index(run)
    kept.keep_queries(None)
    for _ in range(2):
        for text in messages:
            kept.subset(kept.examples).vector(text)
    assert run.calls == 3


def test_the_next_run_reads_the_vectors_kept_by_the_last(tmp_path: Path):
    path = query_store("counting", tmp_path)
    first = CountingEmbedder()
    one = index(first)
    one.keep_queries(path)
    vec = one.vector("giay khai sinh")
    one.save_queries(path)
    second = CountingEmbedder()
    two = index(second)
    two.keep_queries(path)
    assert np.allclose(two.vector("giay khai sinh"), vec) and second.calls == 0
    other = SemanticIndex(CountingEmbedder(), [("a", "x")], vectors=np.eye(1, 4, dtype=np.float32))
    other.name = "another model"
    other.keep_queries(path)  # another model's vectors are not taken
    assert "giay khai sinh" not in other._cache


def test_an_offline_run_embeds_the_missing_messages_in_chunks(tmp_path: Path):
    embedder = CountingEmbedder()
    offline = index(embedder)
    offline.keep_queries(None)
    offline.vector("cau hoi   mot")  # already kept: not embedded again
    assert offline.embed_queries(["cau hoi mot", "cau hoi hai", "cau  hoi hai", "cau hoi ba"], chunk=1) == 2
    assert embedder.calls == 3
    before = embedder.calls
    assert offline.vector("cau hoi ba") is not None and offline.embed_queries(["cau hoi ba"]) == 0
    assert embedder.calls == before


def test_the_batch_path_waits_for_the_model_and_keeps_the_cache_bounded(monkeypatch):
    """`embed_queries` goes through `vector()`'s path: it takes the model only when no chat message holds it (the
    gate), and without keep_queries its vectors live in the chat's bounded cache, not beside it."""
    monkeypatch.setattr(semantic, "QUERY_CACHE", 2)
    embedder = CountingEmbedder()
    chat = index(embedder)
    assert chat._gate.acquire(timeout=1)  # a chat message is in the model
    done = threading.Event()
    worker = threading.Thread(target=lambda: (chat.embed_queries(["mot", "hai", "ba"]), done.set()))
    worker.start()
    assert not done.wait(0.3) and embedder.calls == 0  # it waits for the model
    chat._gate.release()
    worker.join(5)
    assert done.is_set() and embedder.calls == 3
    assert len(chat._cache) == 2 and "ba" in chat._cache  # the chat's limit, the newest kept
    assert chat.vector("ba", wait_s=0) is not None and embedder.calls == 3
