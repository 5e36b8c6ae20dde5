"""The chat's models are prepared in the background (public/preparing.py): on a cold vector cache a
message is answered at once by rules + lexical and a complaint is classified by the rules (both
labelled "rules"); once the build is done the embedder reads and the complaint model classifies.
A gated stand-in embedder (hashed words, deterministic) holds the build half-way, so that "during
the build" is certain rather than a race; the real model's figures are in test_heldout.py."""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import threading
import time
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pytest

from appliance.citizen import semantic
from appliance.citizen.complaint_model import BATCHES, chunks, served_config, training_examples, vectors_ready
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.phrasings import load
from appliance.citizen.public import preparing
from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.semantic import BATCH, MAX_QUERY_CHARS, embed_examples
from appliance.engines.base import Vectors
from appliance.knowledge.procedures import load_catalogue

UNSURE = "cho hỏi cái việc đó thì làm sao ạ"
_names = itertools.count()
COMPLAINT = "Đèn chiếu sáng trong ngõ 12 hỏng cả tuần nay, tối om, người già đi lại dễ ngã, đề nghị phường cho sửa"


class GatedEmbedder:
    """Hashed words; from its `hold_at`-th call of many texts it waits for `release` (the build is
    then provably under way). Each instance is a model of its own name: a cold cache for it."""

    dimension = 64

    def __init__(self, hold_at: int = 2) -> None:
        self.name = f"gated-hash-embedder-{next(_names)}"
        self.hold_at = hold_at
        self.batches = 0
        self.texts = 0
        self.queries = 0  # one message at a time: the chat reading with the model
        self.holding = threading.Event()
        self.release = threading.Event()

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        if len(texts) == 1:
            self.queries += 1
        else:
            self.batches += 1
            self.texts += len(texts)
            if self.batches >= self.hold_at and not self.release.is_set():
                self.holding.set()
                assert self.release.wait(30), "the test never released the build"
        out = np.full((len(texts), self.dimension), 1e-3, dtype=np.float32)
        for i, text in enumerate(texts):
            for word in tokens(text):
                out[i, int(hashlib.sha1(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def cold(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("APPLIANCE_EMBEDDING_CACHE", str(tmp_path / "vectors"))


def test_a_message_during_the_build_is_answered_at_once_by_the_rules_then_the_embedder_reads(citizen_settings, cold):
    embedder = GatedEmbedder()
    bot = ChatBot(None, "", embedder=embedder)  # citizen_embeddings: the model reads every message once ready
    with public_db(citizen_settings) as conn:
        bot.prepare(conn)  # as the citizen app does at start-up; returns at once
        assert embedder.holding.wait(10)
        start = time.perf_counter()
        reply = bot.handle(conn, "web:during-build", UNSURE)
        assert time.perf_counter() - start < 1.0
        assert reply.reply and embedder.queries == 0
        assert bot.understanding(conn).read(UNSURE).engine == "rules"
        during = preparing.status()["examples"]
        assert during["state"] == "building" and 0 < int(str(during["done"])) < int(str(during["total"]))
        assert str(during["message"]).startswith("đang chuẩn bị mô hình ngữ nghĩa")
        embedder.release.set()
        assert preparing.wait_ready(30)
        assert preparing.status()["examples"]["state"] == "ready"
        read = bot.understanding(conn).read(UNSURE)
        assert read.engine == "rules+embeddings" and embedder.queries == 1
        batches = embedder.batches
        assert ChatBot(None, "", embedder=embedder).understanding(conn).read(UNSURE).engine == "rules+embeddings"
        assert embedder.batches == batches  # the vectors were kept (disk and memory): nothing embedded again


def test_a_complaint_during_the_build_is_classified_by_the_rules_then_by_the_model(citizen_settings, cold):
    embedder = GatedEmbedder()
    bot = ChatBot(None, "", complaint_embedder=lambda: embedder)
    with public_db(citizen_settings) as conn:
        rules = ChatBot(None, "").classify_complaint(conn, COMPLAINT)
        start = time.perf_counter()
        during = bot.classify_complaint(conn, COMPLAINT)  # queues the model's build and does not wait
        assert time.perf_counter() - start < 1.0
        assert during == rules and during.engine == "rules"
        assert embedder.holding.wait(10)
        assert preparing.status()["complaints"]["state"] == "building"
        embedder.release.set()
        assert preparing.wait_ready(30)
        assert bot.classify_complaint(conn, COMPLAINT).engine == "rules+embeddings"


def test_the_complaint_model_takes_the_vectors_the_chat_examples_already_have(cold):
    """Its training texts are also the chat's complaint examples: embedded once, not twice (the
    complaint model embeds its texts chunk by chunk as below, complaint_model.chunks)."""
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    texts = [t for _, t in load(procedures).examples]
    embedder = GatedEmbedder()
    embedder.release.set()
    embed_examples(embedder, texts)
    assert len(set(texts)) <= embedder.texts <= len(texts)
    before = embedder.texts
    cut = [t[:MAX_QUERY_CHARS] for _, t, _ in training_examples()]
    for block in chunks(cut, len(cut)):
        embed_examples(embedder, block)
    expected = len(set(cut) - set(texts))  # only a text the chat does not hold in full
    # The later training halves (session 6's data/train/complaints_train2.toml, session 8's
    # complaints_train4_*.toml: the served SESSION8 model's) train the complaint model only, not the chat:
    # their texts are embedded once here; of the others the chat holds all but a few.
    only_here = {t[:MAX_QUERY_CHARS] for batch in served_config().batches if batch != "s5" for _, t in BATCHES[batch]()}
    assert embedder.texts - before == expected
    assert len(set(cut) - set(texts) - only_here) < (len(cut) - len(only_here)) // 10
    assert vectors_ready(embedder)


def test_progress_reads_in_vietnamese():
    building = preparing.Preparation("examples", "building", 320, 1543)
    assert building.message() == ("đang chuẩn bị mô hình ngữ nghĩa (câu mẫu của chatbot): 320/1.543; trong lúc "
                                  "chờ, chatbot trả lời bằng quy tắc và từ khóa")
    assert "1.543 câu" in preparing.Preparation("examples", "ready", 1543, 1543).message()
    assert BATCH < 1543  # progress moves in steps, not once at the end


def test_healthz_says_what_is_being_prepared(citizen_settings, live_server_factory):
    """The app's watcher prepares the chat's examples at start-up (from the disk cache here)."""
    server = live_server_factory(create_public_app(citizen_settings, generator=None))
    with server.client() as c:
        deadline = time.monotonic() + 20
        while "examples" not in (body := c.get("/healthz").json())["preparing"] and time.monotonic() < deadline:
            time.sleep(0.05)
    assert body["status"] == "ok"
    assert body["preparing"]["examples"]["state"] in ("waiting", "building", "ready", "failed")
    assert "mô hình ngữ nghĩa" in body["preparing"]["examples"]["message"]


def test_a_set_another_process_is_computing_is_read_from_its_file_not_computed_again(cold):
    """The citizen app and the staff worker's Zalo chatbot on a fresh machine: one embeds, the other
    waits for its file (semantic._computing holds a lock file beside the vectors)."""
    texts = ["khai sinh cần gì", "đăng ký kết hôn ở đâu", "đèn đường hỏng"]
    embedder = GatedEmbedder()
    embedder.release.set()
    path = semantic._path(embedder, texts, None)
    path.parent.mkdir(parents=True)
    other = path.with_suffix(".lock").open("a")
    fcntl.flock(other, fcntl.LOCK_EX)  # "another process" is computing this set
    result: list[Vectors] = []
    waiting = threading.Thread(target=lambda: result.append(embed_examples(embedder, texts)))
    waiting.start()
    waiting.join(0.3)
    assert waiting.is_alive() and embedder.texts == 0
    theirs = np.eye(3, GatedEmbedder.dimension, dtype=np.float32)
    np.save(path, theirs)
    other.close()
    waiting.join(10)
    assert np.array_equal(result[0], theirs) and embedder.texts == 0
