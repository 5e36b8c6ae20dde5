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
without its cue-word tie-breaks. It is shown beside the bridge's answer rather than instead of it: measured
on the citizen sets in session 7, replacing the bridge removed 1 of 4 false answers on the development set
but lost a right answer on the frozen held-out set and removed none of its false ones
(docs/knowledge.md); where the chat is unsure of its reading it does replace it (GAPS_OVER_UNSURE_BRIDGE).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from appliance.citizen.matching import CLARIFY_RATIO, ProcedureIndex, tokens
from appliance.citizen.matching import Procedure as MatchedProcedure
from appliance.citizen.readers import reader_for
from appliance.citizen.understanding import Reading as CitizenReading
from appliance.citizen.understanding import Understanding
from appliance.citizen.understanding import thresholds as chat_thresholds
from appliance.knowledge import input_papers, relevance, rule_articles, store
from appliance.knowledge.articles import articles_of, find_article
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.procedure_basis import stating_passages
from appliance.knowledge.procedures import Procedure, list_procedures
from appliance.knowledge.subjects import Gap, basis_gaps, subjects
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

# The matcher scores a phrase by its length squared: at least one phrase of two words. A single word
# is often another word once folded ("cuối tuần" read as "cưới"); the chatbot can ask back, search cannot.
MIN_SCORE = 4.0
# Close candidates resting on the same law ("sửa khai sinh": cải chính or khai sinh, both Luật Hộ tịch)
# are one subject: the matcher's leader (after its tie-breaks: "sửa" is a cue for cải chính) is shown,
# named on the page; a tie is not. Measured: citizen development 52/7/0 (was 50/9/0 with the fee and
# time bases), training batch 144/16/1 (139/21/1), no new false answer; of the 7 questions it newly
# answers, 2 are read as another procedure of the same law (both pages say which). Ordering the close
# ones by where the search's own ranking puts their articles answered more (53/6/0, 149/11/1) but read
# 9 more as the wrong procedure of the law (BM25 favours "khai sinh" in any question that names it).
# The citizen chat's own reading of the question (citizen_reading) takes part: one it reads as out of
# the ward's scope (a notary office, a social-insurance book, a job at the ward) is not bridged, and
# one the phrase matcher cannot place but the chat reads as one procedure with READ_AS confidence is.
# OUT_OF_SCOPE is the chat's own bar for saying "the ward does not handle this"; READ_AS was 0,9, stricter
# than the chat's answer_procedure (0,7), in session 6 (development and training gave the same at 0,7 and
# 0,9; a wrong law is the costliest mistake). Session 8: the chat's own bar, 0,7. Since a bridge needs the
# chat's agreement, the matcher's ties across laws are what it decides (a death with its
# funeral and its khai tử; a lease to certify for a temporary residence): training half b and the
# development set one right answer more each, none lost anywhere, no new false or wrong answer.
OUT_OF_SCOPE = chat_thresholds()["out_of_scope"]
READ_AS = chat_thresholds()["answer_procedure"]
# A tie of the phrase matcher among close procedures resting on one law ("chứng thực": bản sao, chữ
# ký or hợp đồng, all Nghị định 23/2015) is broken by the chat's reading when it names one of them with
# the chat's own confidence for answering a procedure (answer_procedure, 0,7): the law is already
# known, the reading only says which of its procedures. Session 7, development 54/5/0 unchanged,
# training batches 148/12/1 → 150/10/1 (session 5, among the reader's examples) and 63/2/2 → 64/1/2
# (session 6, not among them), no new false answer; held-out (measured once, with overrules())
# right 72/14/0 unchanged.
TIE_READ_AS: float | None = chat_thresholds()["answer_procedure"]
# Where the ranking's own passages answer by shared words, two readings overrule them (overrules()):
# the chat reads the question as out of the ward's scope (OUT_OF_SCOPE: "cấp đổi căn cước công dân làm
# ở đâu" shares its words with the fee circular for căn cước), or it names a subject the library has no
# official text for at least as strongly as any covered one (TEXTLESS_RATIO of the best covered
# subject's evidence; "làm sổ đỏ lần đầu" shares "lần đầu" with the complaints law). Session 7, both on:
# development unchanged (49 of 50 said so), training batches 124 → 125 of 127 and 47 → 49 of 52
# said so, no right answer lost; held-out, measured once at the end of session 7 with TIE_READ_AS: 72/14/0
# (unchanged) and 64 of 66 said so (was 62).
# The phrase matcher reads a few words; the chat reads the whole message. A bridge on the matcher's
# reading needs the chat's best reading to be a procedure resting on the same law (any confidence: the
# law, not the procedure, is what search cites); a best reading of another law, or of no procedure at
# all (out of scope below the chat's own bar, a question for the office), is a disagreement, and search
# says "not found" (with the registry entry of a textless subject it names). Session 8, measured on
# the tunable sets (session 8's training halves, the development set, session 5's batch and session 6's
# training half): every one of the 322 right bridged answers had the chat agreeing; of the 11 bridged
# answers that were false or wrong, 4 did not ("nhập khẩu cho con mới sinh" read by the matcher as khai
# sinh, by the chat as the textless cư trú; a notary office the chat reads as out of scope at 0,56).
# The chat's reading must also be clear about the law: a procedure of another law within the matcher's
# "too close to choose" ratio of its best (CLARIFY_RATIO) is a tie, not agreement. Session 8: one wrong
# citation (a death read 0,24 mai táng / 0,21 khai tử) becomes "not found"; no right answer lost.
CHAT_CLEAR_RATIO: float | None = CLARIFY_RATIO
# When the question also names a subject without official text here (library_gaps), citing the covered
# law on the bridge needs the chat to be as sure of its reading as it must be to answer a procedure
# itself (answer_procedure, 0,7); below, the textless subject's registry entry replaces the bridge.
# Unlike replacing every bridge (measured and dropped in session 7), only where the chat is unsure. Session 8: one
# false answer fewer on a training half (a land title read 0,43 as cải chính hộ tịch); no right answer lost.
GAPS_OVER_UNSURE_BRIDGE: float | None = chat_thresholds()["answer_procedure"]
TEXTLESS_RATIO = 1.0
# Session 24 (plain behaviour since session 26: on by rule R1, fresh legal + citizen 904/203/34 on, 902/203/36 off): the
# phrase matcher reads a few words, the chat the whole message. Where both rest on one law but the chat's best reading
# is another procedure of it, clearly (the matcher's procedure below the chat's "too close to choose" ratio,
# CLARIFY_RATIO, of its best, and the best at the chat's own bar for answering at all, CHAT_CHOICE_BAR), the chat's
# procedure is bridged (chat_choice): "chưa đăng ký kết hôn … muốn làm thủ tục nhận con" names the marriage
# registration in passing (the matcher's longest phrase) and asks the recognition of a child (the chat's reading, Điều
# 25 Luật Hộ tịch, not Điều 18); "mẹ tôi đang lãnh trợ cấp xã hội hằng tháng thì mất, được hỗ trợ mai táng bao nhiêu"
# asks the funeral support (Điều 11 Nghị định 20/2021), not the monthly allowance. A chat as unsure between the two as
# the matcher is ("chứng thực di chúc": chữ ký 0,41, hợp đồng 0,34) leaves the matcher's reading.
CHAT_CHOICE_BAR = chat_thresholds()["answer"]
UNSAID = "qqq"  # stands for a word the shown passages contain: no phrase spans it
# A question asking how much or how long a procedure takes is answered by the articles the catalogue
# cites for that fact (checked against the library by procedure_basis.py), when they state it.
FACT_OF_KIND = {"money": "fee", "time": "processing_time"}
# Session 18 (review of session 17: the bridge read any question naming a procedure as asking for its legal basis):
# a question that names the procedure but asks WHERE it is done or WHICH office decides ("làm giấy khai sinh ở phường
# của vợ hay của chồng", "đăng ký kết hôn làm ở đâu") asks for the article on competence the catalogue cites for the
# procedure's agency (Điều 13, 17 Luật Hộ tịch), not for the procedure's steps (Điều 16, 18). Those articles
# (checked against the library like every fact) come first, then the legal basis. The question's form is
# read as search.title_adjustment reads it (relevance.ASKS_COMPETENCE). Rule R1 of session 18 (fresh right +2, wrong
# -2, BM25 and embedder); unconditional since session 20.
# … or asks to choose between two wards ("làm ở phường của vợ hay của chồng", "ra xã nơi sinh hay nơi ở").
_WHICH_OF_TWO = re.compile(r"\b(?:o|tai|ra|len|ve) (?:phuong|xa|uy ban|ubnd) (?:cua|noi) [a-z0-9 ]{1,40}? hay "
                           r"(?:cua|noi|o|tai|phuong|xa)\b")
