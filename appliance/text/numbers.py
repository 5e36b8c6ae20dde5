"""Vietnamese numbers: '.' groups thousands, ',' is the decimal mark ("1.234.567,89")."""

from __future__ import annotations

import re

from appliance.text.fold import fold

_UNITS = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000, "ti": 1_000_000_000}
_NUMBER = re.compile(r"[-+]?\d[\d.,\s]*")
_WORDS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}


def _digits(raw: str) -> float | None:
    s = raw.strip().replace(" ", "")
    if not s:
        return None
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "," in s and "." in s:
        # Whichever comes last is the decimal mark; Vietnamese puts ',' last.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if (len(tail) == 3 and s.count(",") > 1) else head.replace(",", "") + "." + tail
    elif "." in s:
        parts = s.split(".")
        # "1.234" and "1.234.567" are thousands; "3.5" (one or two decimals) is a decimal point
        # as typed on English keyboards.
        if all(len(p) == 3 for p in parts[1:]):
            s = "".join(parts)
    try:
        return sign * float(s)
    except ValueError:
        return None


def parse_number(text: str | int | float | None) -> float | None:
    """Parse '1.234,5', '93,8%', '1,5 triệu', '12 nghìn'; None when there is no number."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    folded = fold(text)
    match = _NUMBER.search(folded)
    if not match:
        word = folded.strip()
        return float(_WORDS[word]) if word in _WORDS else None
    value = _digits(match.group(0).rstrip(".,"))
    if value is None:
        return None
    rest = folded[match.end():].split()
    if rest and rest[0] in _UNITS:
        value *= _UNITS[rest[0]]
    return value
