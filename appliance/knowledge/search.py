"""Hybrid legal search: BM25 over folded text (SQLite FTS5), re-ranked so passages with the
question's exact accented words come first, blended with embedding similarity when an embedder
is installed. Every hit carries its citation (the original document and article), the pháp điển
number, a highlighted snippet, a link to its article page and whether its document is in force.

When nothing in the library answers (relevance.py's calibrated confidence is low), the response
says so and names the words the library has nothing about, instead of presenting unrelated
passages as answers; the nearest passages stay available as `nearest`.
"""

from __future__ import annotations

import html
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from appliance.engines import Embedder
from appliance.knowledge import (
    abbreviations,
    away_from_office,
    bridge,
    defined_terms,
    dense,
    elderly,
    first_instance,
    negated_titles,
    not_held,
    official_words,
    relevance,
    rule_articles,
    said_gaps,
    store,
    title_asked,
    vectors,
    ward_level,
)
from appliance.knowledge.chunking import place
from appliance.knowledge.indexing import STOPWORDS, accented_words, query_terms
from appliance.knowledge.subjects import Gap
from appliance.knowledge.validity import in_force, label
from appliance.text import fold, fold_tokens, normalize
from appliance.text.fold import fold_word

CANDIDATES = 60
BM25_WEIGHTS = (1.0, 0.8, 1.6)  # folded text, syllable pairs, heading (article title + document)
# Embedding similarity is min-max scaled over the candidates (e5-class cosines sit in a narrow
# band, so raw values add a near-constant) and weighted below BM25: on the evaluation set the
# lexical evidence is the stronger one for article-level legal questions.
SEMANTIC_WEIGHT = 0.3
COMMON_SHARE = 0.3  # a term in more than this share of passages is left out of the FTS5 expression
SHOWN = 3  # passages a reader looks at first
# The pages put "Không tìm thấy căn cứ …" before a note of an unanswered question: this says why.
OUT_OF_SCOPE_NOTE = ("Câu hỏi được hiểu là về việc không thuộc thủ tục của phường (theo cách chatbot công dân hiểu "
                     "câu hỏi): các đoạn có từ giống câu hỏi không phải câu trả lời.")
# Session 13 (issue 15): a bridged procedure's law often holds the article a precise question asks about,
# and the ranking has found it ("thời hạn Tòa án thông báo bản án ly hôn": Điều 30 Luật Hộ tịch, not
# the kết hôn procedure's Điều 18). The ranking's own passages among its first BRIDGE_OWN_DEPTH passages that
# belong to a document the bridged basis cites (in force, stating what is asked) are shown first, then the basis:
# the procedure's law is still what is cited (rule R1 of session 13: fresh13 +9 right, −9 wrong).
BRIDGE_OWN_DEPTH = 5
# … but not an article on a procedure ("Thủ tục đăng ký khai sinh" with a foreign element beside the
# bridged one) or the definitions: those are rival readings of what the catalogue chose, not a rule it lacks.
_RIVAL_TITLE = re.compile(r"(thu tuc|trinh tu|giai thich tu ngu)\b")
# Session 16: a question the bridge reads as a procedure often only mentions it, and asks about a rule of another
# law whose article the ranking found and whose title the question nearly repeats ("vợ chồng đã ly hôn muốn quay lại
# có phải đăng ký kết hôn lại không": Điều 9 "Đăng ký kết hôn" of Luật Hôn nhân và gia đình, bridged to the
# kết hôn procedure's Điều 18 Luật Hộ tịch). That passage is shown first, before the basis (one passage: the basis
# still fills the rest): among the ranking's first NAMED_TITLE_DEPTH, of a document the basis does not cite, in
# force, stating what is asked, not a rival procedure title (_RIVAL_TITLE), with at least NAMED_TITLE_WORDS content
# syllables of which NAMED_TITLE_SHARE are in the question.
NAMED_TITLE_SHARE = 0.7
NAMED_TITLE_WORDS = 3
NAMED_TITLE_DEPTH = 3  # the ranking's passages looked at: those shown first (SHOWN)
# Session 17 (issue 15: a wrong article shown as the answer is the worst failure; unconditional since session 19):
# when the bridge answers, the ranking's own first passage, of a document the bridged basis does not cite (in force,
# stating what is asked, not a rival procedure title), is shown first, then the basis: the question named the
# procedure in passing and asks a rule the ranking found elsewhere ("hợp pháp hóa lãnh sự" for a degree from abroad
# brought for a certified copy; the fee circular's "Mức thu phí"), when the question repeats OWN_TOP_TITLE_WORDS
# content syllables of its title at least. One passage: the basis follows (none when session 16's rule put one
# first).
OWN_TOP_TITLE_WORDS = 2  # content syllables of its title the question must repeat
# Session 13: how a question asks says which kind of article answers it: where / to whom / who decides →
# the article on competence (thẩm quyền); how long / how many days → a time limit (thời hạn); which papers →
# the procedure (thủ tục, hồ sơ); what counts as → the definitions. An article whose title is of the
# kind asked gets ASKED_FORM_BONUS (rule R1 of session 13: fresh13 +1 right, −1 wrong). Folded patterns over
# the question and the article title.
ASKED_FORM_BONUS = 0.3
ASKED_FORMS = relevance.ASKED_FORMS
# Session 13: a question that names a law by its title ("theo Luật Người cao tuổi thì …") is answered from that law.
# When none of the passages shown first (the ranking's SHOWN, or the bridged basis's) is of a document so titled,
# or of one whose title contains it (an amending law), search says "not found" rather than cite another law.
# Only titles of the library's Luật documents with text (not "Luật số …"), matched folded (named_laws; rule R1b of
# session 13: no fresh verdict moved, a training wrong removed).
_WORD = re.compile(r"\w+", re.UNICODE)
_OPEN_SYLLABLE = re.compile(r"[oOuU]\w?[aAeEyY]")


