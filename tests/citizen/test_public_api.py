"""The citizen app over real HTTP: chat, feedback, status, limits, escaping, generator checks."""

from __future__ import annotations

import json
import sqlite3

import pytest

from appliance.citizen.public.app import create_public_app


@pytest.fixture
def public(citizen_settings, live_server_factory):
    return live_server_factory(create_public_app(citizen_settings, generator=None))


def chat(client, session, message):
    r = client.post("/api/v1/chat", json={"session_id": session, "message": message})
    assert r.status_code == 200, r.text
    return r.json()


def record(settings, code):
    conn = sqlite3.connect(settings.public_db_path)
    data = json.loads(conn.execute("SELECT data FROM pub_procedures WHERE code = ?", (code,)).fetchone()[0])
    conn.close()
    return data


def test_chat_answers_from_the_record_with_context(public, citizen_settings):
    with public.client() as c:
        hello = chat(c, "s-hello-001", "chào ad")
        assert hello["intent"] == "other" and hello["detail"] == "greeting"
        first = chat(c, "s-ctx-00001", "cho em hỏi làm giấy khai sinh cần gì ạ")
        assert first["intent"] == "procedure" and first["procedure"]["name"] == "Đăng ký khai sinh"
        assert first["procedure"]["url"].endswith(f"/thu-tuc/{first['procedure']['code']}")
        rec = record(citizen_settings, first["procedure"]["code"])
        for document in rec["documents"]:
            assert document in first["reply"]  # every document of the record, word for word
        assert first["engine"] == "rules"
        # Follow-up without naming the procedure: the session remembers it.
        fee = chat(c, "s-ctx-00001", "le phi bn vay")
        assert fee["procedure"]["code"] == first["procedure"]["code"] and rec["fee"] in fee["reply"]
        assert rec["documents"][0] not in fee["reply"]
        # Another session does not share that context.
        other = chat(c, "s-other-001", "le phi bn vay")
        assert other["procedure"] is None


def test_clarifying_question_then_choice(public):
    with public.client() as c:
        ask = chat(c, "s-clarify-1", "cong chung o phuong nop o dau")
        numbers = [n for n, choice in enumerate(ask["choices"], 1) if str(choice["id"]).startswith("proc:")]
        assert ask["detail"] == "clarify" and len(numbers) >= 2
        # The citizen answers with a choice's number (the second procedure offered: other choices such as
        # "Gửi phản ánh" may sit between them, in the order of the reading's candidates).
        pick = chat(c, "s-clarify-1", str(numbers[1]))
        assert pick["intent"] == "procedure" and pick["procedure"]["name"] == ask["choices"][numbers[1] - 1]["name"]
        assert pick["reply"].count("Nơi nộp") == 1  # the aspect asked first ("ở đâu") is kept
        # With a procedure in context, the same wording is answered, not asked again.
        again = chat(c, "s-clarify-1", "cong chung mat bao lau")
        assert again["detail"] == "answer" and again["procedure"]["name"] == pick["procedure"]["name"]


def test_police_procedures_say_so(public):
    with public.client() as c:
        for question in ("đăng ký tạm trú cần gì", "nhap ho khau cho con o dau"):
            reply = chat(c, "s-police-01", question)
            assert "Công an phường" in reply["reply"], reply


def test_complaint_in_chat_gets_a_ticket_and_status(public, citizen_settings):
    with public.client() as c:
        # Not said to be a complaint: the bot asks before filing anything (issue 16).
        offer = chat(c, "s-complain1", "đèn đường ngõ 12 Tương Mai hỏng cả tuần nay, buổi tối tối om")
        assert offer["intent"] == "feedback" and offer["detail"] == "confirm_complaint" and offer["ticket"] is None
        filed = chat(c, "s-complain1", offer["choices"][0]["title"])
        assert filed["intent"] == "feedback" and filed["ticket"]["category"] == "ha_tang"
        code = filed["ticket"]["ticket_code"]
        assert code in filed["reply"]
        status = chat(c, "s-complain1", f"tra cuu {code.lower()}")
        assert status["intent"] == "status" and "Chờ xử lý" in status["reply"]
        short = chat(c, "s-complain2", "phản ánh rác")
        assert short["detail"] == "ask_details"
        done = chat(c, "s-complain2", "rác để ở đầu ngõ 34 Nguyễn An Ninh ba ngày không ai thu gom")
        assert done["detail"] == "filed" and done["ticket"]["category"] == "moi_truong"


def test_feedback_api_and_status_without_personal_data(public):
    with public.client() as c:
        r = c.post("/api/v1/feedback", json={"content": "Nhà số 15 ngõ 8 xây không phép 5 tầng",
                                             "name": "Nguyễn Văn Hải", "phone": "0912345678",
                                             "address": "số 3 ngõ 8"})
        assert r.status_code == 200
        body = r.json()
        assert set(body) >= {"ticket_code", "category", "department", "status"}
        assert body["category"] == "trat_tu_do_thi" and body["department"] == "Phòng Kinh tế, Hạ tầng và Đô thị"
        status = c.get(f"/api/v1/feedback/{body['ticket_code']}")
        assert status.status_code == 200
        text = status.text
        for personal in ("Nguyễn Văn Hải", "0912345678", "số 3 ngõ 8", "phone", "name", "address"):
            assert personal not in text
        spoken = body["ticket_code"].replace("-", " ").lower()
        assert c.get(f"/api/v1/feedback/{spoken}").json()["ticket_code"] == body["ticket_code"]
        missing = c.get("/api/v1/feedback/PA-333-333")
        assert missing.status_code == 404 and missing.json()["error"]["message"]
        assert c.post("/api/v1/feedback", json={"content": "ngắn"}).status_code == 422


