"""How text becomes index terms, shared by ingestion and queries so both agree.

Vietnamese words are mostly two syllables ("khai sinh", "hộ tịch"), so besides folded syllables
we index folded syllable pairs ("khai_sinh"): a question matching the pair outranks passages
that merely contain both syllables somewhere. Question filler ("có … không", "thế nào") is
dropped from queries, which also keeps the FTS5 OR-query from scanning half the index.
"""

from __future__ import annotations

import re

from appliance.text import fold, fold_tokens, normalize

# Folded filler words. Kept short on purpose: folding merges "đăng" with "đang", "cơ" with
# "có", "sao" (bản sao) with "làm sao", so anything that also folds to a legal word stays in.
STOPWORDS = frozenset("""
a ai ak cac cho chua cua da dau di duoc gi hay khi khong la lam mot minh nao nay neu nhieu nhu nhung
oi phai roi se toi tren trong va vay voi xin ha nhe nua cung vui long
""".split())
_WORD = re.compile(r"\w+", re.UNICODE)


def bigrams(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def index_terms(text: str) -> tuple[str, str]:
    """(folded text, folded bigrams) for one chunk."""
    tokens = fold_tokens(text)
    return " ".join(tokens), " ".join(bigrams(tokens))


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """(syllables, syllable pairs) of a question, filler dropped; pairs only of kept neighbours."""
    tokens = fold_tokens(query)
    keep = [t for t in tokens if t not in STOPWORDS]
    if not keep:
        keep = tokens
    pairs = [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)
             if a not in STOPWORDS and b not in STOPWORDS]
    return list(dict.fromkeys(keep)), list(dict.fromkeys(pairs))


def accented_words(query: str) -> list[str]:
    """The query's words that carry diacritics (or đ): what an exact accented match must contain."""
    words = [w.lower() for w in _WORD.findall(normalize(query))]
    return [w for w in words if fold(w) != w and fold(w) not in STOPWORDS]
