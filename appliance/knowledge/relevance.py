"""Does anything in the library answer the question? A calibrated yes/no for search and the
assistant, so "lấn chiếm vỉa hè" gets "the library has nothing about vỉa hè" instead of the
penalties for late birth registration.

Four features of the question against the best of the top passages, from the index itself:
- `coverage`: share of the question's words in the passage (its text, article title, document),
  each word weighted by its rarity in the library (idf), so "vỉa hè" counts more than "quy định";
- `pairs`: share of the question's word pairs ("khai_sinh") found as pairs in the passage;
- `title`: idf-weighted share found in the article title or document name;
- `absent`: idf-weighted share of the question's words that occur nowhere in the library.
A logistic model of these gives P(one of the top passages answers). Its coefficients were fitted
on the development questions of data/eval_questions.toml (answerable, with their article, and
questions the library cannot answer) by `fit` below; tests/knowledge/test_not_found.py checks the
decision on a second set written from the official text and reports right / unsure / wrong.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from appliance.knowledge import store, ward_level
from appliance.knowledge.indexing import bigrams, question_tokens
from appliance.text import fold, fold_tokens

TOP = 3                 # passages judged (an answer usually sits in one of the first three)
THRESHOLD = 0.5         # below: "not found"
# Fitted by `fit` (see the module docstring); order: intercept, then Features.vector()'s order.
COEFFICIENTS = (-6.697, 0.854, 2.089, 1.992, 3.558, 2.205, -1.088)
_WORD = re.compile(r"\w+", re.UNICODE)
# How questions ask ("bao nhiêu", "bao lâu", "ở đâu", "thế nào"): not what they ask about.
_ASKING = frozenset("bao nhieu lau nao gom".split())  # words folding onto legal ones (đâu/đầu, máy/mấy) stay
# Since session 22 (plain behaviour since session 24): "mấy" asks how many, as "bao nhiêu" does; folded
# it is also "máy" (a machine), so it is asking only as typed ("mấy"), or typed without diacritics before a unit counted
# ("may ngay", "may lan", "may nguoi": nothing else follows "máy" so). The judgement then does not count it as a word
# the passages lack ("chưa có văn bản nào nói về “mấy”").
_HOW_MANY_UNITS = frozenset("ngay thang nam tuan lan nguoi tuoi ban gio phut buoc loai muc dot ky".split())
# What a question asks for, in folded words: an amount of money, or a length of time. A passage
# that answers it states one ("2.000 đồng", "60 ngày").
_ASKS_MONEY = re.compile(r"\b(bao nhieu tien|phat bao nhieu|muc phat|bao nhieu dong|muc thu|muc phi|hoc phi|"
                         r"phi bao nhieu|le phi bao nhieu|dong bao nhieu)\b")
# Money asked in other words (session 21; plain behaviour since session 23, rule R8): "hết / mất / tốn (bao) nhiêu
# tiền", "nhiêu tiền một bản" (folded "nhieu" is also "nhiều").
_ASKS_MONEY_WORDS = re.compile(r"\b(?:het|mat|ton) (?:bao |het )?nhieu tien\b"
                               r"|\bnhieu tien (?:mot|1) (?:ban|trang|lan|bo)\b")
# Whether a fee is due (session 21; plain behaviour since session 23, rule R8): "có phải nộp / đóng lệ phí không", "có
# mất phí / tiền không", "có được miễn lệ phí không", "có thu phí không"; the bridged answer shows what is charged, its
# amount or that it is free, and who is exempt (bridge.answer_passages: `asks_fee_due`); the judgement of the ranking's
# own passages does not change (a passage on exemptions that halves a fee states no amount). Not "phải trả tiền cấp
# dưỡng" (no fee), nor "thu thêm tiền".
_ASKS_FEE_DUE = re.compile(r"\b(?:(?:phai|co) (?:nop|dong|tra) (?:le )?phi|(?:mat|ton) (?:le phi|phi|tien)|"
                           r"(?:co )?thu (?:le )?phi|mien (?:le )?phi)\b(?: [a-z0-9]+){0,8}? (?:khong|ko|k|chua)\b")
_ASKS_TIME = re.compile(r"\b(bao lau|bao nhieu ngay|may ngay|bao nhieu thang|trong bao lau|thoi han)\b")
# A question about a penalty ("có bị phạt không") is answered only by a passage about penalties.
# Folded "phat" is also "phát" (phát hiện, cấp phát): only the phrases that mean a penalty.
_ASKS_PENALTY = re.compile(r"\b(bi phat|xu phat|muc phat|phat tien|nop phat|phat bao nhieu|che tai|xu ly vi pham)\b")
_STATES_PENALTY = re.compile(r"\b(bi phat|xu phat|phat tien|muc phat|phat canh cao|xu ly vi pham|che tai)\b")
# An amount, or that nothing is charged ("Miễn lệ phí đăng ký hộ tịch …": free is an answer to "how much").
_STATES_MONEY = re.compile(r"\d[\d.]* dong\b|\bmien (?:le )?phi\b|\bkhong (?:phai nop|thu) (?:le )?phi\b")
# Official text spells numbers out after the digits ("02 (hai) ngày"), folded without brackets.
_NUMBER_WORD = r"(?:\(?(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi)\)? )"
# … or "immediately" ("Ngay sau khi nhận đủ giấy tờ": how long a khai sinh takes).
_STATES_TIME = re.compile(rf"\b\d+ {_NUMBER_WORD}*(?:ngay|thang|nam|gio)\b|\bngay (?:sau khi|trong ngay)\b")
# A passage of a clause starts with its number ("1. Nam, nữ kết hôn …", folded "1 nam nu …"): no time or amount (rule
# R7, session 20: "1 năm" was read there; "2. Ngay sau khi …" was read as "2 ngày", and states "immediately").
_CLAUSE_NUMBER = re.compile(r"^\s*\d+\b")
# Session 13: how a question asks, and the kind of article title that answers that form (search.title_adjustment
# ranks by it). Folded patterns over the question and the article title.
# Where, to whom, who decides: the form asking for the article on competence (also bridge.asks_agency).
ASKS_COMPETENCE = re.compile(r"\b(o dau|tai dau|cho ai|ai (?:co )?(?:tham quyen|giai quyet|cap|ky|lam)|co quan nao|"
                             r"uy ban nao|ubnd (?:xa |phuong )?nao|phuong nao|xa nao|noi nao|tham quyen|ve que|"
                             r"lam o dau)\b")
ASKED_FORMS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (ASKS_COMPETENCE, re.compile(r"\btham quyen\b")),
    (re.compile(r"\b(bao lau|may ngay|bao nhieu ngay|bao nhieu thang|thoi han|trong thoi gian nao|khi nao)\b"),
     re.compile(r"\b(thoi han|thoi hieu|thoi gian)\b")),
    (re.compile(r"\b(giay to gi|ho so gi|ho so gom|can nhung gi|can mang|nop nhung gi|"
                r"thu tuc (?:nhu|the) (?:the )?nao)\b"),
     re.compile(r"\b(thu tuc|ho so|trinh tu)\b")),
    (re.compile(r"\b(duoc coi la|the nao la|hieu la|la gi|khac nhau)\b"),
     re.compile(r"\b(giai thich tu ngu|khai niem)\b")),
)


@dataclass(frozen=True)
class Features:
    coverage: float     # idf-weighted share of the question's words in the passage (text, article title)
    rare: float         # share of the question's rarer half of words in the passage
    pairs: float        # share of the question's word pairs found as pairs in the passage
    title: float        # idf-weighted share in the article title or document name
    kind: float         # 1 when the passage states what the question asks for (an amount, a time), else 0
    absent: float       # idf-weighted share of the question's words found nowhere in the library

    def vector(self) -> tuple[float, ...]:
        return (self.coverage, self.rare, self.pairs, self.title, self.kind, self.absent)


@dataclass(frozen=True)
class Judgement:
    answered: bool
    confidence: float
    features: Features
    missing: list[str] = field(default_factory=list)
    note: str = ""


def _content_words(query: str) -> list[tuple[str, str]]:
    """(folded word, word as typed) of the question, filler dropped, in order, unique."""
    out: dict[str, str] = {}
    marked = question_tokens(query)
    for n, (token, surface, filler) in enumerate(marked):
        if not filler and token not in _ASKING and len(token) > 1 and not _how_many(marked, n):
            out.setdefault(token, surface)
    return list(out.items())


def _how_many(marked: Sequence[tuple[str, str, bool]], n: int) -> bool:
    """Whether the n-th word of a question is "mấy" asking how many."""
    token, surface, _filler = marked[n]
    if token != "may":
        return False
    if surface == "mấy":
        return True
    return surface == "may" and n + 1 < len(marked) and marked[n + 1][0] in _HOW_MANY_UNITS


def _idf(conn: sqlite3.Connection, terms: Sequence[str]) -> tuple[dict[str, float], set[str]]:
    """idf of each term over the passages, and the terms that occur nowhere."""
    total = max(1, store.chunk_total(conn))
    counts = store.term_documents(conn, terms)
    idf = {t: math.log((total + 1) / (counts.get(t, 0) + 1)) + 1.0 for t in terms}
    return idf, {t for t in terms if not counts.get(t)}


def states_what_is_asked(folded_query: str, folded_text: str) -> bool:
    """False when the question asks for an amount or a time that the passage does not state."""
    return _kind(folded_query, folded_text) == 1.0


def asked_kinds(folded_query: str) -> frozenset[str]:
    """What the question asks for: "money" (an amount), "time" (a length of time), "penalty"."""
    asks = (("time", _ASKS_TIME), ("penalty", _ASKS_PENALTY))
    money = frozenset({"money"}) if _asks_money(folded_query) else frozenset()
    return money | frozenset(kind for kind, pattern in asks if pattern.search(folded_query))


def _asks_money(folded_query: str) -> bool:
    return bool(_ASKS_MONEY.search(folded_query) or _ASKS_MONEY_WORDS.search(folded_query))


def asks_fee_due(folded_query: str) -> bool:
    """Whether the question (folded) asks whether a fee is due ("có phải nộp lệ phí không")."""
    return bool(_ASKS_FEE_DUE.search(f" {folded_query.strip()} "))


def states_kind(kind: str, folded_text: str) -> bool:
    """Whether a passage states an amount ("money"), a time ("time") or a penalty ("penalty")."""
    pattern = {"money": _STATES_MONEY, "time": _STATES_TIME, "penalty": _STATES_PENALTY}[kind]
    return bool(pattern.search(_CLAUSE_NUMBER.sub(" ", folded_text, count=1)))


def _kind(folded_query: str, folded_text: str) -> float:
    folded_text = _CLAUSE_NUMBER.sub(" ", folded_text, count=1)
    if _asks_money(folded_query) and not _STATES_MONEY.search(folded_text):
        return 0.0
    if _ASKS_TIME.search(folded_query) and not _STATES_TIME.search(folded_text):
        return 0.0
    if _ASKS_PENALTY.search(folded_query) and not _STATES_PENALTY.search(folded_text):
        return 0.0
    return 1.0


def features(conn: sqlite3.Connection, query: str, rows: Sequence[sqlite3.Row]) -> tuple[Features, list[str]]:
    """The features against the best of `rows`, and the typed words the library lacks."""
    words = _content_words(query)
    if not words:
        return Features(0.0, 0.0, 0.0, 0.0, 0.0, 1.0), []
    folded = [w for w, _ in words]
    folded_query = " ".join(fold_tokens(query))
    pairs = bigrams([t for t, _typed, filler in question_tokens(query) if not filler])
    idf, nowhere = _idf(conn, folded)
    weight = sum(idf.values())
    rare = sorted(folded, key=lambda w: -idf[w])[:max(1, len(folded) // 2)]
    absent = sum(idf[w] for w in nowhere) / weight
    best = Features(0.0, 0.0, 0.0, 0.0, 0.0, absent)
    covered: set[str] = set()
    for row in rows:
        text_tokens = row["folded"].split()
        tokens = set(text_tokens) | set(fold(row["article_title"]).split()) | ward_level.commune_words(row["folded"])
        covered |= tokens
        title_tokens = set(fold(row["article_title"]).split()) | set(fold(row["title"]).split())
        text_pairs = set(bigrams(text_tokens))
        candidate = Features(
            coverage=sum(idf[w] for w in folded if w in tokens) / weight,
            rare=sum(1 for w in rare if w in tokens) / len(rare),
            pairs=sum(1 for p in pairs if p in text_pairs) / len(pairs) if pairs else 1.0,
            title=sum(idf[w] for w in folded if w in title_tokens) / weight,
            kind=_kind(folded_query, row["folded"]), absent=absent)
        if _logit(candidate) > _logit(best):
            best = candidate
    lacking = {w for w in folded if w in nowhere or (w not in covered and w in rare)}
    return best, _phrases(conn, words, lacking)


def _phrases(conn: sqlite3.Connection, words: list[tuple[str, str]], lacking: set[str]) -> list[str]:
    """The lacking words as the question typed them, in order. A word the library never contains
    takes the next word with it when that pair never occurs either ("vỉa hè", not "vỉa"); other
    lacking words join a lacking neighbour the same way ("lấn chiếm")."""
    pairs = [f"{a[0]}_{b[0]}" for a, b in zip(words, words[1:], strict=False)]
    known = store.term_documents(conn, pairs + [w for w, _ in words])
    spans: dict[int, int] = {}   # start index → end index (inclusive)
    taken: set[int] = set()
    order = sorted((i for i, (w, _) in enumerate(words) if w in lacking), key=lambda i: bool(known.get(words[i][0])))
    for index in order:
        if index in taken:
            continue
        end = index
        nxt = index + 1
        never = not known.get(words[index][0])
        if nxt < len(words) and nxt not in taken and not known.get(pairs[index]) and \
                (never or words[nxt][0] in lacking):
            end = nxt
        spans[index] = end
        taken.update(range(index, end + 1))
    return [" ".join(words[i][1] for i in range(start, end + 1)) for start, end in sorted(spans.items())]


def _logit(f: Features) -> float:
    b0, *weights = COEFFICIENTS
    return b0 + sum(w * x for w, x in zip(weights, f.vector(), strict=True))


def probability(f: Features) -> float:
    return 1.0 / (1.0 + math.exp(-_logit(f)))


def judge(conn: sqlite3.Connection, query: str, rows: Sequence[sqlite3.Row]) -> Judgement:
    found, missing = features(conn, query, rows)
    confidence = probability(found) if rows else 0.0
    if confidence >= THRESHOLD:
        return Judgement(True, confidence, found, missing)
    if missing:
        note = ("Không tìm thấy điều khoản nào trả lời câu hỏi này trong thư viện: chưa có văn bản nào nói về "
                + ", ".join(f"“{m}”" for m in missing) + ". Có thể thư viện chưa có văn bản đó: hãy tải lên "
                "văn bản chính thức, hoặc hỏi lại bằng từ khác.")
    else:
        note = ("Không tìm thấy điều khoản nào nói trực tiếp về câu hỏi này trong thư viện. Các đoạn gần nhất "
                "được liệt kê riêng, không chắc liên quan.")
    return Judgement(False, confidence, found, missing, note)


def fit(samples: Sequence[tuple[Features, bool]], *, steps: int = 4000, rate: float = 0.5,
        l2: float = 0.01) -> tuple[float, ...]:
    """Logistic regression by gradient descent (a hundred samples, six features): the
    coefficients to paste into COEFFICIENTS, in its order."""
    size = 1 + len(samples[0][0].vector())
    theta = [0.0] * size
    for _ in range(steps):
        grad = [0.0] * size
        for f, label in samples:
            x = (1.0, *f.vector())
            z = sum(t * v for t, v in zip(theta, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-z))
            for i, v in enumerate(x):
                grad[i] += (p - float(label)) * v
        for i in range(size):
            penalty = l2 * theta[i] if i else 0.0
            theta[i] -= rate * (grad[i] / len(samples) + penalty)
    return tuple(round(t, 3) for t in theta)
