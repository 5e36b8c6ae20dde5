"""A question that repeats the whole title of the article the ranking put first asks about that article.

relevance.py judges whether the passages found answer by how much of the question they cover; a citizen's long
question ("người khiếu nại muốn rút đơn khiếu nại thì phải làm thế nào, người giải quyết xử lý ra sao") covers little
of any passage, and "not found" is said although the first passage is the article titled "Rút khiếu nại". Session 20
(`SESSION20_TITLE_ASKED`, read at call time by search.py): when the ranking's own passages are judged not to answer
and nothing is bridged, the first passage answers when the question contains every content syllable of its article's
title (at least MIN_TITLE_WORDS), the passage is in force and states what is asked (an amount, a time, a penalty),
and no other article among the first DEPTH passages has another title the question also repeats whole (two titles
repeated: the question does not choose; one title held by two articles, "Thời hiệu khiếu nại" of a decision and of a
disciplinary one, is one).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from appliance.knowledge import relevance
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

SESSION20_TITLE_ASKED = True
# Session 21 (rule R1, measured once at the end): "trường hợp" in a title names no subject ("Những trường hợp được từ
# chối tiếp công dân"): a question asking whether one may refuse to receive a citizen repeats the title without it.
SESSION21_CASE_WORDS = True
_CASE_WORDS = " truong hop "
MIN_TITLE_WORDS = 3   # content syllables of the title ("Rút khiếu nại": rut, khieu, nai)
DEPTH = 3             # the passages shown first (search.SHOWN)


def title_words(article_title: str) -> list[str]:
    """The title's content syllables, folded, unique, in order (stopwords, single letters and, with
    SESSION21_CASE_WORDS, the words "trường hợp" left out)."""
    folded = f" {' '.join(fold_tokens(article_title or ''))} "
    if SESSION21_CASE_WORDS:
        folded = folded.replace(_CASE_WORDS, " ")
    return [w for w in dict.fromkeys(folded.split()) if w not in STOPWORDS and len(w) > 1]


def repeats_title(folded_query: str, article_title: str) -> bool:
    """Whether the question (folded) contains every content syllable of the title, MIN_TITLE_WORDS at least."""
    words = title_words(article_title)
    asked = set(folded_query.split())
    return len(words) >= MIN_TITLE_WORDS and all(w in asked for w in words)


def title_answers(folded_query: str, rows: Sequence[sqlite3.Row]) -> bool:
    """Whether the first of `rows` (the ranking's order) answers by its title (module docstring)."""
    if not SESSION20_TITLE_ASKED or not rows:
        return False
    first = rows[0]
    if (not in_force(first["status"]) or first["repealed"] or not repeats_title(folded_query, first["article_title"])
            or not relevance.states_what_is_asked(folded_query, first["folded"])):
        return False
    title = " ".join(title_words(first["article_title"]))
    return all(" ".join(title_words(row["article_title"])) == title for row in rows[1:DEPTH]
               if repeats_title(folded_query, row["article_title"]))
