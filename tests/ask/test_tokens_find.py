"""Tokens.find: every position of a phrase (all words in order), free ones only unless told otherwise; the fast
reject of a phrase whose first word is absent changes no answer (the lead, session 27)."""
from __future__ import annotations

from appliance.ask.tokens import Tokens
from appliance.ask.vocab import Catalog


def _tokens(items: list[str]) -> Tokens:
    tokens = Tokens.__new__(Tokens)  # the words alone: no catalogue repair, so positions are exact
    tokens.items = items
    tokens.used = [False] * len(items)
    return tokens


def test_every_position_of_the_phrase_in_order() -> None:
    t = _tokens("ho so dung han thang nay ho so tre han".split())
    assert t.find("ho so") == [0, 6]
    assert t.find("tre han") == [8]
    assert t.find("han ho") == []  # the words exist, not in that order
    assert t.find("phan anh") == []  # the first word is absent
    assert t.find("so tre han thang") == []  # runs past the end


def test_used_words_are_skipped_unless_asked() -> None:
    t = _tokens("ho so ho so".split())
    assert t.take("ho so") == 0
    assert t.find("ho so") == [2]
    assert t.find("ho so", free_only=False) == [0, 2]
    assert t.has("ho so")


def test_a_real_question() -> None:
    t = Tokens("Tháng 10 tiếp nhận bao nhiêu hồ sơ?", Catalog())  # an empty catalogue: no names to repair into
    assert t.find("ho so") and t.find("bao nhieu")
