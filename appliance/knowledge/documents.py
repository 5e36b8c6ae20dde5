"""The documents in the knowledge base, as the library pages, the summary page and the CLI read
them (ingestion, in ingest.py, is the way in)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from appliance.knowledge import store
from appliance.text import format_date_short


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    short_title: str
    number: str
    doc_type: str
    issuer: str
    issued_on: str | None  # ISO dates
    effective_on: str | None
    status: str
    status_note: str
    source_name: str
    chunk_count: int = 0

    @property
    def issued_on_text(self) -> str:
        return _date_text(self.issued_on)

    @property
    def effective_on_text(self) -> str:
        return _date_text(self.effective_on)


def _date_text(iso: str | None) -> str:
    return format_date_short(dt.date.fromisoformat(iso)) if iso else ""


def _document(row: sqlite3.Row, chunk_count: int = 0) -> Document:
    return Document(row["id"], row["title"], row["short_title"], row["number"], row["doc_type"], row["issuer"],
                    row["issued_on"], row["effective_on"], row["status"], row["status_note"], row["source_name"],
                    chunk_count)


def list_documents(conn: sqlite3.Connection, *, by_id: bool = False) -> list[Document]:
    """Every document with its number of chunks: by type then newest first, or by id."""
    rows = store.documents_with_counts(conn, order="id" if by_id else "type")
    return [_document(row, int(row["chunk_count"])) for row in rows]


def get_document(conn: sqlite3.Connection, doc_id: int) -> Document | None:
    row = store.document(conn, doc_id)
    return _document(row) if row else None


def document_chunks(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    """The document's chunks in reading order (citation, article, clause, text…)."""
    return store.chunks_of(conn, doc_id)


def document_text(conn: sqlite3.Connection, doc_id: int) -> str | None:
    """The document's text, chunk after chunk; None when there is no such document."""
    chunks = store.chunks_of(conn, doc_id)
    return "\n".join(row["text"] for row in chunks) if chunks else None


def document_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(id, short_title) of every document, by title: for pickers."""
    return store.document_titles(conn)


def added_document_titles(conn: sqlite3.Connection) -> list[str]:
    """Titles of the documents the ward added itself (the shipped starter library left out)."""
    return [row["title"] for row in store.documents_added_except(conn, store.LIBRARY_ADDED_BY)]
