"""A report that the ward's own service failed, or that it mishandled a procedure, is offered as a complaint
(service_failures.py; session 16), also when the staff were at fault (session 20's SESSION20_STAFF_FAULT) and when the
reading is a complaint below the bar (unsure_complaints.py, session 20's SESSION20_BELOW_BAR; both on by rule R1,
plain since session 22). Every sentence here was written for these tests (none is from a training, development,
held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import unsure_complaints
from appliance.citizen.matching import tokens
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.service_failures import reports_mishandling, reports_service_failure

FAILED = [  # the ward's own service failed, nothing asked of it: a complaint
    "Tôi gọi vào số điện thoại của phường từ sáng tới trưa mà không ai nhấc máy, thật là bực mình",
    "nộp hồ sơ trên cổng dịch vụ công mãi cứ báo lỗi, mất toi cả buổi sáng của tôi",
    "đường dây nóng phường gọi ba hôm liền ko ai nghe máy",
]
ASKED = [  # the topic asked for, the failure only its reason: the FAQ
    "số điện thoại phường là số mấy, em gọi số cũ không ai nghe",
    "phường làm việc mấy giờ, hôm qua tôi lên không có ai tiếp",
    "nộp hồ sơ trực tuyến thế nào, em làm cứ bị lỗi",
    "cho xin số đường dây nóng của phường",
]


@pytest.mark.parametrize("text", FAILED)
def test_a_failed_service_is_a_failure_report(text: str):
    topic = "nop_truc_tuyen" if "cong dich vu" in " ".join(tokens(text)) else "so_dien_thoai"
    assert reports_service_failure(topic, tokens(text))
    assert not reports_service_failure("dia_chi", tokens(text))  # an address cannot fail that way


@pytest.mark.parametrize("text", ASKED)
def test_asking_for_the_topic_is_no_failure_report(text: str):
    assert not reports_service_failure("so_dien_thoai", tokens(text))
    assert not reports_service_failure("gio_lam_viec", tokens(text))


def test_the_chat_offers_a_complaint_instead_of_the_faq(citizen_settings):
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        for n, text in enumerate(FAILED):
            reply = bot.handle(conn, f"failed-{n}", text)
            assert reply.detail == "confirm_complaint", (text, reply.detail)
        for n, text in enumerate(ASKED):
            assert bot.handle(conn, f"asked-{n}", text).detail == "faq", text


MISHANDLED = [  # a procedure named, and how the office handled it: a complaint
    "xin xác nhận tình trạng hôn nhân ở phường mà hẹn đi hẹn lại ba lần rồi",
    "đăng ký tạm trú cho người thuê trọ, lên lần nào cũng mỗi lần một yêu cầu mới",
    "làm giấy phép xây dựng cán bộ bảo gửi chút cà phê thì nhanh",
]
PROCEDURE_ASKED = [  # late, still waiting, or plainly asked: the procedure
    "đăng ký khai sinh quá hạn thì có bị phạt không",
    "làm sổ đỏ lần đầu mà giờ vẫn chưa có thì làm sao",
    "xin giấy xác nhận tình trạng hôn nhân cần mang gì",
]


@pytest.mark.parametrize("text", MISHANDLED)
def test_mishandling_is_recognised(text: str):
    assert reports_mishandling(tokens(text))


@pytest.mark.parametrize("text", PROCEDURE_ASKED)
def test_a_procedure_asked_is_no_mishandling(text: str):
    assert not reports_mishandling(tokens(text))


def test_the_chat_offers_a_complaint_instead_of_the_procedure(citizen_settings):
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        for n, text in enumerate(MISHANDLED):
            reply = bot.handle(conn, f"mishandled-{n}", text)
            assert reply.detail == "confirm_complaint", (text, reply.detail)
        for n, text in enumerate(PROCEDURE_ASKED):
            reply = bot.handle(conn, f"procedure-{n}", text)
            assert reply.detail == "answer" and reply.procedure is not None, text


# --- The staff at fault (session 20) ---------------------------------------------------------------------------------
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
def test_staff_at_fault_is_mishandling(text: str) -> None:
    assert reports_mishandling(tokens(text))


@pytest.mark.parametrize("text", NOT_STAFF_AT_FAULT)
def test_a_question_of_how_is_no_staff_fault(text: str) -> None:
    assert not reports_mishandling(tokens(text))


# --- A complaint below the bar that tells how the service failed (session 20) ----------------------------------------
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
def test_a_failed_service_is_offered_below_the_bar(text: str) -> None:
    assert unsure_complaints.offered_below_bar(tokens(text))


@pytest.mark.parametrize("text", NOT_SERVICE_FAILED)
def test_no_failure_told_nothing_offered(text: str) -> None:
    assert not unsure_complaints.offered_below_bar(tokens(text))


def test_the_chat_offers_a_complaint_below_the_bar() -> None:
    source = ChatBot._act.__code__.co_names
    assert "offered_below_bar" in source  # read where the likeliest reading is a complaint (public/chat.py)
