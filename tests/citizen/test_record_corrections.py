"""Session 10 (record_corrections.py): a change asked of a civil-status record is the correction procedure.
Every message here is new wording, written for this test (none is from a training or held-out batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import phrasings, record_corrections
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.understanding import Understanding
from appliance.knowledge.procedures import load_catalogue

CORRECTIONS = [
    "giấy chứng tử của mẹ tôi ghi nhầm ngày sinh, giờ muốn làm lại cho đúng",
    "khai sinh con gái em bị viết sai chữ lót, sửa ở phường được không",
    "giay ket hon cua ong ba toi ghi sai que quan, chinh lai o dau",
    "trong giấy khai sinh mục dân tộc còn trống, muốn bổ sung dân tộc Mường cho cháu",
    "Giấy chứng tử của chồng tôi sai năm sinh so với căn cước, điều chỉnh thế nào",
]
NOT_CORRECTIONS = [
    "làm giấy khai sinh cho con mới sinh cần gì",  # a registration: no field, no correction
    "khai sinh của con để trống tên bố, nay bố cháu muốn bổ sung",  # the parent's blank name: nhận cha con
    "muốn thêm tên cha vào giấy khai sinh của bé thì làm sao",  # a parent's name added: nhận cha con
    "giấy chứng tử cần mang theo những gì",  # the record named, nothing to correct
    "sửa lại nhà có phải xin phép không",  # a correction word without a record
]


@pytest.fixture(scope="module")
def understanding() -> Understanding:
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    return Understanding(procedures, phrasings.load(procedures))


def _top_procedure(understanding: Understanding, text: str) -> str | None:
    scores = understanding.rules.scores(tokens(text))
    procs = {k: v for k, v in scores.items() if k.startswith("proc:")}
    return max(procs, key=lambda k: procs[k]) if procs else None


def test_the_catalogue_has_the_correction_procedure(understanding: Understanding) -> None:
    assert understanding.rules.correction == "HT-TDCC"


@pytest.mark.parametrize("text", CORRECTIONS)
def test_a_record_a_field_and_a_correction_read_as_the_correction(understanding: Understanding, text: str) -> None:
    assert record_corrections.asks_record_correction(tokens(text))
    assert _top_procedure(understanding, text) == "proc:HT-TDCC"


@pytest.mark.parametrize("text", NOT_CORRECTIONS)
def test_it_does_not_fire_without_all_three_or_on_a_parents_name(text: str) -> None:
    assert not record_corrections.asks_record_correction(tokens(text))


def test_a_death_records_wrong_birth_year_is_the_correction(understanding: Understanding) -> None:
    assert _top_procedure(understanding, "giấy chứng tử của bố ghi nhầm năm sinh, phải làm sao") == "proc:HT-TDCC"


def test_a_catalogue_without_the_procedure_never_fires() -> None:
    others = [Procedure("HT-KS", "Đăng ký khai sinh", False, {})]
    assert record_corrections.correction_code(others) is None
    scores = {"proc:HT-KS": 9.0}
    assert record_corrections.boost(scores, tokens(CORRECTIONS[0]), None) == scores
