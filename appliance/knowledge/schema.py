"""Knowledge-base tables: the procedure catalogue, documents, article-level chunks with their
folded twins, the FTS5 index over the folded text, and optional embedding vectors."""

from __future__ import annotations

import sqlite3

from appliance.db.migrations import Migration
from appliance.knowledge.procedures import seed_procedures
from appliance.knowledge.starter import load_starter

_PROCEDURES = """
CREATE TABLE procedures (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    field TEXT NOT NULL,
    agency TEXT NOT NULL,
    police INTEGER NOT NULL DEFAULT 0,
    legal_basis TEXT NOT NULL DEFAULT '[]',        -- JSON lists from here on
    processing_time TEXT NOT NULL DEFAULT '',
    fee TEXT NOT NULL DEFAULT '',
    documents TEXT NOT NULL DEFAULT '[]',
    where_to_file TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL DEFAULT '[]',
    forms TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    needs_confirmation TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL DEFAULT '',
    folded TEXT NOT NULL DEFAULT '',               -- name, aliases, basis folded for search
    edited_by TEXT,                                -- set when an admin edited it in the UI
    edited_at TEXT
);
"""


def _seed_moved(conn: sqlite3.Connection) -> None:
    """Was: seed the catalogue. Seeding needs the `basis` column (0007), so it runs there; a
    fresh install still knows the catalogue at the end of its first migration."""


def _procedure_basis(conn: sqlite3.Connection) -> None:
    # Every fact's basis (document, article, the words stating it); the shipped catalogue is newer
    # than any earlier copy, so records nobody edited are replaced by the corrected ones.
    conn.execute("ALTER TABLE procedures ADD COLUMN basis TEXT NOT NULL DEFAULT '[]'")
    seed_procedures(conn)


_DOCUMENTS = """
CREATE TABLE kb_documents (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,          -- số ký hiệu folded, or the file name: re-adding updates
    title TEXT NOT NULL,                   -- full title, e.g. "Luật Hộ tịch"
    short_title TEXT NOT NULL,             -- used in citations, e.g. "Luật Hộ tịch 2014"
    number TEXT NOT NULL DEFAULT '',       -- số ký hiệu, e.g. "60/2014/QH13"
    doc_type TEXT NOT NULL DEFAULT '',     -- Luật, Nghị định, Thông tư, … or "Tài liệu"
    issuer TEXT NOT NULL DEFAULT '',
    issued_on TEXT,                        -- ISO dates
    effective_on TEXT,
    status TEXT NOT NULL DEFAULT 'con_hieu_luc'
        CHECK (status IN ('con_hieu_luc', 'het_hieu_luc', 'bi_sua_doi', 'chua_xac_dinh')),
    status_note TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    chars INTEGER NOT NULL DEFAULT 0,
    is_legal INTEGER NOT NULL DEFAULT 1,
    added_by TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE kb_chunks (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    part TEXT NOT NULL DEFAULT '',         -- Phần
    chapter TEXT NOT NULL DEFAULT '',      -- Chương II: ĐĂNG KÝ HỘ TỊCH …
    section TEXT NOT NULL DEFAULT '',      -- Mục 1: ĐĂNG KÝ KHAI SINH
    article TEXT NOT NULL DEFAULT '',      -- "16"
    article_title TEXT NOT NULL DEFAULT '',
    clause TEXT NOT NULL DEFAULT '',       -- khoản "1"
    point TEXT NOT NULL DEFAULT '',        -- điểm "a"
    citation TEXT NOT NULL,                -- "Khoản 1 Điều 16, Luật Hộ tịch 2014"
    text TEXT NOT NULL,                    -- NFC, as written
    folded TEXT NOT NULL,                  -- fold(text)
    bigrams TEXT NOT NULL,                 -- folded syllable pairs "dang_ky ky_khai khai_sinh"
    heading TEXT NOT NULL                  -- folded article title + document title
);
CREATE INDEX kb_chunks_doc ON kb_chunks(doc_id, ord);
CREATE VIRTUAL TABLE kb_fts USING fts5(
    folded, bigrams, heading,
    content='kb_chunks', content_rowid='id', tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
CREATE TRIGGER kb_chunks_ai AFTER INSERT ON kb_chunks BEGIN
    INSERT INTO kb_fts(rowid, folded, bigrams, heading) VALUES (new.id, new.folded, new.bigrams, new.heading);
END;
CREATE TRIGGER kb_chunks_ad AFTER DELETE ON kb_chunks BEGIN
    INSERT INTO kb_fts(kb_fts, rowid, folded, bigrams, heading)
        VALUES ('delete', old.id, old.folded, old.bigrams, old.heading);
END;
CREATE TABLE kb_vectors (
    chunk_id INTEGER PRIMARY KEY REFERENCES kb_chunks(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL                   -- float32, L2-normalised
);
"""

