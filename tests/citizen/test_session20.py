"""Session 20's citizen flags, each shown on and off (docs/citizen.md, "Session 20"): the ward's staff at fault
(service_failures.SESSION20_STAFF_FAULT), a complaint below the bar that tells how the service failed
(unsure_complaints.SESSION20_BELOW_BAR), a land certificate's mistake (land_corrections.SESSION20_LAND_CORRECTION) and
the one-stop office's premises (category_families.SESSION20_ONE_STOP_PREMISES). Every sentence here was written for
these tests (none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import category_families, land_corrections, service_failures, unsure_complaints
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
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


# --- SESSION20_LAND_CORRECTION --------------------------------------------------------------------------------------
def _procedures() -> list[Procedure]:
    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


LAND_MISTAKES = [
    "Sổ hồng nhà tôi bị ghi sai tên chồng, muốn sửa lại thì làm ở đâu",
    "bìa đỏ ghi sai năm sinh của bố, đính chính thế nào ạ",
]
NOT_LAND_MISTAKES = [  # a civil-status paper named, or no mistake told
    "Giấy khai sinh của con ghi sai tên mẹ, sổ đỏ thì đứng tên mẹ, sửa khai sinh thế nào",
    "Sổ đỏ đứng tên bố, giờ bố mất thì sang tên cho con thế nào",
]


def _best_procedure(text: str) -> tuple[str, dict[str, float]]:
    reader = reader_for(_procedures())
    scores = reader.rules.scores(tokens(text))
    procs = {k: v for k, v in scores.items() if k.startswith("proc:")}
    return max(procs, key=lambda k: procs[k]), scores


@pytest.mark.parametrize("text", LAND_MISTAKES)
def test_a_land_certificates_mistake_is_the_land_change(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    codes = land_corrections.codes(_procedures())
    assert codes is not None
    civil, land = codes
    monkeypatch.setattr(land_corrections, "SESSION20_LAND_CORRECTION", True)
    best, scores = _best_procedure(text)
    assert best == f"proc:{land}" and f"proc:{civil}" not in scores
    monkeypatch.setattr(land_corrections, "SESSION20_LAND_CORRECTION", False)
    _, off = _best_procedure(text)
    assert off.get(f"proc:{civil}", 0.0) > 0 and off.get(f"proc:{land}", 0.0) < scores[f"proc:{land}"]


@pytest.mark.parametrize("text", NOT_LAND_MISTAKES)
def test_a_civil_paper_or_no_mistake_is_left(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(land_corrections, "SESSION20_LAND_CORRECTION", True)
    _, on = _best_procedure(text)
    monkeypatch.setattr(land_corrections, "SESSION20_LAND_CORRECTION", False)
    assert on == _best_procedure(text)[1]


# --- SESSION20_ONE_STOP_PREMISES ------------------------------------------------------------------------------------
PREMISES = [  # every phrase of category_families.ONE_STOP_PREMISES is in one of these
    "Phòng chờ một cửa không có quạt, máy lấy số hỏng từ thứ hai",
    "Đến quầy 1 cửa chờ mãi, phải tự lấy số thứ tự bằng tay, phòng 1 cửa thì chật",
    "Khu vực một cửa thiếu ghế chờ, người già phải đứng, bộ phận 1 cửa không ai ra xếp ghế",
    "Phòng chờ 1 cửa nóng quá, khu vực 1 cửa cũng không có nước uống",
    "Hòm thư góp ý ở phường khóa suốt, bảng niêm yết thủ tục thì cũ",
]
NOT_PREMISES = [
    "Nhà tôi có 1 cửa sổ nhìn sang công trình bên cạnh, bụi bay vào",
    "Đề nghị phường lắp ghế đá ở vườn hoa tổ 4",
]


def _premises_found(text: str) -> set[str]:
    return {cat for _, _, cat in category_families.phrase_set().find(tokens(text))}


def test_every_premises_phrase_is_in_a_sentence() -> None:
    said = [" ".join(tokens(t)) for t in PREMISES]
    for phrase in category_families.ONE_STOP_PREMISES:
        folded = " ".join(tokens(phrase))
        assert any(f" {folded} " in f" {s} " for s in said), phrase


@pytest.mark.parametrize("text", PREMISES)
def test_the_premises_name_the_procedures_category(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(category_families, "SESSION20_ONE_STOP_PREMISES", True)
    assert "thu_tuc_hanh_chinh" in _premises_found(text)
    assert "thu_tuc_hanh_chinh" in FeedbackClassifier().rule_scores(tokens(text), category_families.phrase_set())
    monkeypatch.setattr(category_families, "SESSION20_ONE_STOP_PREMISES", False)
    assert "thu_tuc_hanh_chinh" not in _premises_found(text)


@pytest.mark.parametrize("text", NOT_PREMISES)
def test_near_words_are_no_premises(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(category_families, "SESSION20_ONE_STOP_PREMISES", True)
    assert "thu_tuc_hanh_chinh" not in _premises_found(text)


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


# --- SESSION20_MAIN_ITEM --------------------------------------------------------------------------------------------
REPORT = ("Tổ dân phố số 2 kính báo cáo: 1. Ngõ 7 có bãi rác tự phát. 2. Đèn đường ngõ 9 hỏng cả tuần nay "
          "(ĐỀ NGHỊ CHÍNH: thay bóng đèn). 3. Cây ở vườn hoa cần tỉa.")
NO_MAIN_ITEM = [  # no label, the label closing the whole report on its own line, or no numbered items
    "Tổ dân phố số 2 kính báo cáo: 1. Ngõ 7 có bãi rác tự phát. 2. Đèn đường ngõ 9 hỏng cả tuần nay.",
    "Tổ dân phố số 2 kính báo cáo: 1. Ngõ 7 có bãi rác. 2. Đèn đường hỏng.\nĐề nghị chính: phường kiểm tra cả hai việc",
    "Đề nghị chính của tôi là sửa đoạn cống 1.5 mét trước nhà số 12",
]


def test_the_labelled_item_is_found() -> None:
    from appliance.citizen.main_item import main_item

    assert main_item(REPORT) == "2. Đèn đường ngõ 9 hỏng cả tuần nay (ĐỀ NGHỊ CHÍNH: thay bóng đèn)."


@pytest.mark.parametrize("text", NO_MAIN_ITEM)
def test_no_labelled_item(text: str) -> None:
    from appliance.citizen.main_item import main_item

    assert main_item(text) is None


class _Model:
    """Stands for the complaint model: the whole report is unsure, the labelled item is infrastructure."""

    def read(self, text: str) -> tuple[dict[str, float], str | None]:
        from appliance.citizen.classify import CATEGORIES

        sure = text.startswith("2.")
        probabilities = {c: (0.94 if c == "ha_tang" else 0.01) if sure else 1.0 / len(CATEGORIES)
                         for c in CATEGORIES}
        probabilities["cho_phan_loai"] = 0.0
        return probabilities, None


def test_a_waiting_report_is_told_its_main_items_category(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen import main_item
    from appliance.citizen.complaint_model import ComplaintRouter, served_config

    router = ComplaintRouter.__new__(ComplaintRouter)
    router.classifier, router.config, router.model = FeedbackClassifier(), served_config(), _Model()  # type: ignore[assignment]
    monkeypatch.setattr(main_item, "SESSION20_MAIN_ITEM", True)
    told = router.classify(REPORT)
    assert (told.category, told.pending) == ("ha_tang", False)
    monkeypatch.setattr(main_item, "SESSION20_MAIN_ITEM", False)
    assert router.classify(REPORT).pending
