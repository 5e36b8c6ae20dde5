"""Session 27: legal search behaviours (docs/knowledge.md, "Session 27"), plain behaviour since session 29 (rule R8).
Pure functions on the catalogue's own lines; the sentences are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import input_papers
from appliance.text import fold_tokens

# --- input_papers: a paper the procedure only asks for, asked to be obtained -----------------------------------------

ALLOWANCE = ("Trợ cấp xã hội hàng tháng", (
    "Tờ khai của đối tượng theo Mẫu số 1a ban hành kèm theo Nghị định 20/2021/NĐ-CP",
    "Xuất trình để đối chiếu: giấy tờ về cư trú (sổ hộ khẩu), giấy khai sinh của trẻ em; giấy xác nhận khuyết tật "
    "(người khuyết tật)…",
))


def _asks(procedure: tuple[str, tuple[str, ...]], question: str) -> str | None:
    return input_papers.asks_to_obtain(*procedure, " ".join(fold_tokens(question)))


def test_the_papers_a_procedure_asks_for_are_read_from_its_lines():
    assert input_papers.input_papers(*ALLOWANCE) == ("giay khai sinh", "giay xac nhan khuyet tat")
    # its own result or form is not a paper it asks for: the name shares "đăng ký hộ kinh doanh", "giấy phép xây dựng"
    assert input_papers.input_papers("Đăng ký hộ kinh doanh", ("Giấy đề nghị đăng ký hộ kinh doanh",)) == ()
    assert input_papers.input_papers("Cấp giấy phép xây dựng", ("Bản sao giấy phép xây dựng đã cấp",)) == ()
    # the citizen's name for the procedure itself ("làm giấy báo tử" is the death registration): a syllable shared
    assert input_papers.input_papers("Đăng ký khai tử", ("Giấy báo tử hoặc giấy tờ khác thay giấy báo tử",)) == ()
    # a name of generic words only says no paper in particular; "giấy tờ" names none
    assert input_papers.input_papers("Đăng ký biến động", ("Giấy chứng nhận đã cấp", "Giấy tờ về cư trú")) == ()


@pytest.mark.parametrize("question", [
    "con tôi bị bại não, muốn xin giấy xác nhận khuyết tật thì nộp đơn ở đâu",
    "xin cap lai giay xac nhan khuyet tat bi mat o dau",
    "làm giấy xác nhận khuyết tật cho con cần những gì",
])
def test_a_paper_the_procedure_asks_for_asked_to_be_obtained(question):
    assert _asks(ALLOWANCE, question) == "giay xac nhan khuyet tat"


@pytest.mark.parametrize("question", [
    "con tôi đã có giấy xác nhận khuyết tật rồi, giờ xin trợ cấp thì làm thế nào",   # held: "xin" asks the allowance
    "đã được cấp giấy xác nhận khuyết tật nặng thì được trợ cấp bao nhiêu",           # held already ("đã")
    "hồ sơ xin trợ cấp có cần giấy xác nhận khuyết tật không",                       # only named among the papers
    "xin trợ cấp cho người khuyết tật ở đâu",                                        # no paper named
])
def test_a_paper_held_or_only_named_leaves_the_procedure(question):
    assert _asks(ALLOWANCE, question) is None
