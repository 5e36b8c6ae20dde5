"""A question asking what a term means, answered by the article titled with that term.

Laws define their subject in an article titled with the term itself ("Người cao tuổi": Điều 2 Luật Người cao tuổi,
one sentence). Asked "bao nhiêu tuổi thì được tính là người cao tuổi", the ranking prefers the long articles that
repeat the term, and the short definition is not even among its candidates. Since session 17 (read by search.py):
when a question asks what counts as something (`_ASKS_DEFINITION`), the first passage of every article whose whole
title (at least MIN_SYLLABLES folded syllables) the question repeats joins the candidates, with DEFINED_TERM_BONUS."""

from __future__ import annotations

import re
import sqlite3

from appliance.knowledge import store
from appliance.text import fold, fold_tokens

DEFINED_TERM_BONUS = 1.0
MIN_SYLLABLES = 2
# Folded: "được tính là / được coi là / được xem là / được gọi là", "thế nào là", "hiểu là", "là gì", "là ai".
_ASKS_DEFINITION = re.compile(r"\b(duoc (?:tinh|coi|xem|goi|xac dinh) la|the nao (?:thi )?(?:duoc )?(?:goi )?la|"
                              r"hieu (?:the nao )?la|nghia la|la gi|la ai)\b")


# Session 29 (`SESSION29_AGE_DEFINES`, read at call time by asks_definition): a term defined by an age ("Người cao tuổi
# … là công dân Việt Nam từ đủ 60 tuổi trở lên", Điều 2 Luật Người cao tuổi) is asked by the age joined to it with "là"
# either way: "Người cao tuổi theo luật là từ bao nhiêu tuổi?" (answered with fee and culture circulars that repeat
# the term), "bao nhiêu tuổi thì là người cao tuổi". Not an age asked for something else ("người cao tuổi từ bao nhiêu
# tuổi thì được miễn vé": no "là" joins the age to the term).
# on by rule R1b (session 29): no fresh verdict moved (1 legal fresh question gated, said so on and off, BM25 and
# embedder; no citizen fresh message), off brings back the training wrong train29 "Người cao tuổi theo luật là từ bao
# nhiêu tuổi?" (BM25 train29 41 / 14 / 0 on, 40 / 14 / 1 off; with the embedder right both ways)
SESSION29_AGE_DEFINES = True
_AGE_IS = re.compile(r"\bla (?:nguoi )?(?:(?:tu|tren|duoi) )?(?:du )?(?:bao nhieu|may) tuoi\b|"
                     r"\b(?:bao nhieu|may) tuoi (?:tro len )?(?:thi )?(?:moi |duoc )?la\b")


def asks_definition(folded_query: str) -> bool:
    padded = f" {folded_query} "
    return bool(_ASKS_DEFINITION.search(padded) or SESSION29_AGE_DEFINES and _AGE_IS.search(padded))


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


# Session 28 (`SESSION28_DEFINED_CLAUSE`, read at call time by defined_clauses, called by search.py): most terms are
# defined not in an article titled with them but in a clause of the law's definitions article ("Giải thích từ ngữ":
# "8. Quê quán của cá nhân được xác định theo quê quán của cha hoặc mẹ …", Điều 4 Luật Hộ tịch; "2. Lệ phí là khoản
# tiền …", Điều 3 Luật Phí và lệ phí). Asked "Quê quán của trẻ … được xác định theo nguyên tắc nào?", the ranking
# preferred the articles that repeat the term (Điều 14 Luật Hộ tịch lists "quê quán" among a birth's entries) and the
# bridge then answered with the birth registration. A question asks for a term's definition when the term opens a
# clause of it and the clause then asks what it is, how it is understood or determined, or how it differs ("… là gì",
# "… được hiểu thế nào", "… được xác định theo …", "… khác nhau thế nào"), or when the term follows "thế nào là", "được
# coi / xem / xếp là": the clause of a definitions article that defines that term (its opening words, before "là",
# "được", "gồm", cut at "của") joins the candidates with DEFINED_TERM_BONUS and before the passages that only share
# the question's accents, as a condition asked does (rule_articles.py). A term said elsewhere in the question
# ("thời hạn giải quyết khiếu nại … được xác định thế nào": "khiếu nại" does not open the clause) is not asked.
# on by rule R1b (session 28): no fresh verdict moved (legal fresh13-20 BM25 251/105/29 and embedder 272/89/24 on and
# off, 1 question gated, unchanged; citizen fresh none gated); off brings back the training wrong answer train17
# "Quê quán của trẻ khi đăng ký khai sinh được xác định theo nguyên tắc nào?" (BM25 training 278/106/1 on, 276/107/2
# off)
SESSION28_DEFINED_CLAUSE = True

