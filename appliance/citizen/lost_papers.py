"""A copy asked of a civil-status paper that was lost or ruined (`SESSION29_COPY_OF_LOST_PAPER`, docs/citizen.md
"Session 29").

"Giấy đăng ký kết hôn của bố mẹ em bị chuột cắn nát hết rồi, em cần bản sao …, xin lại ở đâu" (s29), "… nay bị mối
xông nát cả … có xin được bản khác không" (s28): the words of the paper ("đăng ký kết hôn") are the words of the
registration, and the chat answered the marriage registration with confidence. The registration's catalogue entry
registers a marriage; it does not re-issue the paper. A paper that is lost or ruined while the ward's register still
holds the record is given again as a copy from the register (the catalogue's "Cấp bản sao trích lục hộ tịch"), and a
citizen who asks for a copy ("bản sao", "bản khác", "trích lục") says which of the two is meant. Where the register
itself is said to be gone ("sổ gốc không còn", "không còn lưu"), the matter is a registration again (the qualifier
"lai" of the registration), and the reading stays; so it does where no copy is asked ("làm lại", "xin lại": writers
label those either way) and where the copy is a certified copy of the paper ("chứng thực bản sao", another procedure).
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet, Procedure, tokens

# Read at call time by public/chat.ChatBot._act: a civil-status registration read for a lost or ruined paper whose
# copy is asked is answered with the catalogue's copy-from-the-register procedure.
# on by rule R1b (session 29, measured by the lead): the full fresh test with it off alone gives every count as with
# it on (the R1 harness on the 17 fresh messages it reads had shown procedure 12/4/0 on, 11/5/0 off: not what the
# served test path gives); off brings back three training wrongs (a marriage paper eaten by termites or mice, its
# copy asked → HT-KH instead of HT-TLBS; train s-halves and train21u)
SESSION29_COPY_OF_LOST_PAPER = True

# The paper is lost or ruined (folded). Not the bare "mất", which also says a death ("bố em mất rồi") or a cost.
LOST = ("bi mat", "lam mat", "danh mat", "danh roi", "that lac", "bi chay", "chay mat", "chay het", "nat", "rach",
        "moi xong", "moi an", "chuot can", "uot het", "nhoe", "khong doc duoc", "mun het", "hu het", "hong het")
# A copy is asked.
COPY = ("ban sao", "ban khac", "trich luc", "them ban")
# The register is gone too: a registration again, not a copy.
REGISTER_GONE = ("so goc", "khong con luu", "khong luu", "khong con so", "mat so", "so cu", "so ho tich", "so cung",
                 "so nam do", "khong cap ban sao")
# A certified copy of the paper in hand: another procedure.
CERTIFIED = ("chung thuc", "cong chung", "sao y")
# The registrations whose paper the register gives again as a copy (words of their official names, folded).
REGISTRATIONS = ("dang ky khai sinh", "dang ky ket hon", "dang ky khai tu")


def _set(items: Sequence[str]) -> PhraseSet[None]:
    return PhraseSet((tuple(p.split()), None) for p in items)


_LOST, _COPY, _GONE, _CERTIFIED = _set(LOST), _set(COPY), _set(REGISTER_GONE), _set(CERTIFIED)


def asks_copy_of_lost_paper(words: Sequence[str]) -> bool:
    """The message says a paper is lost or ruined and asks for a copy, the register not said gone."""
    if not SESSION29_COPY_OF_LOST_PAPER:
        return False
    return (_LOST.any_in(words) and _COPY.any_in(words)
            and not _GONE.any_in(words) and not _CERTIFIED.any_in(words))


def copy_procedure(procedures: Sequence[Procedure]) -> str | None:
    """The catalogue's copy-from-the-register procedure (its name says "bản sao trích lục"); None if it has none."""
    return next((p.code for p in procedures if "ban sao trich luc" in " ".join(tokens(p.name))), None)


def copy_instead(code: str | None, words: Sequence[str], procedures: Sequence[Procedure]) -> str | None:
    """The copy procedure's code where `code` is a civil-status registration read for a lost paper's copy; else None."""
    by_code = {p.code: p for p in procedures}
    if code not in by_code or not any(key in " ".join(tokens(by_code[code].name)) for key in REGISTRATIONS):
        return None
    return copy_procedure(procedures) if asks_copy_of_lost_paper(words) else None
