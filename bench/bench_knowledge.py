"""Knowledge base: retrieval quality (recall@5, MRR@10 with BM25 alone over the shipped library
and evaluation questions) and search latency p50/p95 over ≥ 20,000 passages as a ratio of the
bare FTS5 query with the same terms (target ≤ 3×)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.common import median_ms, p95_ms, report

TARGET_CHUNKS = 20_000


def _synthetic_documents(rng: random.Random, sentences: list[str], docs: int, articles: int) -> list[tuple[str, str]]:
    """Legal-looking documents recombined from the library's own sentences, so the vocabulary and
    term frequencies resemble real decrees (distractors for every question)."""
    out = []
    for d in range(docs):
        lines = ["NGHỊ ĐỊNH", f"Số: {d + 1}/2030/NĐ-CP", "Chương I", "QUY ĐỊNH THỬ NGHIỆM"]
        for a in range(1, articles + 1):
            lines.append(f"Điều {a}. {rng.choice(sentences)[:60]}")
            for k in range(1, 3):
                lines.append(f"{k}. " + " ".join(rng.sample(sentences, 2)))
        out.append((f"bench-{d}.txt", "\n".join(lines)))
    return out


def main() -> None:
    from appliance.db import connect, migrate
    from appliance.knowledge.evaluation import evaluate, load_questions
    from appliance.knowledge.indexing import query_terms
    from appliance.knowledge.ingest import add_bytes
    from appliance.knowledge.search import fts_query, search
    from appliance.knowledge.summarize import sentences

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "kb.db")
        migrate(conn)  # loads the starter library
        quality = evaluate(conn, embedder=None)
        print(f"Chất lượng tra cứu (BM25, {quality.questions} câu hỏi, một nửa không dấu): "
              f"recall@5 = {quality.recall_at_5:.3f} (mục tiêu ≥ 0,9), MRR@10 = {quality.mrr_at_10:.3f}", flush=True)

        library_text = "\n".join(r[0] for r in conn.execute("SELECT text FROM kb_chunks"))
        pool = [s for s in sentences(library_text) if len(s) > 40]
        rng = random.Random(20261126)
        started = time.perf_counter()
        for name, text in _synthetic_documents(rng, pool, docs=100, articles=100):
            add_bytes(conn, text.encode(), name)
        total = conn.execute("SELECT count(*) FROM kb_chunks").fetchone()[0]
        print(f"Đã nạp {total} đoạn (≥ {TARGET_CHUNKS}) trong {time.perf_counter() - started:.1f} s", flush=True)
        assert total >= TARGET_CHUNKS
        conn.execute("PRAGMA optimize")

        questions = [q for q, _ in load_questions()]
        full: list[float] = []
        bare: list[float] = []
        for _round in range(2):
            for q in questions:
                words, pairs = query_terms(q)
                expression = fts_query(words, pairs)
                t0 = time.perf_counter()
                conn.execute("SELECT rowid, bm25(kb_fts) AS rank FROM kb_fts WHERE kb_fts MATCH ?"
                             " ORDER BY rank LIMIT 10", (expression,)).fetchall()
                bare.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                search(conn, q, 10, embedder=None)
                full.append(time.perf_counter() - t0)
        report("Tra cứu p50 (BM25 + xếp hạng lại + trích đoạn) so với truy vấn FTS5 thuần",
               median_ms(full), median_ms(bare), target=3.0)
        report("Tra cứu p95 so với truy vấn FTS5 thuần", p95_ms(full), p95_ms(bare), target=3.0)
        conn.close()


if __name__ == "__main__":
    main()
