"""Session 11 (phrasings.SESSION11_REFIT, on since session 12, unconditional since session 16 with session 13's
refit): the later writers' halves are examples and fusion-fit data, read with weights refit against that larger
index and their own procedure bar; lobo_examples.py measures it without ever reading a half among its own
examples. The questions here are new wording, written for this test (none is from a training, development,
held-out or fresh batch)."""

from __future__ import annotations

import json

import pytest

from appliance.citizen import lobo_examples, phrasings
from appliance.citizen.matching import Procedure
from appliance.citizen.understanding import FUSION, FUSION_S11, Understanding
from appliance.knowledge.procedures import load_catalogue
from tests.citizen.readings import assert_answered, assert_not_answered

ASKED = [  # (question, procedure): everyday wording the chat must answer with the record
    ("nhà em mới có em bé được 2 tuần, đi làm giấy khai sinh cho bé thì mang theo gì vậy ạ", "HT-KS"),
    ("ad ơi em thuê phòng trọ ở phường mình, đăng ký tạm trú online được ko", "CU-TAM"),
    ("bố tôi mất hôm kia tại nhà, gia đình đi làm khai tử ở đâu", "HT-KT"),
    ("muon mo tiem tap hoa nho truoc nha thi dang ky ho kinh doanh can nhung gi", "KD-HKD"),
    ("cần giấy xác nhận độc thân để vay mua nhà, xin ở phường được không", "HT-XNHN"),
    ("sao y bản chính học bạ ở phường thì lấy bao nhiêu tiền một trang", "CTH-BS"),
]
NOT_A_PROCEDURE = [  # another office's matter, or a complaint: never answered with a ward procedure
    "làm căn cước cho con 14 tuổi thì đi đâu ạ",
    "bằng lái xe máy bị mất thì xin cấp lại ở chỗ nào",
    "đèn đường đầu ngõ 5 hỏng cả tuần nay tối om, đi lại rất nguy hiểm",
    "xe tải chở vật liệu đổ trộm phế thải ra bãi đất trống sau chợ mấy đêm liền",
]


@pytest.fixture(scope="module")
def procedures() -> list[Procedure]:
    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


@pytest.fixture(scope="module")
def reader(procedures: list[Procedure]) -> Understanding:
    return Understanding(procedures, phrasings.load(procedures))


def _half_texts(name: str) -> set[str]:
    return {text for text, _, _ in lobo_examples.crossval.read_toml(lobo_examples.half_path(name))}


def test_the_halves_are_examples() -> None:
    s10a = _half_texts("s10a")
    assert s10a <= {w.text for w in phrasings.training_batch()}
    assert not s10a & {w.text for w in phrasings.training_batch(halves=False)}


def test_the_session_11_weights_lobo_examples_reads() -> None:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (FUSION, FUSION_S11))
    assert old["features"] == new["features"] and old["kinds"] == new["kinds"]
    assert "s11b" in new["fitted_on"] and old["rules"] != new["rules"]


def test_a_half_is_never_among_the_examples_that_read_it() -> None:
    universe = lobo_examples.Universe(False, ["s9a", "s9b"])
    held = {text for _, text in universe.examples_without("s9a", more=True)}
    assert not _half_texts("s9a") & held
    assert _half_texts("s9b") <= held
    assert not (_half_texts("s9a") | _half_texts("s9b")) & {t for _, t in universe.examples_without(None, False)}


@pytest.mark.parametrize(("text", "code"), ASKED)
def test_everyday_questions_are_answered_with_their_procedure(reader: Understanding, text: str, code: str) -> None:
    assert_answered(reader, text, code)


@pytest.mark.parametrize("text", NOT_A_PROCEDURE)
def test_other_offices_and_complaints_are_not_answered_as_a_procedure(reader: Understanding, text: str) -> None:
    assert_not_answered(reader, text)
