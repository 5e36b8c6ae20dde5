"""A benefit paid by another regime than the ward's social protection (`SESSION29_OTHER_REGIME`, docs/citizen.md
"Session 29").

The ward's catalogue holds two social-protection procedures: the monthly social allowance and the funeral support of
the social-protection law (Nghị định 20/2021/NĐ-CP). Two other regimes pay benefits with the same everyday words
("trợ cấp", "tiền mai táng", "tiền tuất", "hằng tháng"): the benefits of people with merit to the revolution
(thương binh, liệt sĩ, bệnh binh, chất độc da cam: the ordinance on preferential treatment, handled by the Nội vụ
side of the city) and social insurance (bảo hiểm xã hội, lương hưu: the social-insurance agency). A citizen who names
one of those regimes as the one paying ("vợ thương binh … có được hưởng trợ cấp tuất không", "đóng bảo hiểm xã hội
20 năm … trợ cấp mai táng bên bảo hiểm nhận ở đâu") is asking about that regime's benefit, which the ward's allowance
or funeral support is not: the honest answer is "not handled here" with the regime's office, never the ward's
procedure. Three training writers (s24, s28, s29) labelled such questions out of scope; the chat answered one with
the ward's allowance and left the others unsure.

A regime said not to apply ("không có lương hưu", "chưa có trợ cấp bảo hiểm xã hội": the usual words of an
elderly-allowance question) does not count, nor does a message asking the ward's own benefit beside it ("đã nhận
tiền mai táng bên bảo hiểm xã hội rồi, có được hỗ trợ mai táng của phường nữa không").
Read only where the likeliest reading is one of the ward's social-protection procedures; a complaint is untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet

# Read at call time by public/chat.ChatBot._act: a social-protection reading whose benefit another regime pays is
# answered "not handled here" with that regime's office (folded cues; topics of data/understanding.toml).
# off by rule R1 (session 29, measured by the lead: 69 fresh messages read): on, procedure 6/2/1 and complaint
# category 31/1/2; off, 7/2/0 and 31/2/1 (confidently wrong +1 in each view with it on)
SESSION29_OTHER_REGIME = False

REGIMES: dict[str, tuple[str, ...]] = {
    "nguoi_co_cong": ("thuong binh", "liet si", "benh binh", "nguoi co cong", "co cong voi cach mang",
                      "chat doc da cam", "nhiem chat doc hoa hoc", "me viet nam anh hung", "tho cung liet si"),
    "bhxh": ("bao hiem xa hoi", "luong huu", "che do huu", "ben bao hiem"),
}
# Negations that, shortly before a regime's name, say the regime does not apply to the citizen.
NEGATIONS = frozenset({"khong", "chua", "chang"})
NEGATION_REACH = 4  # words before the regime's name: "không có lương hưu", "không có trợ cấp bảo hiểm xã hội"
# The ward's own benefit asked beside the other regime's.
WARDS_OWN = ("cua phuong", "phuong ho tro", "phuong chi tra")
# The ward's social-protection procedures, by words of their official names (folded).
SOCIAL_PROTECTION = ("tro cap xa hoi", "mai tang")

_REGIMES: PhraseSet[str] = PhraseSet((tuple(c.split()), topic) for topic, cues in REGIMES.items() for c in cues)
_WARDS_OWN: PhraseSet[None] = PhraseSet((tuple(c.split()), None) for c in WARDS_OWN)


def is_social_protection(procedure_name_folded: str) -> bool:
    return any(key in procedure_name_folded for key in SOCIAL_PROTECTION)


def other_regime(words: Sequence[str]) -> str | None:
    """The out-of-scope topic of the other regime `words` name as the payer of the benefit asked, or None."""
    if not SESSION29_OTHER_REGIME or _WARDS_OWN.any_in(words):
        return None
    for start, _end, topic in sorted(_REGIMES.find(words)):
        if not NEGATIONS & set(words[max(0, start - NEGATION_REACH):start]):
            return topic
    return None
