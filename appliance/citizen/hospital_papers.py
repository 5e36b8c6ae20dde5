"""The hospital's birth paper lost or wrong is the hospital's matter (`SESSION29_HOSPITAL_PAPER`, docs/citizen.md
"Session 29").

"Giấy chứng sinh bệnh viện cấp bị mất thì xin lại ở đâu ạ, để đi làm khai sinh" (s15), "Giấy chứng sinh bệnh viện cấp
cho con bị ghi sai tên mẹ, phường sửa giúp được không" (s18): the giấy chứng sinh is issued by the health facility
where the child was born, which also issues it again or corrects it (the health ministry's rules on it are not in the
library, so no article is named); the ward only takes it
as an input of the birth registration. The words around it are the words of the ward's procedures ("khai sinh",
"ghi sai … sửa", "xin lại"), and the chat answered the birth registration or the civil-status correction with
confidence. What decides is which paper the mistake or the request is about: the giấy chứng sinh when the
message names it as its subject, before any birth registration is named; a birth paper (giấy khai sinh) named first
and compared with the hospital's ("giấy khai sinh ghi sai ngày sinh so với giấy chứng sinh") is the ward's correction
and reads as before, as does a giấy chứng sinh merely brought to the registration ("làm khai sinh cần giấy chứng
sinh").
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet

# Read at call time by public/chat.ChatBot._act: a procedure reading whose subject is the hospital's birth paper,
# wrong or asked again, is answered "not handled here" with the issuing facility.
# on by rule R1b (session 29, measured by the lead): no fresh message read; off brings back training wrongs
# ("Giấy chứng sinh bệnh viện cấp bị mất thì xin lại ở đâu ạ, để đi làm khai sinh" → HT-KS; the same in train22g,
# and a wrong mother's name → HT-TDCC)
SESSION29_HOSPITAL_PAPER = True
TOPIC = "giay_chung_sinh"  # data/understanding.toml

HOSPITAL_PAPER = ("giay chung sinh",)
# A mistake in it or a request for it again (after its name). A loss alone is not one: "giấy chứng sinh bị mất, con
# làm khai sinh được nữa không" asks whether the registration can go on without it.
MATTERS = ("ghi sai", "bi sai", "sai ten", "sai ngay", "sai gio", "ghi nham", "nham", "sua", "dinh chinh", "cap lai",
           "xin lai", "lam lai")
# The ward's birth registration or its paper.
BIRTH = ("khai sinh",)


def _set(items: Sequence[str]) -> PhraseSet[None]:
    return PhraseSet((tuple(p.split()), None) for p in items)


_PAPER, _MATTERS, _BIRTH = _set(HOSPITAL_PAPER), _set(MATTERS), _set(BIRTH)


def hospital_paper_asked(words: Sequence[str]) -> bool:
    """The hospital's birth paper is the message's subject (named before any birth registration) and a mistake in
    it or a request for it again follows."""
    if not SESSION29_HOSPITAL_PAPER:
        return False
    papers = _PAPER.find(words)
    if not papers:
        return False
    first = min(start for start, _end, _ in papers)
    if any(start < first for start, _end, _ in _BIRTH.find(words)):
        return False
    return any(start >= first for start, _end, _ in _MATTERS.find(words))
