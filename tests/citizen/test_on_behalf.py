"""The "ủy quyền" qualifier read only where the message says "hộ" (appliance/citizen/on_behalf.py): folding made
"hồ sơ" and "họ" the cue "ho", so a citizen filing their own papers was answered about the authorised case."""

from __future__ import annotations

import pytest

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.citizen.understanding import qualifiers_of
from appliance.knowledge.procedures import load_catalogue


def _qualifiers(text: str) -> list[str]:
    return qualifiers_of(tokens(text), "", text)


@pytest.mark.parametrize("text", [
    "tôi muốn làm hồ sơ khai sinh cho con",
    "nộp hồ sơ đăng ký tạm trú ở đâu ạ",
    "xin cấp giấy xác nhận độc thân để đi làm hồ sơ vay ngân hàng",
    "muốn đổi họ con theo họ mẹ thì làm sao",
    "lam ho so khai sinh cho be o dau",  # bare: "ho so" is the word hồ sơ
    "nop ho so tam tru mat may ngay",
])
def test_the_file_and_the_surname_are_not_on_behalf(text):
    assert "uy_quyen" not in _qualifiers(text)


@pytest.mark.parametrize("text", [
    "tôi nhờ người làm hộ khai sinh cho cháu được không",
    "em nộp hồ sơ hộ mẹ em được không",
    "nop ho giay to cho ba toi duoc khong",  # bare "ho" not followed by "so": may be hộ
    "con có thể đi làm hộ bố giấy xác nhận tình trạng hôn nhân không",
    "tôi được ủy quyền làm thủ tục sang tên",
])
def test_on_behalf_still_read(text):
    assert "uy_quyen" in _qualifiers(text)


def test_the_chat_reads_the_typed_accents():
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    assert "uy_quyen" not in reader.read("cho em hỏi nộp hồ sơ đăng ký tạm trú cần giấy gì").qualifiers
    assert "uy_quyen" in reader.read("em đi nộp hộ mẹ hồ sơ đăng ký tạm trú cần giấy gì").qualifiers
