"""The elderly named in a citizen's words, read as the law names them: "người cao tuổi".

Luật Người cao tuổi and its decrees say "người cao tuổi" throughout (Điều 2: "công dân Việt Nam từ đủ 60 tuổi trở
lên"); citizens write "bố mẹ già", "người già", "ông bà già", "người lớn tuổi". Searched as typed, "già" is a word
the law never says: the ranking prefers another law that shares the question's other words ("con cháu có nghĩa vụ
phụng dưỡng ông bà bố mẹ già …" was answered with Điều 104 Luật Hôn nhân và gia đình on grandparents and
grandchildren, not Điều 10 Luật Người cao tuổi, "Nghĩa vụ và quyền phụng dưỡng người cao tuổi"), and the judgement
counts "già" as absent ("người già đi tàu hỏa … có được giảm giá vé không": Điều 5 Nghị định 06/2011 ranked first,
"not found").

Session 25 (plain behaviour since session 27: on by rule R1b in session 25; called by search.py): "già" right after a
word naming a person (người, cụ, ông, bà, bố, mẹ, cha, ba, má, u, tía, ông bà, bố mẹ, cha mẹ …) and "lớn tuổi" right
after "người" are read as "cao tuổi" by the ranking and the judgement; the citizen chat's reading (bridge.py) keeps what
was typed. Typed without diacritics (indexing.ACCENTED_SHARE), the folded "gia" after such a word is read so too. Not
"già yếu": Điều 10 Nghị định 23/2015 names a person "già yếu, không thể đi lại được" (certification away from the
office) in those very words; nor "giá" (a price: "giảm giá vé"), "gia" of "gia đình", "gia hạn", or "già" after any
other word.
"""

from __future__ import annotations

import re

from appliance.knowledge.indexing import ACCENTED_SHARE
from appliance.text import fold, normalize

# A word naming a person (lower case, with diacritics), then "già", not followed by "yếu".
_PERSON = r"người|cụ|ông|bà|bố|mẹ|cha|ba|má|u|tía|bầm|nội|ngoại"
_OLD_ACCENTED = re.compile(rf"(?<!\w)({_PERSON})\s+già(?!\w)(?!\s+yếu(?!\w))", re.UNICODE)
# Folded, fewer: "cu gia" is also "cũ giá" (an old thing's price), "ma gia" "mà giá", "ba gia" "ba giá" (three prices).
_OLD_FOLDED = re.compile(r"(?<!\w)(nguoi|ong ba|ong|bo|me|cha)\s+gia(?!\w)(?!\s+yeu(?!\w))")
_OLDER_ACCENTED = re.compile(r"(?<!\w)người\s+lớn\s+tuổi(?!\w)", re.UNICODE)
_OLDER_FOLDED = re.compile(r"(?<!\w)nguoi\s+lon\s+tuoi(?!\w)")
_WORD = re.compile(r"\w+", re.UNICODE)


def official(query: str) -> str:
    """The question with the elderly named as the law names them (module docstring); unchanged when nothing
    matches. Lower-cased and normalised where it changes."""
    text = normalize(query).lower()
    words = _WORD.findall(text)
    accented = bool(words) and sum(1 for w in words if fold(w) != w) >= ACCENTED_SHARE * len(words)
    if accented:
        new = _OLDER_ACCENTED.sub("người cao tuổi", _OLD_ACCENTED.sub(r"\1 cao tuổi", text))
    else:
        new = _OLDER_FOLDED.sub("nguoi cao tuoi", _OLD_FOLDED.sub(r"\1 cao tuoi", text))
    return query if new == text else new
