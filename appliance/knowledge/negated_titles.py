"""A question asking what may NOT be done, answered by the article titled with that very prohibition.

"Không" and "được" are filler to the ranking (indexing.STOPWORDS): "những loại đơn khiếu nại nào thì không được thụ lý
giải quyết" is searched as "khiếu nại thụ lý giải quyết", the words of every article on accepting a complaint
("Thụ lý giải quyết khiếu nại", Điều 27 Luật Khiếu nại; "Phân loại, chuyển nội dung khiếu nại …", Điều 26 Luật Tiếp
công dân), and Điều 11 Luật Khiếu nại, "Các khiếu nại không được thụ lý giải quyết", is not among the first
(session 25: a training question and one of the development set answered with another article).

Session 25 (plain behaviour since session 27: on by rule R1b in session 25; called by search.py): when the question says
"không được" (or "không phải") followed right away by the first syllables of what an article's title says may not be
done (up to PREDICATE_SYLLABLES of them, all when fewer) and names every content syllable of the title, the first
passage of that article (of a document in force, itself in force) joins the candidates as a condition asked does
(rule_articles.condition_titled): before the passages that merely repeat the words. Not an article whose title says the
prohibition of something else ("Giấy tờ, văn bản không được dịch …" for "… không được chứng thực …"), nor a question
that asks whether something may be done ("có được thụ lý không": no "không được" before the verb).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from appliance.knowledge import store
from appliance.knowledge.indexing import STOPWORDS
from appliance.text import fold_tokens

PREDICATE_SYLLABLES = 2
_NEGATION = re.compile(r"\bkhong (?:duoc|phai) ")
# Title words that name no subject ("các", "những", "trường hợp", "việc").
_GENERIC = frozenset({"cac", "nhung", "truong", "hop", "viec"})


@dataclass(frozen=True)
class _Negated:
    first: int                    # the id of the article's first passage
    title: str                    # folded
    predicate: str                # folded, the first PREDICATE_SYLLABLES syllables after the negation
    content: tuple[str, ...]      # the title's content syllables


_CACHE: dict[str, tuple[tuple[object, ...], tuple[_Negated, ...]]] = {}


def _negated_articles(conn: sqlite3.Connection) -> tuple[_Negated, ...]:
    """The first passage of each article in force whose title states a prohibition ("… không được …"), per database
    and library stamp (a scan of every title)."""
    return store.per_library(_CACHE, conn, _scan_negated)


def _scan_negated(conn: sqlite3.Connection) -> tuple[_Negated, ...]:
    rows = conn.execute("SELECT min(c.id) AS first, c.article_title FROM kb_chunks c"
                        " JOIN kb_documents d ON d.id = c.doc_id JOIN kb_articles a ON a.id = c.article_id"
                        " WHERE c.article_title <> '' AND a.repealed = 0 AND d.status NOT IN"
                        " ('het_hieu_luc', 'chua_co_hieu_luc')"
                        " GROUP BY c.doc_id, c.article, c.article_title").fetchall()
    found: list[_Negated] = []
    for row in rows:
        title = " ".join(fold_tokens(str(row["article_title"])))
        match = _NEGATION.search(f"{title} ")
        if match is None:
            continue
        predicate = " ".join(f"{title} "[match.end():].split()[:PREDICATE_SYLLABLES])
        content = tuple(w for w in dict.fromkeys(title.split())
                        if w not in STOPWORDS and w not in _GENERIC and len(w) > 1)
        if predicate and content:
            found.append(_Negated(int(row["first"]), title, predicate, content))
    return tuple(found)


def negated_titled(conn: sqlite3.Connection, folded_query: str) -> dict[int, str]:
    """{first passage id: folded title} of the articles titled with the prohibition the question (folded) asks about
    (module docstring); none when the question says no "không được"."""
    padded = f" {folded_query.strip()} "
    if not _NEGATION.search(padded):
        return {}
    asked = set(padded.split())
    found: dict[int, str] = {}
    for article in _negated_articles(conn):
        if not re.search(rf"\bkhong (?:duoc|phai) {re.escape(article.predicate)}\b", padded):
            continue
        if all(w in asked for w in article.content):   # "trường hợp nào không phải nộp lệ phí" lacks "miễn"
            found[article.first] = article.title
    return found
