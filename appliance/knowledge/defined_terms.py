"""A question asking what a term means, answered by the article titled with that term.

Laws define their subject in an article titled with the term itself ("Người cao tuổi": Điều 2 Luật Người cao tuổi,
one sentence). Asked "bao nhiêu tuổi thì được tính là người cao tuổi", the ranking prefers the long articles that
repeat the term, and the short definition is not even among its candidates. Since session 17 (read by search.py):
when a question asks what counts as something (`_ASKS_DEFINITION`), the first passage of every article whose whole
title (at least MIN_SYLLABLES folded syllables) the question repeats joins the candidates, with DEFINED_TERM_BONUS."""

from __future__ import annotations

import re
import sqlite3

from appliance.text import fold

DEFINED_TERM_BONUS = 1.0
MIN_SYLLABLES = 2
# Folded: "được tính là / được coi là / được xem là / được gọi là", "thế nào là", "hiểu là", "là gì", "là ai".
_ASKS_DEFINITION = re.compile(r"\b(duoc (?:tinh|coi|xem|goi|xac dinh) la|the nao (?:thi )?(?:duoc )?(?:goi )?la|"
                              r"hieu (?:the nao )?la|nghia la|la gi|la ai)\b")


def asks_definition(folded_query: str) -> bool:
    return bool(_ASKS_DEFINITION.search(f" {folded_query} "))


def titled_passages(conn: sqlite3.Connection, folded_query: str) -> dict[int, str]:
    """The first passage of each article whose whole folded title the question repeats: {chunk id: folded title}."""
    padded = f" {folded_query.strip()} "
    rows = conn.execute("SELECT min(id) AS first, article_title FROM kb_chunks WHERE article_title <> ''"
                        " GROUP BY doc_id, article, article_title").fetchall()
    out: dict[int, str] = {}
    for row in rows:
        title = " ".join(fold(str(row["article_title"])).split())
        if len(title.split()) >= MIN_SYLLABLES and f" {title} " in padded:
            out[int(row["first"])] = title
    return out
