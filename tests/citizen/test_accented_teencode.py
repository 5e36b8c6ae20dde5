"""Rule R7 (session 26, the lead): teencode is a word typed without its accents. The chat "hem" is "không"; "hẻm" (an
alley) and "hèm" are other words with the same letters and never "không". Before the fix "rác ở hẻm 12" was read as
"rác ở không 12"."""
from __future__ import annotations

from appliance.citizen.matching import tokens


def test_an_alley_is_not_a_negation() -> None:
    for said in ("Rác ở hẻm 12 mấy ngày nay không ai dọn", "Hẻm 45 bị ngập", "đèn trong HẺM 3 hư rồi"):
        assert "hem" in tokens(said) and tokens(said).count("khong") == said.lower().count("không"), said


def test_the_chat_hem_still_says_khong() -> None:
    for said in ("lam giay khai sinh hem can ho khau ha", "nộp online được hem", "hem biết nộp ở đâu"):
        assert "khong" in tokens(said) and "hem" not in tokens(said), said
