"""Session 19: the funeral support of a person who drew a monthly allowance (`SESSION19_DECEASED_BENEFICIARY`,
docs/citizen.md "Session 19").

"Ông ngoại em hưởng trợ cấp người khuyết tật, mới mất tuần trước, nghe nói có tiền hỗ trợ chôn cất": the citizen
tells what allowance the dead person drew (a long phrase of the monthly allowance, trợ cấp xã hội hàng tháng) to ask
for the funeral support (hỗ trợ chi phí mai táng), whose phrase is shorter. The rules read the allowance first, and
the reading stayed unsure between the two; four training writers wrote it this way (sessions 14, 17, 18, 19). When
both procedures' phrases are in the message and it says someone died, the allowance describes the dead person: its
phrase evidence counts for the funeral support. Without a death word, or without the funeral support's phrase
("bố tôi mất, mẹ có được tăng trợ cấp không"), nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from appliance.citizen.matching import PhraseSet, Procedure
from appliance.text import fold

# Read at call time by understanding.PhraseRules.scores. Off by rule R1 (session 19): on, the fresh sets gained 3 right
# procedures but two complaints about a refused funeral support (fresh9, fresh12) were answered with its record
# (question or complaint and category wrong +2 each): wrong rose.
SESSION19_DECEASED_BENEFICIARY = False

# Folded: how the messages say a person died (vocabulary.DEATH_WORDS and the usual softer forms).
DIED = ("mat", "qua doi", "tu tran", "tu vong", "chet", "da mat", "vua mat", "moi mat", "khuat", "ve voi to tien",
        "tu the", "mat roi")
_DIED: PhraseSet[None] = PhraseSet((tuple(p.split()), None) for p in DIED)


def codes(procedures: Sequence[Procedure]) -> tuple[str, str] | None:
    """(the monthly allowance's code, the funeral support's code) in the ward's catalogue, or None."""
    allowance = funeral = None
    for p in procedures:
        name = fold(p.name)
        if "mai tang" in name:
            funeral = p.code
        elif "tro cap" in name and "hang thang" in name:
            allowance = p.code
    return (allowance, funeral) if allowance and funeral else None


def boost(scores: Mapping[str, float], words: Sequence[str], pair: tuple[str, str] | None) -> dict[str, float]:
    """The rules' label scores with the allowance's evidence moved to the funeral support where a death is told and
    both are named."""
    out = dict(scores)
    if not SESSION19_DECEASED_BENEFICIARY or pair is None:
        return out
    allowance, funeral = (f"proc:{code}" for code in pair)
    if allowance in out and funeral in out and _DIED.any_in(words):
        out[funeral] += out.pop(allowance)
    return out
