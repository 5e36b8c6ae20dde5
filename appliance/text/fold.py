"""Folding for search: lower case, no diacritics, đ→d (which Unicode does not decompose)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z]+")


def _table() -> dict[int, str | None]:
    """Every letter with diacritics → its base letter, combining marks → nothing, đ → d. Built
    once from Unicode's own decompositions; the tone placement (hòa/hoà) cannot matter here, as
    every mark is dropped."""
    table: dict[int, str | None] = {}
    for code in range(0x80, 0x10000):
        ch = chr(code)
        if unicodedata.combining(ch):
            table[code] = None
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed != ch:
            table[code] = "".join(c for c in decomposed if not unicodedata.combining(c))
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table[0xFEFF] = None
    table[0x200B] = None
    table[0xA0] = " "
    return table


_FOLD = _table()


def _slow(text: str) -> str:
    """Outside the basic plane (the table's range): the definition itself."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


def fold(text: str | None) -> str:
    if not text:
        return ""
    if max(text) > "\uffff":
        stripped = _slow(text)
    else:
        stripped = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    if not stripped.isascii():  # other scripts: recompose what stripping marks left apart
        stripped = unicodedata.normalize("NFC", stripped)
    return _SPACES.sub(" ", stripped).strip()


def fold_word(word: str) -> str:
    """fold() for one word of the basic plane (no spaces to squeeze): the snippet's hot loop."""
    return unicodedata.normalize("NFC", word).lower().translate(_FOLD)


def fold_tokens(text: str | None) -> list[str]:
    """Folded alphanumeric tokens, the unit both indexing and queries agree on."""
    return _TOKEN.findall(fold(text))
