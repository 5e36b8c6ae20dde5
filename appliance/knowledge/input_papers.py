"""A question asking how to obtain a paper that a procedure only asks for is not a question about that procedure.

The catalogue lists the papers each procedure's file holds or shows (`Procedure.documents`): the monthly allowance
(BTXH-TCHT) asks to see "giấy xác nhận khuyết tật"; the birth registration asks for "giấy chứng sinh". A citizen asking
"muốn xin giấy xác nhận khuyết tật thì nộp đơn ở đâu" wants that paper, which is issued by another procedure, not the
allowance (checked in shared/legal/phapdien/nguoi-khuyet-tat.md: Điều 18 Luật số 51/2010/QH12, the application sent to
the commune-level People's Committee whose chairman issues the certificate; Điều 19, the certificate; Điều 6 Thông tư
số 01/2019/TT-BLĐTBXH, how it is issued); the bridge read the question as the allowance (the chat reads "khuyết tật"
as the allowance surely) and cited Điều 8 Nghị định 20/2021 as the answer.

Since session 27 (plain since session 29, rule R8; read by bridge.read): when the question asks to obtain a paper
("xin", "làm", "cấp", "cấp lại", "cấp đổi", "đi xin" right before it) that the bridged procedure's papers name, and the
paper's name shares no syllable with the procedure's name (else it is the procedure's own form or result, or the
citizen's name for the procedure itself: "giấy đề nghị đăng ký hộ kinh doanh", "giấy phép xây dựng", "làm giấy báo
tử" for the death registration, "giấy chứng sinh" beside "khai sinh"), the procedure is not bridged; the ranking's
passages (or "not found") answer. Not a question that says it already holds the paper ("đã có giấy xác nhận khuyết
tật, giờ xin trợ cấp": "xin" is before "trợ cấp"; "đã được cấp giấy …"), nor one that only names it ("cần giấy khai
sinh của cháu không").
"""

from __future__ import annotations

import re
from functools import lru_cache

from appliance.text import fold_tokens

# Words that end a paper's name inside a catalogue line (folded): "giấy khai sinh của trẻ em", "… nếu một bên …".
_ENDS = frozenset("cua hoac neu doi voi theo do trong va de khi da ban chinh sao".split())
_PUNCTUATION = re.compile(r"[,;:()…/]")
# Words of any paper's name ("giấy chứng nhận", "giấy xác nhận"): a name of these alone says no paper in particular.
_GENERIC = frozenset("chung nhan xac de nghi cam doan".split())
# A paper named by at least "giấy" and two more syllables ("giấy tờ" names none).
MIN_SYLLABLES = 3
# Verbs asking to obtain the paper, right before it (folded), with at most one word between ("xin cấp lại giấy").
_OBTAIN = r"(?:xin|lam|cap|di xin|lam lai|xin lai)(?: (?:cap|lai|doi|moi|cho))?"


def _papers_of(line: str) -> list[str]:
    """The papers ("giay …", folded) a catalogue line names (a name ends at a punctuation mark too)."""
    found: list[str] = []
    for part in _PUNCTUATION.split(line):
        found += _papers_in(fold_tokens(part))
    return found


def _papers_in(words: list[str]) -> list[str]:
    found: list[str] = []
    for i, word in enumerate(words):
        if word != "giay" or i + 1 >= len(words) or words[i + 1] == "to":
            continue
        name = [word]
        for nxt in words[i + 1:]:
            if nxt in _ENDS or nxt == "giay":
                break
            name.append(nxt)
        if len(name) >= MIN_SYLLABLES and set(name[1:]) - _GENERIC:
            found.append(" ".join(name))
    return found


@lru_cache(maxsize=256)
def input_papers(name: str, documents: tuple[str, ...]) -> tuple[str, ...]:
    """The papers a procedure's file holds or shows (folded) that are not its own result (module docstring)."""
    own = set(fold_tokens(name))
    papers: list[str] = []
    for line in documents:
        for paper in _papers_of(line):
            if not set(paper.split()[1:]) & own and paper not in papers:
                papers.append(paper)
    return tuple(papers)


