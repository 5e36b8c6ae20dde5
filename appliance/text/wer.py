"""Word error rate for Vietnamese speech recognition, tone-aware.

Vietnamese tones change the word ("tỉnh" province, "tình" love), so the WER the project reports keeps
the diacritics: both texts are NFC with one tone placement, lower case, punctuation dropped and digits
spelled out as they are read ("5/12" → "năm mười hai", "1.500" → "một nghìn năm trăm"), then words are
aligned by Levenshtein distance. `folded=True` also removes the diacritics (the older, lenient figure a
benchmark may print beside it: it hides every tone error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appliance.text.fold import fold
from appliance.text.normalize import normalize

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ((1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn"))
# A number as written: "1.500.000" (dot thousands), "2,5" (decimal comma), plain "15".
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _below_thousand(n: int, full: bool) -> list[str]:
    """0–999; `full` when a higher group precedes (then "không trăm", "lẻ" are said)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("lẻ")
        if units or not words:
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def spell_number(n: int) -> str:
    """An integer as read aloud: 21 → "hai mươi mốt", 105 → "một trăm lẻ năm", 2026 → "hai nghìn không trăm
    hai mươi sáu"."""
    if n < 0:
        return "âm " + spell_number(-n)
    if n < 1000:
        return " ".join(_below_thousand(n, False))
    words: list[str] = []
    rest = n
    for size, name in _GROUPS:
        if rest >= size:
            head, rest = divmod(rest, size)
            words += [spell_number(head), name]
            if rest == 0:
                return " ".join(words)
            if rest < 100:  # "một nghìn không trăm lẻ năm"
                return " ".join(words + _below_thousand(rest, True))
    return " ".join(words + _below_thousand(rest, bool(words)))


def _spell(match: re.Match[str]) -> str:
    raw = match.group(0)
    whole, _, decimals = raw.replace(".", "").partition(",")
    spoken = spell_number(int(whole))
    if decimals:
        spoken += " phẩy " + " ".join(_DIGITS[int(d)] for d in decimals)
    return f" {spoken} "


def wer_words(text: str, *, folded: bool = False) -> list[str]:
    """The words WER compares: NFC, lower case, digits spelled out, punctuation dropped."""
    text = normalize(text).lower().replace("%", " phần trăm ")
    text = _NUMBER.sub(_spell, text)
    words = _WORD.findall(text)
    return [fold(w) for w in words] if folded else words


@dataclass(frozen=True)
class WordErrors:
    errors: int       # substitutions + deletions + insertions
    words: int        # reference words

    @property
    def rate(self) -> float:
        return self.errors / max(1, self.words)

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(self.errors + other.errors, self.words + other.words)


def word_errors(reference: str, hypothesis: str, *, folded: bool = False) -> WordErrors:
    ref, hyp = wer_words(reference, folded=folded), wer_words(hypothesis, folded=folded)
    dist = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, dist[0] = dist[0], i
        for j, h in enumerate(hyp, 1):
            prev, dist[j] = dist[j], min(dist[j] + 1, dist[j - 1] + 1, prev + (r != h))
    return WordErrors(dist[len(hyp)], len(ref))


def wer(reference: str, hypothesis: str, *, folded: bool = False) -> float:
    """Tone-aware word error rate (`folded=True`: diacritics ignored as well)."""
    return word_errors(reference, hypothesis, folded=folded).rate
