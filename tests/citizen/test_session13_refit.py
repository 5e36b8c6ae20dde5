"""Session 13 (phrasings.SESSION13_REFIT, on by rule R1 since session 13, unconditional since session 16): session
12's citizen half (s12c) joins the later halves as examples and fusion-fit data, the complaint model's batches
complaints_train{6_a,7_b,7_c} join the fusion-fit complaint batches (never examples), read with data/fusion_s13.json
and `answer_procedure_s13`. The questions here are new wording written for this test in the manner of s12c's
writer (voice input without punctuation or accents, migrant workers asking for themselves, their children and their
boss); none is from a training, development, held-out or fresh batch."""

from __future__ import annotations

import json

import pytest

from appliance.citizen import fit, lobo_examples, phrasings
from appliance.citizen.matching import Procedure
from appliance.citizen.understanding import FUSION_S11, FUSION_S13, Understanding, fusion_path, thresholds
from appliance.knowledge.procedures import load_catalogue
from tests.citizen.readings import assert_answered, assert_not_answered

ASKED = [  # (question, procedure): the chat must answer these with the record
    ("em lam cong nhan o tro gan khu cong nghiep muon dang ky tam tru thi can mang theo giay to gi a", "CU-TAM"),
    ("vo em moi sinh be o benh vien huyen ma ho khau tui em o nghe an thi lam khai sinh cho be o phuong nay duoc "
     "khong", "HT-KS"),
    ("ông chủ nhà trọ của em mới mất tối qua con ông nhờ em hỏi giúp đi làm khai tử ở đâu cần giấy gì", "HT-KT"),
    ("chị ơi em muốn photo công chứng cái bằng tốt nghiệp với học bạ để nộp hồ sơ xin việc thì làm ở phường được "
     "không", "CTH-BS"),
]
NOT_A_PROCEDURE = [  # another office's matter, or a complaint: never answered with a ward procedure
    "cho em hoi lam ho chieu de di xuat khau lao dong thi len dau lam a",
    "khu tro cua em nuoc sinh hoat mat ca tuan nay roi chu tro noi phuong chua cho sua ong",
]


@pytest.fixture(scope="module")
def reader() -> Understanding:
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    return Understanding(procedures, phrasings.load(procedures))


def _texts(name: str) -> set[str]:
    return {text for text, _, _ in lobo_examples.crossval.read_toml(lobo_examples.half_path(name))}


def test_s12c_and_the_session_11_halves_are_examples() -> None:
    examples = {w.text for w in phrasings.training_batch()}
    assert _texts("s12c") <= examples and _texts("s10a") <= examples


def test_the_new_complaint_batches_are_fit_data_never_examples() -> None:
    new = _texts("complaints_train7_c") | _texts("complaints_train6_a")
    fit_texts = {text for text, _, _ in fit.training_items()}
    assert new <= fit_texts and _texts("complaints_train5_a") <= fit_texts  # session 11's four batches too
    assert not new & {w.text for w in phrasings.training_batch()}


def test_the_weights_and_the_procedure_bar() -> None:
    assert fusion_path() == FUSION_S13
    assert thresholds()["answer_procedure"] == thresholds()["answer_procedure_s13"]
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (FUSION_S11, FUSION_S13))
    assert old["features"] == new["features"] and old["kinds"] == new["kinds"]
    assert "s12c" in new["fitted_on"] and "7_c" in new["fitted_on"] and old["rules"] != new["rules"]


def test_s12c_is_never_among_the_examples_nor_the_fit_data_that_read_it() -> None:
    universe = lobo_examples.Universe(False, ["s11b", "s12c"])
    examples, _, batches = lobo_examples.DESIGNS["s13"]
    held = {text for _, text in universe.examples_without("s12c", True, examples)}
    own = _texts("s12c") - {text for _, text in universe.base.examples}  # one chit-chat line is in both
    assert not own & held and _texts("s11b") <= held
    assert "complaints_train7_b" in batches and "s12c" not in lobo_examples.DESIGNS["s11"][0]


@pytest.mark.parametrize(("text", "code"), ASKED)
def test_everyday_questions_are_answered_with_their_procedure(reader: Understanding, text: str, code: str) -> None:
    assert_answered(reader, text, code)


@pytest.mark.parametrize("text", NOT_A_PROCEDURE)
def test_other_offices_and_complaints_are_not_answered_as_a_procedure(reader: Understanding, text: str) -> None:
    assert_not_answered(reader, text)
