"""A unit installed before the registry: its uploads (and their vectors) survive the rebuild of the
knowledge tables, the memory-written starter documents are dropped, the official library arrives."""

from __future__ import annotations

from appliance.db import connect, migrate
from appliance.db.connections import transaction
from appliance.db.migrations import all_migrations
from appliance.knowledge.search import search


def test_upgrade_keeps_uploads_and_drops_the_memory_library(settings):
    conn = connect(settings.db_path)
    conn.execute("CREATE TABLE _migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for migration in all_migrations():
        if migration.id == "knowledge_0005_registry":
            break
        with transaction(conn):
            migration.run(conn)
            conn.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (migration.id,))
    with transaction(conn):
        for doc_id, key, title, added_by in ((1, "so:15/2026/qd-ubnd", "Quyết định 15/2026/QĐ-UBND", "canbo"),
                                             (2, "so:82/2020/nd-cp", "Nghị định 82/2020/NĐ-CP", "thư viện mẫu")):
            conn.execute("INSERT INTO kb_documents (id, doc_key, title, short_title, number, added_by, status)"
                         " VALUES (?, ?, ?, ?, '', ?, 'het_hieu_luc')", (doc_id, key, title, title, added_by))
            conn.execute("INSERT INTO kb_chunks (id, doc_id, ord, citation, text, folded, bigrams, heading)"
                         " VALUES (?, ?, 0, 'Điều 1, x', 'Tiếp công dân vào chiều thứ Sáu.',"
                         " 'tiep cong dan vao chieu thu sau', 'tiep_cong cong_dan', 'quyet dinh')", (doc_id, doc_id))
        conn.execute("INSERT INTO kb_vectors VALUES (1, 'm', x'00000000')")
    migrate(conn)
    assert conn.execute("SELECT title FROM kb_documents WHERE id = 1").fetchone()[0] == "Quyết định 15/2026/QĐ-UBND"
    assert conn.execute("SELECT count(*) FROM kb_documents WHERE added_by = 'thư viện mẫu'").fetchone()[0] == 0
    kept = conn.execute("SELECT status, origin FROM kb_documents WHERE id = 1").fetchone()
    assert tuple(kept) == ("het_hieu_luc", "tai_len")
    assert conn.execute("SELECT count(*) FROM kb_vectors WHERE chunk_id = 1").fetchone()[0] == 1
    assert search(conn, "tiếp công dân chiều thứ sáu", 3).hits[0].doc_id == 1  # the index was rebuilt
    assert conn.execute("SELECT count(*) FROM kb_articles").fetchone()[0] > 1000  # the official library
    conn.execute("INSERT INTO kb_fts(kb_fts) VALUES ('integrity-check')")
    conn.close()
