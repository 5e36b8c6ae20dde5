"""Which procedure a citizen means: phrase matching over folded, teencode-expanded text.

Each procedure gets phrases from its official name, the catalogue's aliases and the
colloquial terms in `vocabulary`. A phrase found inside a longer phrase found in the same
message is ignored ("bản sao giấy khai sinh" is about trích lục, not khai sinh), and the
rest score by length squared, so specific wording beats generic wording. When the best two
are close, the chatbot asks which one is meant instead of guessing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from appliance.citizen import loanwords, vocabulary
from appliance.citizen.vocabulary import AMBIGUOUS_TERMS, CUE_BONUS, CUE_WORDS, TEENCODE, UNSPLIT_WORDS
from appliance.text import fold
from appliance.text.accents import shorthand_kept

_TOKEN = re.compile(r"[0-9a-z]+")
# Words of procedure names that say nothing about which procedure it is.
_GENERIC = {"dang", "ky", "cap", "giay", "thu", "tuc", "cho", "va", "cua", "tu", "hang", "lan", "the", "so",
            "thong", "tin", "nhan", "xac", "ban", "ho", "chung", "thuc"}
CLARIFY_RATIO = 0.75
SINGLE_WORD_FACTOR = 0.6
T = TypeVar("T")
# A catalogue record as JSON (`knowledge.procedures.Procedure.to_dict()`): fields vary by
# procedure and catalogue version, and are read only by name, so its values stay dynamic.
Record = dict[str, Any]


def tokens(text: str | None) -> list[str]:
    """Folded tokens with teencode expanded ("ko dc j" → khong duoc gi)."""
    out: list[str] = []
    kept: frozenset[str] = frozenset()
    if text:
        text = vocabulary.southern_sinh(text)
        kept = shorthand_kept(text)  # "hẻm" (an alley) is never the chat "hem" (appliance.text.accents)
    for tok in _TOKEN.findall(fold(text)):
        out.extend((tok if tok in kept else TEENCODE.get(tok, tok)).split())
    return loanwords.expand(out)


def normalize_query(text: str | None) -> str:
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Procedure:
    """A published catalogue record as the citizen app holds it (public.db)."""

    code: str
    name: str
    police: bool
    data: Record = field(hash=False, compare=False)


@dataclass(frozen=True)
class Match:
    procedure: Procedure
    score: float


def find_spans(words: Sequence[str], phrase: Sequence[str]) -> list[tuple[int, int]]:
    n = len(phrase)
    return [(i, i + n) for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == tuple(phrase)]


def splits_a_word(words: Sequence[str], start: int, end: int) -> bool:
    """words[start:end] begins on the second syllable of a two-syllable word or ends on its first
    (vocabulary.UNSPLIT_WORDS: "gia đình chính sách" holds no "đính chính")."""
    return ((start > 0 and (words[start - 1], words[start]) in UNSPLIT_WORDS)
            or (end < len(words) and (words[end - 1], words[end]) in UNSPLIT_WORDS))


class PhraseSet(Generic[T]):
    """Many phrases found in one pass: phrases are indexed by their first word."""

    def __init__(self, phrases: Iterable[tuple[Sequence[str], T]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], T]]] = defaultdict(list)
        for phrase, payload in phrases:
            if phrase:
                self.by_first[phrase[0]].append((tuple(phrase), payload))

    def find(self, words: Sequence[str]) -> list[tuple[int, int, T]]:
        found = []
        for i, word in enumerate(words):
            for phrase, payload in self.by_first.get(word, ()):
                end = i + len(phrase)
                if end <= len(words) and tuple(words[i:end]) == phrase and not splits_a_word(words, i, end):
                    found.append((i, end, payload))
        return found

    def any_in(self, words: Sequence[str]) -> bool:
        return bool(self.find(words))


class ProcedureIndex:
    def __init__(self, procedures: Iterable[Procedure]):
        self.procedures = list(procedures)
        self.phrases: list[tuple[tuple[str, ...], str, float]] = []  # phrase, code, weight factor
        self.name_tokens: dict[str, set[str]] = {}
        self.cues: dict[str, set[str]] = {}
        for proc in self.procedures:
            name_fold = normalize_query(proc.name)
            self.name_tokens[proc.code] = set(name_fold.split()) - _GENERIC
            own: set[str] = {name_fold}
            for alias in proc.data.get("aliases") or []:
                own.add(normalize_query(alias))
            for key, terms in vocabulary.procedure_terms().items():
                if key in name_fold:
                    own.update(normalize_query(t) for t in terms)
            for key, cue in CUE_WORDS.items():
                if key in name_fold:
                    self.cues[proc.code] = cue
            for phrase in own:
                if phrase:
                    words = tuple(phrase.split())
                    # One-word aliases are often other words once folded ("cưới"/"cuối").
                    self.phrases.append((words, proc.code, 1.0 if len(words) > 1 else SINGLE_WORD_FACTOR))
            for term, keys in AMBIGUOUS_TERMS.items():
                if any(key in name_fold for key in keys):
                    self.phrases.append((tuple(term.split()), proc.code, 1.0))
        self.by_code = {p.code: p for p in self.procedures}
        self.matcher: PhraseSet[tuple[str, float]] = PhraseSet((ph, (code, f)) for ph, code, f in self.phrases)

    def evidence(self, text: str) -> dict[str, float]:
        """Phrase evidence per procedure code: each phrase found, unless it lies strictly inside a longer
        one found, scores its length squared (times its factor). No tie-breaks: the knowledge search
        weighs whole subjects with this (cue words such as "sửa", "mất" say which procedure of a
        subject, not which subject)."""
        words = tokens(text)
        hits = [(start, end, code, factor) for start, end, (code, factor) in self.matcher.find(words)]
        # Drop a hit lying strictly inside a longer hit: the longer wording is more specific.
        kept = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                           for o in hits)]
        scores: dict[str, float] = {}
        seen: set[tuple[int, int, str]] = set()
        for start, end, code, factor in kept:
            if (start, end, code) in seen:
                continue
            seen.add((start, end, code))
            scores[code] = scores.get(code, 0.0) + factor * (end - start) ** 2
        return scores

    def rank(self, text: str) -> list[Match]:
        scores = self.evidence(text)
        if scores:
            # A light tie-break by distinctive words of the official name.
            present = set(tokens(text))
            for code in scores:
                scores[code] += 0.1 * len(self.name_tokens[code] & present)
                if self.cues.get(code, set()) & present:
                    scores[code] += CUE_BONUS
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Match(self.by_code[code], score) for code, score in ranked]

    def best(self, text: str) -> Procedure | None:
        ranked = self.rank(text)
        return ranked[0].procedure if ranked else None

    def candidates(self, text: str, ranked: list[Match] | None = None) -> list[Match]:
        """The procedures close enough to the best one that the citizen should choose."""
        ranked = self.rank(text) if ranked is None else ranked
        if not ranked:
            return []
        top = ranked[0].score
        return [m for m in ranked if m.score >= CLARIFY_RATIO * top][:4]
