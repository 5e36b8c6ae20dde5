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

from appliance.knowledge import store
from appliance.knowledge.indexing import STOPWORDS, bigrams
from appliance.text import fold, fold_tokens, normalize

TOP = 3                 # passages judged (an answer usually sits in one of the first three)
THRESHOLD = 0.5         # below: "not found"
# Fitted by `fit` (see the module docstring); order: intercept, coverage, pairs, title, absent.
COEFFICIENTS = (-6.0, 7.0, 2.0, 1.5, -4.0)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Features:
    coverage: float
    pairs: float
    title: float
    absent: float

    def vector(self) -> tuple[float, float, float, float]:
        return (self.coverage, self.pairs, self.title, self.absent)


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
    for surface in _WORD.findall(normalize(query)):
        for token in fold_tokens(surface):
            if token not in STOPWORDS and len(token) > 1:
                out.setdefault(token, surface.lower())
    return list(out.items())


def _idf(conn: sqlite3.Connection, terms: Sequence[str]) -> tuple[dict[str, float], set[str]]:
    """idf of each term over the passages, and the terms that occur nowhere."""
    total = max(1, store.chunk_total(conn))
    counts = store.term_documents(conn, terms)
    idf = {t: math.log((total + 1) / (counts.get(t, 0) + 1)) + 1.0 for t in terms}
    return idf, {t for t in terms if not counts.get(t)}


def features(conn: sqlite3.Connection, query: str, rows: Sequence[sqlite3.Row]) -> tuple[Features, list[str]]:
    """The features against the best of `rows`, and the typed words the library lacks."""
    words = _content_words(query)
    if not words:
        return Features(0.0, 0.0, 0.0, 1.0), []
    folded = [w for w, _ in words]
    pairs = [p for p in bigrams([t for t in fold_tokens(query) if t not in STOPWORDS])]
    idf, nowhere = _idf(conn, folded)
    weight = sum(idf.values())
    absent = sum(idf[w] for w in nowhere) / weight
    best = Features(0.0, 0.0, 0.0, absent)
    for row in rows:
        tokens = set(row["folded"].split()) | set(row["heading"].split())
        title_tokens = set(fold(row["article_title"]).split()) | set(fold(row["title"]).split())
        coverage = sum(idf[w] for w in folded if w in tokens) / weight
        title = sum(idf[w] for w in folded if w in title_tokens) / weight
        text_pairs = set(bigrams(row["folded"].split()))
        pair_share = sum(1 for p in pairs if p in text_pairs) / len(pairs) if pairs else coverage
        candidate = Features(coverage, pair_share, title, absent)
        if _logit(candidate) > _logit(best):
            best = candidate
    covered = set()
    for row in rows:
        covered |= set(row["folded"].split()) | set(row["heading"].split())
    missing = [typed for w, typed in words if w in nowhere or (w not in covered and idf[w] > 4.0)]
    return best, missing


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
    """Logistic regression by gradient descent (a few dozen samples, four features): the
    coefficients to paste into COEFFICIENTS, in its order."""
    theta = [0.0] * 5
    for _ in range(steps):
        grad = [0.0] * 5
        for f, label in samples:
            x = (1.0, *f.vector())
            z = sum(t * v for t, v in zip(theta, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-z))
            for i, v in enumerate(x):
                grad[i] += (p - float(label)) * v
        for i in range(5):
            penalty = l2 * theta[i] if i else 0.0
            theta[i] -= rate * (grad[i] / len(samples) + penalty)
    return tuple(round(t, 3) for t in theta)
