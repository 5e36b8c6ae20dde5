"""NFC and one tone placement for oa/oe/uy.

Vietnamese has two accepted placements of the tone mark in the open syllables oa, oe, uy:
"hòa/thủy" (classic, used in the text of Nghị định 30) and "hoà/thuỷ" (new). Documents mix
them, so the same word would be two words to a search index. We store the classic one.
"""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks (the five tones besides ngang).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# An open syllable ending in oa/oe/uy with the tone on its last vowel; the (?<![qQ]) keeps
# "quý/quỳ" intact, where u belongs to the consonant "qu" and the tone sits on y correctly.
_WORD = re.compile(r"\w+", re.UNICODE)
_OPEN = re.compile(r"^(.*?)(?<![qQgG])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])$")


def _retone(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word)
    match = _OPEN.match(nfd)
    if not match:
        return word
    head, first, second, tone = match.groups()
    pair = (first + second).lower()
    if pair not in ("oa", "oe", "uy"):
        return word
    return unicodedata.normalize("NFC", head + first + tone + second)


def normalize(text: str | None) -> str:
    """NFC, classic tone placement, no stray control characters, single spaces kept as typed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    return _WORD.sub(lambda m: _retone(m.group(0)), text)
