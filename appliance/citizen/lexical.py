"""Lexical similarity of a message to each label: BM25 over folded, teencode-expanded words and
word pairs, one document per label (all its examples together), plus character trigrams of the
words so that a typo ("khia sinh", "tam chu") still shares most of its pieces.

Scores are relative: each label's BM25 divided by the best label's, so 1.0 is the best lexical
match of this message and the fusion model reads them as a rank-like signal.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from appliance.citizen.matching import tokens

K1 = 1.2
B = 0.75
TRIGRAM_WEIGHT = 0.3
# Words that say nothing about which label a message is ("cho em hỏi…", "ạ", "với").
STOP = frozenset("""a ad admin ah anh ban bac cho chi chu co cua da de di do duoc em gi gium giup hay hoi khong
la lam minh muon nao nay nha nhe nhu o oi ong phai phuong ra roi sao the thi toi tui va vay ve voi xin""".split())


def features(text: str) -> Counter[str]:
    words = [w for w in tokens(text)]
    content = [w for w in words if w not in STOP]
    feats: Counter[str] = Counter(content)
    feats.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False) if not (a in STOP and b in STOP))
    return feats


def trigrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in tokens(text):
        if word in STOP or len(word) < 3:
            continue
        padded = f"#{word}#"
        grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return grams


class _Bm25:
    def __init__(self, docs: dict[str, Counter[str]]):
        self.docs = docs
        self.lengths = {label: sum(doc.values()) for label, doc in docs.items()}
        self.avg = sum(self.lengths.values()) / max(1, len(docs))
        df: Counter[str] = Counter()
        for doc in docs.values():
            df.update(doc.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        # Each (term, label) weight is fixed once the index is built: computed here, not per query (the chat's
        # hottest loop under a burst of messages), with the very same float operations, so scores are unchanged.
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for label, doc in docs.items():
            norm = K1 * (1 - B + B * self.lengths[label] / self.avg)
            for term, tf in doc.items():
                self.postings[term].append((label, self.idf[term] * tf * (K1 + 1) / (tf + norm)))

    def scores(self, query: Counter[str]) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for term in query:
            for label, weight in self.postings.get(term, ()):
                out[label] += weight
        return dict(out)


class LexicalIndex:
    def __init__(self, examples: Iterable[tuple[str, str]]):
        words: dict[str, Counter[str]] = defaultdict(Counter)
        grams: dict[str, Counter[str]] = defaultdict(Counter)
        for label, text in examples:
            words[label].update(features(text))
            grams[label].update(trigrams(text))
        self.words = _Bm25(dict(words))
        self.grams = _Bm25(dict(grams))

    def scores(self, text: str, labels: Sequence[str] | None = None) -> dict[str, float]:
        """Relative BM25 per label (best = 1.0); {} when nothing is shared."""
        raw = self.words.scores(features(text))
        for label, value in self.grams.scores(trigrams(text)).items():
            raw[label] = raw.get(label, 0.0) + TRIGRAM_WEIGHT * value
        if labels is not None:
            raw = {k: v for k, v in raw.items() if k in labels}
        top = max(raw.values(), default=0.0)
        return {k: v / top for k, v in raw.items()} if top > 0 else {}
