"""Put a file into the knowledge base, in one transaction: a failure leaves nothing behind, and
re-adding a document with the same số ký hiệu (or file name) replaces its text.

The document becomes (or fills) its row of the registry: an official text uploaded for a document
the registry knew without text ("chưa có toàn văn") lands on that row. A file loaded by the demo or
the shipped library (`origin` "mau"/"thu_vien") never replaces a document an admin imported or
uploaded.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from appliance.db import transaction
from appliance.knowledge import article_store, ocr, registry, store
from appliance.knowledge.articles import ArticleRecord, DocumentLabel, write_article
from appliance.knowledge.extract import Extracted, IngestError, check_size, extract_bytes, extract_limited
from appliance.knowledge.indexing import index_terms
from appliance.knowledge.structure import ParsedDocument, parse
from appliance.system.isolate import Limits
from appliance.text import fold

Progress = Callable[[float, str], None]
ADMIN_ORIGINS = ("tai_len", "phap_dien")


@dataclass
class IngestResult:
    doc_id: int
    title: str
    short_title: str
    number: str
    chunks: int
    updated: bool  # True when the document was already there
    converted_from: str | None = None
    skipped: bool = False  # a sample file left an admin's document alone
    ocr_pages: list[int] = field(default_factory=list)
    low_confidence: list[int] = field(default_factory=list)

    def message(self) -> str:
        if self.skipped:
            return f"Giữ nguyên “{self.short_title}”: văn bản này do quản trị viên nhập, không ghi đè bằng dữ liệu mẫu."
        verb = "Đã cập nhật" if self.updated else "Đã thêm"
        note = " (đã chuyển từ bảng mã TCVN3 sang Unicode)" if self.converted_from else ""
        if self.ocr_pages:
            note += f" (nhận dạng chữ OCR {len(self.ocr_pages)} trang"
            if self.low_confidence:
                note += "; độ tin cậy thấp ở trang " + ", ".join(str(p) for p in self.low_confidence) + ": cần soát lại"
            note += ")"
        return f"{verb} “{self.short_title}”: {self.chunks} đoạn tra cứu{note}."


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[None]:
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
    meta = parsed.meta
    if not meta.number and meta.parent:  # a regulation attached to a decision: one per (decision, type)
        return "kem:" + fold(f"{meta.parent} {meta.doc_type}").replace(" ", "")
    return registry.doc_key(meta.number, Path(filename).name)


def add_path(conn: sqlite3.Connection, path: Path, *, added_by: str | None = None, origin: str = "tai_len",
             progress: Progress | None = None, display_name: str = "",
             tool_limits: Limits | None = None) -> IngestResult:
    """`display_name`: the name the file was uploaded as (a spooled file has a random one);
    `tool_limits`: the limits OCR and conversion tools run under (the settings' parser limits)."""
    name = display_name or path.name
    data = _read(path)
    extracted = extract_bytes(data, name, progress=progress, tool_limits=tool_limits or ocr.DEFAULT_LIMITS)
    return _store(conn, extracted, name, data, added_by, origin)


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise IngestError(f"Không tìm thấy tệp “{path}”.", "not_found")
    check_size(path.stat().st_size, path.name)
    return path.read_bytes()


def add_bytes(conn: sqlite3.Connection, data: bytes, filename: str, *, added_by: str | None = None,
              origin: str = "tai_len", progress: Progress | None = None, limits: Limits | None = None) -> IngestResult:
    """Extract and store; with `limits` the extraction runs in a child process under them (the web app's
    way: blocking, so call it from a worker thread; `progress` is then not reported)."""
    extracted = extract_limited(data, filename, limits) if limits else extract_bytes(data, filename, progress=progress)
    return _store(conn, extracted, filename, data, added_by, origin)


def _records(parsed: ParsedDocument, key: str) -> list[ArticleRecord]:
    out = []
    for ordinal, article in enumerate(parsed.articles):
        out.append(ArticleRecord(
            key=f"{key}#{ordinal}", article=article.number, title=article.title, paragraphs=article.paragraphs,
            sort_key=ordinal, chapter=article.chapter, section=article.section, part=article.attached))
    return out


def _registry_target(conn: sqlite3.Connection, key: str, parsed: ParsedDocument) -> sqlite3.Row | None:
    """The row this file belongs to: its own key, or a registry row of the same document kept
    without text (matched by số ký hiệu, else by title: "Luật Đất đai")."""
    row = store.document_by_key(conn, key)
    if row is not None:
        return row
    meta = parsed.meta
    for candidate in store.documents_with_counts(conn, order="id"):
        if candidate["chunk_count"] or candidate["origin"] != "danh_muc":
            continue
        same_number = meta.number and candidate["number"].upper() == meta.number.upper()
        same_title = fold(candidate["title"]) == fold(meta.title) and meta.doc_type == candidate["doc_type"]
        if same_number or same_title:
            return store.document(conn, int(candidate["id"]))
    return None


def _store(conn: sqlite3.Connection, extracted: Extracted, filename: str, data: bytes, added_by: str | None,
           origin: str) -> IngestResult:
    parsed = parse(extracted.text, filename)
    if not parsed.articles and not parsed.paragraphs:
        raise IngestError(f"Không tách được nội dung nào từ “{filename}”.", "empty")
    meta = parsed.meta
    key = doc_key(parsed, filename)
    values: dict[str, store.Value] = {
        "title": meta.title, "short_title": meta.short_title, "number": meta.number, "doc_type": meta.doc_type,
        "name": meta.name, "issuer": meta.issuer, "issued_on": meta.issued_on, "effective_on": meta.effective_on,
        "parent": meta.parent, "source_name": filename, "sha256": hashlib.sha256(data).hexdigest(),
        "chars": len(extracted.text), "is_legal": int(parsed.is_legal), "added_by": added_by,
        "basis": f"Đầu văn bản của tệp “{filename}”",
        "ocr": (json.dumps({"pages": extracted.ocr_pages, "low": extracted.low_confidence})
                if extracted.ocr_pages else ""),
    }
    with atomic(conn):
        target = _registry_target(conn, key, parsed)
        if target is not None and origin not in ADMIN_ORIGINS and target["origin"] in ADMIN_ORIGINS:
            return IngestResult(int(target["id"]), target["title"], target["short_title"], target["number"], 0, True,
                                skipped=True)
        if target is None:
            # Staff may set the status by hand later; a new file starts with what it states itself.
            values |= {"status": meta.status, "status_note": meta.status_note}
            doc_id, _ = registry.upsert(conn, key, values, user=added_by or "tải lên", origin=origin)
        else:
            doc_id, _ = registry.upsert(conn, str(target["doc_key"]), values, user=added_by or "tải lên",
                                        origin=origin)
        article_store.delete_document_articles(conn, doc_id)
        store.replace_chunks(conn, doc_id, [])
        row = store.document(conn, doc_id)
        assert row is not None
        base = DocumentLabel(registry.citation_name(row), registry.heading_of(row))
        for record in _records(parsed, str(row["doc_key"])):
            label = DocumentLabel(record.part, base.heading + " " + fold(record.part)) if record.part else base
            write_article(conn, doc_id, record, label)
        if not parsed.articles:
            store.replace_chunks(conn, doc_id, _paragraph_values(parsed, base))
        count = store.chunk_count(conn, doc_id)
    return IngestResult(doc_id, meta.title, meta.short_title, meta.number, count, target is not None,
                        extracted.converted_from, ocr_pages=extracted.ocr_pages,
                        low_confidence=extracted.low_confidence)


def _paragraph_values(parsed: ParsedDocument, label: DocumentLabel) -> Iterator[store.ChunkValues]:
    """Index terms are computed as the chunks are written, inside the transaction: a failure on
    any chunk rolls the whole document back."""
    for ordinal, chunk in enumerate(parsed.paragraphs):
        folded, pairs = index_terms(chunk.text)
        yield store.ChunkValues(ordinal, "", "", "", "", "", "", "", f"{chunk.where()}, {label.name}", chunk.text,
                                folded, pairs, label.heading)


def set_status(conn: sqlite3.Connection, doc_id: int, status: str, note: str = "", *, user: str = "") -> bool:
    """The status form of the document page (kept for the CLI and API): an audited registry edit."""
    try:
        registry.edit(conn, doc_id, {"status": status, "status_note": note}, user=user or "cán bộ")
    except LookupError:
        return False
    return True