# … or asks whether this office may do it, or it must go elsewhere ("UBND phường mình có được đăng ký khai sinh cho
# cháu không", "phường giải quyết được hay phải chuyển lên cấp trên").
_THIS_OFFICE = re.compile(r"\b(?:phuong|xa|ubnd|uy ban)(?: [a-z]+){0,2} co (?:duoc |the )?(?:lam|dang ky|giai quyet|"
                          r"chung thuc|cap|thu ly)\b|\bhay phai (?:chuyen|len|ra|ve|den)\b")


# Session 29 (`SESSION29_MAY_WITHOUT_CO`, read at call time by asks_agency): a yes-no question on what is allowed needs
# no "có" before "được" ("phường được chứng thực … không" asks what "phường có được chứng thực … không" asks), and
# "còn / vẫn" (still) may stand before it: "Theo Nghị định 79/2007 thì UBND phường được chứng thực chữ ký người dịch,
# nay phường còn được làm việc này không?" was answered with the certification's other articles (Điều 25, 48, 13 Nghị
# định 23/2015), not its competence article (Điều 5), which the same question with "có được" gets. Without "có" the
# words are also a passive ("hồ sơ nộp ở phường được giải quyết trong bao lâu"), so the clause must end as a yes-no
# question does ("… không", in chat "ko", "hông"; "… chưa"; "… hay không").
# on by rule R1b (session 29): no fresh verdict moved (4 legal fresh questions gated, 3 / 0 / 1 on and off, BM25 and
# embedder; 1 citizen fresh message, said so both), off brings back the training wrong train28 "Theo Nghị định 79/2007
# thì UBND phường được chứng thực chữ ký người dịch, nay phường còn được làm việc này không?" (BM25 and embedder)
SESSION29_MAY_WITHOUT_CO = True
_THIS_OFFICE_MAY = re.compile(r"\b(?:phuong|xa|ubnd|uy ban)(?: [a-z]+){0,2}? (?:con |van |cung )?duoc "
                              r"(?:lam|dang ky|giai quyet|chung thuc|cap|thu ly)\b(?: [a-z0-9]+){0,12}? "
                              r"(?:khong|ko|k|hong|hok|chua)\b")