def _memory_library_retired(conn: sqlite3.Connection) -> None:
    """Was: load the memory-written starter texts. Those are gone (issue 15); migration 0006
    loads the official library instead. Kept so applied ids stay meaningful."""


STATUS_VALUES = ("'con_hieu_luc', 'het_hieu_luc_mot_phan', 'het_hieu_luc', 'chua_co_hieu_luc', 'bi_sua_doi', "
                 "'chua_xac_dinh'")
ORIGIN_VALUES = "'thu_vien', 'phap_dien', 'tai_len', 'danh_muc', 'mau'"

_REGISTRY = f"""
CREATE TABLE kb_documents_v2 (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,          -- số ký hiệu folded, or the file name: re-adding updates
    title TEXT NOT NULL,                   -- "Luật Hộ tịch", "Quy chế tiếp công dân của UBND phường …"
    short_title TEXT NOT NULL,             -- lists and pickers: "Luật Hộ tịch 2014"
    number TEXT NOT NULL DEFAULT '',       -- số ký hiệu, e.g. "60/2014/QH13"
    doc_type TEXT NOT NULL DEFAULT '',     -- loại: Luật, Nghị định, Thông tư, Quyết định, Quy chế, …
    name TEXT NOT NULL DEFAULT '',         -- tên / trích yếu as the document states it ("Hộ tịch")
    issuer TEXT NOT NULL DEFAULT '',       -- cơ quan ban hành
    issued_on TEXT,                        -- ngày ban hành (ISO)
    effective_on TEXT,                     -- hiệu lực từ (ISO)
    status TEXT NOT NULL DEFAULT 'con_hieu_luc' CHECK (status IN ({STATUS_VALUES})),
    status_note TEXT NOT NULL DEFAULT '',
    replaced_by TEXT NOT NULL DEFAULT '',  -- thay thế bởi: số ký hiệu, comma-separated
    amended_by TEXT NOT NULL DEFAULT '',   -- sửa đổi bởi: số ký hiệu, comma-separated
    parent TEXT NOT NULL DEFAULT '',       -- "Quyết định số 17/QĐ-UBND" a quy chế is issued with
    origin TEXT NOT NULL DEFAULT 'tai_len' CHECK (origin IN ({ORIGIN_VALUES})),
    edited_fields TEXT NOT NULL DEFAULT '[]',  -- registry fields an admin set: imports never overwrite them
    unconfirmed TEXT NOT NULL DEFAULT '[]',    -- fields resting on no official text: shown "cần xác nhận"
    basis TEXT NOT NULL DEFAULT '',        -- where the metadata comes from (source notes, a file, registry.toml)
    source_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    chars INTEGER NOT NULL DEFAULT 0,
    is_legal INTEGER NOT NULL DEFAULT 1,
    ocr TEXT NOT NULL DEFAULT '',          -- JSON: pages read by OCR and those of low confidence
    added_by TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE kb_articles (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES kb_documents_v2(id) ON DELETE CASCADE,
    art_key TEXT NOT NULL UNIQUE,          -- pháp điển key (number|document|article), or "<doc_key>#<n>"
    sort_key INTEGER NOT NULL DEFAULT 0,   -- reading order inside its document
    phapdien TEXT NOT NULL DEFAULT '',     -- pháp điển number "15.3.LQ.16"
    page TEXT NOT NULL DEFAULT '',         -- the đề mục page it came from ("Hộ tịch")
    article TEXT NOT NULL DEFAULT '',      -- the original article number ("16")
    clause TEXT NOT NULL DEFAULT '',       -- when the entry is one khoản of the original article
    title TEXT NOT NULL DEFAULT '',
    chapter TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,                    -- the official wording, NFC, one paragraph per line
    structure TEXT NOT NULL DEFAULT '[]',  -- JSON [[khoản, điểm, paragraph], …]
    source_note TEXT NOT NULL DEFAULT '',  -- as published, with its parentheses
    note_parsed INTEGER NOT NULL DEFAULT 1,
    changes TEXT NOT NULL DEFAULT '[]',    -- JSON: amending acts named in the note
    related TEXT NOT NULL DEFAULT '[]',    -- JSON: "(Điều này có nội dung liên quan đến …)" notes
    repealed INTEGER NOT NULL DEFAULT 0,   -- the whole article was repealed (bị bãi bỏ)
    digest TEXT NOT NULL DEFAULT ''        -- of everything above: a re-import skips what did not change
);
CREATE INDEX kb_articles_doc ON kb_articles(doc_id, sort_key);
CREATE TABLE kb_chunks_v2 (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES kb_documents_v2(id) ON DELETE CASCADE,
    article_id INTEGER REFERENCES kb_articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    part TEXT NOT NULL DEFAULT '',
    chapter TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    article TEXT NOT NULL DEFAULT '',
    article_title TEXT NOT NULL DEFAULT '',
    clause TEXT NOT NULL DEFAULT '',
    point TEXT NOT NULL DEFAULT '',
    citation TEXT NOT NULL,                -- "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"
    text TEXT NOT NULL,
    folded TEXT NOT NULL,
    bigrams TEXT NOT NULL,
    heading TEXT NOT NULL
);
CREATE TABLE kb_vectors_v2 (
    chunk_id INTEGER PRIMARY KEY REFERENCES kb_chunks_v2(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL
);
CREATE TABLE kb_document_history (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES kb_documents_v2(id) ON DELETE CASCADE,
    at TEXT NOT NULL DEFAULT (datetime('now')),   -- UTC
    username TEXT NOT NULL,                       -- who: an admin, or "nhập Pháp điển"
    field TEXT NOT NULL,
    old TEXT NOT NULL DEFAULT '',
    new TEXT NOT NULL DEFAULT ''
);
CREATE INDEX kb_document_history_doc ON kb_document_history(doc_id, id);
"""

