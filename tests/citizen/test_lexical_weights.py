"""The lexical index's BM25 weights are computed once per index (the chat's hottest loop under a burst): the scores
must be exactly those of the textbook formula computed per query."""

from __future__ import annotations

import math
from collections import Counter

from appliance.citizen.lexical import K1, TRIGRAM_WEIGHT, B, LexicalIndex, features, trigrams

EXAMPLES = [("HT-KS", "đăng ký khai sinh cho con mới sinh"), ("HT-KS", "làm giấy khai sinh cho bé"),
            ("HT-KT", "đăng ký khai tử cho bố tôi mất hôm qua"), ("CU-TAM", "đăng ký tạm trú cho sinh viên thuê trọ"),
            ("CTH-BS", "chứng thực bản sao học bạ"), ("CTH-BS", "công chứng sao y giấy tờ")]


def reference(docs: dict[str, Counter[str]], query: Counter[str]) -> dict[str, float]:
    lengths = {label: sum(doc.values()) for label, doc in docs.items()}
    avg = sum(lengths.values()) / len(docs)
    out: dict[str, float] = {}
    for term in query:
        df = sum(term in doc for doc in docs.values())
        if not df:
            continue
        idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
        for label, doc in docs.items():
            if term in doc:
                tf = doc[term]
                norm = K1 * (1 - B + B * lengths[label] / avg)
                out[label] = out.get(label, 0.0) + idf * tf * (K1 + 1) / (tf + norm)
    return out


def test_scores_are_the_per_query_formula_exactly():
    index = LexicalIndex(EXAMPLES)
    words: dict[str, Counter[str]] = {}
    grams: dict[str, Counter[str]] = {}
    for label, text in EXAMPLES:
        words.setdefault(label, Counter()).update(features(text))
        grams.setdefault(label, Counter()).update(trigrams(text))
    for query in ("khai sinh cho con", "khia sinh", "tam tru sinh vien", "sao y hoc ba", "xin chào", "đăng ký"):
        raw = reference(words, features(query))
        for label, value in reference(grams, trigrams(query)).items():
            raw[label] = raw.get(label, 0.0) + TRIGRAM_WEIGHT * value
        top = max(raw.values(), default=0.0)
        expected = {k: v / top for k, v in raw.items()} if top > 0 else {}
        assert index.scores(query) == expected, query
