"""The SQL of knowledge's tables (kb_documents, kb_chunks, kb_fts, kb_vectors, procedures): the
only module that writes them. The service modules (ingest, procedures, vectors, search, library)
hold the rules and call these; routes call the services."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TypeVar

# --- documents and their chunks ----------------------------------------------------------------

# Columns a caller may set on kb_documents (names below are interpolated only from this list).
DOCUMENT_COLUMNS = ("title", "short_title", "number", "doc_type", "name", "issuer", "issued_on", "effective_on",
                    "status", "status_note", "replaced_by", "amended_by", "parent", "origin", "edited_fields",
                    "unconfirmed", "basis", "source_name", "sha256", "chars", "is_legal", "ocr", "added_by")
Value = str | int | float | None


@dataclass(frozen=True)
class ChunkValues:
    ordinal: int
    part: str
    chapter: str
    section: str
    article: str
    article_title: str
    clause: str
    point: str
    citation: str
    text: str
    folded: str
    bigrams: str
    heading: str
    article_id: int | None = None


def _columns(values: Mapping[str, Value]) -> list[str]:
    unknown = set(values) - set(DOCUMENT_COLUMNS)
    if unknown:
        raise ValueError(f"unknown kb_documents columns: {sorted(unknown)}")
    return list(values)


def document_by_key(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM kb_documents WHERE doc_key = ?", (key,)).fetchone()
    return row


def document_id_by_key(conn: sqlite3.Connection, key: str) -> int | None:
    row = document_by_key(conn, key)
    return int(row["id"]) if row else None


def insert_document(conn: sqlite3.Connection, key: str, values: Mapping[str, Value]) -> int:
    columns = _columns(values)
    marks = ",".join("?" for _ in columns)
    cur = conn.execute(f"INSERT INTO kb_documents (doc_key, {', '.join(columns)}) VALUES (?, {marks})",
                       [key, *values.values()])
    return int(cur.lastrowid or 0)


def update_document(conn: sqlite3.Connection, doc_id: int, values: Mapping[str, Value]) -> None:
    """Set the given columns (nothing else changes); no-op for an empty mapping."""
    if not values:
        return
    columns = _columns(values)
    assignments = ", ".join(f"{c} = ?" for c in columns)
    conn.execute(f"UPDATE kb_documents SET {assignments}, updated_at = datetime('now') WHERE id = ?",
                 [*values.values(), doc_id])


def replace_chunks(conn: sqlite3.Connection, doc_id: int, chunks: Iterable[ChunkValues], *,
                   article_id: int | None = None) -> int:
    """The chunks of a document (or of one of its articles) become `chunks`; FTS follows by trigger."""
    if article_id is None:
        conn.execute("DELETE FROM kb_chunks WHERE doc_id = ?", (doc_id,))
    else:
        conn.execute("DELETE FROM kb_chunks WHERE article_id = ?", (article_id,))
    count = 0
    for c in chunks:
        conn.execute(
            "INSERT INTO kb_chunks (doc_id, article_id, ord, part, chapter, section, article, article_title, clause,"
            " point, citation, text, folded, bigrams, heading) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, c.article_id, c.ordinal, c.part, c.chapter, c.section, c.article, c.article_title, c.clause,
             c.point, c.citation, c.text, c.folded, c.bigrams, c.heading))
        count += 1
    return count


def chunk_labels(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    """(id, article, clause, point, heading) of a document's chunks: to refresh citations after an edit."""
    return conn.execute("SELECT id, article, clause, point, article_title, section, citation FROM kb_chunks"
                        " WHERE doc_id = ?", (doc_id,)).fetchall()


def set_chunk_labels(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int]]) -> None:
    """(citation, heading, chunk id) for each chunk whose document's name changed."""
    conn.executemany("UPDATE kb_chunks SET citation = ?, heading = ? WHERE id = ?", list(rows))


