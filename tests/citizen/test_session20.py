"""Session 20's citizen flags that rule R1 kept on, each shown on and off (docs/citizen.md, "Session 20"): the ward's
staff at fault (service_failures.SESSION20_STAFF_FAULT), a complaint below the bar that tells how the service failed
(unsure_complaints.SESSION20_BELOW_BAR), the marriage's old names (vocabulary.SESSION20_OLD_NAMES) and more English
(loanwords.SESSION20_MORE_ENGLISH). The three it switched off went with their code in session 21 (rule R8). Every
sentence here was written for these tests (none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import service_failures, unsure_complaints
from appliance.citizen.matching import Procedure, tokens
from appliance.knowledge.procedures import load_catalogue

# --- SESSION20_STAFF_FAULT ------------------------------------------------------------------------------------------
STAFF_AT_FAULT = [
    "Cán bộ ghi sai ngày sinh của bố tôi trong trích lục, giờ lại bắt tôi đi sửa, lỗi của ai đây",
    "Chứng thực có mấy tờ mà anh ở bàn số 2 bấm điện thoại suốt, không thèm trả lời dân",
    "Ra phường làm tạm trú, người quen thì đi cửa sau vào trước, dân xếp hàng cả buổi",
    "Xác nhận cư trú mà đòi thêm giấy của tổ trưởng, quy định ở đâu ra vậy",
    "Cán bộ nhập sai số căn cước của tôi vào hồ sơ, lỗi của phường mà bắt dân chạy lại",
]
NOT_STAFF_AT_FAULT = [  # asking how to do it, or the same letters meaning something else
    "Cán bộ ghi sai tên con tôi trên giấy khai sinh, giờ sửa thế nào ạ",
    "Giấy kết hôn bị ghi sai quê quán thì làm sao để cải chính",
    "Sao không thêm được tên con vào sổ hộ khẩu",
    "Tôi muốn đổi cửa sau nhà thành cửa sắt có cần xin phép không",
]


@pytest.mark.parametrize("text", STAFF_AT_FAULT)
def test_staff_at_fault_is_mishandling(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(service_failures, "SESSION20_STAFF_FAULT", True)
    assert service_failures.reports_mishandling(tokens(text))
    monkeypatch.setattr(service_failures, "SESSION20_STAFF_FAULT", False)
    assert not service_failures.reports_mishandling(tokens(text))


@pytest.mark.parametrize("text", NOT_STAFF_AT_FAULT)
def test_a_question_of_how_is_no_staff_fault(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(service_failures, "SESSION20_STAFF_FAULT", True)
    assert not service_failures.reports_mishandling(tokens(text))


# --- SESSION20_BELOW_BAR --------------------------------------------------------------------------------------------
SERVICE_FAILED = [
    "Nộp hồ sơ trên cổng dịch vụ công mấy lần đều báo lỗi, gọi số của phường cũng không ai nghe máy",
    "Hồ sơ của tôi nộp từ tháng 5, hỏi thì bộ phận này đùn đẩy sang bộ phận kia",
    "Đóng 30 nghìn lệ phí mà không có biên lai, tiền đi đâu",
]
NOT_SERVICE_FAILED = [  # a failure asked about (the FAQ), or a complaint that tells no failure of the service
    "Gọi số cũ không ai nghe, cho xin số điện thoại mới của phường",
    "Cống đầu ngõ tắc ba hôm nay, nước tràn lên mặt đường",
]


@pytest.mark.parametrize("text", SERVICE_FAILED)
def test_a_failed_service_is_offered_below_the_bar(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(unsure_complaints, "SESSION20_BELOW_BAR", True)
    assert unsure_complaints.offered_below_bar(tokens(text))
    monkeypatch.setattr(unsure_complaints, "SESSION20_BELOW_BAR", False)
    assert not unsure_complaints.offered_below_bar(tokens(text))


@pytest.mark.parametrize("text", NOT_SERVICE_FAILED)
def test_no_failure_told_nothing_offered(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(unsure_complaints, "SESSION20_BELOW_BAR", True)
    assert not unsure_complaints.offered_below_bar(tokens(text))


def test_the_chat_offers_a_complaint_below_the_bar_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen.public import chat

    source = chat.ChatBot._act.__code__.co_names
    assert "offered_below_bar" in source  # read where the likeliest reading is a complaint (public/chat.py)


def _procedures() -> list[Procedure]:
    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


# --- SESSION20_OLD_NAMES --------------------------------------------------------------------------------------------
OLD_NAMES = [  # (sentence, the procedure named the old or everyday way)
    ("Cháu nó sắp làm giấy giá thú, bà hỏi cần mang những gì", "HT-KH"),
    ("Anh về nước làm giấy tờ cưới với chị ấy ở phường được không", "HT-KH"),
    ("Ông muốn xin bản sao giấy giá thú của ông bà năm 1965", "HT-TLBS"),
]
NOT_OLD_NAMES = [  # "giá thú" alone is no marriage
    "Con ngoài giá thú thì làm khai sinh thế nào",
]


def _evidence(text: str) -> dict[str, float]:
    from appliance.citizen.matching import ProcedureIndex

    return ProcedureIndex(_procedures()).evidence(text)


def _index_best(text: str) -> str | None:
    evidence = _evidence(text)
    return max(evidence, key=lambda code: evidence[code]) if evidence else None


@pytest.mark.parametrize(("text", "code"), OLD_NAMES)
def test_old_names_name_the_procedure(monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> None:
    from appliance.citizen import vocabulary

    monkeypatch.setattr(vocabulary, "SESSION20_OLD_NAMES", True)
    on = _evidence(text)
    assert _index_best(text) == code
    monkeypatch.setattr(vocabulary, "SESSION20_OLD_NAMES", False)
    assert _evidence(text).get(code, 0.0) < on[code]


@pytest.mark.parametrize("text", NOT_OLD_NAMES)
def test_gia_thu_alone_is_no_marriage(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    from appliance.citizen import vocabulary

    monkeypatch.setattr(vocabulary, "SESSION20_OLD_NAMES", True)
    assert _index_best(text) != "HT-KH"


# --- SESSION20_MORE_ENGLISH -----------------------------------------------------------------------------------------
MORE_ENGLISH = [  # (sentence, the Vietnamese words it must read as)
    ("Con em sinh ở Úc, can we register her birth ở phường không", "dang ky khai sinh"),
    ("We want to register our baby, bố là người Việt", "dang ky khai sinh cho con"),
    ("Chồng em là foreigner thì kết hôn cần what documents", "giay to gi"),
    ("Bé born abroad, về Việt Nam làm giấy gì", "sinh o nuoc ngoai"),
]


def _said(text: str, phrase: str) -> bool:
    words, wanted = tokens(text), phrase.split()
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words)))


@pytest.mark.parametrize(("text", "reads"), MORE_ENGLISH)
def test_more_english_reads_as_the_vietnamese_words(monkeypatch: pytest.MonkeyPatch, text: str, reads: str) -> None:
    from appliance.citizen import loanwords

    monkeypatch.setattr(loanwords, "SESSION20_MORE_ENGLISH", True)
    assert _said(text, reads)
    monkeypatch.setattr(loanwords, "SESSION20_MORE_ENGLISH", False)
    assert not _said(text, reads)


def test_more_english_leaves_vietnamese_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen import loanwords

    text = "Tôi cần giấy tờ gì để đăng ký khai sinh cho con ở phường"
    monkeypatch.setattr(loanwords, "SESSION20_MORE_ENGLISH", False)
    plain = tokens(text)
    monkeypatch.setattr(loanwords, "SESSION20_MORE_ENGLISH", True)
    assert tokens(text) == plain