_COPY = """
INSERT INTO kb_documents_v2 (id, doc_key, title, short_title, number, doc_type, name, issuer, issued_on,
    effective_on, status, status_note, origin, source_name, sha256, chars, is_legal, added_by, created_at, updated_at)
SELECT id, doc_key, title, short_title, number, doc_type, title, issuer, issued_on, effective_on, status,
    status_note, 'tai_len', source_name, sha256, chars, is_legal, added_by, created_at, updated_at
FROM kb_documents WHERE coalesce(added_by, '') <> 'thư viện mẫu';
INSERT INTO kb_chunks_v2 (id, doc_id, ord, part, chapter, section, article, article_title, clause, point,
    citation, text, folded, bigrams, heading)
SELECT id, doc_id, ord, part, chapter, section, article, article_title, clause, point, citation, text, folded,
    bigrams, heading FROM kb_chunks WHERE doc_id IN (SELECT id FROM kb_documents_v2);
INSERT INTO kb_vectors_v2 SELECT * FROM kb_vectors WHERE chunk_id IN (SELECT id FROM kb_chunks_v2);
DROP TRIGGER kb_chunks_ai;
DROP TRIGGER kb_chunks_ad;
DROP TABLE kb_fts;
DROP TABLE kb_vectors;
DROP TABLE kb_chunks;
DROP TABLE kb_documents;
ALTER TABLE kb_documents_v2 RENAME TO kb_documents;
ALTER TABLE kb_chunks_v2 RENAME TO kb_chunks;
ALTER TABLE kb_vectors_v2 RENAME TO kb_vectors;
CREATE INDEX kb_chunks_doc ON kb_chunks(doc_id, ord);
CREATE INDEX kb_chunks_article ON kb_chunks(article_id);
CREATE VIRTUAL TABLE kb_fts USING fts5(
    folded, bigrams, heading,
    content='kb_chunks', content_rowid='id', tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
CREATE TRIGGER kb_chunks_ai AFTER INSERT ON kb_chunks BEGIN
    INSERT INTO kb_fts(rowid, folded, bigrams, heading) VALUES (new.id, new.folded, new.bigrams, new.heading);
END;
CREATE TRIGGER kb_chunks_ad AFTER DELETE ON kb_chunks BEGIN
    INSERT INTO kb_fts(kb_fts, rowid, folded, bigrams, heading)
        VALUES ('delete', old.id, old.folded, old.bigrams, old.heading);
END;
CREATE TRIGGER kb_chunks_au AFTER UPDATE OF folded, bigrams, heading ON kb_chunks BEGIN
    INSERT INTO kb_fts(kb_fts, rowid, folded, bigrams, heading)
        VALUES ('delete', old.id, old.folded, old.bigrams, old.heading);
    INSERT INTO kb_fts(rowid, folded, bigrams, heading) VALUES (new.id, new.folded, new.bigrams, new.heading);
END;
INSERT INTO kb_fts(kb_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE kb_vocab USING fts5vocab(kb_fts, 'row');
"""


def _official_library(conn: sqlite3.Connection) -> None:
    # The official starter library (Bộ Pháp điển extracts) and the registry of documents the ward
    # needs; a fresh install searches at once. Documents an admin uploaded are never replaced.
    load_starter(conn)


MIGRATIONS = [
    Migration("knowledge_0001_procedures", _PROCEDURES),
    Migration("knowledge_0002_seed_procedures", _seed_moved),
    Migration("knowledge_0003_documents", _DOCUMENTS),
    Migration("knowledge_0004_starter_library", _memory_library_retired),
    # Issue 15: the registry with validity, articles with their source notes; the memory-written
    # starter documents are dropped (their rows carry added_by "thư viện mẫu"), uploads are kept.
    Migration("knowledge_0005_registry", _REGISTRY + _COPY),
    Migration("knowledge_0006_official_library", _official_library),
    Migration("knowledge_0007_procedure_basis", _procedure_basis),
]
