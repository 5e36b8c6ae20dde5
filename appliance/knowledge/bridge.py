"""From a question about a procedure to the articles the procedure rests on.

People ask about procedures in their own words ("bé nhà em sinh được 3 tuần rồi, giờ đi làm giấy
khai sinh thì mang theo những giấy tờ gì ạ"): such a message shares too few words with any one
passage for relevance.py to call it answered, although the library holds the article that does
(Điều 16 Luật Hộ tịch). The procedure catalogue knows both sides: the citizen chatbot's phrase
matcher (appliance.citizen.matching: official names, the catalogue's aliases, colloquial terms,
teencode) recognises the procedure, and each procedure's `legal_basis` bases name the articles,
checked against the library by procedure_basis.py.

Search uses this only when its own passages do not answer, only when exactly one procedure is
recognised by a phrase of at least two words (two close ones: the officer should choose), only when
the library holds the procedure's first basis article (its own law), and only with articles in force
whose text states what the question asks for (an amount of money, a length of time). It says that it did so:
the response names the procedure, and the page says the passages are its legal basis.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from appliance.citizen.matching import Procedure as MatchedProcedure
from appliance.citizen.matching import ProcedureIndex
from appliance.knowledge import relevance, store
from appliance.knowledge.articles import find_article
from appliance.knowledge.procedures import Procedure, list_procedures
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

# The matcher scores a phrase by its length squared: at least one phrase of two words. A single word
# is often another word once folded ("cuối tuần" read as "cưới"); the chatbot can ask back, search cannot.
MIN_SCORE = 4.0


@dataclass(frozen=True)
class Bridged:
    code: str
    name: str
    rows: list[sqlite3.Row]   # the basis passages, in the catalogue's order


def recognise(conn: sqlite3.Connection, query: str) -> Procedure | None:
    """The one procedure the question is about, or None (none, or several close ones)."""
    procedures = list_procedures(conn)
    index = ProcedureIndex(MatchedProcedure(p.code, p.name, p.police, p.to_dict()) for p in procedures)
    chosen = index.candidates(query)
    if len(chosen) != 1 or chosen[0].score < MIN_SCORE:
        return None
    return next(p for p in procedures if p.code == chosen[0].procedure.code)


def basis_passages(conn: sqlite3.Connection, procedure: Procedure) -> list[sqlite3.Row]:
    """The passages of the procedure's legal-basis articles that the library holds, in force; none
    when it lacks the first (the procedure's own law: a fee article alone is no answer about a
    building permit whose law has no text here)."""
    ids: list[int] = []
    for n, basis in enumerate(procedure.bases("legal_basis")):
        article = find_article(conn, basis.document, basis.article, basis.clause)
        if article is None or article.repealed:
            if n == 0:
                return []
            continue
        ids.extend(i for i in store.chunk_ids_of_article(conn, article.id) if i not in ids)
    if not ids:
        return []
    rows = {int(r["id"]): r for r in store.chunks_with_documents(conn, ids)}
    return [rows[i] for i in ids if i in rows and in_force(rows[i]["status"])]


def procedure_basis(conn: sqlite3.Connection, query: str) -> Bridged | None:
    procedure = recognise(conn, query)
    if procedure is None:
        return None
    folded_query = " ".join(fold_tokens(query))
    rows = [r for r in basis_passages(conn, procedure) if relevance.states_what_is_asked(folded_query, r["folded"])]
    return Bridged(procedure.code, procedure.name, rows) if rows else None
