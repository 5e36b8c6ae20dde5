"""A feedback category's own words in a question read as one about records ("môi trường tháng này bao nhiêu": "môi",
"trường" are filler words, "hạ tầng" folds to "hả tăng", a comparison): the records reading had dropped the category
and given every record received (a confident wrong, session 19). parser.parse makes such a reading unsure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.vocab import INDICATOR_ALIASES, PROCEDURE_ALIASES
from appliance.citizen.classify import seed as feedback_cues
from appliance.text import fold

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import ParseResult
    from appliance.ask.vocab import Catalog

_RECORD_NAMES = ("ten_thu_tuc", "linh_vuc", "can_bo_xu_ly")


def names_records(result: ParseResult) -> bool:
    """The reading names a procedure, field or officer (whose words a feedback cue may share: "sổ đỏ")."""
    return result.intent is not None and any(c in result.intent.filters for c in _RECORD_NAMES)


# A feedback category named in a question read as one about records ("môi trường tháng này bao nhiêu": "môi", "trường"
# are filler words, "hạ tầng" folds to "hả tăng", a comparison): the records reading had dropped the category and given
# every record received (a confident wrong). Where a category's own words (its label's parts, or a cue of two words
# or more) stand in such a question and no name of the records holds them ("đất đai", "xây dựng" are fields too), the
# records reading is unsure (a bug fix, no flag).
_IGNORED_WORDS = {"ho so", "can bo", "thu tuc", "mot cua", "tiep nhan", "tra ket qua", "tra ho so", "nop truc tuyen",
                  "dich vu cong", "cong dich vu", "bo phan tiep nhan", "cham giai quyet", "tre hen", "giay hen",
                  "huong dan", "boi duong", "xep hang", "so thu tu", "nhan vien", "phuc vu"}
_category_phrases: dict[int, list[tuple[str, str]]] = {}


def _phrases(catalog: Catalog) -> list[tuple[str, str]]:
    """(folded phrase, as shown) of the feedback categories that no name of the records holds, longest first."""
    cached = _category_phrases.get(id(catalog))
    if cached is not None:
        return cached
    record_names = " | ".join([fold(n) for n in catalog.fields + catalog.procedures + catalog.officers
                               + catalog.indicators]
                              + list(PROCEDURE_ALIASES) + list(INDICATOR_ALIASES))
    found: dict[str, str] = {}
    for _, label in catalog.feedback_categories:
        for part in label.split(","):
            found.setdefault(fold(part).strip(), part.strip())
    for cues in feedback_cues().values():
        for cue in cues["keywords"]:
            if len(cue.split()) >= 2:
                found.setdefault(cue, cue)
    out = [(p, shown) for p, shown in found.items()
           if len(p.split()) >= 2 and p not in _IGNORED_WORDS and not any(w in p for w in ("ho so", "thu tuc"))
           and p not in record_names]
    out.sort(key=lambda ps: -len(ps[0]))
    _category_phrases[id(catalog)] = out
    return out


def ignored_category(said: list[str], catalog: Catalog) -> str:
    """The words of a feedback category in the question, as the category shows them, or ""."""
    text = " " + " ".join(said) + " "
    for phrase, shown in _phrases(catalog):
        if re.search(rf" {re.escape(phrase)} ", text):
            return shown
    return ""
