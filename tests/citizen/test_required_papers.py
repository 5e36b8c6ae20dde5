"""Session 23: a paper asked as one the procedure requires is not the procedure asked (required_papers; plain behaviour
since session 25), with and without the factor. Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import required_papers
from tests.citizen.rule_scores import no_factors, off_and_on

PAPERS = [  # (sentence, the paper's procedure, the one asked)
    ("đăng ký tạm trú cho em gái thì phải có hợp đồng thuê nhà không ạ", "CTH-HD", "CU-TAM"),
    ("làm giấy khai sinh cho bé có cần mang giấy đăng ký kết hôn của bố mẹ không", "HT-KH", "HT-KS"),
]
NOT_PAPERS = [  # only the paper's procedure named; a paper someone else told the citizen to have
    "hợp đồng cho thuê ki ốt có cần chứng thực ở phường không",
    "bên ngân hàng bảo phải có giấy xác nhận độc thân mới cho vay mua nhà, xin ở đâu",
]


@pytest.mark.parametrize(("text", "paper", "asked"), PAPERS)
def test_a_required_paper_counts_a_quarter(monkeypatch: pytest.MonkeyPatch, text: str, paper: str,
                                           asked: str) -> None:
    off, on = off_and_on(monkeypatch, required_papers, "factors", no_factors, text)
    assert on[f"proc:{paper}"] < off[f"proc:{paper}"] and on[f"proc:{asked}"] == off[f"proc:{asked}"], (on, off)
    assert max((k for k in on if k.startswith("proc:")), key=on.__getitem__) == f"proc:{asked}", on


@pytest.mark.parametrize("text", NOT_PAPERS)
def test_the_asked_procedure_keeps_its_score(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    off, on = off_and_on(monkeypatch, required_papers, "factors", no_factors, text)
    best = max(off, key=off.__getitem__)
    assert max(on, key=on.__getitem__) == best and on[best] == off[best], (on, off)
