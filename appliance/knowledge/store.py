"""The SQL of knowledge's tables (kb_documents, kb_chunks, kb_fts, kb_vectors, procedures): the
only module that writes them. The service modules (ingest, procedures, vectors, search, library)
hold the rules and call these; routes call the services."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# --- documents and their chunks ----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentValues:
    """What ingestion writes about a document (the rest is the table's own bookkeeping)."""

    title: str
    short_title: str
    number: str
    doc_type: str
    issuer: str
    issued_on: str | None
    effective_on: str | None
    source_name: str
    sha256: str
    chars: int
    is_legal: bool
    added_by: str | None

    def row(self) -> tuple[str | int | None, ...]:
        return (self.title, self.short_title, self.number, self.doc_type, self.issuer, self.issued_on,
                self.effective_on, self.source_name, self.sha256, self.chars, int(self.is_legal), self.added_by)


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


def document_id_by_key(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT id FROM kb_documents WHERE doc_key = ?", (key,)).fetchone()
    return int(row["id"]) if row else None


def insert_document(conn: sqlite3.Connection, values: DocumentValues, key: str, status: str,
                    status_note: str) -> int:
    cur = conn.execute(
        "INSERT INTO kb_documents (title, short_title, number, doc_type, issuer, issued_on, effective_on,"
        " source_name, sha256, chars, is_legal, added_by, doc_key, status, status_note)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (*values.row(), key, status, status_note))
    return int(cur.lastrowid or 0)


def update_document(conn: sqlite3.Connection, doc_id: int, values: DocumentValues) -> None:
    """New metadata for a re-added document; its status (perhaps set by hand) is left alone."""
    conn.execute(
        "UPDATE kb_documents SET title=?, short_title=?, number=?, doc_type=?, issuer=?, issued_on=?,"
        " effective_on=?, source_name=?, sha256=?, chars=?, is_legal=?, added_by=?,"
        " updated_at=datetime('now') WHERE id=?", (*values.row(), doc_id))


def replace_chunks(conn: sqlite3.Connection, doc_id: int, chunks: Iterable[ChunkValues]) -> None:
    """The document's chunks become `chunks` (the FTS index follows by trigger)."""
    conn.execute("DELETE FROM kb_chunks WHERE doc_id = ?", (doc_id,))
    for c in chunks:
        conn.execute(
            "INSERT INTO kb_chunks (doc_id, ord, part, chapter, section, article, article_title, clause, point,"
            " citation, text, folded, bigrams, heading) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, c.ordinal, c.part, c.chapter, c.section, c.article, c.article_title, c.clause, c.point,
             c.citation, c.text, c.folded, c.bigrams, c.heading))


def set_status(conn: sqlite3.Connection, doc_id: int, status: str, note: str) -> bool:
    cur = conn.execute("UPDATE kb_documents SET status = ?, status_note = ?, updated_at = datetime('now')"
                       " WHERE id = ?", (status, note, doc_id))
    return cur.rowcount > 0


def has_documents(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM kb_documents LIMIT 1").fetchone() is not None


LIBRARY_ADDED_BY = "thư viện mẫu"  # added_by of the shipped starter library's documents


def documents_added_except(conn: sqlite3.Connection, added_by: str) -> list[sqlite3.Row]:
    """Documents someone added (not the shipped library): demo data refuses to run over them."""
    return conn.execute("SELECT id, title FROM kb_documents WHERE COALESCE(added_by, '') <> ? ORDER BY id",
                        (added_by,)).fetchall()


def documents_with_counts(conn: sqlite3.Connection, order: str = "type") -> list[sqlite3.Row]:
    """Every document with its `chunk_count`, by type then newest (`order="type"`) or by id."""
    order_by = "d.doc_type, d.issued_on DESC" if order == "type" else "d.id"
    return conn.execute("SELECT d.*, (SELECT count(*) FROM kb_chunks c WHERE c.doc_id = d.id) AS chunk_count"
                        f" FROM kb_documents d ORDER BY {order_by}").fetchall()


def document(conn: sqlite3.Connection, doc_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM kb_documents WHERE id = ?", (doc_id,)).fetchone()
    return row


def document_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(id, short_title) of every document, by title: the summary page's picker."""
    return conn.execute("SELECT id, short_title FROM kb_documents ORDER BY short_title").fetchall()


def chunks_of(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM kb_chunks WHERE doc_id = ? ORDER BY ord", (doc_id,)).fetchall()


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows in each table, for `appliance doctor`."""
    return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # fixed names, not input
            for table in ("kb_documents", "kb_chunks", "procedures", "kb_vectors")}


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


def chunks_with_documents(conn: sqlite3.Connection, ids: Sequence[int]) -> list[sqlite3.Row]:
    """The chunks `ids` with what a search hit shows of their document."""
    marks = ",".join("?" for _ in ids)
    return conn.execute(
        "SELECT c.id, c.doc_id, c.citation, c.text, c.folded, c.heading, c.article, c.clause, c.article_title,"
        " d.title, d.short_title, d.number, d.status, d.status_note"
        f" FROM kb_chunks c JOIN kb_documents d ON d.id = c.doc_id WHERE c.id IN ({marks})", list(ids)).fetchall()


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
                     "updated_at")


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
