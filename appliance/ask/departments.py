"""Session 18 (session 17's reading, off by rule R1 then and retired, measured anew): feedback asked by the department
that handles it ("phản ánh giao Công an phường", "phản ánh thuộc phạm vi
Phòng Kinh tế, Hạ tầng và Đô thị xử lý"). The departments and their categories are the routing table's
(vocab.Catalog.feedback_departments), never a list of our own. The department's words had been left unknown, so the
question was "unsure" (three writers of the training halves ask so).

A department with one category is that category (so "phản ánh giao công an với phản ánh môi trường" ranks two
categories); one with several is a filter on the department the feedback was routed to (`v_phan_anh.don_vi_xu_ly`),
alone: with a category or a second such department named too, the question is unsure (a condition on both would
count the feedback that is in both: none). Read at run time; tested on and off in tests/ask/test_session18.py. Five
writers of the training halves (sessions 13, 14, 15, 17, 18) ask so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from appliance.ask.tokens import SHORTHAND, Tokens
from appliance.text import fold

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent
    from appliance.ask.vocab import Catalog

SESSION18_DEPARTMENTS = False  # off by rule R1 (session 18): moved no fresh verdict, no training wrong back
COLUMN = "don_vi_xu_ly"
# Said before the department: to whom the feedback is given, in whose remit it falls, whose side ("bên công an").
_BEFORE = (["thuoc", "tham", "quyen", "xu", "ly", "cua"], ["thuoc", "tham", "quyen", "cua"], ["thuoc", "tham", "quyen"],
           ["thuoc", "pham", "vi"], ["thuoc"], ["giao", "cho"], ["giao"], ["chuyen"], ["cua"], ["do"], ["ben"])
# Said after it: the department handles it ("… Phòng Kinh tế … xử lý"), not a measure of its own.
_AFTER = (["xu", "ly"], ["giai", "quyet"], ["phu", "trach"], ["thu", "ly"])
_BREAKS = {",", "va", "-"}


def _words(text: str) -> list[str]:
    out: list[str] = []
    for raw in fold(text).replace(",", " , ").replace("-", " - ").split():
        out += SHORTHAND.get(raw, raw).split()
    return out


def _phrases(name: str) -> list[list[str]]:
    """The ways a department is named: in full, or up to a comma, "và" or a dash ("Phòng Kinh tế"), and without the
    ward's own word at its end ("Công an" for "Công an phường"). Commas and dashes are not words of the question."""
    words = _words(name)
    cuts = [k for k, w in enumerate(words) if w in _BREAKS] + [len(words)]
    out = []
    for cut in cuts:
        phrase = [w for w in words[:cut] if w not in (",", "-")]
        if len(phrase) >= 2:
            out.append(phrase)
        if len(phrase) >= 3 and phrase[-1] == "phuong":
            out.append(phrase[:-1])
    return out


def _find(items: list[str], used: list[bool], phrase: list[str]) -> list[int]:
    """Positions of phrase in the question, commas and "và" between its words being transparent."""
    for start in range(len(items)):
        positions: list[int] = []
        i = start
        for word in phrase:
            while i < len(items) and items[i] in (",", "va") and word not in (",", "va") and positions:
                i += 1
            if i >= len(items) or items[i] != word or used[i]:
                break
            positions.append(i)
            i += 1
        else:
            return positions
    return []


@dataclass
class Named:
    problem: str = ""
    categories: list[str] = field(default_factory=list)  # of the departments with one category
    department: str = ""  # the one department of several categories


def match(tokens: Tokens, intent: Intent, catalog: Catalog) -> Named:
    """The departments named (their words are read); set on the intent by `merge` once the categories are found."""
    if not SESSION18_DEPARTMENTS or intent.domain != "phan_anh":
        return Named()
    found: list[str] = []
    candidates = sorted(((p, d) for d in catalog.feedback_departments for p in _phrases(d)), key=lambda x: -len(x[0]))
    for phrase, department in candidates:
        positions = _find(tokens.items, tokens.used, phrase)
        if not positions:
            continue
        first, last = positions[0], positions[-1] + 1
        for before in _BEFORE:
            if first >= len(before) and tokens.items[first - len(before):first] == before:
                first -= len(before)
                break
        for after in _AFTER:
            if tokens.items[last:last + len(after)] == after:
                last += len(after)
                break
        for k in range(first, last):
            tokens.used[k] = True
        found.append(department)
    named = list(dict.fromkeys(found))
    several = [d for d in named if len(catalog.feedback_departments[d]) > 1]
    if len(several) > 1 or (several and len(named) > 1):
        return Named("Câu hỏi nêu hai đơn vị xử lý; hãy hỏi từng đơn vị, hoặc hỏi «phản ánh theo đơn vị xử lý».")
    if several:
        return Named(department=several[0])
    return Named(categories=[catalog.feedback_departments[d][0] for d in named])


def merge(intent: Intent, named: Named) -> str:
    """Add the departments to the categories found; a department of several categories with a category is unsure."""
    said = intent.filters.get("ma_linh_vuc")
    categories = [said] if isinstance(said, str) else list(said) if isinstance(said, list) else []
    if named.department:
        if categories:
            return "Câu hỏi nêu cả đơn vị xử lý và nhóm phản ánh; hãy hỏi theo một trong hai."
        intent.filters[COLUMN] = named.department
        return ""
    values = list(dict.fromkeys(categories + named.categories))
    if values:
        intent.filters["ma_linh_vuc"] = values[0] if len(values) == 1 else values
    return ""
