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
# Folding also merges the filler "đâu" with the content words "dấu" (đóng dấu) and "đầu" (lần đầu). In a question typed
# with diacritics (ACCENTED_SHARE of its words carry them), a word folding onto such a stopword is filler only as the
# filler is spelled (FILLER); typed without them it is filler, as before (rule R7, session 20: "đóng dấu" was searched
# as "đóng"). Other stopwords merge with content words too ("mình" / "chứng minh", "chưa" / "sửa chữa"): measured on
# the training halves, keeping those moved verdicts only the wrong way (docs/knowledge.md, "Session 20").
FILLER: dict[str, frozenset[str]] = {"dau": frozenset(("đâu",))}
ACCENTED_SHARE = 0.3
_WORD = re.compile(r"\w+", re.UNICODE)


def bigrams(tokens: list[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def index_terms(text: str) -> tuple[str, str]:
    """(folded text, folded bigrams) for one chunk."""
    tokens = fold_tokens(text)
    return " ".join(tokens), " ".join(bigrams(tokens))


def _accented(words: list[str]) -> bool:
    """Whether a question's words (lower case) are typed with diacritics: ACCENTED_SHARE of them carry some."""
    return bool(words) and sum(1 for w in words if fold(w) != w) >= ACCENTED_SHARE * len(words)


def _filler(token: str, word: str, accented: bool) -> bool:
    return token in STOPWORDS and (not accented or token not in FILLER or word in FILLER[token])


def question_tokens(query: str) -> list[tuple[str, str, bool]]:
    """(folded syllable, the word as typed in lower case, whether it is filler) of a question, in order."""
    words = [w.lower() for w in _WORD.findall(normalize(query))]
    accented = _accented(words)
    return [(token, word, _filler(token, word, accented)) for word in words for token in fold_tokens(word)]


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """(syllables, syllable pairs) of a question, filler dropped; pairs only of kept neighbours."""
    marked = question_tokens(query)
    keep = [t for t, _word, filler in marked if not filler]
    if not keep:
        keep = [t for t, _word, _filler in marked]
    pairs = [f"{a[0]}_{b[0]}" for a, b in zip(marked, marked[1:], strict=False) if not a[2] and not b[2]]
    return list(dict.fromkeys(keep)), list(dict.fromkeys(pairs))


def accented_words(query: str) -> list[str]:
    """The query's words that carry diacritics (or đ), filler left out: what an exact accented match must contain."""
    words = [w.lower() for w in _WORD.findall(normalize(query))]
    accented = _accented(words)
    return [w for w in words if fold(w) != w and not _filler(fold(w), w, accented)]
