"""Session 11: a lost or ruined civil-status certificate whose register is gone too is registered again (đăng ký
lại: the registration procedure), never a copy from the register (trích lục bản sao).

"mất giấy hôn thú, sổ gốc năm đó hư hết": the register is gone, so no copy can be given and the marriage is
registered again (the registration procedure with the qualifier "đăng ký lại"); the phrase rules see "bản sao" or
"cấp lại" and read trích lục. What says so is a grammatical reading no contiguous phrase makes: a certificate, a
loss attached to it (the certificate lost, burnt, torn; not a person who died, not "mất bao lâu"), and the register
said to be gone. The registration then scores as the strongest phrase of the message plus one, as in
record_corrections.py; the fusion model still sets the confidence. With the register not mentioned nothing is
boosted: the writers disagree on copy or registration there, and a question back is better than a guess.

Not fired when the message also asks to correct the record (record_corrections.py decides), or names the
hospital's birth paper (giấy chứng sinh: losing it changes nothing of a first registration). Built from the
training halves' lost-certificate questions (s6, s8, s9, s10, dev); docs/citizen.md, "Session 11".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from appliance.citizen.matching import PhraseSet, Procedure
from appliance.text import fold

# Off → the phrase rules as in session 10; the lead measures it off / on (docs/citizen.md, Session 11).
# Off by rule R1 once at the end of session 11: no verdict moved on fresh8-fresh11 (its tests switch it on).
SESSION11_LOST_RECORDS = False

# Folded words, as vocabulary.py folds the message. Each certificate names the registration it comes from
# (a key found in the catalogue's folded procedure names).
CERTIFICATES: dict[str, str] = {
    "giay khai sinh": "khai sinh", "khai sinh": "khai sinh", "ban chinh khai sinh": "khai sinh",
    "giay chung tu": "khai tu", "chung tu": "khai tu", "giay khai tu": "khai tu", "giay bao tu": "khai tu",
    "giay ket hon": "ket hon", "giay dang ky ket hon": "ket hon", "giay dk ket hon": "ket hon",
    "giay chung nhan ket hon": "ket hon", "giay hon thu": "ket hon", "hon thu": "ket hon",
}
# A loss of the paper itself. "mat" alone is also "died" and "costs" ("mất bao lâu"): it counts only in these
# shapes, or right after the certificate ("giấy khai sinh mất rồi").
LOSSES = ("bi mat", "lam mat", "danh mat", "mat roi", "mat het", "mat tieu", "mat mat", "that lac", "bi that lac",
          "bi chay", "chay mat", "chay het", "bi rach", "rach nat", "rach", "can nat", "can rach", "gam rach",
          "bi hu", "hu het", "bi hong", "nat het", "bi uot", "mo het", "khong tim thay", "tim khong thay",
          "de dau mat", "lu cuon", "bi cuon")
# "làm mất giấy khai sinh": an active loss before the certificate. Not after "bị" ("sổ đỏ bị mất, giấy khai
# sinh vẫn còn": the passive belongs to what precedes it) nor after a person ("bà mất giấy…" is rare, "bà mất" is not).
LOST_BEFORE = ("lam mat", "danh mat", "mat", "lam that lac")
# At most this many words between a certificate and its loss ("giấy khai sinh bản gốc của tui bị mất").
WINDOW = 6
# A bare "mất" right after these is a person who died ("của ông nội đã mất", "bà ngoại mất").
DIED_BEFORE = frozenset("da vua ong ba bo me cha cu noi ngoai chong vo anh chi".split())
# The register is gone: the record cannot be copied and is registered again.
# "sổ" is the register unless it is another book (sổ đỏ, sổ hộ khẩu, sổ tiết kiệm…).
OTHER_BOOKS = frozenset("do hong bia tam bhxh bao tiet".split())
REGISTER_GONE = ("khong con", "cung mat", "bi mat", "mat", "that lac", "bi chay", "chay", "hu", "hong", "cuon",
                 "khong tim thay", "tim khong thay", "khong con luu", "khong luu", "khong ra", "khong co ten")
# Said without naming the book: "không còn lưu", "không còn giữ sổ".
REGISTER_GONE_ALONE = ("khong con luu", "hong con luu", "khong con giu so", "khong con luu so", "khong luu so",
                       "khong con so", "ban luu cung mat", "khong tra duoc so")
NOT_LOST = ("giay chung sinh", "chung sinh")  # the hospital's paper: a first registration
# A copy of the paper certified (chứng thực bản sao): the citizen has the original, whatever its state.
CERTIFY = ("chung thuc", "cong chung", "sao y")


def _set(items: Sequence[str]) -> PhraseSet[None]:
    return PhraseSet((tuple(p.split()), None) for p in items)


_CERTIFICATES: PhraseSet[str] = PhraseSet((tuple(p.split()), key) for p, key in CERTIFICATES.items())
_LOSSES, _LOST_BEFORE = _set(LOSSES), _set(LOST_BEFORE)
_REGISTER_GONE, _REGISTER_GONE_ALONE = _set(REGISTER_GONE), _set(REGISTER_GONE_ALONE)
_NOT_LOST = _set((*NOT_LOST, *CERTIFY))
COST = frozenset("bao phi tien may bn nhieu thoi cong".split())  # "mất bao lâu", "mất phí": what it costs


def lost_certificate(words: Sequence[str]) -> str | None:
    """The registration key ("khai sinh", "khai tu", "ket hon") of a certificate the message says was lost or
    ruined; None when there is none."""
    if _NOT_LOST.any_in(words):
        return None
    losses = [(s, e) for s, e, _ in _LOSSES.find(words)]
    bare = [(i, i + 1) for i, w in enumerate(words) if w == "mat" and (i + 1 >= len(words) or words[i + 1] not in COST)]
    for start, end, key in _CERTIFICATES.find(words):
        for s, e in [*losses, *bare]:
            gap = words[end:s]
            if s >= end and len(gap) <= WINDOW:
                if (s, e) in bare and gap and gap[-1] in DIED_BEFORE:  # "của ông đã mất": the person died
                    continue
                return key
        for s, e, _ in _LOST_BEFORE.find(words):
            if s > 0 and (words[s - 1] == "bi" or words[s - 1] in DIED_BEFORE):
                continue
            gap = words[e:start]
            if e <= start and len(gap) <= 2 and all(w in {"giay", "ban", "chinh", "goc", "cai", "to"} for w in gap):
                return key
    return None


def register_gone(words: Sequence[str]) -> bool:
    """The message says the ward's (or the old commune's) register is gone too."""
    if _REGISTER_GONE_ALONE.any_in(words):
        return True
    for i, word in enumerate(words):
        following = words[i + 1:i + 3]
        if word != "so" or (following and (following[0] in OTHER_BOOKS or following == ["ho", "khau"])):
            continue
        if _REGISTER_GONE.any_in(words[i + 1:i + 2 * WINDOW]):
            return True
    return False


def codes(procedures: Sequence[Procedure]) -> dict[str, str]:
    """The catalogue's codes: each registration key's procedure and "copy" for trích lục bản sao."""
    out: dict[str, str] = {}
    for p in procedures:
        name = fold(p.name)
        if "trich luc" in name and "ban sao" in name:
            out["copy"] = p.code
        for key in ("khai sinh", "khai tu", "ket hon"):
            if f"dang ky {key}" in name and key not in out:
                out[key] = p.code
    return out


def lost_code(words: Sequence[str], known: Mapping[str, str]) -> str | None:
    """The procedure a lost-certificate message asks for when the register is gone too: registering the record
    again. With the register not mentioned, None: the writers disagree there (session 11's unseen halves label
    "giấy kết hôn bị cháy, xin lại" đăng ký kết hôn, earlier halves label the same trích lục bản sao), so the
    fusion model's own reading, and its doubt, stand."""
    key = lost_certificate(words)
    if key is None or not register_gone(words):
        return None
    return known.get(key)


def boost(scores: Mapping[str, float], words: Sequence[str], known: Mapping[str, str],
          correction: bool) -> dict[str, float]:
    """The phrase rules' scores with that procedure made the strongest (unchanged with the flag off, when the
    message asks a correction, or when it names no lost certificate)."""
    out = dict(scores)
    if not SESSION11_LOST_RECORDS or correction:
        return out
    code = lost_code(words, known)
    if code is None:
        return out
    label = f"proc:{code}"
    strongest = max((v for k, v in out.items() if k.startswith("proc:")), default=0.0)
    out[label] = max(out.get(label, 0.0), strongest + 1.0, 4.0)  # 4.0: a two-word phrase's score
    return out