def asks_agency(folded_query: str) -> bool:
    """Whether the question (folded) asks where a procedure is done or which office decides."""
    padded = f" {folded_query} "
    return bool(relevance.ASKS_COMPETENCE.search(padded) or _WHICH_OF_TWO.search(padded)
                or _THIS_OFFICE.search(padded) or SESSION29_MAY_WITHOUT_CO and _THIS_OFFICE_MAY.search(padded))


# Session 29 (`SESSION29_ALSO_ASKED`, read at call time by read): a question may ask two things in two clauses, an
# amount or a time in one and something else in the other ("… muốn xin bản sao trích lục khai sinh thì có bắt buộc
# phải về quê không? Ngoài ra xin cho biết phí bao nhiêu."). The bridge keeps only the passages stating the amount or
# time asked (answer_passages), so that question was answered with the fee article alone (Điều 4 Thông tư 281/2016),
# nothing on where the extract is issued (Điều 63 Luật Hộ tịch). When another clause asks a question of no such kind
# (it ends as a question does: "… không", "ở đâu", "thế nào"), the procedure's basis follows the passages stating the
# amount or time.
# on by rule R1b (session 29): no fresh verdict moved (35 legal fresh questions gated, 15 / 6 / 2 and said so 12 on and
# off, 16 / 6 / 1 and 12 with the embedder; 58 citizen fresh messages, 22 / 8 / 0 and 28 both), off brings back the
# training wrong train28 "… muốn xin bản sao trích lục khai sinh thì có bắt buộc phải về quê không? Ngoài ra xin cho
# biết phí bao nhiêu." (BM25 and embedder)
SESSION29_ALSO_ASKED = True
_CLAUSES = re.compile(r"[?!.;,]+|\bngoài ra\b|\bngoai ra\b", re.IGNORECASE)
# How a clause asking something ends (folded): a yes-no question, where, how, what, which, who, why.
_ASKING_END = re.compile(r"\b(?:khong|chua|o dau|tai dau|the nao|ra sao|gi|nao|ai|sao|duoc khong|hay khong)"
                         r"(?: (?:a|vay|nhi|nhe|ha|the|day|ak|ko))?$")


