"""Every fact of the procedure catalogue checked against the library: the cited article exists
and contains the words the catalogue says state the fact. The procedure page shows each fact's
basis with a link to the article and its status; a basis that cannot be checked (no official text
of that document in the library yet, or the words are not in the article) is shown "cần xác nhận".
The same check over the shipped catalogue and library is tests/knowledge/test_procedure_basis.py.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from appliance.knowledge import store
from appliance.knowledge.articles import ArticleView, find_article
from appliance.knowledge.documents import find_by_number
from appliance.knowledge.procedures import Basis, Procedure
from appliance.knowledge.validity import in_force, label
from appliance.text import normalize

_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", normalize(text)).strip()


def article_scope(article: ArticleView, clause: str = "", point: str = "") -> str:
    """The words of the article (title included), or of one khoản / điểm of it."""
    if not clause or article.clause:
        return f"{article.title}\n{article.text}"
    rows = [t for c, p, t in article.structure if c == clause and (not point or p == point)]
    return "\n".join(rows)


@dataclass(frozen=True)
class BasisCheck:
    basis: Basis
    state: str                     # "ok", "no_text", "no_article", "not_stated"
    article_id: int | None = None
    document_title: str = ""
    status: str = ""
    status_label: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    @property
    def message(self) -> str:
        return {"ok": "", "no_text": "cần xác nhận: thư viện chưa có toàn văn văn bản này",
                "no_article": "cần xác nhận: thư viện không có điều này",
                "not_stated": "cần xác nhận: điều này không có nội dung đó"}[self.state]


def states(basis: Basis, words: str) -> bool:
    """Whether these words state the fact: they hold the basis's quoted words (NFC, spaces folded)."""
    return bool(basis.quote) and _plain(basis.quote) in _plain(words)


def in_scope(basis: Basis, article: ArticleView, clause: str, point: str = "") -> bool:
    """Whether a piece of the article at this khoản / điểm lies in what the basis cites (article_scope's
    reading: the whole article, or the cited khoản, or its điểm)."""
    if not basis.clause or article.clause:
        return True
    return clause == basis.clause and (not basis.point or not point or point == basis.point)


def _checked(conn: sqlite3.Connection, basis: Basis) -> tuple[BasisCheck, ArticleView | None]:
    document = find_by_number(conn, basis.document)
    if document is None or not document.has_text:
        return BasisCheck(basis, "no_text", document_title=document.title if document else basis.document), None
    article = find_article(conn, basis.document, basis.article, basis.clause)
    if article is None:
        return BasisCheck(basis, "no_article", None, document.title, document.status, label(document.status)), None
    stated = states(basis, article_scope(article, basis.clause, basis.point))
    return BasisCheck(basis, "ok" if stated else "not_stated", article.id, document.title, document.status,
                      label(document.status)), article


def check_basis(conn: sqlite3.Connection, basis: Basis) -> BasisCheck:
    return _checked(conn, basis)[0]


def stating_passages(conn: sqlite3.Connection, basis: Basis) -> list[sqlite3.Row]:
    """The search passages, in force, that state the fact, only where check_basis confirms it: of the
    cited article, those holding the quoted words, else (the words run across passages) those in the
    scope the check read. None when the check does not confirm it or the article is repealed."""
    checked, article = _checked(conn, basis)
    if not checked.ok or article is None or article.repealed:
        return []
    ids = store.chunk_ids_of_article(conn, article.id)
    rows = [r for r in store.chunks_with_documents(conn, ids) if in_force(r["status"])] if ids else []
    return ([r for r in rows if states(basis, r["text"])]
            or [r for r in rows if in_scope(basis, article, r["clause"], r["point"])])


def check(conn: sqlite3.Connection, proc: Procedure) -> list[BasisCheck]:
    return [check_basis(conn, b) for b in proc.basis]


def unconfirmed(checks: list[BasisCheck]) -> set[str]:
    """Fields with a basis that does not check out: shown "cần xác nhận" even if the file forgot."""
    return {c.basis.field for c in checks if not c.ok}
