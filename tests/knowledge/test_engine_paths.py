"""The engine paths with stand-in engines: hybrid search with an embedder, the assistant keeping
only cited sentences from a generator, summaries through a generator."""

from __future__ import annotations

import json

import numpy as np

from appliance.knowledge.answer import answer
from appliance.knowledge.search import search
from appliance.knowledge.summarize import summarize
from appliance.knowledge.vectors import embed_missing
from appliance.text import fold_tokens


class HashingEmbedder:
    """Bag of folded syllables hashed into 256 dimensions: a real (if simple) embedding."""

    name = "hashing-test"
    dimension = 256

    def embed(self, texts, *, kind="passage"):
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for token in fold_tokens(text):
                out[i, hash(token) % self.dimension] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


class ScriptedGenerator:
    name = "scripted"

    def __init__(self, reply):
        self.reply = reply
        self.prompts = []

    def chat(self, messages, **kwargs):
        self.prompts.append(messages)
        return self.reply


def test_hybrid_search_uses_vectors_when_embedded(conn):
    embedder = HashingEmbedder()
    before = search(conn, "thời hạn đăng ký khai tử", 5, embedder=embedder)
    assert before.engine == "bm25" and "vector" in before.note
    queued = "SELECT count(*) FROM jobs WHERE kind = 'knowledge.embed' AND status = 'queued'"
    assert conn.execute(queued).fetchone()[0] == 1
    search(conn, "khai sinh", 5, embedder=embedder)
    assert conn.execute(queued).fetchone()[0] == 1  # asked once, not once per search
    assert embed_missing(conn, embedder) == conn.execute("SELECT count(*) FROM kb_chunks").fetchone()[0]
    after = search(conn, "thời hạn đăng ký khai tử", 5, embedder=embedder)
    assert after.engine.startswith("hybrid") and after.hits[0].citation.endswith("Điều 33 Luật Hộ tịch số 60/2014/QH13")


def test_assistant_drops_uncited_and_invented_citations(conn):
    reply = ("Phải đăng ký khai tử trong 15 ngày kể từ ngày có người chết [1]. "
             "Người không đăng ký bị phạt 10 triệu đồng. "
             "Việc này do Bộ Tư pháp quyết định [9].")
    generator = ScriptedGenerator(reply)
    result = answer(conn, "thời hạn đăng ký khai tử", generator=generator)
    assert result.engine.startswith("llm")
    assert [s.text for s in result.sentences] == ["Phải đăng ký khai tử trong 15 ngày kể từ ngày có người chết ."]
    assert result.sentences[0].citations == [result.passages[0].citation]
    assert "[1]" in generator.prompts[0][1]["content"]


def test_assistant_falls_back_when_generator_cites_nothing(conn):
    result = answer(conn, "thời hạn giải quyết khiếu nại lần đầu",
                    generator=ScriptedGenerator("Thời hạn là ba mươi ngày."))
    assert result.engine == "extractive" and result.sentences and result.note
    assert all(s.citations for s in result.sentences)


def test_summary_through_generator_keeps_rule_figures(conn):
    generator = ScriptedGenerator(json.dumps({"points": ["Phường kiểm tra trật tự đô thị."]}))
    text = "Phòng Kinh tế có trách nhiệm báo cáo trước ngày 25/11/2026. Kinh phí 15.000.000 đồng."
    result = summarize(text, generator=generator)
    assert result.engine == "llm" and result.key_points == ["Phường kiểm tra trật tự đô thị."]
    assert {"25/11/2026", "15.000.000 đồng"} <= {f.text for f in result.figures}
    broken = summarize(text, generator=ScriptedGenerator("not json"))
    assert broken.engine == "extractive" and broken.key_points
