"""Retrieval evaluation: ≥ 60 Vietnamese questions (half without diacritics) over the shipped
official library, each with the article that answers it. BM25 alone must reach recall@5 ≥ 0.9."""

from __future__ import annotations

from appliance.db import connect, migrate
from appliance.knowledge.evaluation import evaluate, load_questions


def test_eval_set_is_big_enough_and_half_unaccented():
    questions = load_questions()
    assert len(questions) >= 60
    from appliance.text import fold

    unaccented = [q for q, _ in questions if fold(q) == q.lower()]
    assert len(unaccented) >= len(questions) // 2 - 1


def test_bm25_recall_at_5(settings):
    conn = connect(settings.db_path)
    migrate(conn)  # a fresh install carries the official starter library
    report = evaluate(conn, embedder=None)
    misses = "\n".join(f"{q} → expected {exp}, got {got}" for q, exp, got in report.misses)
    assert report.recall_at_5 >= 0.9, f"recall@5 = {report.recall_at_5:.3f}\n{misses}"
    assert report.mrr_at_10 >= 0.7, f"MRR@10 = {report.mrr_at_10:.3f}"
    conn.close()
