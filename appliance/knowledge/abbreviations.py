"""The administrative abbreviations a question types, read as the words the official text spells out.

Officials and citizens write "UBND phường", "Chủ tịch UBND", "công chức LĐTBXH"; the laws and decrees spell "Ủy ban
nhân dân", "Lao động - Thương binh và Xã hội". Searched as typed, "ubnd" is a word the library never contains: the
ranking loses the passages naming the committee, and the relevance judgement counts the word as absent and says
"chưa có văn bản nào nói về “UBND”" (session 22: six training questions on how often the chairman receives citizens,
all "not found" with Điều 15 Luật Tiếp công dân among the first passages). Since session 22 (plain behaviour since
session 24): each abbreviation of ABBREVIATIONS is replaced by its words before the question is searched and judged,
with diacritics when the question is typed with them, folded when it is not (so the words typed without diacritics
keep their reading, indexing.question_tokens). The reading of the citizen chat (bridge.py) and
the question shown keep what was typed.

Only abbreviations with one official expansion are read; a reference of a legal text ("NĐ-CP", "QH13") is a number,
read by the registry, and stays as typed.
"""

from __future__ import annotations

import re

from appliance.knowledge.indexing import ACCENTED_SHARE
from appliance.text import fold, normalize

# Folded abbreviation (as typed: "UBND", "ubnd", "HĐND", "LĐ-TBXH") → the words the official text spells.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "ldtbxh": "Lao động - Thương binh và Xã hội",
    "cmnd": "chứng minh nhân dân",
    "cccd": "căn cước công dân",
}
# A word of letters, possibly with one inner hyphen ("LĐ-TBXH"), standing alone.
_TOKEN = re.compile(r"(?<![\w-])(\w+(?:-\w+)?)(?![\w-])", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


def expand(query: str) -> str:
    """The question with each abbreviation of ABBREVIATIONS replaced by its words (module docstring); the question
    unchanged when it holds none."""
    words = [w.lower() for w in _WORD.findall(normalize(query))]
    known = [w for w in words if fold(w).replace("-", "") not in ABBREVIATIONS]
    accented = bool(known) and sum(1 for w in known if fold(w) != w) >= ACCENTED_SHARE * len(known)

    def spelled(match: re.Match[str]) -> str:
        words_of = ABBREVIATIONS.get(fold(match.group(1)).replace("-", "").replace(" ", ""))
        if words_of is None:
            return match.group(0)
        return words_of if accented else fold(words_of)

    return _TOKEN.sub(spelled, query)
