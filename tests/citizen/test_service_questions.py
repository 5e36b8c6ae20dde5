"""Session 22: a citizen's question about a service for themselves is never offered as a complaint
(service_questions.asks_service; plain behaviour since session 24). Every sentence here was written for these tests
(none is from a training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import service_questions
from appliance.citizen.matching import tokens
from appliance.citizen.public import chat
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.config import Settings

ASKS_SERVICE = [  # where or whether the ward does it for the citizen, whether the citizen's own plan needs a permit
    # or may be done
    "Nhà em định dựng biển hiệu lớn trên ban công để quảng cáo tiệm tóc, có cần xin phép không ạ",
    "Tôi muốn biết mảnh đất định mua có dính quy hoạch làm đường không, tra cứu ở đâu",
    "Hai nhà thống nhất dời hàng rào ranh giới đất rồi, giờ muốn phường xác nhận vào biên bản cho chắc",
    "Giấy cam kết chung lối đi với nhà hàng xóm, phường có làm không ạ",
    "Tôi tính lát lại vỉa hè trước cửa nhà cho bằng phẳng, có phải xin phép không",
    "Em muốn chặt cây xà cừ trước cửa vì rễ làm nứt nhà, xin giấy ở đâu",
    "Mình định mở một lớp dạy vẽ nhỏ cho trẻ con ngay tại phòng khách, được hông",
    "Em muốn sơn lại mặt tiền nhà màu xanh lá, làm trong dịp lễ được không ạ",
    "Lịch khám sức khỏe miễn phí cho người cao tuổi ở trạm y tế tháng này là ngày nào ạ",
    "Đăng ký cho con học bơi mùa hè thì nộp ở phường hay ở nhà văn hóa quận",
]
COMPLAINTS = [  # complaints that ask something: of someone else's doing, who answers for it, a place told
    "Quán nhậu đầu ngõ dựng rạp chiếm hết lòng đường cả tuần, như vậy có phải xin phép không?",
    "Nhà bên cạnh xây lấn sang phần đất nhà tôi gần nửa mét, phường có làm gì không?",
    "Hồ sơ tôi nộp ở phường từ tháng 2 đến nay vẫn chưa có kết quả, hỏi thì cứ bảo chờ",
    "Công trình số 12 ngõ 40 xây 6 tầng che hết ánh sáng, phường có cấp phép không vậy?",
    "Cống đầu ngõ tắc cả tuần, nước bẩn tràn vào nhà, bao giờ mới được thông?",
    "Người ta xin lắp cột điện ở đầu ngõ rồi bỏ đó, dây võng sát đầu người đi đường",
    "Cán bộ bảo phải về quê làm, trong khi chứng thực chữ ký thì ở đâu cũng được",
    "Tôi muốn hỏi nhà bên cạnh đổ đất lấp cả rãnh thoát nước chung như vậy có được không?",
    "Hàng xóm đục tường sát nhà tôi để trổ cửa sổ, như thế được không?",
    "Mình muốn góp ý với phường về việc thu gom rác muộn, được không ạ",
    "Ông hàng xóm ngày nào cũng mở loa hát karaoke đến nửa đêm",
    "Mất trộm xe đạp lần thứ mấy rồi ở nhà xe chung cư, phường có biết không",
]


@pytest.mark.parametrize("text", ASKS_SERVICE)
def test_a_question_for_a_service_is_read(text: str) -> None:
    assert service_questions.asks_service(tokens(text))


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_complaint_that_asks_is_no_service_question(text: str) -> None:
    assert not service_questions.asks_service(tokens(text))


def test_the_chat_asks_instead_of_offering_a_complaint(monkeypatch: pytest.MonkeyPatch,
                                                        citizen_settings: Settings) -> None:
    bot = ChatBot(None, "")
    with public_db(citizen_settings) as conn:
        monkeypatch.setattr(chat, "asks_service", lambda words: False)  # the chat without the reading
        off = [bot.handle(conn, f"service-off-{n}", text).detail for n, text in enumerate(ASKS_SERVICE)]
        kept_off = [bot.handle(conn, f"complaint-off-{n}", text).detail for n, text in enumerate(COMPLAINTS)]
        monkeypatch.setattr(chat, "asks_service", service_questions.asks_service)
        on = [bot.handle(conn, f"service-on-{n}", text).detail for n, text in enumerate(ASKS_SERVICE)]
        kept_on = [bot.handle(conn, f"complaint-on-{n}", text).detail for n, text in enumerate(COMPLAINTS)]
    assert "confirm_complaint" in off  # read as complaints at the bar without the reading (rules alone)
    assert "confirm_complaint" not in on and "filed" not in on
    assert kept_on == kept_off and kept_on.count("confirm_complaint") >= 5


# Session 23: a permit asked of a plan that opens on its verb with no one named (plain behaviour since session 25).
BARE_PLAN = [
    "Dựng mái che tạm trước cửa hàng để bán tết có phải xin phép không",
    "lắp thêm biển hiệu đèn led trên tầng 2 có cần xin giấy phép ko",
]
NOT_THESE = [  # someone else's doing named first, a complaint's closer, a plan with no question
    "Quán bia trước nhà dựng mái che lấn ra đường có phải xin phép không?",
    "Tôi muốn biết nhà bên cạnh cơi nới như thế thì làm thế nào, phường có làm gì không?",
    "Tôi muốn phản ánh việc đổ phế thải ra đầu ngõ, xử lý thế nào",
    "Em muốn cảm ơn các anh chị ở bộ phận một cửa đã giúp em",
]


@pytest.mark.parametrize("text", BARE_PLAN)
def test_session23_plans_asked_are_service_questions(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert service_questions.asks_service(tokens(text))
    monkeypatch.setattr(service_questions, "PLAN_VERBS", frozenset())  # the bare plan's reading off
    assert not service_questions.asks_service(tokens(text))


@pytest.mark.parametrize("text", NOT_THESE)
def test_session23_no_plan_of_the_citizen_asked(text: str) -> None:
    assert not service_questions.asks_service(tokens(text))
