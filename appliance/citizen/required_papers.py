"""Session 23: a paper asked as one the procedure requires is not the procedure asked (docs/citizen.md "Session 23";
on by rule R1 in session 23, plain behaviour since session 25, rule R8).

"đk tạm trú cần mang gì, có cần hợp đồng thuê nhà không", "làm khai sinh có cần mang giấy đăng ký kết hôn không":
the citizen names the procedure and asks whether a paper is needed for it; the paper's name is a phrase of another
procedure ("hợp đồng thuê nhà" of contract certification, "giấy đăng ký kết hôn" of marriage registration), as long
as the procedure's own, so the reading stayed unsure between the two or named the paper's. Where a procedure is named
only right after a need or bring word (NEEDS: "có cần", "cần mang", "phải có", "mang theo", "kèm theo"…) and the
message names another procedure elsewhere, the paper's procedure counts a quarter, as a purpose does (purpose.py).
A message that names only the paper's procedure ("có cần công chứng hợp đồng không") is read as before, and so is a
paper someone else told the citizen to bring ("công ty bảo phải có giấy xác nhận độc thân"): that paper is asked.
"""

from __future__ import annotations

from collections.abc import Sequence

# Read by understanding.PhraseRules.scores.
NEEDS = (("co", "can"), ("can", "mang"), ("phai", "co"), ("mang", "theo"), ("kem", "theo"), ("phai", "mang"),
         ("can", "co"), ("nop", "kem"), ("co", "phai", "co"))
PAPER_FACTOR = 0.25
# Someone told the citizen the paper is needed ("văn phòng công chứng bảo phải có giấy xác nhận độc thân", "ngân hàng
# đòi phải có …", "công ty yêu cầu phải có …"): that paper is what the citizen asks for.
TOLD = frozenset({"bao", "doi", "cau", "noi", "keu", "bat"})


def _needed(start: int, words: Sequence[str]) -> bool:
    return any(tuple(words[start - len(need):start]) == need and not TOLD & set(words[start - len(need) - 1:
                                                                                   start - len(need)])
               for need in NEEDS if start >= len(need))


def factors(hits: Sequence[tuple[int, int, str]], words: Sequence[str]) -> dict[tuple[int, int, str], float]:
    """Per procedure hit (start, end, label) right after a need word, its factor, where the message names another
    procedure elsewhere and not this one there; hits not listed count in full."""
    procs = [(start, end, label) for start, end, label in hits if label.startswith("proc:")]
    papers = {hit for hit in procs if _needed(hit[0], words)}
    # a hit inside a paper's hit (its shorter phrases) belongs to the paper
    papers |= {hit for hit in procs if any(p[0] <= hit[0] and hit[1] <= p[1] for p in papers)}
    asked = {label for hit in procs if hit not in papers for label in (hit[2],)}
    if not papers or not asked:
        return {}
    return {hit: PAPER_FACTOR for hit in papers if hit[2] not in asked}
