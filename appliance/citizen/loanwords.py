"""Session 19: words citizens type that the vocabulary did not read (docs/citizen.md "Session 19"; on by rule R1,
unconditional since session 21).

Read by `matching.tokens` after the teencode (so by every reading: rules, lexical examples, the complaint model):

- English mixed into Vietnamese by Việt kiều, their relatives and office workers ("request a copy of my marriage
  certificate", "cần certify chữ ký", "birth certificate của bé"). Only multi-letter words that no folded Vietnamese
  word spells ("can", "the", "me", "my", "to" are Vietnamese too once folded, and never listed); each phrase becomes
  the folded Vietnamese words a citizen would have written for it, so the procedure phrases read it.
- Chat abbreviations with two common meanings ("hd": hợp đồng or hướng dẫn) read only before a word that settles
  them ("hd mua bán", "hd thuê"). The one-token abbreviations of session 19 with one meaning in a ward's chat ("ny",
  "mn", "kd", "bv", "dvc", "nhg", the old "KT3" / "KT4") are in `vocabulary.TEENCODE` since session 21; "hs" (hồ sơ
  or học sinh) and "dt" (điện thoại or diện tích) are left.
"""
from __future__ import annotations

from collections.abc import Sequence

# Folded English phrase → folded Vietnamese words. Longer phrases first where one holds another (the scan takes the
# longest match at each position).
ENGLISH: dict[str, str] = {
    "birth certificate": "giay khai sinh",
    "birth registration": "dang ky khai sinh",
    "register the birth": "dang ky khai sinh",
    "marriage certificate": "giay ket hon",
    "marriage registration": "dang ky ket hon",
    "register our marriage": "dang ky ket hon",
    "register marriage": "dang ky ket hon",
    "get married": "ket hon",
    "getting married": "ket hon",
    "death certificate": "giay chung tu",
    "certificate of single status": "giay xac nhan tinh trang hon nhan",
    "single status": "tinh trang hon nhan",
    "marital status": "tinh trang hon nhan",
    "certified copy": "ban sao chung thuc",
    "certified copies": "ban sao chung thuc",
    **{f"{copy} of{whose}": "ban sao" for copy in ("copy", "copies", "a copy")
       for whose in ("", " my", " our", " his", " her", " the", " their")},
    "copy": "ban sao",
    "copies": "ban sao",
    "certify": "chung thuc",
    "notarize": "chung thuc",
    "notarise": "chung thuc",
    "notarized": "chung thuc",
    "notarised": "chung thuc",
    "signature": "chu ky",
    "contract": "hop dong",
    "temporary residence": "tam tru",
    "permanent residence": "thuong tru",
    "business license": "giay phep kinh doanh",
    "business licence": "giay phep kinh doanh",
    "business registration": "dang ky kinh doanh",
    "building permit": "giay phep xay dung",
    "construction permit": "giay phep xay dung",
    "red book": "so do",
    "land title": "so do",
    "guardianship": "giam ho",
    "paternity": "nhan cha con",
    "funeral": "mai tang",
}

# Session 20 (docs/citizen.md "Session 20"; on by rule R1, plain since session 22): more of the same English, as a
# parent abroad or a foreign spouse asks ("Can we register his birth in Vietnam? What papers do we need?", session
# 20's half; "my partner is French"): registering a child's birth said with the pronoun, the papers asked for, the
# foreign spouse or child named.
ENGLISH20: dict[str, str] = {
    **{f"register {whose} birth": "dang ky khai sinh" for whose in ("his", "her", "their", "our", "my baby s",
                                                                     "my son s", "my daughter s")},
    **{f"register {whose}": "dang ky khai sinh cho con" for whose in ("my baby", "the baby", "our baby", "my newborn")},
    "born abroad": "sinh o nuoc ngoai",
    "what papers": "giay to gi",
    "what documents": "giay to gi",
    "papers": "giay to",
    "documents": "giay to",
    "foreigner": "nguoi nuoc ngoai",
    "foreign": "nuoc ngoai",
    "recognize my child": "nhan con",
    "acknowledge my child": "nhan con",
}

# Folded abbreviation phrases whose first token has two meanings → folded words (the one-token abbreviations are in
# vocabulary.TEENCODE).
ABBREVIATIONS: dict[str, str] = {
    "hd mua": "hop dong mua",
    "hd thue": "hop dong thue",
    "hd cho": "hop dong cho",
    "hd tang": "hop dong tang",
    "hd uy": "hop dong uy",
    "hd chuyen": "hop dong chuyen",
}


def _table(phrases: dict[str, str]) -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    """First word → (phrase, replacement), longest phrase first."""
    out: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for phrase, words in phrases.items():
        key = tuple(phrase.split())
        out.setdefault(key[0], []).append((key, words.split()))
    for options in out.values():
        options.sort(key=lambda option: -len(option[0]))
    return out


_ENGLISH = _table({**ENGLISH, **ENGLISH20})
_ABBREVIATIONS = _table(ABBREVIATIONS)


def _replace(words: Sequence[str], table: dict[str, list[tuple[tuple[str, ...], list[str]]]]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, replacement in table.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                out.extend(replacement)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def expand(words: Sequence[str]) -> list[str]:
    """The folded tokens with the abbreviations and English phrases written as Vietnamese."""
    out = list(words)
    out = _replace(out, _ABBREVIATIONS)
    return _replace(out, _ENGLISH)
