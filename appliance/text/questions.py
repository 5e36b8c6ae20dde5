"""Whether a Vietnamese sentence unmistakably asks something: "có … không", "… gì", "… bao nhiêu", "… thì sao",
"hay là ai", "… được không", "… xong chưa", or a question mark.

Narrow on purpose. It decides what the biên bản writes as a question (a "?" put on a statement puts words in
someone's mouth) and which clauses may not head an item. A negation before the question word makes it an
indefinite ("… mà chưa thấy gì", "không sao", "chẳng ai nói gì", "chưa giao ai"), and a bare "chưa" or "ai" at the end
is most often a statement ("giờ chưa", "chưa giao ai cả"). `meetings.minutes_content.is_question`, which keeps
questions out of the conclusions, is broader: there a question taken for a statement costs more."""

from __future__ import annotations

import re

_PARTICLE = r"(?:\s+(?:ạ|anh|chị|em|nhỉ|nhở|vậy|thế|đấy|đây|hả))*\s*[.?…]*$"
_ASKED = re.compile(r"\bcó\b.*\bkhông" + _PARTICLE + r"|\b(?:gì|nào|sao|bao nhiêu|bao giờ|mấy|hả|"
                    r"(?:hay )?là ai|phải không|được không|xong chưa|chưa ạ)" + _PARTICLE, re.IGNORECASE)
_NOT_ASKED = re.compile(r"\b(?:chưa|không|chẳng|chả)\b[^,.;?]*\b(?:gì|nào|sao|mấy|ai)" + _PARTICLE, re.IGNORECASE)


def asks(text: str) -> bool:
    """True when `text` (one sentence or clause, with its diacritics) is unmistakably a question."""
    said = text.strip()
    return said.endswith("?") or (bool(_ASKED.search(said)) and not _NOT_ASKED.search(said))
