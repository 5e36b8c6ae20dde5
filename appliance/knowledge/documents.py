"""The documents in the knowledge base (the registry), as the library pages, the summary page and
the CLI read them (ingestion and imports are the ways in; registry.edit the way to correct them)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field

from appliance.knowledge import store
from appliance.knowledge.registry import citation_name, doc_key
from appliance.knowledge.validity import NO_TEXT, WARN, in_force, label
from appliance.text import format_date_short

ORIGINS = {"thu_vien": "Thư viện khởi đầu (Bộ Pháp điển)", "phap_dien": "Nhập từ Bộ Pháp điển",
           "tai_len": "Tải lên", "danh_muc": "Sổ văn bản (chưa có toàn văn)", "mau": "Dữ liệu mẫu"}


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
    name: str = ""
    replaced_by: str = ""
    amended_by: str = ""
    parent: str = ""
    origin: str = "tai_len"
    basis: str = ""
    article_count: int = 0
    unconfirmed: tuple[str, ...] = ()
    edited_fields: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = field(default_factory=tuple)
    low_confidence: tuple[int, ...] = field(default_factory=tuple)
    cite_as: str = ""

    @property
    def issued_on_text(self) -> str:
        return _date_text(self.issued_on)

    @property
    def effective_on_text(self) -> str:
        return _date_text(self.effective_on)

    @property
    def status_label(self) -> str:
        return label(self.status)

    @property
    def warn(self) -> bool:
        """Out of force, partly, not yet, or unknown: labelled wherever the text appears."""
        return self.status in WARN

    @property
    def in_force(self) -> bool:
        return in_force(self.status)

    @property
    def has_text(self) -> bool:
        return self.chunk_count > 0

    @property
    def text_note(self) -> str:
        return "" if self.has_text else NO_TEXT

    @property
    def origin_label(self) -> str:
        return ORIGINS.get(self.origin, self.origin)

    def needs_confirmation(self, field_name: str) -> bool:
        return field_name in self.unconfirmed


def _date_text(iso: str | None) -> str:
    return format_date_short(dt.date.fromisoformat(iso)) if iso else ""


def _document(row: sqlite3.Row, chunk_count: int = 0, article_count: int = 0) -> Document:
    ocr = json.loads(row["ocr"]) if row["ocr"] else {}
    return Document(
        row["id"], row["title"], row["short_title"], row["number"], row["doc_type"], row["issuer"], row["issued_on"],
        row["effective_on"], row["status"], row["status_note"], row["source_name"], chunk_count, name=row["name"],
        replaced_by=row["replaced_by"], amended_by=row["amended_by"], parent=row["parent"], origin=row["origin"],
        basis=row["basis"], article_count=article_count, unconfirmed=tuple(json.loads(row["unconfirmed"] or "[]")),
        edited_fields=tuple(json.loads(row["edited_fields"] or "[]")),
        ocr_pages=tuple(ocr.get("pages", [])), low_confidence=tuple(ocr.get("low", [])), cite_as=citation_name(row))


def list_documents(conn: sqlite3.Connection, *, by_id: bool = False) -> list[Document]:
    """Every document with its number of chunks and articles: by type then newest first, or by id."""
    rows = store.documents_with_counts(conn, order="id" if by_id else "type")
    return [_document(row, int(row["chunk_count"]), int(row["article_count"])) for row in rows]


def get_document(conn: sqlite3.Connection, doc_id: int) -> Document | None:
    row = store.document(conn, doc_id)
    if row is None:
        return None
    return _document(row, store.chunk_count(conn, doc_id), store.article_count(conn, doc_id))


def find_by_number(conn: sqlite3.Connection, number: str) -> Document | None:
    """The registry row of số ký hiệu `number` (with or without text)."""
    row = store.document_by_key(conn, doc_key(number, number))
    return get_document(conn, int(row["id"])) if row else None


def document_chunks(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    """The document's chunks in reading order (citation, article, clause, text…)."""
    return store.chunks_of(conn, doc_id)


def document_text(conn: sqlite3.Connection, doc_id: int) -> str | None:
    """The document's text, chunk after chunk; None when there is no such document."""
    chunks = store.chunks_of(conn, doc_id)
    return "\n".join(row["text"] for row in chunks) if chunks else None


def document_titles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(id, short_title) of every document with text, by title: for pickers."""
    return store.document_titles(conn)


def added_document_titles(conn: sqlite3.Connection) -> list[str]:
    """Titles of the documents the ward added itself (the shipped starter library left out)."""
    return [row["title"] for row in store.documents_of_origin(conn, ("tai_len", "phap_dien"))]
