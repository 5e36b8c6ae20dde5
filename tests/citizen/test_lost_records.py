"""Session 11 (lost_records.py): a lost or ruined certificate whose register is gone too is registered again; with
the register not mentioned, nothing is boosted. Every message here is new wording, written for this test (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import lost_records, phrasings
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.understanding import Understanding
from appliance.knowledge.procedures import load_catalogue

COPY = [  # the paper is gone, the register not mentioned: a lost certificate, but no boost
    "giấy khai sinh của con trai tôi bị ướt hết trong trận mưa bão, giờ xin lại ở đâu",
    "em lỡ làm mất giấy chứng tử của bà, cần để làm sổ tiết kiệm thừa kế, xin lại thế nào",
    "giay ket hon cua vo chong em bi chay het khi nha chay, lam lai o phuong duoc ko",
    "tui đánh mất giấy hôn thú hồi dọn nhà, giờ cần một bản để làm giấy tờ cho con",
]
AGAIN = [  # the register is gone too: registered again
    ("giấy khai sinh của bố tôi thất lạc từ lâu, hỏi xã cũ thì sổ gốc năm 1958 cũng bị mối ăn hỏng rồi", "HT-KS"),
    ("giay ket hon cua ong ba bi mat, phuong bao so luu nam do cung khong con, lam sao co lai", "HT-KH"),
    ("Giấy chứng tử của cụ nhà em bị cháy, lên phường hỏi thì không còn lưu sổ nữa", "HT-KT"),
]
NOT_LOST = [
    "bố em vừa mất hôm qua, làm giấy chứng tử cần gì",  # a person died: a death registration
    "làm giấy khai sinh cho bé mất bao lâu ạ",  # what it costs in time
    "đăng ký kết hôn mất phí không",
    "giấy chứng sinh của bé bị mất thì có làm khai sinh được không",  # the hospital's paper
    "bản chính giấy khai sinh bị rách một góc, chứng thực bản sao được không",  # a copy of the original certified
    "xin trích lục khai sinh cho ông nội đã mất để làm hồ sơ",  # the grandfather died
    "sổ đỏ nhà tôi bị mất, giấy khai sinh vẫn còn",  # another paper lost
]


@pytest.fixture(scope="module")
def understanding() -> Understanding:
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    return Understanding(procedures, phrasings.load(procedures))



@pytest.fixture(autouse=True)
def _rule_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is off by default since rule R1 of session 11 (it moved nothing on the fresh sets): on here."""
    monkeypatch.setattr(lost_records, "SESSION11_LOST_RECORDS", True)

def _top_procedure(understanding: Understanding, text: str) -> str | None:
    scores = understanding.rules.scores(tokens(text))
    procs = {k: v for k, v in scores.items() if k.startswith("proc:")}
    return max(procs, key=lambda k: procs[k]) if procs else None


def test_the_catalogue_has_the_copy_and_the_registrations(understanding: Understanding) -> None:
    assert understanding.rules.lost == {"copy": "HT-TLBS", "khai sinh": "HT-KS", "khai tu": "HT-KT",
                                        "ket hon": "HT-KH"}


@pytest.mark.parametrize("text", COPY)
def test_without_the_register_gone_nothing_is_boosted(understanding: Understanding, text: str) -> None:
    assert lost_records.lost_certificate(tokens(text)) is not None
    assert not lost_records.register_gone(tokens(text))
    assert lost_records.lost_code(tokens(text), understanding.rules.lost) is None


@pytest.mark.parametrize(("text", "code"), AGAIN)
def test_with_the_register_gone_it_is_registered_again(understanding: Understanding, text: str, code: str) -> None:
    assert lost_records.register_gone(tokens(text))
    assert _top_procedure(understanding, text) == f"proc:{code}"


@pytest.mark.parametrize("text", NOT_LOST)
def test_a_death_a_cost_or_another_paper_is_no_lost_certificate(text: str) -> None:
    assert lost_records.lost_certificate(tokens(text)) is None


def test_the_flag_off_leaves_the_phrase_rules_as_they_were(understanding: Understanding,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    text = "mất giấy hôn thú của bố mẹ, xin bản sao thì xã bảo sổ gốc cũng không còn"
    assert _top_procedure(understanding, text) == "proc:HT-KH"
    monkeypatch.setattr(lost_records, "SESSION11_LOST_RECORDS", False)
    assert _top_procedure(understanding, text) != "proc:HT-KH"
