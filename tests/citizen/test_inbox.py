"""Staff inbox over real HTTP: pull from public.db, filters and SLA, assign, reply back to the
citizen's channel, reclassify (feeds the classifier), routing table edits reach new tickets."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from appliance.app import create_app
from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.intake import file_feedback
from appliance.citizen.public.store import public_db
from appliance.citizen.staff.sync import enforce_retention
from appliance.db import connect
from appliance.jobs import run_pending
from tests.conftest import login


@pytest.fixture
def staff(citizen_settings, live_server_factory):
    return live_server_factory(create_app(citizen_settings))  # demo users come with the template


def detail_id(client, code):
    page = client.get("/phan-anh", params={"q": code})
    return int(re.search(r'href="/phan-anh/(\d+)"', page.text).group(1))


def test_inbox_flow(staff, citizen_settings):
    with public_db(citizen_settings) as public:
        web = file_feedback(public, "Rác thải tồn đọng ở ngõ 34 bốc mùi", channel="web", name="Trần Thị Hoa",
                            phone="0987654321")
        zalo = ChatBot().handle(public, "zalo:u-77", "phản ánh đèn đường ngõ 12 hỏng cả tuần nay tối om",
                                channel="zalo", channel_user="u-77").ticket
        old = file_feedback(public, "Cán bộ một cửa thái độ cáu gắt với dân", channel="web",
                            now=dt.datetime(2026, 1, 5, 9, 0))
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.get("/phan-anh")
        assert page.status_code == 200 and web["ticket_code"] in page.text and "Quá hạn" in page.text
        # Personal data left public.db once pulled.
        conn = sqlite3.connect(citizen_settings.public_db_path)
        assert conn.execute("SELECT count(*) FROM inbox WHERE phone IS NOT NULL OR name IS NOT NULL"
                            " OR content != ''").fetchone()[0] == 0
        logged = [r[0] for r in conn.execute("SELECT text FROM chat_messages WHERE role = 'citizen'")]
        assert logged and not any("đèn đường" in t for t in logged)  # the complaint is not kept in the chat log
        api = c.get("/api/v1/feedback", params={"category": "moi_truong"}).json()
        assert [i["ticket_code"] for i in api["items"]] == [web["ticket_code"]]
        assert api["items"][0]["phone"] == "0987654321"  # staff see it; the public status never does
        overdue = c.get("/api/v1/feedback", params={"overdue": "1"}).json()
        assert [i["ticket_code"] for i in overdue["items"]] == [old["ticket_code"]] and overdue["overdue"] == 1
        assert c.get("/api/v1/feedback", params={"status": "da_xu_ly"}).json()["total"] == 0

        wid = detail_id(c, web["ticket_code"])
        assert c.post(f"/phan-anh/{wid}/giao-viec", data={"assigned_to": "Vũ Thị Mai"}).status_code == 403  # no CSRF
        assert c.post(f"/phan-anh/{wid}/giao-viec", data={"assigned_to": "Vũ Thị Mai", "csrf_token": csrf}
                      ).status_code == 303
        r = c.post(f"/phan-anh/{wid}/tra-loi", data={"reply": "Đã thu gom rác, cảm ơn ông/bà.", "resolve": "1",
                                                     "csrf_token": csrf})
        assert r.status_code == 303 and "tra-loi-status_page" in r.headers["location"]
        status = conn.execute("SELECT status, reply FROM tickets WHERE ticket_code = ?",
                              (web["ticket_code"],)).fetchone()
        assert status == ("da_xu_ly", "Đã thu gom rác, cảm ơn ông/bà.")

        zid = detail_id(c, zalo["ticket_code"])
        r = c.post(f"/phan-anh/{zid}/tra-loi", data={"reply": "Đã thay bóng đèn.", "csrf_token": csrf})
        assert "tra-loi-zalo" in r.headers["location"]
        staff_conn = connect(citizen_settings.db_path)
        out = staff_conn.execute("SELECT recipient, text, status FROM zalo_outbox").fetchall()
        assert [(o["recipient"], o["status"]) for o in out] == [("u-77", "pending")]
        assert "Đã thay bóng đèn." in out[0]["text"] and zalo["ticket_code"] in out[0]["text"]
        zalo_status = conn.execute("SELECT reply FROM tickets WHERE ticket_code = ?", (zalo["ticket_code"],)).fetchone()
        assert zalo_status[0] is None  # a Zalo reply travels by Zalo, not on the public status page

        # Reclassify: the text becomes an example, published to the citizen side.
        oid = detail_id(c, old["ticket_code"])
        assert c.post(f"/phan-anh/{oid}/phan-loai", data={"category": "khac", "csrf_token": csrf}).status_code == 303
        row = staff_conn.execute("SELECT category, category_source, department FROM feedback WHERE id = ?",
                                 (oid,)).fetchone()
        assert tuple(row) == ("khac", "staff", "Văn phòng HĐND và UBND")
        assert staff_conn.execute("SELECT count(*) FROM feedback_examples").fetchone()[0] == 1
        run_pending(staff_conn, citizen_settings, kinds=["citizen.publish"])
        assert conn.execute("SELECT category FROM pub_examples").fetchall() == [("khac",)]
        detail = c.get(f"/phan-anh/{oid}")
        assert "reclassify" in detail.text and "khac" in detail.text
        # People read the history as a sentence with category names (issue 20).
        assert "phân loại lại từ «Thủ tục hành chính, thái độ phục vụ» sang «Khác»" in detail.text


def test_routing_table_is_data_admins_edit(staff, citizen_settings):
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        assert c.get("/quan-tri/dinh-tuyen").status_code == 403
    with staff.client() as c:
        csrf = login(c, "admin", "admin-demo")
        assert "Phòng Kinh tế, Hạ tầng và Đô thị" in c.get("/quan-tri/dinh-tuyen").text
        r = c.post("/quan-tri/dinh-tuyen", data={"category": "moi_truong", "department": "Tổ môi trường phường",
                                                 "sla_days": "4", "csrf_token": csrf})
        assert r.status_code == 303
        assert c.post("/quan-tri/dinh-tuyen", data={"category": "khong-co", "department": "x", "sla_days": "4",
                                                    "csrf_token": csrf}).status_code == 422
    staff_conn = connect(citizen_settings.db_path)
    run_pending(staff_conn, citizen_settings, kinds=["citizen.publish"])
    with public_db(citizen_settings) as public:
        ticket = file_feedback(public, "Hàng xóm hát karaoke đến nửa đêm rất ồn", channel="web",
                               now=dt.datetime(2026, 11, 23, 8, 0))  # a Monday
    # 4 working days from Monday 23/11/2026: Tuesday 24/11 is Ngày Văn hóa Việt Nam (a public holiday in
    # the calendar), so 25, 26, 27 and Monday 30/11.
    assert ticket["department"] == "Tổ môi trường phường" and ticket["deadline"] == "2026-11-30"


def test_faq_and_notices_published_and_escaped(staff, citizen_settings, live_server_factory):
    with staff.client() as c:
        csrf = login(c, "admin", "admin-demo")
        for action, title, body in (("add_faq", "Giờ làm việc của bộ phận một cửa?", "Sáng 8:00–11:30, chiều 13:30."),
                                    ("add_notice", "<b>Lịch</b> nghỉ", "Nghỉ ngày <script>x()</script> 2/9.")):
            r = c.post("/quan-tri/cong-dan", data={"action": action, "title": title, "body": body, "csrf_token": csrf})
            assert r.status_code == 303
        assert "Giờ làm việc" in c.get("/quan-tri/cong-dan").text
    staff_conn = connect(citizen_settings.db_path)
    run_pending(staff_conn, citizen_settings, kinds=["citizen.publish"])
    public = live_server_factory(create_public_app(citizen_settings, generator=None))
    with public.client() as c:
        reply = c.post("/api/v1/chat", json={"session_id": "s-faq-0001", "message": "gio lam viec mot cua the nao a"})
        assert reply.json()["detail"] == "faq" and "13:30" in reply.json()["reply"]
        home = c.get("/").text
        assert "&lt;b&gt;Lịch&lt;/b&gt; nghỉ" in home and "<script>x()" not in home


def test_chat_log_retention_is_enforced_and_audited(citizen_settings):
    settings = citizen_settings.model_copy(update={"citizen_chat_retention_days": 30})
    staff_conn = connect(settings.db_path)
    with public_db(settings) as public:
        bot = ChatBot()
        bot.handle(public, "web:old-session", "xin chào")
        bot.handle(public, "web:new-session", "xin chào")
        public.execute("UPDATE chat_messages SET at = '2020-01-01 00:00:00.000' WHERE session_id = 'web:old-session'")
        public.execute("UPDATE chat_sessions SET updated_at = '2020-01-01 00:00:00' WHERE id = 'web:old-session'")
        assert enforce_retention(staff_conn, public, settings) == {"chat_messages": 2, "chat_sessions": 1}
        assert enforce_retention(staff_conn, public, settings) == {}  # at most once a day
        assert [r[0] for r in public.execute("SELECT id FROM chat_sessions")] == ["web:new-session"]
    logged = staff_conn.execute("SELECT detail FROM audit_log WHERE action = 'citizen.retention'").fetchall()
    assert len(logged) == 1 and '"chat_messages": 2' in logged[0][0]


def test_inbox_total_is_the_true_count_not_the_page_size(demo_server, demo_settings):
    expected = sqlite3.connect(demo_settings.db_path).execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    assert expected > 10
    with demo_server.client() as c:
        login(c, "canbo", "canbo-demo")
        body = c.get("/api/v1/feedback", params={"limit": 10}).json()
        assert len(body["items"]) == 10 and body["total"] == expected
        page = c.get("/phan-anh")
        assert "hãy lọc thêm" in page.text and f"{expected} phản ánh" in page.text


def test_handed_over_conversation_in_the_staff_inbox_with_its_history(staff, citizen_settings, live_server_factory):
    """Issue 16: "Gặp cán bộ" puts the conversation, with what the citizen asked, in the staff inbox;
    the officer's answer reaches the citizen by the HD code on the website."""
    public = live_server_factory(create_public_app(citizen_settings, generator=None))
    with public.client() as c:
        ask = c.post("/api/v1/chat", json={"session_id": "s-handover-1", "message": "cong chung o phuong nop o dau"})
        assert ask.json()["detail"] == "clarify"
        handed = c.post("/api/v1/chat", json={"session_id": "s-handover-1", "message": "Gặp cán bộ"}).json()
    code = handed["handover"]
    assert handed["detail"] == "handover" and code.startswith("HD-") and code in handed["reply"]
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        inbox_page = c.get("/phan-anh")
        assert "Hỏi đáp chuyển cán bộ: 1 chờ trả lời" in inbox_page.text
        listing = c.get("/phan-anh/hoi-dap")
        assert code in listing.text and "cong chung o phuong nop o dau" not in listing.text.split(code)[0]
        hid = int(re.search(r'href="/phan-anh/hoi-dap/(\d+)"', listing.text).group(1))
        detail = c.get(f"/phan-anh/hoi-dap/{hid}")
        assert "cong chung o phuong nop o dau" in detail.text and "Tôi chưa chắc bạn hỏi về việc nào" in detail.text
        r = c.post(f"/phan-anh/hoi-dap/{hid}/tra-loi", data={"reply": "Bạn mang bản chính và bản sao đến bộ phận "
                                                            "một cửa.", "csrf_token": csrf})
        assert r.status_code == 303 and "tra-loi-status_page" in r.headers["location"]
    # Pulled: the conversation left public.db; the answer is there under its code.
    conn = sqlite3.connect(citizen_settings.public_db_path)
    assert conn.execute("SELECT transcript, channel_user FROM handovers WHERE code = ?", (code,)).fetchone() == (
        "", None)
    conn.close()
    with public.client() as c:
        status = c.get(f"/api/v1/feedback/{code}").json()
    assert status["ticket_code"] == code and "bộ phận một cửa" in status["reply"]