def also_asked(query: str) -> bool:
    """Whether the question (as typed) has a clause asking something that is no amount, time or penalty, beside one
    asking such a thing (always False with the flag off)."""
    if not SESSION29_ALSO_ASKED:
        return False
    clauses = [folded for part in _CLAUSES.split(query) if (folded := " ".join(fold_tokens(part)))]
    kinds = [bool(relevance.asked_kinds(clause)) for clause in clauses]
    return any(kinds) and any(not kind and _ASKING_END.search(clause) is not None
                              for clause, kind in zip(clauses, kinds, strict=True))


@dataclass(frozen=True)
class Bridged:
    code: str
    name: str
    rows: list[sqlite3.Row]   # the basis passages, in the catalogue's order
    # How many of `rows`, first, answer the form the question asks (the agency articles for "where", "which office":
    # asks_agency): search shows them before the ranking's own passages.
    lead: int = 0


@dataclass(frozen=True)
class Reading:
    """What the catalogue makes of a question search could not answer: the legal basis of the one
    procedure it is about, or the registry entries of the subjects the library has no text for."""

    bridged: Bridged | None = None
    gaps: tuple[Gap, ...] = ()
    out_of_scope: bool = False   # the citizen chat reads it as something the ward does not handle


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
    resting on the same law are one subject: the matcher's strict leader is taken)."""
    procedures = list_procedures(conn) if procedures is None else procedures
    chosen = (index or _index(procedures)).candidates(query)
    if not chosen or chosen[0].score < MIN_SCORE:
        return None
    by_code = {p.code: p for p in procedures}
    if len(chosen) > 1 and not (chosen[0].score > chosen[1].score
                                and len({_own_law(by_code[m.procedure.code]) for m in chosen}) == 1):
        return None
    return by_code[chosen[0].procedure.code]


def _one_law_tie(index: ProcedureIndex, query: str, procedures: list[Procedure], code: str) -> Procedure | None:
    """The procedure `code` when the phrase matcher's close candidates (a phrase of two words at least)
    all rest on one law and it is among them (TIE_READ_AS), else None."""
    close = index.candidates(query)
    by_code = {p.code: p for p in procedures}
    if (not close or close[0].score < MIN_SCORE or code not in {m.procedure.code for m in close}
            or len({_own_law(by_code[m.procedure.code]) for m in close}) != 1):
        return None
    return by_code[code]


def _same_law(procedures: list[Procedure], procedure: Procedure, citizen: CitizenReading) -> bool:
    """Whether the chat's best reading is a procedure resting on the same law as `procedure`."""
    by_code = {p.code: p for p in procedures}
    read_as = by_code.get(citizen.code) if citizen.code else None
    if read_as is None or _own_law(read_as) != _own_law(procedure):
        return False
    if CHAT_CLEAR_RATIO is None:
        return True
    law = _own_law(procedure)
    rival = max((p for label, p in citizen.ranked if label.startswith("proc:")
                 and (other := by_code.get(label.split(":", 1)[1])) is not None and _own_law(other) != law),
                default=0.0)
    return rival < CHAT_CLEAR_RATIO * citizen.confidence


def chat_choice(procedures: list[Procedure], procedure: Procedure, citizen: CitizenReading) -> Procedure:
    """The procedure to bridge: the chat's best reading instead of the matcher's `procedure` (of the same law, as
    _same_law has checked) when the chat reads it clearly; else `procedure`."""
    if citizen.code is None or citizen.code == procedure.code:
        return procedure
    matched = dict(citizen.ranked).get(f"proc:{procedure.code}", 0.0)
    if citizen.confidence < CHAT_CHOICE_BAR or matched >= CLARIFY_RATIO * citizen.confidence:
        return procedure
    return next((p for p in procedures if p.code == citizen.code), procedure)


def _own_law(procedure: Procedure) -> str:
    own = procedure.bases("legal_basis")[:1]
    return own[0].document if own else f"({procedure.code})"