def chunk_count(conn: sqlite3.Connection, doc_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM kb_chunks WHERE doc_id = ?", (doc_id,)).fetchone()[0])


def article_count(conn: sqlite3.Connection, doc_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM kb_articles WHERE doc_id = ?", (doc_id,)).fetchone()[0])


def delete_document(conn: sqlite3.Connection, doc_id: int) -> None:
    conn.execute("DELETE FROM kb_documents WHERE id = ?", (doc_id,))


def set_status(conn: sqlite3.Connection, doc_id: int, status: str, note: str) -> bool:
    cur = conn.execute("UPDATE kb_documents SET status = ?, status_note = ?, updated_at = datetime('now')"
                       " WHERE id = ?", (status, note, doc_id))
    return cur.rowcount > 0


def has_documents(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM kb_documents LIMIT 1").fetchone() is not None


def documents_of_origin(conn: sqlite3.Connection, origins: Sequence[str]) -> list[sqlite3.Row]:
    """(id, title) of the documents of these origins ("tai_len", "phap_dien": what people added)."""
    marks = ",".join("?" for _ in origins)
    return conn.execute(f"SELECT id, title FROM kb_documents WHERE origin IN ({marks}) ORDER BY id",
                        list(origins)).fetchall()


def documents_with_counts(conn: sqlite3.Connection, order: str = "type") -> list[sqlite3.Row]:
    """Every document with its `chunk_count` and `article_count`, by type then newest
    (`order="type"`) or by id."""
    order_by = "d.doc_type, d.issued_on DESC, d.id" if order == "type" else "d.id"
    return conn.execute("SELECT d.*, (SELECT count(*) FROM kb_chunks c WHERE c.doc_id = d.id) AS chunk_count,"
                        " (SELECT count(*) FROM kb_articles a WHERE a.doc_id = d.id) AS article_count"
                        f" FROM kb_documents d ORDER BY {order_by}").fetchall()


def textless_documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(number, doc_type, name) of the registry rows without text ("chưa có toàn văn trong thư viện")."""
    return conn.execute("SELECT d.number, d.doc_type, d.name FROM kb_documents d WHERE d.number != '' AND NOT EXISTS"
                        " (SELECT 1 FROM kb_chunks c WHERE c.doc_id = d.id) ORDER BY d.id").fetchall()


def document(conn: sqlite3.Connection, doc_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM kb_documents WHERE id = ?", (doc_id,)).fetchone()
    return row


def document_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(id, short_title) of every document with text, by title: the summary page's picker."""
    return conn.execute("SELECT d.id, d.short_title FROM kb_documents d WHERE EXISTS"
                        " (SELECT 1 FROM kb_chunks c WHERE c.doc_id = d.id) ORDER BY d.short_title").fetchall()


def chunks_of(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM kb_chunks WHERE doc_id = ? ORDER BY ord", (doc_id,)).fetchall()


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each table, for `appliance doctor`."""
    return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # fixed names, not input
            for table in ("kb_documents", "kb_chunks", "kb_articles", "procedures", "kb_vectors")}


_INSERT_TRIGGER = """CREATE TRIGGER kb_chunks_ai AFTER INSERT ON kb_chunks BEGIN
    INSERT INTO kb_fts(rowid, folded, bigrams, heading) VALUES (new.id, new.folded, new.bigrams, new.heading);
END"""


@contextmanager
def bulk_index(conn: sqlite3.Connection) -> Iterator[None]:
    """Index in one pass at the end instead of row by row (about 3× faster for the starter library
    on a fresh install). Only for an empty index; the caller's transaction covers it all."""
    if chunk_total(conn):
        yield
        return
    conn.execute("DROP TRIGGER kb_chunks_ai")
    try:
        yield
    finally:
        conn.execute(_INSERT_TRIGGER)
        conn.execute("INSERT INTO kb_fts(kb_fts) VALUES ('rebuild')")


# What an operator runs in sqlite3 to rebuild a damaged index (doctor prints it as the fix).
FTS_REBUILD = "INSERT INTO kb_fts(kb_fts) VALUES ('rebuild')"


def check_fts_integrity(conn: sqlite3.Connection) -> None:
    """FTS5's own integrity check: raises sqlite3.DatabaseError when the index is damaged."""
    conn.execute("INSERT INTO kb_fts(kb_fts) VALUES ('integrity-check')")


# --- search ------------------------------------------------------------------------------------


def fts_candidates(conn: sqlite3.Connection, match: str, weights: Sequence[float], limit: int) -> list[sqlite3.Row]:
    """(rowid, rank) of the best BM25 matches, with per-column weights; rank is negative, best first."""
    columns = ", ".join(str(w) for w in weights)
    return conn.execute(
        f"SELECT rowid, bm25(kb_fts, {columns}) AS rank FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit)).fetchall()


def chunk_total(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM kb_chunks").fetchone()[0])


def database_name(conn: sqlite3.Connection) -> str:
    """The file of the connection's main database ("" for one in memory)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""


def library_stamp(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes whenever the library's passages or a document's status change (an import, an upload, an edit, a
    deletion): a key for what is derived from the whole library and kept between searches (a fraction of a ms)."""
    return tuple(conn.execute(
        "SELECT (SELECT count(*) FROM kb_chunks), (SELECT coalesce(max(id), 0) FROM kb_chunks),"
        " (SELECT total(id) FROM kb_chunks),"
        " (SELECT coalesce(group_concat(id || ':' || status || ':' || updated_at, ','), '') FROM kb_documents)"
    ).fetchone())


T = TypeVar("T")


def per_library(cache: dict[str, tuple[tuple[object, ...], T]], conn: sqlite3.Connection,
                build: Callable[[sqlite3.Connection], T]) -> T:
    """What `build` derives from the whole library, kept in `cache` per database file and library stamp: built again
    only after the library changed (a database in memory: every time)."""
    name, stamp = database_name(conn), library_stamp(conn)
    cached = cache.get(name) if name else None
    if cached is not None and cached[0] == stamp:
        return cached[1]
    value = build(conn)
    if name:
        cache[name] = (stamp, value)
    return value


def term_documents(conn: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    """Folded term → number of passages containing it (FTS5's own vocabulary, any column)."""
    if not terms:
        return {}
    marks = ",".join("?" for _ in terms)
    return {row[0]: int(row[1]) for row in conn.execute(f"SELECT term, doc FROM kb_vocab WHERE term IN ({marks})",
                                                         list(terms))}


def chunk_ids_of_article(conn: sqlite3.Connection, article_id: int) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM kb_chunks WHERE article_id = ? ORDER BY ord, id",
                                            (article_id,))]


def chunks_with_documents(conn: sqlite3.Connection, ids: Sequence[int]) -> list[sqlite3.Row]:
    """The chunks `ids` with what a search hit shows of their document."""
    marks = ",".join("?" for _ in ids)
    return conn.execute(
        "SELECT c.id, c.doc_id, c.article_id, c.citation, c.text, c.folded, c.heading, c.article, c.clause, c.point,"
        " c.article_title, d.title, d.short_title, d.number, d.doc_type, d.status, d.status_note, d.replaced_by,"
        " d.origin, a.phapdien, coalesce(a.repealed, 0) AS repealed"
        " FROM kb_chunks c JOIN kb_documents d ON d.id = c.doc_id LEFT JOIN kb_articles a ON a.id = c.article_id"
        f" WHERE c.id IN ({marks})", list(ids)).fetchall()


# --- embedding vectors -------------------------------------------------------------------------


def chunks_without_vector(conn: sqlite3.Connection, model: str) -> list[sqlite3.Row]:
    return conn.execute("SELECT c.id, c.article_title, c.text FROM kb_chunks c LEFT JOIN kb_vectors v"
                        " ON v.chunk_id = c.id AND v.model = ? WHERE v.chunk_id IS NULL", (model,)).fetchall()


def put_vectors(conn: sqlite3.Connection, model: str, vectors: Iterable[tuple[int, bytes]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO kb_vectors (chunk_id, model, vector) VALUES (?, ?, ?)",
                     [(chunk_id, model, blob) for chunk_id, blob in vectors])


def vector_count(conn: sqlite3.Connection, model: str) -> int:
    return int(conn.execute("SELECT count(*) FROM kb_vectors WHERE model = ?", (model,)).fetchone()[0])


def vectors(conn: sqlite3.Connection, model: str) -> list[tuple[int, bytes]]:
    return [(int(r[0]), r[1]) for r in conn.execute("SELECT chunk_id, vector FROM kb_vectors WHERE model = ?",
                                                      (model,))]


# --- the procedure catalogue -------------------------------------------------------------------

PROCEDURE_COLUMNS = ("code", "name", "field", "agency", "police", "legal_basis", "processing_time", "fee",
                     "documents", "where_to_file", "online_url", "how", "forms", "aliases", "needs_confirmation",
                     "updated_at", "basis")


def upsert_procedure(conn: sqlite3.Connection, values: Sequence[str | int], folded: str, edited_by: str | None,
                     edited_at: str | None) -> None:
    """`values` in PROCEDURE_COLUMNS order (lists already JSON)."""
    marks = ",".join("?" for _ in PROCEDURE_COLUMNS)
    columns = ",".join(PROCEDURE_COLUMNS)
    updates = ",".join(f"{c} = excluded.{c}" for c in PROCEDURE_COLUMNS if c != "code")
    conn.execute(
        f"INSERT INTO procedures ({columns}, folded, edited_by, edited_at) VALUES ({marks}, ?, ?, ?)"
        f" ON CONFLICT(code) DO UPDATE SET {updates}, folded = excluded.folded,"
        " edited_by = excluded.edited_by, edited_at = excluded.edited_at",
        [*values, folded, edited_by, edited_at],
    )


def procedure_versions(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    """code → (code, updated_at, edited_by) of every stored procedure."""
    return {row["code"]: row for row in conn.execute("SELECT code, updated_at, edited_by FROM procedures")}


def procedure_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM procedures ORDER BY field, name").fetchall()


def procedure_row(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM procedures WHERE code = ?", (code,)).fetchone()
    return row


def procedure_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM procedures").fetchone()[0])


# --- copying the catalogue and library into another database (the training sandbox) -------------

CATALOGUE_TABLES = ("procedures",)
# Parents before children (foreign keys); kb_fts is rebuilt from kb_chunks, kb_vocab reads kb_fts.
LIBRARY_TABLES = ("kb_documents", "kb_articles", "kb_chunks", "kb_vectors", "kb_document_history")


def has_table(conn: sqlite3.Connection, table: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    return found is not None


def row_count(conn: sqlite3.Connection, table: str) -> int:
    if table not in CATALOGUE_TABLES + LIBRARY_TABLES:
        raise ValueError(f"not a knowledge table: {table}")
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _shared_columns(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> list[str]:
    """Columns both databases have, in the target's order (a source one migration behind still copies)."""
    theirs = {row[1] for row in source.execute(f"PRAGMA table_info({table})")}
    return [row[1] for row in target.execute(f"PRAGMA table_info({table})") if row[1] in theirs]


def replace_tables_from(source: sqlite3.Connection, target: sqlite3.Connection,
                        tables: Sequence[str]) -> dict[str, int]:
    """The target's rows of `tables` replaced by the source's; the source is only read. Ids are
    kept, so articles, chunks and vectors still point at their documents. The caller holds the
    target's transaction. Returns rows copied per table."""
    unknown = set(tables) - set(CATALOGUE_TABLES + LIBRARY_TABLES)
    if unknown:
        raise ValueError(f"not knowledge tables: {sorted(unknown)}")
    for table in reversed(tables):
        target.execute(f"DELETE FROM {table}")
    copied: dict[str, int] = {}
    # With kb_chunks emptied, bulk_index fills the FTS index in one pass at the end.
    with bulk_index(target) if "kb_chunks" in tables else nullcontext():
        for table in tables:
            columns = _shared_columns(source, target, table)
            names, marks = ", ".join(columns), ", ".join("?" for _ in columns)
            target.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                               source.execute(f"SELECT {names} FROM {table}"))
            copied[table] = row_count(target, table)
    return copied
