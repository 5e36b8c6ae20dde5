"""Session 27: the matter asked by name after "thủ tục" is another office's (asked_elsewhere; plain behaviour since
session 29, rule R8). Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen.asked_elsewhere import asked_elsewhere
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue


def _asked(text: str) -> str | None:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    words = tokens(text)
    return asked_elsewhere(words, reader.rules.matcher.find(words))


ELSEWHERE = [  # another office's matter right after "thủ tục", a ward procedure named elsewhere as background
    ("cho tôi hỏi thủ tục ly hôn, hai đứa nó đăng ký kết hôn ở phường này năm ngoái", "toa_an"),
    ("thủ tục cấp hộ chiếu cho con, cháu có giấy khai sinh do phường cấp rồi", "ho_chieu"),
]
NOT_ELSEWHERE = [  # the ward's procedure after "thủ tục"; another office's matter as a circumstance; no "thủ tục"
    "sau khi ly hôn thì thủ tục đăng ký kết hôn lại cần giấy gì",
    "thủ tục đăng ký khai sinh cho bé để còn làm hộ chiếu",
    "tôi đã ly hôn, giờ muốn xin giấy xác nhận tình trạng hôn nhân",
    "muốn làm hộ chiếu thì có cần giấy khai sinh bản sao không",
]


@pytest.mark.parametrize(("text", "topic"), ELSEWHERE)
def test_another_offices_matter_asked_by_name(text: str, topic: str) -> None:
    assert _asked(text) == topic


@pytest.mark.parametrize("text", NOT_ELSEWHERE)
def test_the_wards_procedure_asked_or_no_head(text: str) -> None:
    assert _asked(text) is None