_DEFINITIONS_TITLES = ("Giải thích từ ngữ", "Khái niệm")
# The lead-in the first clause carries ("Trong Luật này, những từ ngữ dưới đây được hiểu như sau: 1. …"), folded.
_LEAD_IN = re.compile(r"^trong (?:luat|nghi dinh|thong tu|phap lenh)\b.*?\bnhu sau ")
# "<number> <term> là / được … / gồm / bao gồm", folded; the term at most MAX_TERM syllables.
_OPENING = re.compile(r"^\d+ (.+?) (?:la|duoc|gom|bao gom)\b")
MAX_TERM = 8
# Asked after the term that opens the clause (within TERM_REACH words) …
# ("khác nhau" alone is also "different": "ở hai phường khác nhau"; asking, it is followed by how).
_ASKED_AFTER_TERM = re.compile(r"\b(?:la gi|la (?:nhu )?the nao|duoc hieu (?:la|(?:nhu )?the nao)|"
                               r"duoc xac dinh (?:theo|(?:nhu )?the nao|ra sao)|"
                               r"khac nhau (?:(?:nhu )?the nao|ra sao|o (?:diem|cho) nao|gi)|khac gi)\b")
TERM_REACH = 8
# Words that may stand before the term opening a clause: asking ("cho em hỏi …"), or another term joined to it
# ("phí và lệ phí khác nhau thế nào": the words before end in "và", "với", "hoặc").
_OPENERS = frozenset("cho xin hoi em toi minh chi anh vay oi".split())
_JOINED = frozenset("va voi hoac".split())
# … or before it, right before the term.
_ASKED_BEFORE_TERM = r"(?:the nao (?:thi )?(?:duoc )?(?:(?:coi|xem|goi|xep|xac dinh|tinh) )?la|" \
                     r"duoc (?:coi|xem|goi|xep|xac dinh|tinh) la)"
_CLAUSE_END = re.compile(r"[,.;:?!\n]+")


def defined_term(folded_clause: str) -> str | None:
    """The term a clause of a definitions article defines (folded), or None."""
    text = _LEAD_IN.sub("", folded_clause.strip())
    match = _OPENING.match(text)
    if not match:
        return None
    term = match.group(1).split(" cua ")[0].split()
    return " ".join(term) if MIN_SYLLABLES <= len(term) <= MAX_TERM else None


def asks_term(query: str, term: str) -> bool:
    """Whether the question (as typed) asks what `term` (folded) is (see SESSION28_DEFINED_CLAUSE)."""
    return _asks_term(_folded_clauses(query), term)


def _folded_clauses(query: str) -> list[list[str]]:
    """The question's clauses (split at punctuation), folded: once per question, not once per term."""
    return [fold_tokens(clause) for clause in _CLAUSE_END.split(query)]


def _asks_term(clauses: list[list[str]], term: str) -> bool:
    for words in clauses:
        padded = f" {' '.join(words)} "
        if re.search(rf" {_ASKED_BEFORE_TERM} (?:\w+ )?{re.escape(term)} ", padded):
            return True
        size = len(term.split())
        for start in range(len(words) - size + 1):
            before = words[:start]
            if words[start:start + size] != term.split() or not (
                    all(w in _OPENERS for w in before) or len(before) <= 3 and before[-1] in _JOINED):
                continue
            rest = " ".join(words[start + size:start + size + TERM_REACH + 3])
            if _ASKED_AFTER_TERM.search(rest):
                return True
    return False


# The clauses of the definitions articles with the term each defines, per database file and library stamp
# (store.library_stamp): reading and parsing the ~134 clauses again on every search cost about 5,8 ms (session 29).
_DEFINED: dict[str, tuple[tuple[object, ...], tuple[tuple[int, str], ...]]] = {}


def _scan_definitions(conn: sqlite3.Connection) -> tuple[tuple[int, str], ...]:
    """(chunk id, folded term) of every clause of a definitions article that opens with the term it defines."""
    marks = ",".join("?" for _ in _DEFINITIONS_TITLES)
    rows = conn.execute(f"SELECT id, folded FROM kb_chunks WHERE article_title IN ({marks}) ORDER BY id",
                        _DEFINITIONS_TITLES).fetchall()
    found = ((int(row["id"]), defined_term(str(row["folded"]))) for row in rows)
    return tuple((chunk_id, term) for chunk_id, term in found if term)


def defined_clauses(conn: sqlite3.Connection, query: str) -> dict[int, str]:
    """The clauses of definitions articles that define a term the question (as typed) asks about: {chunk id: term}
    (always empty with the flag off)."""
    if not SESSION28_DEFINED_CLAUSE:
        return {}
    clauses = _folded_clauses(query)
    out: dict[int, str] = {}
    for chunk_id, term in store.per_library(_DEFINED, conn, _scan_definitions):
        if _asks_term(clauses, term):
            out[chunk_id] = term
    # "thế nào là kết hôn trái pháp luật" asks that term, not "kết hôn", which it begins with.
    return {cid: term for cid, term in out.items()
            if not any(other != term and other.startswith(term + " ") for other in out.values())}
