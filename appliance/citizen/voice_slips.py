"""Session 18: complaints voice-typed with the north's merged sounds (`SESSION18_VOICE_SLIPS`, docs/citizen.md
"Session 18").

Workers from Thái Bình, Nam Định and Bắc Giang who dictate a complaint to a phone, or type it as they speak, write
l as n ("nòng đường", "nấn đất", "công nập"), tr as ch ("chợ cấp", "tranh chấp" → "chanh chấp", "tạm chú") and s as x
("xân nhà"). The complaint model's cue phrases (the team's, data/feedback_classifier.toml, and the vocabulary
families, data/category_families.toml) then miss the very words that name the problem. Here each cue phrase of two
words or more also matches with those sounds swapped (l↔n, tr↔ch, s↔x at the start of a word, folded), for the
complaint model only (never the chat's question-or-complaint reading nor the rules' classification).

A swapped phrase can be another phrase's plain spelling ("trợ cấp" swapped is "chợ cấp", folded "cho cap": also
"cho cấp lại giấy", allow to issue): a variant is dropped when it is itself a cue phrase, or when it is written in
any message of the blind training batches and the seed examples that is not a complaint of the phrase's own category
(where it is plain Vietnamese, not a slip), and a two-word variant is dropped when its swapped word is one of the
commonest words of those messages ("cho", "nay").
"""

from __future__ import annotations

import itertools
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from appliance.citizen.matching import tokens

# Off by rule R1 (session 18): two fresh verdicts moved (fresh9 one right more, fresh11 one fewer), category 909 /
# 180 / 33 either way: right not raised.
SESSION18_VOICE_SLIPS = False

DATA = Path(__file__).with_name("data")
# Onsets heard as one in the north, folded (no diacritics): each is written for the other.
SWAPS = (("tr", "ch"), ("ch", "tr"), ("l", "n"), ("s", "x"), ("x", "s"))
MIN_WORDS = 2  # one folded word swapped is too often another word ("lam" / "nam", "sao" / "xao")
# A two-word variant whose swapped word is one of the training messages' most frequent words is as often plain
# Vietnamese ("trợ giúp" swapped is "cho giúp"): dropped.
COMMON = 150


def swapped(word: str) -> list[str]:
    """The word with its onset swapped ("long" → "nong", "tro" → "cho"); "n" only when it is the onset n (not ng,
    nh), which is written for l."""
    out = []
    for a, b in SWAPS:
        if word.startswith(a) and len(word) > len(a):
            out.append(b + word[len(a):])
    if word.startswith("n") and not word.startswith(("ng", "nh")) and len(word) > 1:
        out.append("l" + word[1:])
    return out


def variants(phrase: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every spelling of the phrase with one or more of its words' onsets swapped."""
    options = [[w, *swapped(w)] for w in phrase]
    for combo in itertools.product(*options):
        if combo != phrase:
            yield combo


def _labelled_texts() -> Iterator[tuple[str, str, str]]:
    """(text, intent, label) of every blind training batch (questions and complaints) and the seed examples."""
    dev = Path(__file__).resolve().parents[2] / "tests" / "citizen" / "dev"
    paths = [DATA / "complaints_train.toml", DATA / "understanding.toml", *sorted((DATA / "train").glob("*.toml")),
             *sorted(dev.glob("*.toml"))]  # the development set where a source checkout has it
    for path in paths:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
        for m in raw.get("message", []):
            if isinstance(m, dict) and m.get("text"):
                intent = str(m.get("intent", "complaint"))
                yield str(m["text"]), intent, str(m.get("category") or "")


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def slip_phrases(phrases: Iterable[tuple[tuple[str, ...], str]]) -> list[tuple[tuple[str, ...], str]]:
    """(variant, category) of every cue phrase of MIN_WORDS words or more, each variant kept only where it is no cue
    phrase itself and is written in no training message other than a complaint of that category."""
    phrases = list(phrases)
    plain = {p for p, _ in phrases}
    origin: dict[tuple[str, ...], tuple[str, ...]] = {}
    wanted: dict[tuple[str, ...], set[str]] = {}
    for phrase, cat in phrases:
        if len(phrase) < MIN_WORDS:
            continue
        for variant in variants(phrase):
            if variant not in plain:
                wanted.setdefault(variant, set()).add(cat)
                origin.setdefault(variant, phrase)
    wanted = {v: cats for v, cats in wanted.items() if len(cats) == 1}  # two categories' slips: no signal
    texts = [(tuple(tokens(t)), intent, cat) for t, intent, cat in _labelled_texts()]
    common = {w for w, _ in Counter(w for words, _, _ in texts for w in words).most_common(COMMON)}
    kept = []
    for variant, cats in wanted.items():
        (cat,) = cats
        swapped_words = [v for v, o in zip(variant, origin[variant], strict=True) if v != o]
        if len(variant) == MIN_WORDS and any(w in common for w in swapped_words):
            continue
        if any(_contains(words, variant) for words, intent, label in texts
               if not (intent == "complaint" and label == cat)):
            continue
        kept.append((variant, cat))
    return sorted(kept)


@lru_cache(maxsize=2)
def slip_variants(with_families: bool) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The swapped spellings of the team's cue phrases (and of the vocabulary families when `with_families`)."""
    from appliance.citizen import category_families
    from appliance.citizen.classify import seed

    phrases = [(tuple(tokens(p)), cat) for cat, data in seed().items() for p in data["keywords"]]
    if with_families:
        phrases += [(tuple(p.split()), cat) for cat, families in category_families.phrases().items()
                    for family in families.values() for p in family]
    return tuple(slip_phrases(phrases))
