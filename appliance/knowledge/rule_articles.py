"""The article of a procedure's own law that states the rule a bridged question asks about.

The bridge answers a question naming a procedure with the procedure's legal basis: its steps ("Thủ tục đăng ký
khai sinh", Điều 16 Luật Hộ tịch). A question that names the procedure but asks one SPECIFIC rule of it is answered
by another article of the same law: when it may NOT be done ("Trường hợp không được chứng thực chữ ký", Điều 25
Nghị định 23/2015), within how long one MUST do it or who must ("Trách nhiệm đăng ký khai sinh", Điều 15 Luật Hộ
tịch), on what CONDITION. Such an article's title names the procedure and the kind of rule (RULE_KINDS); its first
passage stating what is asked is shown before the basis (the basis follows: the citizen who asks whether the ward
does it is still answered by it; session 18, rule R1: fresh right +3, wrong -3 with BM25 and the embedder;
unconditional since session 20).

Session 19 (plain behaviour since session 21, rule R8): the condition of a procedure may live in ANOTHER law than the
procedure's own: the age to marry is "Điều kiện kết hôn" (Điều 8 Luật Hôn nhân và gia đình), while the kết hôn
procedure rests on Luật Hộ tịch, which has no such article. When the question asks a condition and the procedure's
own law has none, the article of another law in force whose title is a condition and names the procedure's subject
(its name without the registration words: "kết hôn" for "Đăng ký kết hôn") is looked for. A question that states an
age and asks whether it is allowed ("con gái 17 tuổi có đăng ký kết hôn được không"), or asks which qualification
one must have ("phải có bằng cấp gì"), asks a condition too. Where
the ranking answers by itself (nothing bridged), a condition asked brings the first passage of each article titled as
a condition whose subject the question names ("Điều kiện kết hôn" for "nam bao nhiêu tuổi thì được đăng ký kết hôn")
into the candidates with CONDITION_BONUS (`condition_titled`, read by search.py), as defined_terms.py does for a term
asked.

Session 21 (plain behaviour since session 23, rule R8): a question asking how much a benefit is ("cháu được hưởng
trợ cấp hệ số bao nhiêu", "mức trợ cấp hằng tháng là bao nhiêu") asks the article of the procedure's own law titled as
its level ("Mức trợ cấp xã hội hàng tháng", Điều 6 Nghị định 20/2021), not its steps (Điều 8). Unbridged, the first
passage of each article so titled whose title's content syllables the question repeats (AMOUNT_TITLE_SHARE of them)
joins the candidates as a condition titled so does (`amount_titled`, read by search.py).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from appliance.knowledge import relevance, store
from appliance.knowledge.articles import articles_of
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

CONDITION_BONUS = 1.0
# Share of the procedure name's content syllables an article title must contain to be about that procedure
# ("chứng thực bản sao từ bản chính" → "Bản chính giấy tờ … không được dùng làm cơ sở để chứng thực bản sao").
NAME_SHARE = 0.8
# (what the question asks, folded and padded; the title of the article stating that kind of rule, folded).
RULE_KINDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # When it may not be done / may it be done / refused: "có được chứng thực … không", "từ chối", "phường có chứng
    # thực cho không".
    (re.compile(r"\b(?:tu choi|khong duoc|co duoc (?:[a-z]+ ){0,12}khong|duoc (?:[a-z]+ ){0,12}khong|"
                r"(?:truong hop|khi) nao (?:thi )?(?:khong|bi)|co (?:[a-z]+ ){1,8}cho khong)\b"),
     re.compile(r"\b(?:khong duoc|nghiem cam|tu choi)\b")),
    # Within how long one must do it: "trong vòng bao nhiêu ngày thì phải đi làm khai sinh".
    (re.compile(r"\b(?:bao nhieu ngay|bao lau|may ngay|thoi han) (?:[a-z]+ ){0,3}phai\b|\bphai (?:[a-z]+ ){0,6}"
                r"(?:trong (?:vong|thoi han) (?:bao nhieu|may)|truoc (?:bao nhieu|may))\b"),
     re.compile(r"\b(?:trach nhiem dang ky|thoi han va trach nhiem)\b")),
    # Who must or may do it: "ông bà có được làm khai sinh cho cháu thay bố mẹ không", "ai phải đi khai tử".
    (re.compile(r"\b(?:ai|nguoi nao) (?:phai|co trach nhiem|duoc di|di)\b|"
                r"\bthay (?:cho )?(?:bo|cha|me|bo me|cha me)\b"),
     re.compile(r"\b(?:trach nhiem dang ky|thoi han va trach nhiem)\b")),
    # On what condition: "điều kiện gì", "phải đủ bao nhiêu tuổi".
    (re.compile(r"\b(?:dieu kien|bao nhieu tuoi|du tuoi|du (?:[a-z]+ ){0,2}tuoi)\b"),
     re.compile(r"\b(?:dieu kien|tieu chuan)\b")),
)
# How much a benefit is, asked (session 21; folded): "hệ số bao nhiêu / mấy / nào",
# "mức trợ cấp … bao nhiêu", "được hưởng / nhận / lãnh trợ cấp … bao nhiêu"; answered by the article titled as the
# benefit's level ("Mức trợ cấp …", "Mức hỗ trợ …"; not "mức độ khuyết tật", a degree of disability).
_AMOUNT = (re.compile(r"\bhe so (?:bao nhieu|may|nao)\b"
                      r"|\bmuc (?:tro cap|ho tro)\b(?: [a-z]+){0,10} (?:bao nhieu|the nao|ra sao|nao)\b"
                      r"|\b(?:duoc|huong|nhan|lanh) (?:tro cap|ho tro)\b(?: [a-z]+){0,6} (?:bao nhieu|muc nao)\b"),
           re.compile(r"\bmuc (?:tro cap|ho tro)\b"))
AMOUNT_TITLE_SHARE = 0.6
_RIVAL_TITLE = re.compile(r"\b(?:thu tuc|tham quyen|giai thich tu ngu)\b")
_CONDITION = RULE_KINDS[3]
# An age stated, then whether it is allowed (folded): "17 tuổi rưỡi, … có đăng ký kết hôn được không".
_STATED_AGE_MAY = re.compile(r"\b\d+ tuoi (?:[a-z0-9]+ ){0,16}(?:duoc (?:khong|chua)|co duoc|co the|da du)\b")
# … or which qualification one must have (folded): "phải có bằng cấp gì", "trình độ thế nào", "tiêu chuẩn gì".
_QUALIFICATION = re.compile(r"\b(?:bang cap|trinh do|tieu chuan|chung chi) (?:gi|nao|ra sao|the nao)\b")
# The words of a procedure's name that say it is registered or issued, not what it is about.
_REGISTRATION = frozenset("dang ky cap thu tuc giay".split())
# The words of a condition's title that say it is a condition, not what of ("Điều kiện đối với …", "Tiêu chuẩn, …").
_CONDITION_WORDS = frozenset("dieu kien tieu chuan doi voi cua".split())


def _content(text: str) -> list[str]:
    return [w for w in dict.fromkeys(fold_tokens(text)) if w not in STOPWORDS and len(w) > 1]


def names_procedure(title: str, procedure_name: str) -> bool:
    """Whether an article title (any case) names the procedure: NAME_SHARE of its name's content syllables."""
    name = _content(procedure_name)
    words = set(fold_tokens(title))
    return bool(name) and sum(1 for w in name if w in words) / len(name) >= NAME_SHARE


