"""Session 24: "con nuôi" (an adopted child) and "cha / bố / mẹ nuôi" are words of their own: the recognition of a
parent or child's phrase "nhận con" never ends on them (vocabulary.SESSION24_ADOPTED_KIN). Every sentence here was
written for these tests (none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import vocabulary
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue

RECOGNITION = "proc:HT-NCMC"
ADOPTION = [  # adopting: no procedure of the catalogue
    "Thủ tục xin nhận con nuôi là cháu ruột bên vợ như thế nào",
    "vo chong em muon nhan con nuoi o trung tam bao tro thi lam gi",
    "Ông bà muốn nhận cha nuôi cho thằng bé có phải ra phường không",
]
RECOGNITION_ASKED = [  # a father recognising his own child, the word "nuôi" elsewhere or not at all
    "Bố đẻ muốn nhận con để ghi tên vào giấy khai sinh thì làm thế nào",
    "anh ấy muốn nhận con, từ nhỏ mẹ cháu nuôi một mình",
    "Tôi muốn làm thủ tục nhận con đang nuôi ở quê",
]


@pytest.fixture(scope="module")
def reader():  # type: ignore[no-untyped-def]
    return reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])


@pytest.mark.parametrize("text", ADOPTION)
def test_adoption_names_no_recognition(reader, monkeypatch: pytest.MonkeyPatch, text: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(vocabulary, "SESSION24_ADOPTED_KIN", False)
    assert RECOGNITION in reader.rules.scores(tokens(text))
    monkeypatch.setattr(vocabulary, "SESSION24_ADOPTED_KIN", True)
    assert RECOGNITION not in reader.rules.scores(tokens(text))


@pytest.mark.parametrize("text", RECOGNITION_ASKED)
def test_recognition_is_still_named(reader, monkeypatch: pytest.MonkeyPatch, text: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(vocabulary, "SESSION24_ADOPTED_KIN", True)
    assert RECOGNITION in reader.rules.scores(tokens(text))
