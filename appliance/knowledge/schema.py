"""Knowledge-base tables: the procedure catalogue, documents, article-level chunks with their
folded twins, the FTS5 index over the folded text, and optional embedding vectors."""

from __future__ import annotations

import sqlite3

from appliance.db.migrations import Migration
from appliance.knowledge.library import load_library
from appliance.knowledge.procedures import seed_procedures

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


def _seed(conn: sqlite3.Connection) -> None:
    # A fresh install knows the catalogue at once (the chatbot needs it before any demo data).
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

def _starter_library(conn: sqlite3.Connection) -> None:
    # First start: search answers on a fresh install (about 0.1 s for the shipped texts).
    load_library(conn, only_if_empty=True)


MIGRATIONS = [
    Migration("knowledge_0001_procedures", _PROCEDURES),
    Migration("knowledge_0002_seed_procedures", _seed),
    Migration("knowledge_0003_documents", _DOCUMENTS),
    Migration("knowledge_0004_starter_library", _starter_library),
]
