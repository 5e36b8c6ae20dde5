"""A question on a complaint that does not say it is the second one is about the first.

Luật Khiếu nại states most steps twice: "Thụ lý giải quyết khiếu nại" (Điều 27) and "Thụ lý giải quyết khiếu nại lần
hai" (Điều 36), "Thời hạn giải quyết khiếu nại lần đầu" (28) and "… lần hai" (37) … The second-instance article
repeats the same words plus "lần hai" and often ranks above its twin for a question that never says so ("nhận được
đơn khiếu nại thì trong bao nhiêu ngày phải thụ lý"). A passage of a "… lần hai" article among those shown first, for
a question that names neither instance nor a complaint made again (ASKS_SECOND), gets its first-instance twin (same
document, the title without "lần hai" or with "lần đầu" instead; the first such article) put just before it; both
stay (session 18, rule R1: embedder fresh +1 right, -1 wrong; unconditional since session 20).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from appliance.knowledge import store
from appliance.knowledge.articles import articles_of
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

DEPTH = 3   # the passages shown first (search.SHOWN)
# The question says which instance, or that the complaint is made again ("không đồng ý với quyết định", "khiếu nại
# tiếp", "lần đầu" named as what came before).
ASKS_SECOND = re.compile(r"\b(?:lan (?:hai|2|dau|1|thu hai)|khong dong y|khong dong tinh|khieu nai (?:tiep|lai)|"
                         r"tiep tuc khieu nai|cap tren)\b")
_SECOND = re.compile(r"\s*\blan hai\b\s*")


def _title(text: str) -> str:
    return " ".join(fold_tokens(text or ""))


def asks_second(folded_query: str) -> bool:
    return bool(ASKS_SECOND.search(f" {folded_query.strip()} "))


def twin_of(conn: sqlite3.Connection, row: sqlite3.Row) -> sqlite3.Row | None:
    """The first passage of the first-instance twin of a "… lần hai" article, or None."""
    title = _title(row["article_title"])
    if not _SECOND.search(f" {title} "):
        return None
    first = " ".join(_SECOND.sub(" ", f" {title} ").split())
    wanted = {first, f"{first} lan dau"}
    for article in articles_of(conn, int(row["doc_id"])):
        if article.repealed or _title(article.title) not in wanted:
            continue
        ids = store.chunk_ids_of_article(conn, article.id)
        rows = [r for r in store.chunks_with_documents(conn, ids[:1]) if in_force(r["status"])]
        return rows[0] if rows else None
    return None


def twins_first(conn: sqlite3.Connection, folded_query: str, rows: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """`rows` (the ranking's order) with the first-instance twin of each "… lần hai" passage among the first DEPTH
    put just before it, when the question does not ask about a second complaint."""
    if asks_second(folded_query):
        return list(rows)
    out: list[sqlite3.Row] = []
    seen: set[int] = set()
    for n, row in enumerate(rows):
        twin = twin_of(conn, row) if n < DEPTH else None
        for r in ([twin] if twin is not None else []) + [row]:
            if int(r["id"]) not in seen:
                seen.add(int(r["id"]))
                out.append(r)
    return out
