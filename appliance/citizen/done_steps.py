"""Session 23: a procedure the citizen says is already done is not the one asked (docs/citizen.md "Session 23"; on by
rule R1 in session 23, plain behaviour since session 25, rule R8).

"Vợ chồng tôi đã làm hợp đồng tặng cho con trai mảnh đất … bước tiếp theo để sang tên sổ đỏ", "mua đất đã công
chứng hợp đồng xong rồi, giờ sang tên sổ đỏ", "mảnh đất đã có sổ đỏ, nay muốn xây nhà": the citizen tells a step
already taken (a contract certified, a land title held, a marriage registered) and asks the next one. The done
step's phrase is often the longer one ("hợp đồng tặng cho" against "sang tên sổ đỏ" behind a purpose marker), so
the reading named the procedure the citizen has finished. Where a procedure is named inside a done clause ("đã" and
a verb of doing or having up to three words before it, or "xong" up to three words after it) and the message names
another procedure outside any done clause, the done one counts a quarter, as a procedure named only as a purpose
does (purpose.py); a done procedure is no purpose marker's "asked" procedure either (understanding.PhraseRules).
A message that names only the done procedure ("hồ sơ khai sinh đã nộp … xong chưa", "hợp đồng đã chứng thực ghi
sai, sửa thế nào") is read as before: it asks about that procedure. Folded "da" is also "dạ" (yes) and "đá": only
"da" before one of DONE_VERBS is a done marker ("dạ cho em hỏi" is not).
"""

from __future__ import annotations

from collections.abc import Sequence

# Read by understanding.PhraseRules.scores.
DONE_VERBS = frozenset({"lam", "cong", "chung", "ky", "co", "dang", "nop", "xin", "mua", "xay", "cuoi", "duoc",
                        "nhan", "cap"})
BEFORE = 3  # "đã" at most this many words before the hit's first word (its verb may be the hit's own first word)
AFTER = 3  # "xong" at most this many words after its last ("chứng thực hợp đồng mua bán xong", "làm … cho con xong")
DONE_FACTOR = 0.25
# A done matter: another office's matter the citizen has already been through ("tôi đã ly hôn", "ly hôn rồi,
# giờ …") is the background of the question, not what it asks: its out-of-scope cue counts a quarter, whatever else the
# message names. Over every training half and dev a divorce told as done ("đã ly hôn", "ly hôn / ly dị rồi") is
# written in 13 procedure questions (kết hôn again, xác nhận độc thân, a child's name, giám hộ) and no out-of-scope
# one. The marker: "đã" right before the cue or before a verb of DONE_VERBS up to BEFORE words before it, "xong" up
# to AFTER words after it, or "rồi" right after it closing the clause ("… rồi, giờ …"; "rồi" is also "then").
CLAUSE_AFTER_ROI = frozenset({"gio", "nay", "ma", "nhung", "thi", "con", "roi"})
# Session 26 (`SESSION26_DONE_PAPER`, on by rule R1 in session 26, plain behaviour since session 28, rule R8;
# docs/citizen.md "Session 26"): a paper the citizen says was drawn up, and a will said not to exist, are not asked.
# "các đồng thừa kế đã lập văn bản thỏa thuận phân chia di sản … hồ sơ đăng ký biến động để sang tên … nộp ở đâu"
# (heirs asking the land transfer) read as the contract certification: (1) "lập" (draw up) is a verb of doing after
# "đã" ("đã lập văn bản / hợp đồng / di chúc"); (2) a phrase overlapping a done phrase (sharing a word: "văn bản thỏa
# thuận" / "thỏa thuận phân chia di sản") is the same paper, done too; (3) a phrase right after "không / chưa" with a
# verb of leaving or drawing up ("không để lại di chúc", "không lập di chúc", "chưa kịp lập di chúc": inheritance by
# law) names a paper that does not exist, so it is no naming of its procedure elsewhere in the message. Only where the
# message names another procedure outside every done clause, as before (the absent paper then counts a quarter as
# well): "đã lập di chúc, giờ muốn chứng thực di chúc" still asks the certification. (R1b in session 26: without it,
# s24's heirs' question is a confidently wrong contract certification.)
DRAW_UP = "lap"
NEGATED_BEFORE = 3  # "không" at most this many words before the phrase
NEGATIONS = frozenset({"khong", "chua"})
NEGATED_VERBS = (("de", "lai"), ("lap",), ("kip", "lap"))


def _done(start: int, end: int, words: Sequence[str]) -> bool:
    if "xong" in words[end:end + AFTER]:
        return True
    return any(words[i] == "da" and (words[i + 1] in DONE_VERBS or words[i + 1] == DRAW_UP)
               for i in range(max(0, start - BEFORE), start) if i + 1 < len(words))


def _negated(start: int, words: Sequence[str]) -> bool:
    """A phrase right after "không / chưa" and a verb of leaving or drawing up ("không để lại di chúc")."""
    return any(words[i] in NEGATIONS and tuple(words[i + 1:start]) == verbs
               for verbs in NEGATED_VERBS for i in (start - len(verbs) - 1,) if i >= 0)


def _done_matter(start: int, end: int, words: Sequence[str]) -> bool:
    if _done(start, end, words) or (start > 0 and words[start - 1] == "da"):
        return True
    return end < len(words) and words[end] == "roi" and (end + 1 == len(words) or words[end + 1] in CLAUSE_AFTER_ROI)


def factors(hits: Sequence[tuple[int, int, str]], words: Sequence[str]) -> dict[tuple[int, int, str], float]:
    """Per hit (start, end, label) inside a done clause, its factor: a procedure's where the message names another
    procedure outside any done clause and not this one there (a done step), an out-of-scope cue's always (a done
    matter); hits not listed count in full."""
    out = {hit: DONE_FACTOR for hit in hits if hit[2].startswith("oos:") and _done_matter(*hit[:2], words)}
    out.update(_done_steps(hits, words))
    return out


def _done_steps(hits: Sequence[tuple[int, int, str]], words: Sequence[str]) -> dict[tuple[int, int, str], float]:
    procs = [(start, end, label) for start, end, label in hits if label.startswith("proc:")]
    done = {hit for hit in procs if _done(hit[0], hit[1], words)}
    if done:
        # the same paper: a phrase of the same procedure sharing a word with a done one
        done |= {hit for hit in procs if any(d[2] == hit[2] and d[0] < hit[1] and hit[0] < d[1] for d in done)}
    absent = {hit for hit in procs if _negated(hit[0], words)}
    asked = {label for start, end, label in procs if (start, end, label) not in done | absent}
    if not done or not asked:
        return {}
    return {hit: DONE_FACTOR for hit in done | absent if hit[2] not in asked}
