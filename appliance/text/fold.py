"""Folding for search: lower case, no diacritics, đ→d (which Unicode does not decompose)."""

from __future__ import annotations

import re
import unicodedata

from appliance.text.normalize import normalize

_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z]+")


def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", normalize(text).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "d")
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip()


def fold_tokens(text: str | None) -> list[str]:
    """Folded alphanumeric tokens, the unit both indexing and queries agree on."""
    return _TOKEN.findall(fold(text))