def _outside(citizen: CitizenReading) -> bool:
    """The chat reads the question as a matter the ward does not handle, surely enough to hide passages."""
    return citizen.intent == "out_of_scope" and citizen.confidence >= OUT_OF_SCOPE


def library_gaps(conn: sqlite3.Connection, query: str, index: ProcedureIndex,
                 procedures: list[Procedure], ratio: float = CLARIFY_RATIO) -> tuple[Gap, ...]:
    """The textless subjects the question is about, strongest first: each recognised by at least a
    two-word phrase, and about as strongly as the best covered subject (`ratio` of its evidence)."""
    known = subjects(conn, procedures)
    uncovered, covered = known.weigh(query, index.evidence(query))
    chosen = sorted(((score, number) for number, score in uncovered.items()
                     if score >= MIN_SCORE and score >= ratio * covered), reverse=True)
    return tuple(known.gap(conn, number) for _score, number in chosen)


def gaps(conn: sqlite3.Connection, query: str) -> tuple[Gap, ...]:
    procedures = list_procedures(conn)
    return library_gaps(conn, query, _index(procedures), procedures)


def overrules(conn: sqlite3.Connection, query: str, shown: Sequence[str] = ()) -> Reading | None:
    """What to show instead of the passages the ranking found answering, or None:
    the chat reads the question as out of the ward's scope, or it names a subject without official text
    here, by words none of the `shown` passages (folded) contain, at least as strongly as any subject
    the library covers (its registry entries then). "khiếu nại lần đầu" answered by the complaints law
    is not overruled by "lần đầu" of a first land title: the passages say "lần đầu" themselves."""
    procedures = list_procedures(conn)
    reader = _readers_of(procedures)
    citizen = reader.read(query)
    if _outside(citizen):
        return Reading(gaps=library_gaps(conn, query, reader.index, procedures), out_of_scope=True)
    textless = library_gaps(conn, unsaid(reader.index, query, shown), reader.index, procedures, TEXTLESS_RATIO)
    return Reading(gaps=textless) if textless else None


# Session 24 (plain behaviour since session 26: on by rule R1, fresh legal + citizen 904/203/34 on, 902/203/36 off;
# called by search.py): a question that only names a procedure ("thu tuc nhan con", "tro cap nguoi khuyet tat", "lam
# giay chung tu cho ma": no word left beyond the matcher's phrases and the words asking for a procedure itself,
# BARE_LEFTOVER at most and none right beside a phrase, which would make it another term: "nhận con nuôi" is an
# adoption) asks for that procedure. Where the ranking's passages answer it by shared words from documents other than
# the procedure's own law (its first legal basis: Điều 40 Luật Nuôi con nuôi, "… nhận trẻ em nước ngoài làm con nuôi",
# for "thủ tục nhận con"; the fee circular for "hồ sơ đăng ký khai sinh gồm những giấy tờ gì"), and the chat reads
# that very procedure (CHAT_CHOICE_BAR), the procedure's basis is shown instead, as the bridge shows it when the
# passages do not answer.
BARE_LEFTOVER = 1
# Folded words that ask for a procedure itself, not for a rule of it: "thủ tục", "làm", "hồ sơ", "giấy tờ", "xin",
# "cần", "muốn", "ở đâu", "như thế nào", "gồm".
_ASKS_PROCEDURE = frozenset("thu tuc lam ho so giay to xin can muon o dau nhu the gom".split())


def bare_name(conn: sqlite3.Connection, query: str, shown_documents: Collection[int]) -> Reading | None:
    """The bridged procedure's reading for a question that only names it when none of the
    `shown_documents` (the ranking's passages shown first) is the procedure's own law (its first legal basis); else
    None."""
    procedures = list_procedures(conn)
    reader = _readers_of(procedures)
    words = tokens(query)
    spans = reader.index.matcher.find(words)
    inside = {i for start, end, _payload in spans for i in range(start, end)}
    left = [i for i, w in enumerate(words) if i not in inside and w not in STOPWORDS and w not in _ASKS_PROCEDURE]
    # A word left right beside a phrase makes it another term ("nhận con" + "nuôi": an adoption, not a recognition).
    beside = any(i - 1 in inside or i + 1 in inside for i in left)
    if not spans or len(left) > BARE_LEFTOVER or beside:
        return None
    reading = read(conn, query)
    bridged = reading.bridged
    if bridged is None or reading.gaps or reading.out_of_scope:
        return None
    citizen = reader.read(query)
    if citizen.code != bridged.code or citizen.confidence < CHAT_CHOICE_BAR:
        return None
    procedure = next(p for p in procedures if p.code == bridged.code)
    own = procedure.bases("legal_basis")[:1]
    article = find_article(conn, own[0].document, own[0].article, own[0].clause) if own else None
    if article is None or article.doc_id in set(shown_documents):
        return None
    return reading