def asked_rules(folded_query: str) -> list[re.Pattern[str]]:
    """The title patterns of the kinds of rule the question (folded, padded) asks about."""
    padded = f" {folded_query.strip()} "
    kinds = [title for asks, title in RULE_KINDS if asks.search(padded)]
    if _AMOUNT[0].search(padded):
        kinds.append(_AMOUNT[1])
    if (_CONDITION[1] not in kinds
            and (_STATED_AGE_MAY.search(padded) or _QUALIFICATION.search(padded))):
        kinds.append(_CONDITION[1])
    return kinds


def subject_of(procedure_name: str) -> str:
    """The procedure's name without the words of registering or issuing ("Đăng ký kết hôn" → "kết hôn")."""
    words = procedure_name.split()
    kept = [w for w in words if " ".join(fold_tokens(w)) not in _REGISTRATION]
    return " ".join(kept)


def condition_elsewhere(conn: sqlite3.Connection, own_doc_id: int, procedure_name: str,
                        folded_query: str) -> list[sqlite3.Row]:
    """When the question asks a condition: the first passage (in force, stating what is
    asked) of the article of a law other than document `own_doc_id`, in force, whose title is a condition and names
    the procedure's subject (all its content syllables); of several, the shortest title. Empty otherwise."""
    if _CONDITION[1] not in asked_rules(folded_query):
        return []
    subject = _content(subject_of(procedure_name))
    if not subject:
        return []
    rows = conn.execute("SELECT a.id, a.title FROM kb_articles a JOIN kb_documents d ON d.id = a.doc_id"
                        " WHERE a.doc_id <> ? AND d.doc_type = 'Luật' AND a.repealed = 0 AND a.title <> ''"
                        " ORDER BY length(a.title), a.id", (own_doc_id,)).fetchall()
    for row in rows:
        title = f" {' '.join(fold_tokens(str(row['title'])))} "
        words = set(title.split())
        if not _CONDITION[1].search(title) or _RIVAL_TITLE.search(title) or not all(w in words for w in subject):
            continue
        found = [r for r in store.chunks_with_documents(conn, store.chunk_ids_of_article(conn, int(row["id"])))
                 if in_force(r["status"]) and relevance.states_what_is_asked(folded_query, r["folded"])]
        if found:
            return found[:1]
    return []


