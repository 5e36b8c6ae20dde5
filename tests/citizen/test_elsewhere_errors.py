"""Session 23: a mistake in another office's paper is not a civil-status correction (elsewhere_errors; plain behaviour
since session 25), with and without the factor. Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import elsewhere_errors
from tests.citizen.rule_scores import no_factors, off_and_on

ELSEWHERE = [  # the mistake sits in another office's paper
    "hộ chiếu của con tôi ghi sai ngày sinh, sửa thế nào",
    "bố em muốn đổi tên trên căn cước cho giống giấy tờ cũ",
    "thẻ bảo hiểm y tế bị sai tên đệm thì sửa ở đâu",
]
CIVIL = [  # the mistake sits in a civil-status paper, another office's paper only compared with it
    "giấy khai sinh của cháu ghi sai ngày sinh so với căn cước, sửa ở phường được không",
    "tên trong giấy khai sinh lệch với hộ chiếu, muốn đổi tên cho khớp",
]


@pytest.mark.parametrize("text", ELSEWHERE)
def test_another_offices_paper_lowers_the_correction(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    off, on = off_and_on(monkeypatch, elsewhere_errors, "factors", no_factors, text)
    assert on.get(elsewhere_errors.CORRECTION, 0.0) < off[elsewhere_errors.CORRECTION], off


@pytest.mark.parametrize("text", CIVIL)
def test_a_civil_status_mistake_keeps_the_correction(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    off, on = off_and_on(monkeypatch, elsewhere_errors, "factors", no_factors, text)
    assert on == off and off[elsewhere_errors.CORRECTION] > 0
