"""Session 23: a mistake in another office's paper is not a civil-status correction (docs/citizen.md "Session 23"; on
by rule R1 in session 23, plain behaviour since session 25, rule R8).

"Căn cước của tôi ghi sai ngày sinh, sửa ở phường được không?", "sổ bảo hiểm xã hội bị sai ngày sinh", "đổi tên trên
hộ chiếu cho khớp": the correction words ("ghi sai", "sai ngày sinh", "đổi tên") are phrases of the civil-status
correction (HT-TDCC), so a mistake in a paper another office issues (vocabulary.ELSEWHERE_DOCUMENTS: căn cước, hộ
chiếu, sổ BHXH, bằng lái…) was answered with the ward's correction procedure. Where that paper is named right
before the correction phrase (at most GAP words between: "hộ chiếu của con tôi ghi sai") or right after it behind
"trên / trong / ở / của" ("đổi tên trên hộ chiếu"), the correction phrase counts a quarter. A paper compared with it
("giấy khai sinh ghi sai ngày sinh so với căn cước", "… lệch với căn cước") is no such place: the mistake is in the
birth record.
A correction phrase overlapping a placed one ("ghi sai" and "sai ngày sinh") counts a quarter too.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet
from appliance.citizen.vocabulary import ELSEWHERE_DOCUMENTS

# Read by understanding.PhraseRules.scores.
CORRECTION = "proc:HT-TDCC"
GAP = 3
IN = frozenset({"tren", "trong", "o", "cua"})
COMPARED = "voi"  # "so với căn cước", "khớp với căn cước": the paper compared, not the one in error
ERROR_FACTOR = 0.25
_DOCUMENTS: PhraseSet[None] = PhraseSet((tuple(d.split()), None) for docs in ELSEWHERE_DOCUMENTS.values()
                                        for d in docs)


def factors(hits: Sequence[tuple[int, int, str]], words: Sequence[str]) -> dict[tuple[int, int, str], float]:
    """Per correction hit (start, end, label) whose mistake lies in another office's paper, its factor."""
    docs = [(d_start, d_end) for d_start, d_end, _ in _DOCUMENTS.find(words)
            if not (d_start > 0 and words[d_start - 1] == COMPARED)]
    fixes = [(start, end, label) for start, end, label in hits if label == CORRECTION]
    placed = [(start, end) for start, end, _ in fixes
              if any(start - GAP <= d_end <= start for _, d_end in docs)
              or end < len(words) and words[end] in IN and any(d_start == end + 1 for d_start, _ in docs)]
    # a correction phrase overlapping a placed one ("ghi sai" / "sai ngày sinh") is the same mistake
    return {hit: ERROR_FACTOR for hit in fixes if any(hit[0] < e and s < hit[1] for s, e in placed)}
