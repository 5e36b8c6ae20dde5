"""Retrieval evaluation: ≥ 60 Vietnamese questions (half without diacritics) over the shipped
official library, each with the article that answers it. BM25 alone must reach recall@5 ≥ 0.9."""

from __future__ import annotations

from appliance.db import connect, migrate
from appliance.knowledge.evaluation import evaluate, load_alternates, load_questions


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


def test_the_writers_alternates_are_read_in_every_form_they_wrote(tmp_path):
    # The blind writers name an article that answers as well as the key in a trailing comment, with or without a
    # colon, as "alternate" or "alt", the key bare or quoted (train14, train15, train18, train20 wrote them so).
    path = tmp_path / "legal_questions.toml"
    path.write_text('questions = [\n'
                    '  ["q colon", "60/2014/QH13|27"],  # alternate: 60/2014/QH13|7\n'
                    '  ["q bare", "28/2012/NĐ-CP|3"],  # alternate 51/2010/QH12|3\n'
                    '  ["q alt", "02/2011/QH13|33"],  # alt 02/2011/QH13|7\n'
                    '  ["q quoted", "60/2014/QH13|25"],  # alt "60/2014/QH13|6"\n'
                    '  ["q note", "250/2016/TT-BTC|3"],  # lists fees; note 60/2014/QH13|1\n'
                    '  ["q plural", "23/2015/NĐ-CP|20"],  # alternates: 23/2015/NĐ-CP|22 (khoản 5), 01/2020/TT-BTP|16\n'
                    ']\n', encoding="utf-8")
    assert load_alternates(path) == {"q colon": ["60/2014/QH13|7"], "q bare": ["51/2010/QH12|3"],
                                     "q alt": ["02/2011/QH13|7"], "q quoted": ["60/2014/QH13|6"],
                                     "q plural": ["23/2015/NĐ-CP|22", "01/2020/TT-BTP|16"]}