def rule_passages(conn: sqlite3.Connection, doc_id: int, procedure_name: str, folded_query: str) -> list[sqlite3.Row]:
    """The first passage (in force, stating what is asked) of the article of document `doc_id` that names the
    procedure and whose title is of a kind of rule the question asks about; of several, the one whose title the
    question repeats most. Empty when the question asks no such rule or the law has no such article."""
    kinds = asked_rules(folded_query)
    if not kinds:
        return []
    asked = set(folded_query.split())
    best: tuple[float, list[sqlite3.Row]] | None = None
    for article in articles_of(conn, doc_id):
        title = " ".join(fold_tokens(article.title or ""))
        if (article.repealed or not title or _RIVAL_TITLE.search(f" {title} ")
                or not any(kind.search(f" {title} ") for kind in kinds)
                or not names_procedure(article.title, procedure_name)):
            continue
        rows = [r for r in store.chunks_with_documents(conn, store.chunk_ids_of_article(conn, article.id))
                if in_force(r["status"]) and relevance.states_what_is_asked(folded_query, r["folded"])]
        if not rows:
            continue
        words = _content(article.title)
        share = sum(1 for w in words if w in asked) / len(words)
        if best is None or share > best[0]:
            best = (share, rows[:1])
    return best[1] if best else []


def asks_condition(folded_query: str) -> bool:
    return _CONDITION[1] in asked_rules(folded_query)


@dataclass(frozen=True)
class _ConditionArticle:
    first: int              # the id of the article's first passage
    title: str              # folded
    subject: tuple[str, ...]
    folded: str             # the first passage's folded text


# The articles titled as a condition, per database file and library stamp (store.library_stamp): scanning every
# title on each condition question cost about 20 ms, half a search.
_CONDITION_ARTICLES: dict[str, tuple[tuple[object, ...], tuple[_ConditionArticle, ...]]] = {}


def _condition_articles(conn: sqlite3.Connection) -> tuple[_ConditionArticle, ...]:
    """The first passage of each article (of a document not out of force) titled as a condition and not as a rival
    procedure, with the title's subject (its content syllables but the condition's own words)."""
    return store.per_library(_CONDITION_ARTICLES, conn, _scan_conditions)


def _scan_conditions(conn: sqlite3.Connection) -> tuple[_ConditionArticle, ...]:
    # SQLite: with min(), the bare column c.folded is that of the row holding the minimum (the first passage).
    rows = conn.execute("SELECT min(c.id) AS first, c.article_title, c.folded FROM kb_chunks c"
                        " JOIN kb_documents d ON d.id = c.doc_id WHERE c.article_title <> '' AND d.status NOT IN"
                        " ('het_hieu_luc', 'chua_co_hieu_luc')"
                        " GROUP BY c.doc_id, c.article, c.article_title").fetchall()
    found: list[_ConditionArticle] = []
    for row in rows:
        title = " ".join(fold_tokens(str(row["article_title"])))
        if not _CONDITION[1].search(f" {title} ") or _RIVAL_TITLE.search(f" {title} "):
            continue
        subject = tuple(w for w in _content(str(row["article_title"])) if w not in _CONDITION_WORDS)
        found.append(_ConditionArticle(int(row["first"]), title, subject, str(row["folded"])))
    return tuple(found)


def condition_titled(conn: sqlite3.Connection, folded_query: str) -> dict[int, str]:
    """When the question asks a condition: the first passage of each article titled as a condition (in force) whose
    subject (the title's content syllables but the condition's own words, at least one) the question names, all of
    it, and that states what is asked (a question on the time limit that names "điều kiện kết hôn" asks a time):
    {chunk id: folded title}."""
    if not asks_condition(folded_query):
        return {}
    asked = set(folded_query.split())
    return {article.first: article.title for article in _condition_articles(conn)
            if article.subject and all(w in asked for w in article.subject)
            and relevance.states_what_is_asked(folded_query, article.folded)}


def amount_titled(conn: sqlite3.Connection, folded_query: str) -> dict[int, str]:
    """When the question asks how much a benefit is (session 21): the first passage of each article (of a
    document not out of force) titled as a benefit's level ("Mức trợ cấp …", "Mức hỗ trợ …") whose title's content
    syllables the question repeats, AMOUNT_TITLE_SHARE of them, and that states what is asked: {chunk id: folded
    title}."""
    padded = f" {folded_query.strip()} "
    if not _AMOUNT[0].search(padded):
        return {}
    asked = set(padded.split())
    rows = conn.execute("SELECT min(c.id) AS first, c.article_title, c.folded FROM kb_chunks c"
                        " JOIN kb_documents d ON d.id = c.doc_id WHERE c.article_title <> '' AND d.status NOT IN"
                        " ('het_hieu_luc', 'chua_co_hieu_luc')"
                        " GROUP BY c.doc_id, c.article, c.article_title").fetchall()
    found: dict[int, str] = {}
    for row in rows:
        title = " ".join(fold_tokens(str(row["article_title"])))
        if not _AMOUNT[1].match(title):
            continue
        words = _content(str(row["article_title"]))
        if (words and sum(1 for w in words if w in asked) / len(words) >= AMOUNT_TITLE_SHARE
                and relevance.states_what_is_asked(padded, str(row["folded"]))):
            found[int(row["first"])] = title
    return found