def test_the_web_form_files_a_doubtful_complaint_for_staff_to_sort(public):
    """The form classifies as the chat does (calibrated threshold): a complaint that names no concrete
    problem waits "Chờ phân loại" with no department, instead of a guessed department told as final."""
    vague = "Tôi muốn phản ánh một việc ở khu dân cư đã kéo dài nhiều tháng mà chưa được giải quyết dứt điểm"
    with public.client() as c:
        body = c.post("/api/v1/feedback", json={"content": vague}).json()
        assert body["pending"] is True and body["department"] == "" and body["category_label"] == "Chờ phân loại"
        assert c.get(f"/api/v1/feedback/{body['ticket_code']}").json()["category_label"] == "Chờ phân loại"
        # One category by the table: a blocked drain that also stinks ("cống tắc… bốc mùi hôi", the
        # sentence used here before the complaint model) is hạ tầng or môi trường, and the model
        # holds it for staff (0.53 / 0.46).
        clear = c.post("/api/v1/feedback", json={"content": "Đèn chiếu sáng trong ngõ 12 hỏng cả tuần nay, buổi tối"
                                                            " tối om, người già đi lại dễ ngã"}).json()
        assert clear["pending"] is False and clear["department"]


def test_limits_and_escaping(citizen_settings, live_server_factory):
    settings = citizen_settings.model_copy(update={"citizen_chat_per_session_minute": 3,
                                                   "citizen_feedback_per_ip_hour": 2})
    server = live_server_factory(create_public_app(settings, generator=None))
    with server.client() as c:
        too_long = c.post("/api/v1/chat", json={"session_id": "s-long-0001", "message": "a" * 1001})
        assert too_long.status_code == 413 and too_long.json()["error"]["code"] == "too_long"
        codes = [c.post("/api/v1/chat", json={"session_id": "s-rate-0001", "message": "xin chao"}).status_code
                 for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[-1] == 429
        assert c.post("/api/v1/chat", json={"session_id": "s-rate-0002", "message": "xin chao"}).status_code == 200
        xss = "<script>alert(1)</script> cống thoát nước tắc ở ngõ 5"
        assert c.post("/api/v1/feedback", json={"content": xss}).status_code == 200
        c.post("/api/v1/feedback", json={"content": "đèn đường hỏng ở ngõ 9"})
        assert c.post("/api/v1/feedback", json={"content": "đèn đường hỏng ở ngõ 10"}).status_code == 429
        page = c.get("/thu-tuc/HT-KS")
        assert page.status_code == 200 and "<script>alert" not in page.text
        widget = c.get("/widget.js")
        assert widget.headers["content-type"].startswith("application/javascript")
        assert "innerHTML" not in widget.text and "http://" not in widget.text.replace("http:\"", "")
        assert c.options("/api/v1/chat", headers={"Origin": "http://ward.example", "Access-Control-Request-Method":
                                                  "POST"}).headers["access-control-allow-origin"] == "*"


class FakeGenerator:
    name = "fake-llm"

    def __init__(self, mode: str):
        self.mode = mode

    def chat(self, messages, **kwargs):
        facts = messages[-1]["content"].split("PHẦN DỮ KIỆN:\n", 1)[1].rsplit("\n\nHãy viết", 1)[0]
        if self.mode == "faithful":
            return "Dạ, em xin trả lời ạ.\n" + facts
        return facts + "\nLệ phí thêm 150.000 đồng, nhận kết quả sau 2 ngày."

    def stream(self, messages, **kwargs):  # the generation contract streams text answers
        yield self.chat(messages, **kwargs)


@pytest.mark.parametrize("mode,engine", [("faithful", "llm"), ("inventive", "rules")])
def test_generator_may_phrase_but_not_invent(citizen_settings, live_server_factory, mode, engine):
    server = live_server_factory(create_public_app(citizen_settings, generator=FakeGenerator(mode)))
    with server.client() as c:
        reply = chat(c, f"s-gen-{mode}", "đăng ký kết hôn mất bao lâu")
    assert reply["engine"] == engine
    assert "150.000" not in reply["reply"]


def test_pending_questions_do_not_capture_new_topics(public):
    with public.client() as c:
        assert chat(c, "s-topic-001", "phản ánh rác")["detail"] == "ask_details"
        switched = chat(c, "s-topic-001", "cho hỏi đăng ký kết hôn cần gì")
        assert switched["intent"] == "procedure" and switched["procedure"]["name"] == "Đăng ký kết hôn"
        assert chat(c, "s-topic-001", "tra cứu phản ánh")["detail"] == "ask_code"
        moved_on = chat(c, "s-topic-001", "tạm trú cho người thuê trọ cần giấy tờ gì")
        assert moved_on["intent"] == "procedure"
        assert chat(c, "s-topic-001", "xin chào")["detail"] == "greeting"  # not read as a ticket code
