"""Session 25: a copy of another office's paper is still certified at the ward (copy_certification.
SESSION25_COPY_ANY_PAPER, plain behaviour since session 27). Every sentence here was written for these tests (none is
from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import copy_certification
from appliance.citizen.copy_certification import copy_instead
from tests.citizen.rule_scores import rule_scores

COPIES = [  # the copy certification named ahead of another office's paper
    "Tôi cần chứng thực bản sao hộ chiếu Hàn Quốc của tôi, phường làm được không",
    "chứng thực bản sao bằng lái xe để nộp hồ sơ xin việc ở đâu",
]
NOT_COPIES = [  # the other office's matter itself; a copy only needed for it; the notary as strong as the ward
    "làm lại hộ chiếu bị mất ở đâu",
    "gia hạn hộ chiếu có cần bản sao căn cước không",
    "chứng thực bản sao ở văn phòng công chứng có nhanh hơn ở phường không",
]


@pytest.mark.parametrize("text", COPIES)
def test_a_copy_of_another_offices_paper_is_certified_here(text: str) -> None:
    scores = rule_scores(text)
    assert copy_instead("out_of_scope", scores) == copy_certification.COPY_CERTIFICATION
    assert copy_instead("procedure", scores) is None  # only an out-of-scope reading is overruled


@pytest.mark.parametrize("text", NOT_COPIES)
def test_the_other_offices_matter_stays_out_of_scope(text: str) -> None:
    assert copy_instead("out_of_scope", rule_scores(text)) is None
