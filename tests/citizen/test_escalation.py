"""settings.citizen_embeddings_when_unsure: the embedder reads only the messages the rules + lexical
reading is unsure of, and a sure message is answered exactly as without an embedder. A counting
embedder (hashed words, deterministic) stands in for the model: what is checked is when it is
called, not what it knows (its effect on the labelled sets is in `make bench`, bench_citizen_escalate)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pytest

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.phrasings import load
from appliance.citizen.semantic import BUSY_WAIT_S, SemanticIndex
from appliance.citizen.understanding import Understanding, thresholds
from appliance.engines.base import Vectors
from appliance.knowledge.procedures import load_catalogue

SURE = "đăng ký khai sinh cho con cần giấy tờ gì"
UNSURE = "cho hỏi cái việc đó thì làm sao ạ"


class CountingEmbedder:
    name = "counting-hash-embedder"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in tokens(text):
                out[i, int(hashlib.sha1(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        out += 1e-3
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Understanding, Understanding, CountingEmbedder]:
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    phrasings = load(procedures)
    embedder = CountingEmbedder()
    directory: Path = tmp_path_factory.mktemp("vectors")
    semantic = SemanticIndex(embedder, phrasings.examples, directory)
    return (Understanding(procedures, phrasings),
            Understanding(procedures, phrasings, semantic=semantic, when_unsure=True), embedder)


def test_a_sure_message_is_not_embedded_and_reads_as_without_an_embedder(built):
    rules, escalating, embedder = built
    before = embedder.calls
    plain, read = rules.read(SURE), escalating.read(SURE)
    assert plain.confidence >= thresholds()["escalate"]  # the premise: the rules are sure of it
    assert embedder.calls == before
    assert (read.label, read.confidence, read.engine) == (plain.label, plain.confidence, "rules")


def test_an_unsure_message_is_read_again_with_the_embedder(built):
    rules, escalating, embedder = built
    assert rules.read(UNSURE).confidence < thresholds()["escalate"]
    before = embedder.calls
    read = escalating.read(UNSURE)
    assert embedder.calls == before + 1
    assert read.engine == "rules+embeddings"


def test_a_complaint_the_rules_are_sure_of_is_not_embedded(built):
    _, escalating, embedder = built
    before = embedder.calls
    result = escalating.classify_complaint("rác thải đổ bừa bãi đầu ngõ bốc mùi hôi thối, đề nghị phường thu gom")
    assert (result.category, result.engine, embedder.calls) == ("moi_truong", "rules", before)


def test_a_busy_embedder_is_not_waited_for(built):
    """A burst of chats: a message the model cannot take within BUSY_WAIT_S is read by rules +
    lexical alone (the same reading as without an embedder), and says so."""
    rules, escalating, embedder = built
    text = "cho tôi hỏi chuyện hôm trước thì giải quyết thế nào"
    plain = rules.read(text)
    assert plain.confidence < thresholds()["escalate"]  # the premise: it would be embedded
    semantic = escalating.semantic
    assert semantic is not None
    before = embedder.calls
    assert semantic._gate.acquire(timeout=1)  # another chat holds the model
    try:
        started = time.perf_counter()
        read = escalating.read(text)
        waited = time.perf_counter() - started
    finally:
        semantic._gate.release()
    assert (read.label, read.confidence, read.engine) == (plain.label, plain.confidence, "rules")
    assert embedder.calls == before and waited < BUSY_WAIT_S + 0.5
    assert escalating.read(text).engine == "rules+embeddings"  # free again: embedded
    assert embedder.calls == before + 1


def test_a_reading_that_must_embed_waits_for_a_busy_model(built):
    """Without a wait limit (the embedder on every message, a complaint's category) the reading waits
    for the model instead of failing: a Semaphore's timeout=-1 is no wait at all (it was, once)."""
    _, escalating, _ = built
    semantic = escalating.semantic
    assert semantic is not None
    assert semantic._gate.acquire(timeout=1)
    threading.Timer(0.2, semantic._gate.release).start()
    started = time.perf_counter()
    scores = semantic.scores("cho hỏi thủ tục nhận nuôi con nuôi ở phường")
    assert scores and time.perf_counter() - started >= 0.15
