"""Session 27: legal search behaviours behind SESSION27_* flags (docs/knowledge.md, "Session 27"), each on and off.
Pure functions on the catalogue's own lines; the sentences are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import chat_named, dense, input_papers
from appliance.text import fold_tokens

# --- input_papers.SESSION27_INPUT_PAPER: a paper the procedure only asks for, asked to be obtained -----------------

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
def test_a_paper_the_procedure_asks_for_asked_to_be_obtained(monkeypatch, question):
    monkeypatch.setattr(input_papers, "SESSION27_INPUT_PAPER", True)
    assert _asks(ALLOWANCE, question) == "giay xac nhan khuyet tat"
    monkeypatch.setattr(input_papers, "SESSION27_INPUT_PAPER", False)
    assert _asks(ALLOWANCE, question) is None


@pytest.mark.parametrize("question", [
    "con tôi đã có giấy xác nhận khuyết tật rồi, giờ xin trợ cấp thì làm thế nào",   # held: "xin" asks the allowance
    "đã được cấp giấy xác nhận khuyết tật nặng thì được trợ cấp bao nhiêu",           # held already ("đã")
    "hồ sơ xin trợ cấp có cần giấy xác nhận khuyết tật không",                       # only named among the papers
    "xin trợ cấp cho người khuyết tật ở đâu",                                        # no paper named
])
def test_a_paper_held_or_only_named_leaves_the_procedure(monkeypatch, question):
    monkeypatch.setattr(input_papers, "SESSION27_INPUT_PAPER", True)
    assert _asks(ALLOWANCE, question) is None


# --- chat_named.SESSION27_CHAT_NAMED: a bridge on the chat's reading alone needs a syllable of the procedure --------

BIRTH = ("Đăng ký khai sinh", ("làm giấy khai sinh", "khai sinh cho con"))


def test_a_question_naming_nothing_of_the_procedure_is_not_bridged_on_the_chat_alone(monkeypatch):
    monkeypatch.setattr(chat_named, "SESSION27_CHAT_NAMED", True)
    assert not chat_named.names_procedure(*BIRTH, "Sổ hộ tịch phải lưu trữ bao lâu?")
    assert not chat_named.names_procedure(*BIRTH, "thủ tục đăng ký cấp giấy gì")   # words of every procedure only
    monkeypatch.setattr(chat_named, "SESSION27_CHAT_NAMED", False)
    assert chat_named.names_procedure(*BIRTH, "Sổ hộ tịch phải lưu trữ bao lâu?")


@pytest.mark.parametrize("question", [
    "bé nhà em sinh ở nhà, giờ đi khai cho bé thì mang gì",   # "sinh"
    "lam giay khai sinh cho con o dau",                        # typed without diacritics
    "con tôi mới đẻ, muốn làm giấy cho con thì sao",            # "con", an alias's word
])
def test_a_question_sharing_a_syllable_with_the_procedure_keeps_the_chats_reading(monkeypatch, question):
    monkeypatch.setattr(chat_named, "SESSION27_CHAT_NAMED", True)
    assert chat_named.names_procedure(*BIRTH, question)


# --- dense.SESSION27_DENSE_KIND: the embedder's confirmation needs a passage stating the amount or time asked ---------

PROCEDURE_TEXT = " ".join(fold_tokens("Người yêu cầu cấp bản sao trích lục hộ tịch trực tiếp hoặc thông qua người đại "
                                      "diện gửi tờ khai theo mẫu quy định cho Cơ quan quản lý cơ sở dữ liệu hộ tịch."))
FEE_TEXT = " ".join(fold_tokens("Mức thu lệ phí cấp bản sao trích lục hộ tịch là 8.000 đồng/bản sao trích lục."))


def test_the_embedders_confirmation_needs_a_passage_stating_the_amount_asked(monkeypatch):
    question = " ".join(fold_tokens("xin bản sao trích lục hộ tịch thì mất phí bao nhiêu một bản"))
    monkeypatch.setattr(dense, "SESSION27_DENSE_KIND", True)
    assert not dense.states_asked(question, [PROCEDURE_TEXT])
    assert dense.states_asked(question, [PROCEDURE_TEXT, FEE_TEXT])
    monkeypatch.setattr(dense, "SESSION27_DENSE_KIND", False)
    assert dense.states_asked(question, [PROCEDURE_TEXT])


def test_a_question_asking_no_amount_or_time_keeps_the_confirmation(monkeypatch):
    # Only what the question asks counts: "ai được yêu cầu" asks neither an amount nor a time.
    monkeypatch.setattr(dense, "SESSION27_DENSE_KIND", True)
    assert dense.states_asked(" ".join(fold_tokens("ai được yêu cầu cấp bản sao trích lục hộ tịch")), [PROCEDURE_TEXT])
    # … and a passage beyond the ones the confirmation reads does not count.
    question = " ".join(fold_tokens("mất phí bao nhiêu"))
    assert not dense.states_asked(question, [PROCEDURE_TEXT] * dense.DENSE_CONFIRM_DEPTH + [FEE_TEXT])