@dataclass
class SearchHit:
    chunk_id: int
    doc_id: int
    title: str
    short_title: str
    number: str
    citation: str
    article: str
    clause: str
    article_title: str
    snippet: str  # HTML: escaped text with <mark> around matched words
    text: str
    score: float
    status: str
    status_label: str
    in_force: bool
    status_note: str = ""
    point: str = ""
    doc_type: str = ""
    article_id: int | None = None
    phapdien: str = ""          # pháp điển number of the article, "" for uploads
    repealed: bool = False      # the article itself was repealed (bị bãi bỏ)
    replaced_by: str = ""

    @property
    def article_url(self) -> str:
        if self.article_id:
            return f"/tra-cuu/dieu/{self.article_id}"
        return f"/tra-cuu/van-ban/{self.doc_id}#doan-{self.chunk_id}"

    @property
    def place(self) -> str:
        return place(self.article, self.clause, self.point) if self.article else ""

    def api(self) -> dict[str, object]:
        return {"doc_id": self.doc_id, "title": self.title, "citation": self.citation, "snippet": self.snippet,
                "score": round(self.score, 4), "chunk_id": self.chunk_id, "number": self.number,
                "status": self.status, "status_label": self.status_label, "in_force": self.in_force,
                "document": {"number": self.number, "type": self.doc_type, "title": self.title,
                             "status": self.status, "status_label": self.status_label,
                             "replaced_by": self.replaced_by},
                "article": self.article, "clause": self.clause, "point": self.point,
                "article_title": self.article_title, "phapdien": self.phapdien, "repealed": self.repealed,
                "article_url": self.article_url}


@dataclass
class SearchResponse:
    query: str
    hits: list[SearchHit] = field(default_factory=list)
    engine: str = "bm25"
    note: str = ""
    took_ms: float = 0.0
    answered: bool = True                               # False: nothing in the library answers
    confidence: float = 0.0                             # calibrated P(a shown passage answers)
    missing: list[str] = field(default_factory=list)    # the question's words the library lacks
    nearest: list[SearchHit] = field(default_factory=list)
    # Set when no passage matched the question's words and the hits are the legal basis of the one
    # procedure the question was recognised as (bridge.py): (code, name).
    procedure: tuple[str, str] | None = None
    # Set when nothing answered and the question is about a subject the library has no official text
    # for (subjects.py): the registry entries of those documents; no passage is shown as an answer.
    gaps: list[Gap] = field(default_factory=list)

    def api(self) -> dict[str, object]:
        return {"results": [h.api() for h in self.hits], "engine": self.engine, "note": self.note,
                "took_ms": round(self.took_ms, 1), "answered": self.answered,
                "confidence": round(self.confidence, 3), "missing": self.missing,
                "nearest": [h.api() for h in self.nearest],
                "procedure": {"code": self.procedure[0], "name": self.procedure[1]} if self.procedure else None,
                "library_gaps": [g.api() for g in self.gaps]}


