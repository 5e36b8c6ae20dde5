"""A phrase never matches across the boundary of a two-syllable word (matching.PhraseSet; rule R7, session 21).

Folded, "gia đình chính sách" (a family the state honours) reads "gia dinh chinh sach", which holds "dinh chinh"
(đính chính, a correction); "quyết định chính thức" holds it too. A phrase whose first syllable is the second of such
a word, or whose last syllable is the first of one, is no phrase there. Every sentence here was written for these
tests (none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen.matching import PhraseSet, Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue

SPLIT = [  # "dinh chinh" lies across a word boundary
    "Nhà tôi là gia đình chính sách, tết này phường có quà không",
    "con em gia dinh chinh sach co duoc mien hoc phi khong",
    "Đã có quyết định chính thức về tiền hỗ trợ chưa ạ",
]
WHOLE = [  # "đính chính" itself, and a compound beside it that it does not split
    "Sổ đỏ ghi sai tên, tôi muốn đính chính",
    "gia đình tôi muốn đính chính sổ đỏ",
    "xin dinh chinh so do bi ghi sai",
]


def _hits(text: str) -> list[tuple[int, int, str]]:
    return PhraseSet([(("dinh", "chinh"), "correction")]).find(tokens(text))


@pytest.mark.parametrize("text", SPLIT)
def test_a_phrase_across_a_words_boundary_is_no_phrase(text: str) -> None:
    assert _hits(text) == []


@pytest.mark.parametrize("text", WHOLE)
def test_the_phrase_itself_is_found(text: str) -> None:
    assert len(_hits(text)) == 1


def test_a_family_the_state_honours_names_no_land_procedure() -> None:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    scores = reader.rules.scores(tokens(SPLIT[0]))
    assert not [label for label in scores if label.startswith("proc:")], scores
