"""Articles of a document: written with their passages (the search index), read for the article
page. The Pháp điển importer and file ingestion both write through `write_article`, so an article
of either is stored, cut and cited the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field

from appliance.knowledge import article_store, store
from appliance.knowledge.chunking import Paragraph, citation, pieces
from appliance.knowledge.indexing import index_terms
from appliance.text import fold

_DIGITS = re.compile(r"(\d+)([a-zđ]?)")


def sort_key(article: str, clause: str = "", ordinal: int = 0) -> int:
    """Reading order: by original article number (16 < 16a < 17), then khoản, then position."""
    match = _DIGITS.match(article or "")
    number = int(match.group(1)) if match else 0
    letter = (ord(match.group(2)) - 96) if match and match.group(2) else 0
    clause_match = _DIGITS.match(clause or "")
    return ((number * 40 + max(0, min(letter, 39))) * 200 + (int(clause_match.group(1)) if clause_match else 0)) \
        * 1000 + ordinal % 1000


@dataclass
class ArticleRecord:
    key: str
    article: str                      # original article number
    title: str
    paragraphs: list[Paragraph]
    sort_key: int = 0
    clause: str = ""                  # the entry is one khoản of the original article
    phapdien: str = ""
    page: str = ""
    chapter: str = ""
    section: str = ""
    part: str = ""                    # a document inside the file ("Quy chế … ban hành kèm theo …")
    source_note: str = ""
    note_parsed: bool = True
    changes: list[dict[str, str]] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    repealed: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def values(self) -> article_store.ArticleValues:
        structure = json.dumps([[p.clause, p.point, p.text] for p in self.paragraphs], ensure_ascii=False)
        changes = json.dumps(self.changes, ensure_ascii=False, sort_keys=True)
        related = json.dumps(self.related, ensure_ascii=False)
        digest = hashlib.sha1("\x1f".join([
            self.phapdien, self.page, self.article, self.clause, self.title, self.chapter, self.section, structure,
            self.source_note, changes, related, str(int(self.repealed)), str(self.sort_key), self.part,
        ]).encode()).hexdigest()
        return article_store.ArticleValues(
            key=self.key, sort_key=self.sort_key, phapdien=self.phapdien, page=self.page, article=self.article,
            clause=self.clause, title=self.title, chapter=self.chapter, section=self.section or self.part,
            text=self.text, structure=structure, source_note=self.source_note, note_parsed=self.note_parsed,
            changes=changes, related=related, repealed=self.repealed, digest=digest)


@dataclass(frozen=True)
class DocumentLabel:
    """What passages carry of their document: the citation name and the folded heading words."""

    name: str
    heading: str


def chunk_values(record: ArticleRecord, article_id: int, label: DocumentLabel,
                 first_ordinal: int = 0) -> list[store.ChunkValues]:
    out = []
    section_title = (record.section or record.part).partition(". ")[2]
    heading = fold(f"{record.title} {section_title}") + " " + label.heading
    for index, piece in enumerate(pieces(record.paragraphs)):
        clause = record.clause or piece.clause
        point = piece.point if not record.clause else ""
        folded, pairs = index_terms(piece.text)
        out.append(store.ChunkValues(
            ordinal=first_ordinal + index, part=record.part or record.page, chapter=record.chapter,
            section=record.section, article=record.article, article_title=record.title, clause=clause, point=point,
            citation=citation(record.article, clause, point, label.name), text=piece.text, folded=folded,
            bigrams=pairs, heading=heading, article_id=article_id))
    return out


def write_article(conn: sqlite3.Connection, doc_id: int, record: ArticleRecord, label: DocumentLabel, *,
                  existing: tuple[int, int, str] | None = None) -> str:
    """Insert, update or keep one article; returns "added", "changed" or "unchanged"."""
    values = record.values()
    if existing is not None:
        article_id, old_doc, digest = existing
        if digest == values.digest and old_doc == doc_id:
            return "unchanged"
        article_store.update_article(conn, article_id, doc_id, values)
        store.replace_chunks(conn, doc_id, chunk_values(record, article_id, label, record.sort_key),
                             article_id=article_id)
        return "changed"
    article_id = article_store.insert_article(conn, doc_id, values)
    store.replace_chunks(conn, doc_id, chunk_values(record, article_id, label, record.sort_key),
                         article_id=article_id)
    return "added"


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleView:
    id: int
    doc_id: int
    phapdien: str
    page: str
    article: str
    clause: str
    title: str
    chapter: str
    section: str
    text: str
    structure: list[tuple[str, str, str]]
    source_note: str
    note_parsed: bool
    changes: list[dict[str, str]]
    related: list[str]
    repealed: bool

    @property
    def heading(self) -> str:
        where = f"Khoản {self.clause} Điều {self.article}" if self.clause else f"Điều {self.article}"
        return f"{where}. {self.title}" if self.title else where


def _view(row: sqlite3.Row) -> ArticleView:
    return ArticleView(
        id=int(row["id"]), doc_id=int(row["doc_id"]), phapdien=row["phapdien"], page=row["page"],
        article=row["article"], clause=row["clause"], title=row["title"], chapter=row["chapter"],
        section=row["section"], text=row["text"],
        structure=[(str(c), str(p), str(t)) for c, p, t in json.loads(row["structure"] or "[]")],
        source_note=row["source_note"], note_parsed=bool(row["note_parsed"]),
        changes=[{str(k): str(v) for k, v in c.items()} for c in json.loads(row["changes"] or "[]")],
        related=[str(r) for r in json.loads(row["related"] or "[]")], repealed=bool(row["repealed"]))


def get_article(conn: sqlite3.Connection, article_id: int) -> ArticleView | None:
    row = article_store.article(conn, article_id)
    return _view(row) if row else None


def articles_of(conn: sqlite3.Connection, doc_id: int) -> list[ArticleView]:
    return [_view(row) for row in article_store.articles_of(conn, doc_id)]


def find_article(conn: sqlite3.Connection, number: str, article: str, clause: str = "") -> ArticleView | None:
    """The article `article` (optionally the entry for one khoản) of document `number`."""
    rows = [_view(r) for r in article_store.find_articles(conn, number, article)]
    exact = [a for a in rows if a.clause == clause]
    whole = [a for a in rows if not a.clause]
    found = exact or whole or rows
    return found[0] if found else None