def match_expression(conn: sqlite3.Connection, words: list[str], pairs: list[str]) -> str:
    """The FTS5 expression for a question, without the terms most passages contain ("dang", "ky",
    "dang_ky" in a library of procedures) while rarer ones remain: they barely move BM25's order
    but make FTS5 score most of the index (the re-ranking still counts them)."""
    total = store.chunk_total(conn)
    df = store.term_documents(conn, [*words, *pairs])
    common = {t for t, n in df.items() if n > COMMON_SHARE * total}
    kept_words = [w for w in words if w not in common]
    kept_pairs = [p for p in pairs if p not in common]
    if not kept_words and not kept_pairs:
        return fts_query(words, pairs)
    return fts_query(kept_words, kept_pairs)


def fts_query(words: list[str], pairs: list[str]) -> str:
    def any_of(terms: list[str]) -> str:
        return " OR ".join('"' + term + '"' for term in terms)

    parts = ["{folded heading} : (" + any_of(words) + ")"] if words else []
    if pairs:
        parts.append("{bigrams} : (" + any_of(pairs) + ")")
    return " OR ".join(parts)


def search(conn: sqlite3.Connection, query: str, k: int = 10, *, embedder: Embedder | None = None,
           in_force_only: bool = False) -> SearchResponse:
    started = time.perf_counter()
    query = normalize(query or "").strip()
    response = SearchResponse(query=query)
    # The ranking and the judgement read the elderly named in a citizen's words as the law names them (elderly.py);
    # the citizen chat (bridge.py) reads the question as typed.
    read_as = elderly.official(query)
    # The judgement of whether the passages answer reads the abbreviations of the administration as the words the
    # official text spells (abbreviations.py); the ranking and the citizen chat read the question as typed.
    spelled = abbreviations.expand(read_as)
    words, pairs = query_terms(read_as)
    if not words:
        response.note = "Hãy nhập từ khóa hoặc câu hỏi."
        return response
    # The question folded once, padded with spaces (every folded test below reads this one).
    folded_query = f" {' '.join(fold_tokens(read_as))} "
    more_words, more_pairs = away_from_office.extra_terms(folded_query)
    words = list(dict.fromkeys([*words, *more_words]))
    pairs = list(dict.fromkeys([*pairs, *more_pairs]))
    rows = store.fts_candidates(conn, match_expression(conn, words, pairs), BM25_WEIGHTS, CANDIDATES)
    scores: dict[int, float] = {}
    if rows:
        best = max(-r["rank"] for r in rows) or 1.0
        scores = {int(r["rowid"]): -r["rank"] / best for r in rows}
    semantic: dict[int, float] = {}
    view: dense.DenseView | None = None
    if embedder is not None:
        similarities = vectors.query_similarities(conn, embedder, query)
        view = dense.DenseView(*similarities) if similarities is not None else None
        semantic = view.nearest(CANDIDATES) if view is not None else {}
        if semantic:
            low, high = min(semantic.values()), max(semantic.values())
            semantic = {cid: (sim - low) / (high - low or 1.0) for cid, sim in semantic.items()}
            response.engine = f"hybrid: bm25 + {getattr(embedder, 'name', 'embedder')}"
        else:
            # An embedder is installed but nothing is embedded yet: ask the worker once.
            try:
                vectors.request_embedding(conn)
            except sqlite3.Error:  # a read-only connection: the next writer will ask
                pass
            response.note = "Đang tính vector nhúng cho kho văn bản: tạm thời tìm theo từ khóa (BM25)."
    else:
        response.note = "Chưa cài mô hình nhúng: tìm theo từ khóa (BM25 trên văn bản bỏ dấu)."
    ids = list(dict.fromkeys([*scores, *semantic]))
    if not ids:
        judged = relevance.judge(conn, query, [])
        response.answered, response.missing, response.note = False, judged.missing, judged.note
        response.took_ms = (time.perf_counter() - started) * 1000
        return response
    defined: set[str] = set()
    if defined_terms.asks_definition(folded_query):
        titled = defined_terms.titled_passages(conn, folded_query)
        defined = set(titled.values())
        ids = list(dict.fromkeys([*ids, *titled]))
    # The clause of a definitions article that defines the term asked (defined_terms.SESSION28_DEFINED_CLAUSE).
    defined_clauses = set(defined_terms.defined_clauses(conn, read_as))
    ids = list(dict.fromkeys([*ids, *defined_clauses]))
    conditions = rule_articles.condition_titled(conn, folded_query)   # a condition asked: the article titled so
    conditions.update(rule_articles.amount_titled(conn, folded_query))   # a benefit's amount asked: its level's article
    conditions.update(negated_titles.negated_titled(conn, folded_query))   # what may not be done: titled so
    ids = list(dict.fromkeys([*ids, *conditions]))
    condition_titles = set(conditions.values())
    chunk_rows = {int(r["id"]): r for r in store.chunks_with_documents(conn, ids)}
    accented = accented_words(read_as)
    ranked: list[tuple[tuple[int, float], int]] = []
    for chunk_id, row in chunk_rows.items():
        out_of_force = not in_force(row["status"]) or bool(row["repealed"])
        if in_force_only and out_of_force:
            continue
        tokens = set(row["folded"].split()) | set(row["heading"].split()) | ward_level.commune_words(row["folded"])
        coverage = sum(1 for w in words if w in tokens) / len(words)
        # The article's own title is the best summary of it: a question that restates the title
        # ("thủ tục đăng ký khai sinh") belongs to that article before others that mention it.
        title_tokens = set(fold(row["article_title"]).split())
        title_coverage = sum(1 for w in words if w in title_tokens) / len(words)
        score = (scores.get(chunk_id, 0.0) + 0.5 * coverage + 0.4 * title_coverage + 0.3 * (title_coverage == 1)
                 + SEMANTIC_WEIGHT * semantic.get(chunk_id, 0.0))
        score += title_adjustment(folded_query, row["article_title"])
        score += ward_level.adjustment(folded_query, row["article_title"])   # another level's office
        if defined and " ".join(fold(row["article_title"] or "").split()) in defined:
            score += defined_terms.DEFINED_TERM_BONUS
        if chunk_id in defined_clauses:
            score += defined_terms.DEFINED_TERM_BONUS
        condition = bool(condition_titles) and " ".join(fold_tokens(row["article_title"] or "")) in condition_titles
        if condition:
            score += rule_articles.CONDITION_BONUS
        exact_all = 0
        if accented:
            present = set(_WORD.findall(f"{row['article_title']} {row['text']}".lower()))
            # Stored official text keeps its tone placement (hoà/hòa); the question is normalised.
            present |= {normalize(w) for w in present if _OPEN_SYLLABLE.search(w)}
            found = sum(1 for w in accented if w in present)
            score += 0.4 * found / len(accented)
            exact_all = int(found == len(accented))
        if out_of_force:
            score -= 0.15  # still findable (old files cite it) but after what is in force
        if condition or chunk_id in defined_clauses:   # the condition or the term asked, said as such: before the
            exact_all = 1                                # passages that merely repeat the words
        ranked.append(((exact_all, score), chunk_id))
    ranked.sort(key=lambda item: item[0], reverse=True)
    hits = [_hit(chunk_rows[chunk_id], score, query) for (_exact, score), chunk_id in ranked[:k]]
    # A "… lần hai" article of the complaints law shown for a question that names no second complaint: its
    # first-instance twin just before it (first_instance.py).
    ordered = first_instance.twins_first(conn, folded_query, [chunk_rows[cid] for _s, cid in ranked[:k]])
    if [int(r["id"]) for r in ordered[:k]] != [cid for _s, cid in ranked[:k]]:
        score_of = {cid: score for (_exact, score), cid in ranked}
        after = [score_of.get(int(r["id"])) for r in ordered]
        hits = [_hit(r, next(s for s in after[n:] if s is not None), query) for n, r in enumerate(ordered[:k])]
    judged = relevance.judge(conn, spelled, [chunk_rows[cid] for _s, cid in ranked[:relevance.TOP]])
    response.confidence, response.missing = judged.confidence, judged.missing
    if not judged.answered and ranked and ranked[0][1] in defined_clauses:
        # The term asked, defined by the passage ranked first: it answers whatever other words the question has
        # (defined_terms.SESSION28_DEFINED_CLAUSE).
        judged = replace(judged, answered=True, note="")
    unheld = not_held.asks_not_held(folded_query)   # a will's validity, who inherits: no text here (not_held.py)
    if unheld:
        judged = replace(judged, answered=False, note=not_held.NOTE)
    reading = bridge.Reading() if judged.answered or unheld else bridge.read(conn, query)
    # Subjects without text named only by words the passages shown first say themselves (said_gaps.py).
    reading = said_gaps.unsaid(conn, query, reading, [chunk_rows[cid]["folded"] for _s, cid in ranked[:SHOWN]])
    if (not judged.answered and not unheld and not reading.gaps and not reading.out_of_scope
            and dense.confirms(view, [cid for _s, cid in ranked[:SHOWN]])):
        # Before a bridged procedure's basis (the passages found are closer to what is asked), but a question naming
        # a subject the library has no text for, or read as outside the ward's work, stays "not found".
        judged, reading = replace(judged, answered=True, note=""), bridge.Reading()
    if (not judged.answered and not unheld and reading.bridged is None and not reading.gaps
            and not reading.out_of_scope
            and title_asked.title_answers(folded_query, [chunk_rows[cid] for _s, cid in ranked[:title_asked.DEPTH]])):
        # The question repeats the whole title of the article ranked first, and of no other (title_asked.py).
        judged = replace(judged, answered=True, note="")
    # Passages in force that share the question's words, but the question is not about them; text out
    # of force that answers is shown labelled, with the current law the library lacks (below).
    in_force_shown = any(h.in_force for h in hits[:SHOWN])
    shown = [chunk_rows[cid]["folded"] for _s, cid in ranked[:SHOWN]]
    overruled = bridge.overrules(conn, query, shown) if judged.answered and in_force_shown else None
    if overruled is None and judged.answered and not unheld:
        # A question that only names a procedure, answered by passages of other documents (bridge.bare_name).
        overruled = bridge.bare_name(conn, query, {int(chunk_rows[cid]["doc_id"]) for _s, cid in ranked[:SHOWN]})
    if overruled is not None:
        judged, reading = replace(judged, answered=False, note=""), overruled
    bridged = reading.bridged
    if judged.answered or bridged is not None:
        first = ([chunk_rows[cid] for _s, cid in ranked[:SHOWN]] if judged.answered and bridged is None
                 else list(bridged.rows[:SHOWN]) if bridged is not None else [])
        named = named_laws(conn, folded_query)
        if named and not any(any(title in fold(row["title"]) for title in named) for row in first):
            judged, reading = replace(judged, answered=False), bridge.Reading(gaps=reading.gaps)
            bridged = None
    response.gaps = list(reading.gaps)
    gap_notes = " ".join(g.message for g in reading.gaps)
    # A question of a kind whose answer is one rule stated in fixed official words (official_words.py), about a law
    # the answer already rests on: that passage first.
    documents = {int(chunk_rows[cid]["doc_id"]) for _s, cid in ranked[:official_words.OWN_DEPTH]}
    if bridged is not None:
        documents |= {int(row["doc_id"]) for row in bridged.rows}
    stated = (official_words.rule_passage(conn, folded_query, documents)
              if not unheld and not reading.out_of_scope and not (reading.gaps and bridged is None) else None)
    if stated is not None and not judged.answered and bridged is None:
        judged = replace(judged, answered=True, note="")
    if judged.answered:
        response.hits = hits
        if stated is not None:
            response.hits = [_hit(stated, 0.0, query), *(h for h in hits if h.chunk_id != int(stated["id"]))][:k]
        if not any(h.in_force for h in hits[:SHOWN]):
            # Only out-of-force text answers (the 2006 residence law): name the current law the
            # library lacks, if the question is about it.
            response.gaps = list(bridge.gaps(conn, query))
            if response.gaps:
                response.note = " ".join(["Các đoạn dưới là văn bản không còn hiệu lực, chỉ để tham khảo.",
                                          *(g.message for g in response.gaps)])
    elif bridged is not None:
        # The passages did not answer, but the question names one procedure: its legal basis, said so.
        rows = bridge_own_first(folded_query, [chunk_rows[cid] for _s, cid in ranked[:BRIDGE_OWN_DEPTH]],
                                list(bridged.rows))
        own = [chunk_rows[cid] for _s, cid in ranked[:NAMED_TITLE_DEPTH]]
        rows = named_title_first(folded_query, own, list(bridged.rows), rows)
        if ranked:
            rows = own_top_first(folded_query, chunk_rows[ranked[0][1]], list(bridged.rows), rows)
        if overruled is not None:   # the ranking's passages were set aside as another field's (bridge.bare_name)
            rows = list(bridged.rows)
        if bridged.lead:   # the articles answering the form asked (where, which office) before the ranking's own
            lead = {int(row["id"]) for row in bridged.rows[:bridged.lead]}
            rows = [*bridged.rows[:bridged.lead], *(row for row in rows if int(row["id"]) not in lead)]
        if stated is not None:
            rows = [stated, *(row for row in rows if int(row["id"]) != int(stated["id"]))]
        response.hits = [_hit(row, 0.0, query) for row in rows[:k]]
        response.procedure = (bridged.code, bridged.name)
        response.nearest = hits
        matched = ("Các điều khoản có từ giống câu hỏi thuộc lĩnh vực khác" if overruled is not None else
                   "Không có điều khoản nào khớp trực tiếp các từ của câu hỏi")
        response.note = (f"{matched}; câu hỏi được hiểu là về thủ tục “{bridged.name}”: các đoạn dưới là căn cứ pháp "
                         f"lý của thủ tục đó.")
        if gap_notes:  # the question also names a subject without text here: the reader judges the reading
            response.note += f" Câu hỏi cũng nhắc đến nội dung thư viện chưa có văn bản chính thức: {gap_notes}"
    elif reading.gaps:
        # About a subject whose official text the library lacks: say so with its registry entry, and
        # show no passage as an answer.
        response.answered, response.nearest, response.note = False, hits, gap_notes
    else:
        response.answered, response.nearest = False, hits
        response.note = OUT_OF_SCOPE_NOTE if reading.out_of_scope else judged.note
    response.took_ms = (time.perf_counter() - started) * 1000
    return response


