"""A mistake in another office's paper is that office's to correct (`SESSION29_OTHER_PAPER_WRONG`, docs/citizen.md
"Session 29").

"Căn cước của tôi ghi sai ngày sinh, sửa ở phường được không?" (s19): the words of a mistake and its correction ("ghi
sai … sửa") are the words of the ward's civil-status correction, and the chat answered it with confidence. The
paper with the mistake is the police's (the identity card), and the office that issued a paper corrects it: the
police an identity card, the social-insurance agency a social-insurance book, the court its judgment. The ward asks
other offices' papers for its own procedures, so such a paper is another office's matter only where it is the
message's subject: named before the mistake, and no paper or register of the ward named at all ("đổi tên trong CCCD,
giờ muốn đính chính thông tin trên sổ đỏ" corrects the land certificate; "giấy khai sinh ghi sai … so với căn cước"
the birth record). The other offices' papers are those of `vocabulary.ELSEWHERE_DOCUMENTS`, whose requests ("cấp
lại căn cước") were already read as out of scope; this adds their mistakes.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet
from appliance.citizen.vocabulary import ELSEWHERE_DOCUMENTS

# Read at call time by public/chat.ChatBot._act: a procedure reading whose subject is another office's paper with a
# mistake is answered "not handled here" with that office (the paper's out-of-scope topic).
# off by rule R1 (session 29, measured by the lead: 8 fresh messages read): on, procedure 0/0/1 and out of scope
# 6/1/0; off, 1/0/0 and 5/2/0 (a right procedure made a confident wrong with it on)
SESSION29_OTHER_PAPER_WRONG = False

MISTAKES = ("ghi sai", "bi sai", "sai ten", "sai ngay", "sai nam", "ghi nham", "dinh chinh", "sua lai", "sua")
# The ward's papers and registers: with one of them named, the mistake may be the ward's to correct.
WARD_PAPERS = ("khai sinh", "ket hon", "khai tu", "ho tich", "tam tru", "thuong tru", "so do", "so hong",
               "giay chung nhan", "giay phep")

_DOCUMENTS: PhraseSet[str] = PhraseSet((tuple(d.split()), topic) for topic, docs in ELSEWHERE_DOCUMENTS.items()
                                       for d in docs)
_MISTAKES: PhraseSet[None] = PhraseSet((tuple(p.split()), None) for p in MISTAKES)
_WARD_PAPERS: PhraseSet[None] = PhraseSet((tuple(p.split()), None) for p in WARD_PAPERS)


def other_paper_wrong(words: Sequence[str]) -> str | None:
    """The out-of-scope topic of the other office's paper that `words` say has a mistake, or None."""
    if not SESSION29_OTHER_PAPER_WRONG or _WARD_PAPERS.any_in(words):
        return None
    docs = _DOCUMENTS.find(words)
    if not docs:
        return None
    first, topic = min((start, topic) for start, _end, topic in docs)
    return topic if any(start > first for start, _end, _ in _MISTAKES.find(words)) else None
