"""Width of a line of Times New Roman text, from the font's advance widths (Adobe AFM of
Times-Roman / Times-Bold, which Times New Roman matches closely). Used to size the rules under
the Tiêu ngữ (full length) and the issuer's name (⅓–½ of it). Vietnamese marks do not change
a letter's advance, so letters are measured by their base form."""

from __future__ import annotations

import unicodedata

_ROMAN = dict(zip("abcdefghijklmnopqrstuvwxyz",
                  (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
                   389, 278, 500, 500, 722, 500, 500, 444), strict=True))
_ROMAN.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
                   556, 611, 722, 722, 944, 722, 722, 611), strict=True))
_BOLD = dict(zip("abcdefghijklmnopqrstuvwxyz",
                 (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
                  389, 333, 556, 500, 722, 500, 500, 444), strict=True))
_BOLD.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
                  556, 667, 722, 722, 1000, 722, 722, 667), strict=True))
_COMMON = {" ": 250, "-": 333, ",": 250, ".": 250, ":": 278, "/": 278, "(": 333, ")": 333}
_DIGIT = 500
_DEFAULT = 500


def _base(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return unicodedata.normalize("NFD", char)[0]


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    table = _BOLD if bold else _ROMAN
    units = 0
    for char in text:
        base = _base(char)
        if base in table:
            units += table[base]
        elif base.isdigit():
            units += _DIGIT
        else:
            units += _COMMON.get(base, _DEFAULT)
    return units * size_pt / 1000.0


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    return text_width_pt(text, size_pt, bold) * 25.4 / 72.0