def named_laws(conn: sqlite3.Connection, folded_query: str) -> list[str]:
    """The folded titles of the library's laws ("luat nguoi cao tuoi") that the question (folded, padded with
    spaces) names."""
    folded = f" {folded_query.strip()} "
    rows = conn.execute("SELECT DISTINCT title FROM kb_documents WHERE doc_type = 'Luật'")
    titles = {fold(str(row[0])) for row in rows}
    named = [t for t in titles if len(t.split()) >= 2 and not t.startswith("luat so ") and f" {t} " in folded]
    return [t for t in named if not any(t != other and t in other for other in named)]


def title_adjustment(folded_query: str, article_title: str) -> float:
    """Session 13's title evidence for one article: ASKED_FORM_BONUS for each form the question asks in whose kind
    the title is (ASKED_FORMS). `folded_query` is the folded question padded with spaces."""
    if not article_title:
        return 0.0
    title = f" {' '.join(fold_tokens(article_title))} "
    adjustment = 0.0
    for form, kind in ASKED_FORMS:
        if form.search(folded_query) and kind.search(title):
            adjustment += ASKED_FORM_BONUS
    return adjustment


def bridge_own_first(folded: str, own: Sequence[sqlite3.Row], basis: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """The ranking's own passages (`own`, in its order) of the documents the bridged `basis` cites, in
    force and stating what the question (`folded`) asks for (an amount, a time, a penalty), then the basis."""
    documents = {int(row["doc_id"]) for row in basis}
    first = [row for row in own if int(row["doc_id"]) in documents and in_force(row["status"])
             and not row["repealed"] and relevance.states_what_is_asked(folded, row["folded"])
             and not _RIVAL_TITLE.match(fold(row["article_title"] or ""))]
    seen = {int(row["id"]) for row in first}
    return [*first, *(row for row in basis if int(row["id"]) not in seen)]


def title_share(folded_query: str, article_title: str) -> tuple[float, int]:
    """The share of the article title's content syllables (folded, no stopword) found in the folded question, and
    how many there are."""
    asked = set(folded_query.split())
    words = [w for w in dict.fromkeys(fold_tokens(article_title or "")) if w not in STOPWORDS and len(w) > 1]
    return (sum(1 for w in words if w in asked) / len(words) if words else 0.0), len(words)


def named_title_first(folded: str, own: Sequence[sqlite3.Row], basis: Sequence[sqlite3.Row],
                      rows: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """`rows` (the bridged answer) with the first of the ranking's `own` passages of another document than the
    bridged `basis` cites whose article title the question (`folded`) nearly repeats put first."""
    documents = {int(row["doc_id"]) for row in basis}
    for row in own:
        if (int(row["doc_id"]) in documents or not in_force(row["status"]) or row["repealed"]
                or not relevance.states_what_is_asked(folded, row["folded"])
                or _RIVAL_TITLE.match(fold(row["article_title"] or ""))):
            continue
        share, size = title_share(folded, row["article_title"])
        if size >= NAMED_TITLE_WORDS and share >= NAMED_TITLE_SHARE:
            return [row, *(r for r in rows if int(r["id"]) != int(row["id"]))]
    return list(rows)


def _title_words_asked(folded_query: str, article_title: str) -> int:
    share, size = title_share(folded_query, article_title)
    return round(share * size)


def own_top_first(folded: str, top: sqlite3.Row, basis: Sequence[sqlite3.Row],
                  rows: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """`rows` (the bridged answer) with the ranking's own first passage `top` put first when it is of a document the
    bridged `basis` does not cite, in force, states what is asked, is not titled as a rival procedure and has a title
    of which the question (`folded`) repeats OWN_TOP_TITLE_WORDS content syllables (not a passage sharing incidental
    words: the fee circular's "Căn cứ xác định mức thu phí" for a question on a death registration)."""
    documents = {int(row["doc_id"]) for row in basis}
    if (int(top["doc_id"]) in documents or not in_force(top["status"]) or top["repealed"]
            or not relevance.states_what_is_asked(folded, top["folded"])
            or _RIVAL_TITLE.match(fold(top["article_title"] or ""))
            or _title_words_asked(folded, top["article_title"]) < OWN_TOP_TITLE_WORDS
            or any(int(r["id"]) == int(top["id"]) for r in rows[:1])
            or (rows and int(rows[0]["doc_id"]) not in documents)):   # another rule already put a passage first
        return list(rows)
    return [top, *(r for r in rows if int(r["id"]) != int(top["id"]))]


def _hit(row: sqlite3.Row, score: float, query: str) -> SearchHit:
    repealed = bool(row["repealed"])
    return SearchHit(
        chunk_id=int(row["id"]), doc_id=int(row["doc_id"]), title=row["title"], short_title=row["short_title"],
        number=row["number"], citation=row["citation"], article=row["article"], clause=row["clause"],
        article_title=row["article_title"], snippet=snippet(row["text"], query), text=row["text"], score=score,
        status=row["status"], status_label=label(row["status"]) + (" (điều này đã bị bãi bỏ)" if repealed else ""),
        in_force=in_force(row["status"]) and not repealed, status_note=row["status_note"], point=row["point"],
        doc_type=row["doc_type"], article_id=row["article_id"], phapdien=row["phapdien"] or "", repealed=repealed,
        replaced_by=row["replaced_by"])


def _matcher(query: str) -> Callable[[str], bool]:
    """A word matches a query word typed without accents by its folded form, and one typed with
    accents only exactly (so "trú" does not light up "trừ")."""
    plain: set[str] = set()
    exact: set[str] = set()
    for word in _WORD.findall(normalize(query).lower()):
        folded = fold(word)
        if folded in STOPWORDS:
            continue
        (plain if folded == word else exact).add(word)

    def matches(word: str) -> bool:
        lowered = word.lower()
        return lowered in exact or fold_word(lowered) in plain

    return matches


def snippet(text: str, query: str, width: int = 320) -> str:
    """The densest window of `text` around the query's words, escaped, matches in <mark>."""
    is_match = _matcher(query)
    matches = [m for m in _WORD.finditer(text) if is_match(m.group(0))]
    start = 0
    if matches and len(text) > width:
        best, best_count = matches[0].start(), 0
        for m in matches:
            count = sum(1 for other in matches if m.start() <= other.start() < m.start() + width)
            if count > best_count:
                best, best_count = m.start(), count
        start = max(0, best - 60)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end - 1].isspace():
        end += 1
    piece = text[start:end]
    out, last = [], 0
    for m in _WORD.finditer(piece):
        if is_match(m.group(0)):
            out.append(html.escape(piece[last:m.start()]))
            out.append(f"<mark>{html.escape(m.group(0))}</mark>")
            last = m.end()
    out.append(html.escape(piece[last:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix

