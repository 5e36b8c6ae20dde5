"""The SQL of kb_articles (one row per article with its official text and source note) and
kb_document_history (the registry's audit trail). Only this module and store.py write the
knowledge tables; the services (articles.py, registry.py, phapdien_import.py) keep the rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# --- articles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleValues:
    key: str
    sort_key: int
    phapdien: str
    page: str
    article: str
    clause: str
    title: str
    chapter: str
    section: str
    text: str
    structure: str      # JSON
    source_note: str
    note_parsed: bool
    changes: str        # JSON
    related: str        # JSON
    repealed: bool
    digest: str

    def row(self) -> tuple[str | int, ...]:
        return (self.key, self.sort_key, self.phapdien, self.page, self.article, self.clause, self.title,
                self.chapter, self.section, self.text, self.structure, self.source_note, int(self.note_parsed),
                self.changes, self.related, int(self.repealed), self.digest)


_COLUMNS = ("art_key, sort_key, phapdien, page, article, clause, title, chapter, section, text, structure,"
            " source_note, note_parsed, changes, related, repealed, digest")


def article_digests(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, tuple[int, int, str]]:
    """art_key → (article id, document id, digest) for the keys that exist."""
    out: dict[str, tuple[int, int, str]] = {}
    for start in range(0, len(keys), 500):
        batch = list(keys[start:start + 500])
        marks = ",".join("?" for _ in batch)
        for row in conn.execute(f"SELECT id, doc_id, art_key, digest FROM kb_articles WHERE art_key IN ({marks})",
                                batch):
            out[row["art_key"]] = (int(row["id"]), int(row["doc_id"]), row["digest"])
    return out


def keys_of_page(conn: sqlite3.Connection, page: str) -> dict[str, int]:
    """art_key → id of every article imported from the đề mục `page`."""
    return {row["art_key"]: int(row["id"])
            for row in conn.execute("SELECT id, art_key FROM kb_articles WHERE page = ? AND phapdien <> ''", (page,))}


def insert_article(conn: sqlite3.Connection, doc_id: int, values: ArticleValues) -> int:
    cur = conn.execute(f"INSERT INTO kb_articles (doc_id, {_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (doc_id, *values.row()))
    return int(cur.lastrowid or 0)


def update_article(conn: sqlite3.Connection, article_id: int, doc_id: int, values: ArticleValues) -> None:
    assignments = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(","))
    conn.execute(f"UPDATE kb_articles SET doc_id = ?, {assignments} WHERE id = ?",
                 (doc_id, *values.row(), article_id))


def delete_articles(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """The articles and (by cascade) their chunks and vectors."""
    conn.executemany("DELETE FROM kb_articles WHERE id = ?", [(i,) for i in ids])


def delete_document_articles(conn: sqlite3.Connection, doc_id: int) -> None:
    conn.execute("DELETE FROM kb_articles WHERE doc_id = ?", (doc_id,))


def article(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM kb_articles WHERE id = ?", (article_id,)).fetchone()
    return row


def articles_of(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM kb_articles WHERE doc_id = ? ORDER BY sort_key, id", (doc_id,)).fetchall()


def find_articles(conn: sqlite3.Connection, number: str, article: str) -> list[sqlite3.Row]:
    """Articles numbered `article` of the document whose số ký hiệu is `number` (case-insensitive)."""
    return conn.execute(
        "SELECT a.* FROM kb_articles a JOIN kb_documents d ON d.id = a.doc_id"
        " WHERE upper(d.number) = upper(?) AND a.article = ? ORDER BY a.sort_key, a.id", (number, article)).fetchall()


def article_numbers(conn: sqlite3.Connection, numbers: list[str]) -> set[tuple[str, str]]:
    """(upper-cased số ký hiệu, article) of every article the library holds of these documents: one
    query for what find_articles would answer one by one."""
    if not numbers:
        return set()
    marks = ",".join("?" * len(numbers))
    # CROSS JOIN keeps the documents as the outer loop: a few registry rows, then their articles by
    # the doc_id index, instead of a scan of every article.
    rows = conn.execute("SELECT DISTINCT upper(d.number), a.article FROM kb_documents d CROSS JOIN kb_articles a"
                        f" ON a.doc_id = d.id WHERE upper(d.number) IN ({marks})", [n.upper() for n in numbers])
    return {(str(r[0]), str(r[1])) for r in rows}


def all_articles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every article with its document's number and type (exports, provenance checks)."""
    return conn.execute("SELECT a.*, d.number, d.doc_type, d.origin FROM kb_articles a"
                        " JOIN kb_documents d ON d.id = a.doc_id ORDER BY d.id, a.sort_key, a.id").fetchall()


def documents_of_articles(conn: sqlite3.Connection) -> dict[int, int]:
    """document id → number of articles."""
    return {int(r[0]): int(r[1]) for r in conn.execute("SELECT doc_id, count(*) FROM kb_articles GROUP BY doc_id")}


# --- the registry's audit trail ------------------------------------------------------------------


def add_history(conn: sqlite3.Connection, doc_id: int, username: str,
                changes: Iterable[tuple[str, str, str]]) -> None:
    """One row per changed field: (field, old value, new value)."""
    conn.executemany("INSERT INTO kb_document_history (doc_id, username, field, old, new) VALUES (?,?,?,?,?)",
                     [(doc_id, username, f, old, new) for f, old, new in changes])


def history(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM kb_document_history WHERE doc_id = ? ORDER BY id DESC", (doc_id,)).fetchall()
