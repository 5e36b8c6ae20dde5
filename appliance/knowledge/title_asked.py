"""A question that repeats the whole title of the article the ranking put first asks about that article.

relevance.py judges whether the passages found answer by how much of the question they cover; a citizen's long
question ("người khiếu nại muốn rút đơn khiếu nại thì phải làm thế nào, người giải quyết xử lý ra sao") covers little
of any passage, and "not found" is said although the first passage is the article titled "Rút khiếu nại". Session 20
(on by rule R1, plain behaviour since session 22; called by search.py): when the ranking's own passages are judged not
to answer and nothing is bridged, the first passage answers when the question contains every content syllable of its
article's title (at least MIN_TITLE_WORDS), the passage is in force and states what is asked (an amount, a time, a
penalty), and no other article among the first DEPTH passages has another title the question also repeats whole (two
titles repeated: the question does not choose; one title held by two articles, "Thời hiệu khiếu nại" of a decision and
of a disciplinary one, is one).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from appliance.knowledge import relevance
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

# The form asked stands for the title's words of that form (session 21; plain behaviour since session 23, rule R8):
# "bao lâu", "mấy ngày" for "thời hạn" ("Nộp hồ sơ, thời hạn giải quyết việc nuôi con nuôi"), "ở đâu", "ai có thẩm
# quyền" for "thẩm quyền" (relevance.ASKED_FORMS, as the ranking's title bonus reads them).
_FORM_WORDS = ((re.compile(r"\b(?:thoi han|thoi hieu|thoi gian)\b"), "time"),
               (re.compile(r"\btham quyen\b"), "competence"))
MIN_TITLE_WORDS = 3   # content syllables of the title ("Rút khiếu nại": rut, khieu, nai)
DEPTH = 3             # the passages shown first (search.SHOWN)


def title_words(article_title: str) -> list[str]:
    """The title's content syllables, folded, unique, in order (stopwords and single letters left out)."""
    folded = f" {' '.join(fold_tokens(article_title or ''))} "
    return [w for w in dict.fromkeys(folded.split()) if w not in STOPWORDS and len(w) > 1]


def repeats_title(folded_query: str, article_title: str) -> bool:
    """Whether the question (folded) contains every content syllable of the title, MIN_TITLE_WORDS at least (the
    title's words of a form the question asks count as said)."""
    words = title_words(article_title)
    asked = set(folded_query.split()) | _form_words_said(folded_query, article_title)
    return len(words) >= MIN_TITLE_WORDS and all(w in asked for w in words)


def _form_words_said(folded_query: str, article_title: str) -> set[str]:
    """The title's words of the forms the question asks ("thoi", "han" when it asks how long)."""
    padded, title = f" {folded_query.strip()} ", f" {' '.join(fold_tokens(article_title or ''))} "
    kinds = {"time"} if "time" in relevance.asked_kinds(padded) else set()
    if relevance.ASKS_COMPETENCE.search(padded):
        kinds.add("competence")
    return {w for pattern, kind in _FORM_WORDS if kind in kinds
            for m in pattern.finditer(title) for w in m.group(0).split()}


def title_answers(folded_query: str, rows: Sequence[sqlite3.Row]) -> bool:
    """Whether the first of `rows` (the ranking's order) answers by its title (module docstring)."""
    if not rows:
        return False
    first = rows[0]
    # The passage stating what is asked: the first, or another of its article among the first DEPTH ("2. … trong thời
    # hạn 30 ngày" after "1. Người nhận con nuôi nộp hồ sơ …").
    same = [row for row in rows[:DEPTH] if row["doc_id"] == first["doc_id"]
            and row["article_title"] == first["article_title"]] if "doc_id" in first.keys() else []
    if (not in_force(first["status"]) or first["repealed"] or not repeats_title(folded_query, first["article_title"])
            or not any(relevance.states_what_is_asked(folded_query, row["folded"]) for row in [first, *same])):
        return False
    title = " ".join(title_words(first["article_title"]))
    return all(" ".join(title_words(row["article_title"])) == title for row in rows[1:DEPTH]
               if repeats_title(folded_query, row["article_title"]))
