"""Put a document into the knowledge base, in one transaction: a failure leaves nothing behind,
and re-adding a document with the same số ký hiệu (or file name) replaces its chunks."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from appliance.db import transaction
from appliance.knowledge import store
from appliance.knowledge.extract import Extracted, IngestError, extract_bytes, extract_path
from appliance.knowledge.indexing import index_terms
from appliance.knowledge.structure import ParsedDocument, parse
from appliance.text import fold


@dataclass
class IngestResult:
    doc_id: int
    title: str
    short_title: str
    number: str
    chunks: int
    updated: bool  # True when the document was already there
    converted_from: str | None = None

    def message(self) -> str:
        verb = "Đã cập nhật" if self.updated else "Đã thêm"
        note = " (đã chuyển từ bảng mã TCVN3 sang Unicode)" if self.converted_from else ""
        return f"{verb} “{self.short_title}”: {self.chunks} đoạn tra cứu{note}."


@contextmanager
def _atomic(conn: sqlite3.Connection) -> Iterator[None]:
    """Our own transaction, or the caller's when one is open (a migration, the demo loader)."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT kb_ingest")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO kb_ingest")
            conn.execute("RELEASE kb_ingest")
            raise
        conn.execute("RELEASE kb_ingest")
    else:
        with transaction(conn):
            yield


def doc_key(parsed: ParsedDocument, filename: str) -> str:
    if parsed.meta.number:
        return "so:" + fold(parsed.meta.number).replace(" ", "")
    return "tep:" + fold(Path(filename).name)


def add_path(conn: sqlite3.Connection, path: Path, *, added_by: str | None = None) -> IngestResult:
    return _store(conn, extract_path(path), path.name, path.read_bytes(), added_by)


def add_bytes(conn: sqlite3.Connection, data: bytes, filename: str, *, added_by: str | None = None) -> IngestResult:
    return _store(conn, extract_bytes(data, filename), filename, data, added_by)


def _chunk_values(parsed: ParsedDocument) -> Iterator[store.ChunkValues]:
    """Index terms are computed as the chunks are written, inside the transaction: a failure on
    any chunk rolls the whole document back."""
    meta = parsed.meta
    heading_doc = fold(f"{meta.short_title} {meta.title}")
    for ordinal, chunk in enumerate(parsed.chunks):
        folded, pairs = index_terms(chunk.text)
        section_title = chunk.section.partition(":")[2]
        heading = fold(f"{chunk.article_title} {section_title}") + " " + heading_doc
        yield store.ChunkValues(ordinal, chunk.part, chunk.chapter, chunk.section, chunk.article, chunk.article_title,
                                chunk.clause, chunk.point, chunk.citation(meta.short_title), chunk.text, folded, pairs,
                                heading)


def _store(conn: sqlite3.Connection, extracted: Extracted, filename: str, data: bytes,
           added_by: str | None) -> IngestResult:
    parsed = parse(extracted.text, filename)
    if not parsed.chunks:
        raise IngestError(f"Không tách được nội dung nào từ “{filename}”.", "empty")
    meta = parsed.meta
    key = doc_key(parsed, filename)
    digest = hashlib.sha256(data).hexdigest()
    values = store.DocumentValues(meta.title, meta.short_title, meta.number, meta.doc_type, meta.issuer,
                                  meta.issued_on, meta.effective_on, filename, digest, len(extracted.text),
                                  parsed.is_legal, added_by)
    with _atomic(conn):
        existing = store.document_id_by_key(conn, key)
        if existing is None:
            doc_id = store.insert_document(conn, values, key, meta.status, meta.status_note)
        else:
            # Staff may have set the status by hand; a re-added file keeps it unless it states one.
            doc_id = existing
            store.update_document(conn, doc_id, values)
        store.replace_chunks(conn, doc_id, _chunk_values(parsed))
    return IngestResult(doc_id, meta.title, meta.short_title, meta.number, len(parsed.chunks), existing is not None,
                        extracted.converted_from)


def set_status(conn: sqlite3.Connection, doc_id: int, status: str, note: str = "") -> bool:
    return store.set_status(conn, doc_id, status, note)
