"""A report that the ward's own service failed, or that it mishandled a procedure, is offered as a complaint
(service_failures.py; session 16). Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

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
