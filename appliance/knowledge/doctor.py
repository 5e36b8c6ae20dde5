"""`appliance doctor`: the knowledge base is loaded, its full-text index is sound, and which
search engine answers (BM25 alone, or hybrid with the installed embedder)."""

from __future__ import annotations

import sqlite3

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.knowledge import store
from appliance.system.doctor import Check


def checks(settings: Settings) -> list[Check]:
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        rows = store.counts(conn)
        documents, chunks, procedures = rows["kb_documents"], rows["kb_chunks"], rows["procedures"]
        try:
            store.check_fts_integrity(conn)
            index_ok, index_message = True, f"{documents} văn bản, {chunks} đoạn"
        except sqlite3.DatabaseError as exc:
            index_ok, index_message = False, f"chỉ mục hỏng: {exc}"
        vectors = rows["kb_vectors"]
    finally:
        conn.close()
    return [
        Check("Kho văn bản tra cứu", index_ok and chunks > 0, index_message if chunks else "kho trống",
              fix="appliance kb add <thư mục văn bản> (văn bản pháp luật của đơn vị)" if not chunks else
              f"{store.FTS_REBUILD} trong sqlite3" if not index_ok else ""),
        Check("Danh mục thủ tục", procedures >= 19, f"{procedures} thủ tục",
              fix="" if procedures >= 19 else "kiểm tra appliance/knowledge/data/procedures.toml"),
        Check("Tìm kiếm ngữ nghĩa", True,
              f"{vectors} đoạn có vector nhúng (tìm kết hợp)" if vectors else "chỉ BM25 (chưa có vector nhúng)",
              essential=False),
    ]
