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

The question is also weighed subject by subject (subjects.py): a subject the library has no official
text for (a procedure whose own law is only a registry row, or a textless document named by title or
number) recognised about as strongly as the best covered one is named with its registry entry. The
ratio is the matcher's own "too close to choose" ratio (CLARIFY_RATIO), and whole subjects are weighed
without its cue-word tie-breaks. See GAPS_BEFORE_BRIDGE for why it is shown beside the bridge's
answer rather than instead of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from appliance.citizen.matching import CLARIFY_RATIO, ProcedureIndex
from appliance.citizen.matching import Procedure as MatchedProcedure
from appliance.knowledge import relevance, store
from appliance.knowledge.articles import find_article
from appliance.knowledge.procedures import Procedure, list_procedures
from appliance.knowledge.subjects import Gap, subjects
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

# The matcher scores a phrase by its length squared: at least one phrase of two words. A single word
# is often another word once folded ("cuối tuần" read as "cưới"); the chatbot can ask back, search cannot.
MIN_SCORE = 4.0
# Whether a recognised textless subject replaces the bridge. Measured on the citizen sets: on the
# development set it removed 1 of 4 false answers at no cost (49/10/0, 3 of 50 answered), but on the
# frozen held-out set it lost 1 right answer and removed none of the 6 false ones (68/18/0, 6 of 66
# answered; before 69/17/0, 6 of 66). So by default the bridge keeps its answer and the textless
# subject is shown beside it (search.py); a question nothing bridges gets the registry entry.
GAPS_BEFORE_BRIDGE = False


@dataclass(frozen=True)
class Bridged:
    code: str
    name: str
    rows: list[sqlite3.Row]   # the basis passages, in the catalogue's order


@dataclass(frozen=True)
class Reading:
    """What the catalogue makes of a question search could not answer: the legal basis of the one
    procedure it is about, or the registry entries of the subjects the library has no text for."""

    bridged: Bridged | None = None
    gaps: tuple[Gap, ...] = ()


def _index(procedures: list[Procedure]) -> ProcedureIndex:
    return ProcedureIndex(MatchedProcedure(p.code, p.name, p.police, p.to_dict()) for p in procedures)


def recognise(conn: sqlite3.Connection, query: str, index: ProcedureIndex | None = None,
              procedures: list[Procedure] | None = None) -> Procedure | None:
    """The one procedure the question is about, or None (none, or several close ones)."""
    procedures = list_procedures(conn) if procedures is None else procedures
    chosen = (index or _index(procedures)).candidates(query)
    if len(chosen) != 1 or chosen[0].score < MIN_SCORE:
        return None
    return next(p for p in procedures if p.code == chosen[0].procedure.code)


def library_gaps(conn: sqlite3.Connection, query: str, index: ProcedureIndex,
                 procedures: list[Procedure]) -> tuple[Gap, ...]:
    """The textless subjects the question is about, strongest first: each recognised by at least a
    two-word phrase, and about as strongly as the best covered subject (CLARIFY_RATIO)."""
    known = subjects(conn, procedures)
    uncovered, covered = known.weigh(query, index.evidence(query))
    chosen = sorted(((score, number) for number, score in uncovered.items()
                     if score >= MIN_SCORE and score >= CLARIFY_RATIO * covered), reverse=True)
    return tuple(known.gap(conn, number) for _score, number in chosen)


def gaps(conn: sqlite3.Connection, query: str) -> tuple[Gap, ...]:
    procedures = list_procedures(conn)
    return library_gaps(conn, query, _index(procedures), procedures)


def read(conn: sqlite3.Connection, query: str, *, gaps_first: bool | None = None) -> Reading:
    """The bridged procedure (if any) and the textless subjects recognised (if any). With `gaps_first`
    (default GAPS_BEFORE_BRIDGE) a recognised textless subject replaces the bridge."""
    procedures = list_procedures(conn)
    index = _index(procedures)
    gaps = library_gaps(conn, query, index, procedures)
    if gaps and (GAPS_BEFORE_BRIDGE if gaps_first is None else gaps_first):
        return Reading(gaps=gaps)
    procedure = recognise(conn, query, index, procedures)
    if procedure is None:
        return Reading(gaps=gaps)
    folded_query = " ".join(fold_tokens(query))
    rows = [r for r in basis_passages(conn, procedure) if relevance.states_what_is_asked(folded_query, r["folded"])]
    return Reading(bridged=Bridged(procedure.code, procedure.name, rows) if rows else None, gaps=gaps)


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
    return read(conn, query).bridged