def unsaid(index: ProcedureIndex, query: str, shown: Sequence[str]) -> str:
    """The question (folded) with the procedure phrases that the shown passages also contain, as phrases,
    blanked out (UNSAID), unless they lie inside a longer phrase the passages do not contain."""
    words = tokens(query)
    said = [f" {text} " for text in shown]
    hits = [(start, end, f" {' '.join(words[start:end])} " ) for start, end, _ in index.matcher.find(words)]
    absent = [(start, end) for start, end, phrase in hits if not any(phrase in text for text in said)]
    blank: set[int] = set()
    for start, end, phrase in hits:
        if any(phrase in text for text in said) and not any(
                a <= start and end <= b and b - a > end - start for a, b in absent):
            blank.update(range(start, end))
    return " ".join(UNSAID if i in blank else word for i, word in enumerate(words))


def read(conn: sqlite3.Connection, query: str) -> Reading:
    """The bridged procedure (if any) and the textless subjects recognised (if any)."""
    procedures = list_procedures(conn)
    reader = _readers_of(procedures)
    gaps = library_gaps(conn, query, reader.index, procedures)
    procedure = recognise(conn, query, reader.index, procedures)
    citizen = reader.read(query)
    folded = " ".join(fold_tokens(query))
    if _outside(citizen):
        return Reading(gaps=gaps, out_of_scope=True)
    if procedure is None and citizen.code:
        if citizen.confidence >= READ_AS:
            procedure = next((p for p in procedures if p.code == citizen.code), None)
        elif TIE_READ_AS is not None and citizen.confidence >= TIE_READ_AS:
            procedure = _one_law_tie(reader.index, query, procedures, citizen.code)
    # The chat must agree on the law (session 8): a bridge on the matcher's words needs the chat's best reading.
    if procedure is None or not _same_law(procedures, procedure, citizen):
        return Reading(gaps=gaps)
    if gaps and GAPS_OVER_UNSURE_BRIDGE is not None and citizen.confidence < GAPS_OVER_UNSURE_BRIDGE:
        return Reading(gaps=gaps)
    procedure = chat_choice(procedures, procedure, citizen)
    if input_papers.asks_to_obtain(procedure.name, tuple(procedure.documents), folded):
        return Reading(gaps=gaps)   # a paper the procedure only asks for, asked to be obtained (input_papers.py)
    if input_papers.asks_again(tuple((p.name, tuple(p.aliases), tuple(p.documents)) for p in procedures), folded):
        return Reading(gaps=gaps)   # the issuer's paper asked again or said written wrongly (input_papers.py)
    rows = answer_passages(conn, procedure, folded, also=also_asked(query))
    if not rows and not gaps:
        # Session 9: no passage states what is asked (an amount, a time) and the catalogue's bases for it (or for the
        # procedure's legal basis) cite documents or articles the library lacks ("hỗ trợ mai táng được bao nhiêu
        # tiền": Điều 1 Nghị định 76/2024 amending the amounts): the "not found" names them with their registry
        # entries (subjects.basis_gaps). Only the note changes: nothing is shown that was not before.
        kinds = relevance.asked_kinds(folded)
        fields = ["legal_basis", *(FACT_OF_KIND[kind] for kind in sorted(kinds) if kind in FACT_OF_KIND)]
        gaps = basis_gaps(conn, procedure, fields) if kinds else ()
    lead = 0
    if rows and asks_agency(folded):
        agency = {int(row["id"]) for row in fact_passages(conn, procedure, "agency")}
        lead = next((n for n, row in enumerate(rows) if int(row["id"]) not in agency), len(rows))
    if rows:
        # A specific rule of the procedure's own law asked (when it may not be done, within how long, who): its
        # article first, before the agency articles and the ranking's own passages (rule_articles.py).
        rule = _rule_rows(conn, procedure, folded)
        seen = {int(row["id"]) for row in rule}
        rows = [*rule, *(row for row in rows if int(row["id"]) not in seen)]
        lead += len(rule)   # the rule's article is no agency article (rule_articles excludes "Thẩm quyền" titles)
    bridged = Bridged(procedure.code, procedure.name, rows, lead) if rows else None
    return Reading(bridged=bridged, gaps=gaps)


