"""appliance.text.accents: one rule for the question box and the citizen chat (shorthand typed bare vs the accented
word with the same letters)."""
from __future__ import annotations

import unicodedata

from appliance.text.accents import shorthand_kept


def test_accented_words_keep_their_letters() -> None:
    assert shorthand_kept("cấp lại sổ hồng") == {"hong"}
    assert shorthand_kept("Rác ở HẺM 12") == {"hem"}
    assert shorthand_kept("đèn hỏng ở hẻm 3") == {"hong", "hem"}
    assert shorthand_kept(unicodedata.normalize("NFD", "sổ hồng")) == {"hong"}  # typed decomposed


def test_the_shorthand_itself_is_not_kept() -> None:
    for said in ("hồ sơ hông đạt", "hồ sơ hổng đúng hạn", "hong dat", "hem biet", "sổ hồngg", "hẻmm"):
        assert shorthand_kept(said) == frozenset(), said