def asks_to_obtain(name: str, documents: tuple[str, ...], folded_query: str) -> str | None:
    """The paper of the procedure (its `name` and `documents`) that the question (folded) asks to obtain, or None.
    Measured when it was a flag (rule R1, session 27): fresh BM25 legal off 250/102/33, on 250/105/30 (three wrong
    answers became "not found"); citizen fresh 726/106/1 both."""
    padded = f" {folded_query.strip()} "
    for paper in input_papers(name, documents):
        for match in re.finditer(rf"(?<= ){_OBTAIN} {re.escape(paper)} ", padded):
            if "da" not in padded[:match.start()].split()[-2:]:   # "đã (được) cấp giấy …": held already
                return paper
    return None


# Session 28 (`SESSION28_PAPER_AGAIN`, read at call time by asks_again, called by bridge.read): the papers above that
# share a syllable with the procedure's name were left to the procedure ("giấy chứng sinh" beside "khai sinh"), since a
# citizen asking to obtain one may mean the procedure itself. Asked to be obtained again or said to be written wrongly,
# such a paper is still the issuer's: "Giấy chứng sinh bệnh viện cấp bị mất thì xin lại ở đâu", "giấy chứng sinh … bị
# ghi sai giờ sinh, phường sửa được không" were answered with the birth registration (Điều 16 Luật Hộ tịch) or the
# correction of civil-status records (Điều 28), which neither re-issue nor correct the hospital's paper. A paper is the
# issuer's when some procedure lists it among the papers its file holds or shows and its words after "giấy" hold no
# procedure's name without "đăng ký / cấp / thủ tục" ("giấy khai sinh" holds "khai sinh": the ward's own result, which
# the ward does re-issue and correct). Asked again: "xin / cấp / làm (cấp) lại <paper>", or the paper named and then,
# within a few words, lost or torn and asked again ("… bị mất thì xin lại"); written wrongly: the paper named and then,
# within a few words, "(bị) ghi sai / bị sai". A paper only named ("giấy chứng sinh bị mất, con làm khai sinh được
# không") leaves the procedure.
# on by rule R1 (session 28): citizen fresh BM25 on 750/107/1, said so 855 / answered 24; off 750/107/1, 854 / 25 (1
# question gated: an unanswerable one said so instead of answered); legal fresh none gated (251/105/29 both)
SESSION28_PAPER_AGAIN = True

_AGAIN_BEFORE = r"(?:xin|cap|lam|di xin)(?: cap)? lai"
_AGAIN_AFTER = re.compile(r"^(?:\w+ ){0,6}?(?:bi )?(?:mat|hong|rach|that lac)\b(?: \w+){0,4}? (?:xin|cap|lam) lai\b")
_WRONG_AFTER = re.compile(r"^(?:\w+ ){0,6}?(?:bi ghi sai|ghi sai|bi sai)\b")
# Words of procedure names and aliases that name no subject ("Đăng ký khai sinh", "làm giấy báo tử").
_NAME_FILLER = frozenset("dang ky cap thu tuc giay xin lam".split())


def _result_names(procedures: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The procedures' names and aliases without filler, folded ("khai sinh", "phep xay dung")."""
    names = []
    for name, aliases in procedures:
        for text in (name, *aliases):
            core = " ".join(w for w in fold_tokens(text) if w not in _NAME_FILLER)
            if len(core.split()) >= 2:
                names.append(core)
    return tuple(names)


@lru_cache(maxsize=16)
def issuers_papers(procedures: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The papers (folded) that procedures ask for and that are no procedure's own result ((name, aliases, documents)
    of each procedure)."""
    results = _result_names(tuple((name, aliases) for name, aliases, _documents in procedures))
    papers: list[str] = []
    for _name, _aliases, documents in procedures:
        for line in documents:
            for paper in _papers_of(line):
                words = f" {' '.join(paper.split()[1:])} "
                if not any(f" {r} " in words for r in results) and paper not in papers:
                    papers.append(paper)
    return tuple(papers)


def asks_again(procedures: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...], folded_query: str) -> str | None:
    """The issuer's paper the question (folded) asks to be obtained again or says is written wrongly, or None (always
    None with the flag off)."""
    if not SESSION28_PAPER_AGAIN:
        return None
    padded = f" {folded_query.strip()} "
    for paper in issuers_papers(procedures):
        if re.search(rf" {_AGAIN_BEFORE} {re.escape(paper)} ", padded):
            return paper
        for match in re.finditer(rf" {re.escape(paper)} ", padded):
            rest = padded[match.end():]
            if _AGAIN_AFTER.match(rest) or _WRONG_AFTER.match(rest):
                return paper
    return None