def test_unsure_category_waits_for_staff_and_the_citizen_is_told_it_is_being_routed(staff, citizen_settings,
                                                                                    live_server_factory):
    """Issue 16: a complaint whose category the classifier is unsure of is filed "Chờ phân loại": the
    citizen is told it is being routed (no department named) until staff choose the category."""
    public = live_server_factory(create_public_app(citizen_settings, generator=None))
    vague = "phản ánh: mấy hôm nay ở tổ 5 có chuyện không hay, mong phường xuống xem xét giúp bà con"
    with public.client() as c:
        filed = c.post("/api/v1/chat", json={"session_id": "s-triage-01", "message": vague}).json()
        assert filed["detail"] == "filed" and filed["ticket"]["pending"] is True
        assert "đang được cán bộ phân loại" in filed["reply"] and filed["ticket"]["department"] == ""
        code = filed["ticket"]["ticket_code"]
        status = c.get(f"/api/v1/feedback/{code}").json()
        assert status["category_label"] == "Chờ phân loại" and status["department"] == ""
        assert not any(d in filed["reply"] + str(status) for d in ("Phòng ", "Công an", "Văn phòng"))
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.get("/phan-anh", params={"q": code})
        assert "Chờ phân loại" in page.text
        fid = detail_id(c, code)
        assert c.post(f"/phan-anh/{fid}/phan-loai", data={"category": "an_ninh_trat_tu", "csrf_token": csrf}
                      ).status_code == 303
    with public.client() as c:
        routed = c.get(f"/api/v1/feedback/{code}").json()
    assert routed["category"] == "an_ninh_trat_tu" and routed["department"] and routed["category_label"] != \
        "Chờ phân loại"
