"""The article of a procedure's own law that states the rule a bridged question asks about.

The bridge answers a question naming a procedure with the procedure's legal basis: its steps ("Thủ tục đăng ký
khai sinh", Điều 16 Luật Hộ tịch). A question that names the procedure but asks one SPECIFIC rule of it is answered
by another article of the same law: when it may NOT be done ("Trường hợp không được chứng thực chữ ký", Điều 25
Nghị định 23/2015), within how long one MUST do it or who must ("Trách nhiệm đăng ký khai sinh", Điều 15 Luật Hộ
tịch), on what CONDITION. Such an article's title names the procedure and the kind of rule (RULE_KINDS); with
SESSION18B_RULE_ARTICLE on, its first passage stating what is asked is shown before the basis (the basis follows:
the citizen who asks whether the ward does it is still answered by it).
"""

from __future__ import annotations

import re
import sqlite3

from appliance.knowledge import relevance, store
from appliance.knowledge.articles import articles_of
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.validity import in_force
from appliance.text import fold_tokens

# Read at call time.
SESSION18B_RULE_ARTICLE = True  # on by rule R1 (session 18): fresh right +3, wrong -3 (BM25 and embedder)
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
_RIVAL_TITLE = re.compile(r"\b(?:thu tuc|tham quyen|giai thich tu ngu)\b")


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
    return [title for asks, title in RULE_KINDS if asks.search(padded)]


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
