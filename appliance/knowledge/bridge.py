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
from appliance.citizen.readers import reader_for
from appliance.citizen.understanding import Reading as CitizenReading
from appliance.citizen.understanding import Understanding
from appliance.citizen.understanding import thresholds as chat_thresholds
from appliance.knowledge import relevance, store
from appliance.knowledge.articles import find_article
from appliance.knowledge.procedure_basis import stating_passages
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
# Close candidates resting on the same law ("sửa khai sinh": cải chính or khai sinh, both Luật Hộ tịch)
# are one subject: the matcher's leader (after its tie-breaks: "sửa" is a cue for cải chính) is shown,
# named on the page; a tie is not. Measured: citizen development 52/7/0 (was 50/9/0 with the fee and
# time bases), training batch 144/16/1 (139/21/1), no new false answer; of the 7 questions it newly
# answers, 2 are read as another procedure of the same law (both pages say which). Ordering the close
# ones by where the search's own ranking puts their articles answered more (53/6/0, 149/11/1) but read
# 9 more as the wrong procedure of the law (BM25 favours "khai sinh" in any question that names it).
SAME_LAW_TAKES_THE_LEAD = True
# The citizen chat's own reading of the question (citizen_reading) takes part: one it reads as out of
# the ward's scope (a notary office, a social-insurance book, a job at the ward) is not bridged, and
# one the phrase matcher cannot place but the chat reads as one procedure with READ_AS confidence is.
# OUT_OF_SCOPE is the chat's own bar for saying "the ward does not handle this"; READ_AS is stricter
# than the chat's answer_procedure (0,7): search then cites a law on that reading alone (development
# and training gave the same at 0,7 and 0,9, partly in-sample; a wrong law is the costliest mistake).
CITIZEN_READER = True
OUT_OF_SCOPE = chat_thresholds()["out_of_scope"]
READ_AS = 0.9
# A question asking how much or how long a procedure takes is answered by the articles the catalogue
# cites for that fact (checked against the library by procedure_basis.py), when they state it.
FACT_OF_KIND = {"money": "fee", "time": "processing_time"}


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
    return _readers_of(procedures).index


def _readers_of(procedures: list[Procedure]) -> Understanding:
    """The citizen chat's reader of this catalogue (its phrase index included): the citizen feature's
    service, built once per catalogue there."""
    return reader_for([MatchedProcedure(p.code, p.name, p.police, p.to_dict()) for p in procedures])


def citizen_reading(procedures: list[Procedure], query: str) -> CitizenReading:
    """The question read as the citizen chat reads a message without its embedder (phrase rules and
    lexical similarity to the writers' examples: appliance.citizen.readers.reader_for), over this
    catalogue; built once per catalogue (a quarter of a second), a few ms per question."""
    return _readers_of(procedures).read(query)


def recognise(conn: sqlite3.Connection, query: str, index: ProcedureIndex | None = None,
              procedures: list[Procedure] | None = None) -> Procedure | None:
    """The one procedure the question is about, or None (none, or several close ones; close ones
    resting on the same law are one subject: see SAME_LAW_TAKES_THE_LEAD)."""
    procedures = list_procedures(conn) if procedures is None else procedures
    chosen = (index or _index(procedures)).candidates(query)
    if not chosen or chosen[0].score < MIN_SCORE:
        return None
    by_code = {p.code: p for p in procedures}
    if len(chosen) > 1 and not (SAME_LAW_TAKES_THE_LEAD and chosen[0].score > chosen[1].score
                                and len({_own_law(by_code[m.procedure.code]) for m in chosen}) == 1):
        return None
    return by_code[chosen[0].procedure.code]


def _own_law(procedure: Procedure) -> str:
    own = procedure.bases("legal_basis")[:1]
    return own[0].document if own else f"({procedure.code})"


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
    reader = _readers_of(procedures)
    gaps = library_gaps(conn, query, reader.index, procedures)
    if gaps and (GAPS_BEFORE_BRIDGE if gaps_first is None else gaps_first):
        return Reading(gaps=gaps)
    procedure = recognise(conn, query, reader.index, procedures)
    citizen = reader.read(query) if CITIZEN_READER else None
    if citizen is not None and citizen.intent == "out_of_scope" and citizen.confidence >= OUT_OF_SCOPE:
        return Reading(gaps=gaps)
    if procedure is None and citizen is not None and citizen.code and citizen.confidence >= READ_AS:
        procedure = next((p for p in procedures if p.code == citizen.code), None)
    if procedure is None:
        return Reading(gaps=gaps)
    rows = answer_passages(conn, procedure, " ".join(fold_tokens(query)))
    return Reading(bridged=Bridged(procedure.code, procedure.name, rows) if rows else None, gaps=gaps)


def answer_passages(conn: sqlite3.Connection, procedure: Procedure, folded_query: str) -> list[sqlite3.Row]:
    """The procedure's passages that answer the question: its legal basis; for "how much" / "how
    long", the articles the catalogue cites for its fee / time limit first (FACT_OF_KIND). Each
    passage kept states one of the things asked (an amount, a time, a penalty), and together they
    state all of them; none when the library lacks the procedure's own law."""
    legal = basis_passages(conn, procedure)
    kinds = relevance.asked_kinds(folded_query)
    if not legal or not kinds:
        return legal
    facts = [row for kind in sorted(kinds) if kind in FACT_OF_KIND and not procedure.needs(FACT_OF_KIND[kind])
             for row in fact_passages(conn, procedure, FACT_OF_KIND[kind])]
    rows: dict[int, sqlite3.Row] = {}
    for row in [*facts, *legal]:
        if any(relevance.states_kind(kind, row["folded"]) for kind in kinds):
            rows.setdefault(int(row["id"]), row)
    stated = all(any(relevance.states_kind(kind, r["folded"]) for r in rows.values()) for kind in kinds)
    return list(rows.values()) if stated else []


def fact_passages(conn: sqlite3.Connection, procedure: Procedure, name: str) -> list[sqlite3.Row]:
    """The passages in force that state one fact of the procedure (its bases for `name`), each only
    where the catalogue's check confirms it (procedure_basis.stating_passages)."""
    return [row for basis in procedure.bases(name) for row in stating_passages(conn, basis)]


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