def _rule_rows(conn: sqlite3.Connection, procedure: Procedure, folded_query: str) -> list[sqlite3.Row]:
    own = procedure.bases("legal_basis")[:1]
    article = find_article(conn, own[0].document, own[0].article, own[0].clause) if own else None
    if article is None:
        return []
    # The procedure's own law first; a condition it does not state may be another law's (condition_elsewhere).
    rule = rule_articles.rule_passages(conn, article.doc_id, procedure.name, folded_query)
    return rule or rule_articles.condition_elsewhere(conn, article.doc_id, procedure.name, folded_query)


def answer_passages(conn: sqlite3.Connection, procedure: Procedure, folded_query: str,
                    also: bool = False) -> list[sqlite3.Row]:
    """The procedure's passages that answer the question: its legal basis; for "how much" / "how
    long", the articles the catalogue cites for its fee / time limit first (FACT_OF_KIND). Each
    passage kept states one of the things asked (an amount, a time, a penalty), and together they
    state all of them; none when the library lacks the procedure's own law. `also`: another clause asks something
    else (also_asked), so the rest of the basis follows them."""
    legal = basis_passages(conn, procedure)
    if legal and asks_agency(folded_query):
        agency = fact_passages(conn, procedure, "agency")
        seen = {int(row["id"]) for row in agency}
        legal = [*agency, *(row for row in legal if int(row["id"]) not in seen)]
    answer = _stating(conn, procedure, legal, relevance.asked_kinds(folded_query))
    if answer and also:
        seen = {int(row["id"]) for row in answer}
        answer = [*answer, *(row for row in legal if int(row["id"]) not in seen)]
    if answer and relevance.asks_fee_due(folded_query):
        # Whether a fee is due (session 21): what is charged, its amount or who is exempt, first; the answer as it
        # was follows (never lost: a procedure whose fee the ward confirms has no fee passage).
        fee = [row for row in [*fact_passages(conn, procedure, "fee"), *fee_exemptions(conn, procedure)]
               if not procedure.needs("fee") and relevance.states_kind("money", row["folded"])]
        seen = {int(row["id"]) for row in fee}
        answer = [*dict((int(row["id"]), row) for row in fee).values(),
                  *(row for row in answer if int(row["id"]) not in seen)]
    return answer


def _stating(conn: sqlite3.Connection, procedure: Procedure, legal: list[sqlite3.Row],
             kinds: frozenset[str]) -> list[sqlite3.Row]:
    """`legal` when nothing is asked; else the procedure's fact passages for the kinds asked, then `legal`, each
    stating one of them, when together they state all (none otherwise)."""
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


# The title of an article on who is exempt from a fee (folded): "Các đối tượng được miễn phí", "Trường hợp miễn, giảm lệ
# phí …", "Các trường hợp miễn, không phải nộp lệ phí".
_EXEMPTION_TITLE = re.compile(r"\bmien\b")


def fee_exemptions(conn: sqlite3.Connection, procedure: Procedure) -> list[sqlite3.Row]:
    """The passages in force of the articles on exemptions (_EXEMPTION_TITLE) of the documents the catalogue cites for
    the procedure's fee, but a law's general rule (only the circulars and decrees that set the fee)."""
    rows: list[sqlite3.Row] = []
    documents: list[int] = []
    for basis in procedure.bases("fee"):
        article = find_article(conn, basis.document, basis.article, basis.clause)
        if article is not None and article.doc_id not in documents:
            documents.append(article.doc_id)
    for doc_id in documents:
        for article in articles_of(conn, doc_id):
            if article.repealed or not _EXEMPTION_TITLE.search(" ".join(fold_tokens(article.title or ""))):
                continue
            rows.extend(r for r in store.chunks_with_documents(conn, store.chunk_ids_of_article(conn, article.id))
                        if in_force(r["status"]) and r["doc_type"] != "Luật")
    return rows


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
