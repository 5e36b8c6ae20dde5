"""The closed loop (issue 21) over real HTTP and the local fake Zalo API: a complaint sent on Zalo
becomes a routed ticket, shows as overdue on the dashboard and the wall, is put on a meeting's
agenda, the meeting's task is linked to it, the task's result becomes a reply that staff approve,
the citizen receives that reply on Zalo exactly once, and the ticket closes; one page shows the path."""

from __future__ import annotations

import datetime as dt
import html
import re
import sqlite3

import pytest

from appliance.app import create_app
from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.intake import file_feedback
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import inbox
from appliance.citizen.staff.sync import answer_events, pull
from appliance.citizen.staff.zalo_outbox import send_pending
from appliance.db import connect
from appliance.jobs import run_pending
from appliance.jobs.queue import has_pending
from appliance.loop import service as loop
from appliance.meetings import store as meetings_store
from appliance.tasks import service as tasks
from appliance.tasks.service import TaskChanges
from appliance.text.formatting import local_today
from tests.citizen.conftest import zalo_settings
from tests.citizen.test_zalo import event, signed
from tests.conftest import login

CITIZEN = "u-loop-1"
RESULT = "Đã nạo vét 40 m cống ngõ 15, nước thoát bình thường khi mưa."


def _send_outbox(settings) -> None:
    """What the worker does: the staff reply's own job, then the sync round's sending step."""
    conn = connect(settings.db_path)
    try:
        run_pending(conn, settings, kinds=["citizen.zalo_send"])
        send_pending(conn, settings)
    finally:
        conn.close()


def _web_ticket(settings, content: str, **filed_as) -> tuple[sqlite3.Connection, int, str]:
    """A complaint filed on the website and pulled into the staff inbox: (staff connection, its id, its code)."""
    with public_db(settings) as public:
        filed = file_feedback(public, content, channel="web", **filed_as)
    conn = connect(settings.db_path)
    with public_db(settings) as public:
        pull(conn, public)
    fid = inbox.list_feedback(conn, inbox.Filters(q=filed["ticket_code"]), local_today())[0]["id"]
    assert isinstance(fid, int)
    return conn, fid, filed["ticket_code"]


def test_zalo_complaint_goes_through_a_meeting_and_is_answered_once(citizen_settings, fake_zalo,
                                                                    live_server_factory):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    public_app = live_server_factory(create_public_app(settings, generator=None))
    raw = event(text="phản ánh: cống thoát nước ngõ 15 bị tắc, mưa là ngập cả ngõ", msg_id="loop-1", sender=CITIZEN)
    with public_app.client() as c:
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 200
    staff_db = connect(settings.db_path)
    with public_db(settings) as public:
        assert answer_events(staff_db, public, settings) == 1  # the chatbot files it and acknowledges it
    _send_outbox(settings)
    assert len(fake_zalo.messages) == 1 and fake_zalo.messages[0]["recipient"] == {"user_id": CITIZEN}

    staff = live_server_factory(create_app(settings))
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        items = c.get("/api/v1/feedback").json()["items"]  # pulls the ticket from public.db, routed
        assert len(items) == 1 and items[0]["channel"] == "zalo" and items[0]["department"]
        ticket = items[0]
        fid, code = ticket["id"], ticket["ticket_code"]
        assert code in fake_zalo.messages[0]["message"]["text"]
        # Days pass with nothing done: the deadline is behind us.
        staff_db.execute("UPDATE feedback SET deadline = ? WHERE id = ?",
                         ((local_today() - dt.timedelta(days=3)).isoformat(), fid))
        today = local_today()
        period = {"from": today.replace(day=1).isoformat(), "to": today.isoformat()}
        panel = c.get("/api/v1/dashboard/panels", params=period).json()["feedback"]
        assert panel["qua_han"] == 1
        assert [(t["ticket_code"], t["days_late"]) for t in panel["qua_han_ds"]] == [(code, 3)]
        with staff.client() as wall:  # the wall screen's own account
            login(wall, "manhinh", "manhinh-demo")
            shown = wall.get("/api/v1/dashboard/wall").json()["feedback"]
            assert shown["qua_han"] == 1 and [t["ticket_code"] for t in shown["qua_han_ds"]] == [code]
        assert f'href="/phan-anh/{fid}/hanh-trinh">{code}</a>' in c.get("/").text  # the dashboard links its path
        assert [i["ticket_code"] for i in c.get("/api/v1/feedback", params={"overdue": "1"}).json()["items"]] == [code]
        detail = c.get(f"/phan-anh/{fid}").text
        assert f"/phan-anh/{fid}/hanh-trinh" in detail and "Đưa vào cuộc họp" in detail

        # The Friday meeting: the ticket goes on its agenda, once.
        meeting = c.post("/api/v1/meetings", json={"title": "Giao ban thứ Sáu", "room": "Phòng họp 1"},
                         headers={"X-CSRF-Token": csrf}).json()["id"]
        page = c.get(f"/phan-anh/{fid}/hanh-trinh").text
        assert f'<option value="{meeting}">Giao ban thứ Sáu' in page
        r = c.post(f"/phan-anh/{fid}/dua-vao-cuoc-hop", data={"meeting_id": meeting, "csrf_token": csrf})
        assert r.status_code == 303, r.text
        assert c.post(f"/phan-anh/{fid}/dua-vao-cuoc-hop",
                      data={"meeting_id": meeting, "csrf_token": csrf}).status_code == 409
        agenda = c.get(f"/api/v1/meetings/{meeting}").json()["agenda"]
        assert agenda.count(code) == 1 and "cống thoát nước ngõ 15" in agenda
        assert c.get("/api/v1/feedback", params={"q": code}).json()["items"][0]["status"] == "dang_xu_ly"

        # The meeting's direction becomes its task, linked to the ticket; a task of no meeting is refused.
        assert c.post(f"/phan-anh/{fid}/nhiem-vu", data={"task_id": 999, "csrf_token": csrf}).status_code == 409
        r = c.post(f"/phan-anh/{fid}/nhiem-vu", data={
            "assignee": ticket["department"], "content": "Nạo vét cống thoát nước ngõ 15",
            "deadline": (local_today() + dt.timedelta(days=5)).strftime("%d/%m/%Y"), "csrf_token": csrf})
        assert r.status_code == 303, r.text
        task = next(t for t in c.get("/api/v1/tasks").json()["tasks"] if t["content"].startswith("Nạo vét"))
        assert task["meeting"]["id"] == meeting and task["status"] == "assigned"
        # Linking it again by its id (as when the minutes gave it) is the same link.
        assert c.post(f"/phan-anh/{fid}/nhiem-vu", data={"task_id": task["id"], "csrf_token": csrf}
                      ).status_code == 303
        assert not fake_zalo.messages[1:]  # nothing reaches the citizen before staff approve

        # The task is confirmed done with its result; the reply is drafted from it.
        assert c.post(f"/phan-anh/{fid}/ket-qua", data={"result": RESULT, "csrf_token": csrf}).status_code == 303
        task = next(t for t in c.get("/api/v1/tasks").json()["tasks"] if t["id"] == task["id"])
        assert task["status"] == "done" and task["done_at"]
        page = c.get(f"/phan-anh/{fid}/hanh-trinh").text
        draft = html.unescape(re.search(r'<textarea name="reply"[^>]*>(.*?)</textarea>', page, re.S).group(1))
        assert RESULT in draft and code in draft and "Giao ban thứ Sáu" in draft and "Dự thảo" in page
        _send_outbox(settings)
        assert len(fake_zalo.messages) == 1  # a draft is never sent

        # Staff approve (with an edit): sent once on Zalo, the ticket closes.
        reply = draft + "\nMọi ý kiến xin liên hệ bộ phận một cửa."
        r = c.post(f"/phan-anh/{fid}/duyet-tra-loi", data={"reply": reply, "csrf_token": csrf})
        assert r.status_code == 303 and r.headers["location"].endswith("da=da-gui-zalo")
        assert c.post(f"/phan-anh/{fid}/duyet-tra-loi", data={"reply": reply, "csrf_token": csrf}
                      ).status_code == 409  # a second click sends nothing
        _send_outbox(settings)
        _send_outbox(settings)
        finals = [m for m in fake_zalo.messages if RESULT in m["message"]["text"]]
        assert len(finals) == 1 and len(fake_zalo.messages) == 2
        assert finals[0]["recipient"] == {"user_id": CITIZEN}
        assert code in finals[0]["message"]["text"] and "bộ phận một cửa" in finals[0]["message"]["text"]
        closed = c.get("/api/v1/feedback", params={"q": code}).json()["items"][0]
        assert closed["status"] == "da_xu_ly" and closed["resolved_at"]

        # One page: every step reached, each with its local time.
        page = c.get(f"/phan-anh/{fid}/hanh-trinh").text
        rows = re.findall(r'<tr data-reached="(\d)"', page)
        assert rows and set(rows) == {"1"}, rows
        for label in ("Tiếp nhận", "Chuyển xử lý", "Quá hạn", "Đưa vào cuộc họp", "Giao nhiệm vụ",
                      "Nhiệm vụ hoàn thành", "Dự thảo trả lời", "Duyệt trả lời", "Gửi cho người dân", "Đóng phản ánh"):
            assert label in page
        assert "đã gửi qua Zalo" in page
        assert len(re.findall(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", page)) >= 7
    with public_db(settings) as public:
        assert public.execute("SELECT status FROM tickets WHERE ticket_code = ?", (code,)).fetchone()[0] == "da_xu_ly"
    staff_db.close()


def test_web_ticket_with_a_task_the_minutes_gave_done_in_the_tracker(citizen_settings):
    """The same loop through the services for a web complaint: the meeting already held (its
    biên bản follows the new agenda item), the task it gave linked, finished in the task tracker;
    the reply goes to the public status page, once; the inbox's own answer closes the door."""
    # Filed at 01:30 local time today, which is still yesterday in UTC: the reply names today.
    late_evening_utc = dt.datetime.combine(local_today() - dt.timedelta(days=1), dt.time(18, 30))
    conn, fid, code = _web_ticket(citizen_settings, "Rác thải tồn đọng ở ngõ 34 bốc mùi nhiều ngày",
                                  name="Trần Thị Hoa", now=late_evening_utc)
    held = meetings_store.create_meeting(conn, "Giao ban tuần", source="upload", status="done")
    other = meetings_store.create_meeting(conn, "Họp chi bộ", source="upload", status="done")
    given = tasks.add_task(conn, "Tổ dân phố 3", "Thu gom rác ngõ 34", meeting_id=held)
    elsewhere = tasks.add_task(conn, "Văn phòng", "Chuẩn bị báo cáo", meeting_id=other)

    with pytest.raises(loop.LoopError):
        loop.link_task(conn, fid, given, "canbo")  # not on any agenda yet
    loop.put_on_agenda(conn, citizen_settings, fid, held, "canbo")
    agenda = meetings_store.get_meeting(conn, held)
    assert agenda is not None and agenda["agenda"].count(code) == 1
    assert has_pending(conn, "meetings.refresh_minutes")  # a finished meeting's biên bản follows its agenda
    with pytest.raises(loop.LoopError):
        loop.link_task(conn, fid, elsewhere, "canbo")  # another meeting's task
    loop.link_task(conn, fid, given, "canbo")
    with pytest.raises(loop.LoopError):
        loop.approve_and_send(conn, citizen_settings, fid, "Đã xong.", "canbo")  # nothing drafted yet
    cancelled = tasks.add_task(conn, "Tổ dân phố 3", "Nhắc hộ dân đổ rác đúng giờ", meeting_id=held)
    tasks.update_task(conn, cancelled, TaskChanges(status="cancelled"), None)
    with pytest.raises(loop.LoopError):
        loop.link_task(conn, fid, cancelled, "canbo")  # a cancelled task is no answer

    tasks.update_task(conn, given, TaskChanges(status="done"), None)  # finished in /nhiem-vu
    steps = {s.label: s for s in loop.path(conn, fid)}
    assert steps["Nhiệm vụ hoàn thành"].reached and not steps["Dự thảo trả lời"].reached
    assert "Quá hạn" not in steps
    draft = loop.report_result(conn, fid, "Đã thu gom 2 xe rác, phun khử mùi.", None, "canbo")
    assert "Kính gửi ông/bà Trần Thị Hoa" in draft and "Đã thu gom 2 xe rác" in draft and "Giao ban tuần" in draft
    assert f"{code} ngày {local_today():%d/%m/%Y}" in draft

    assert loop.approve_and_send(conn, citizen_settings, fid, draft, "lanhdao") == "status_page"
    with pytest.raises(loop.LoopError):
        loop.approve_and_send(conn, citizen_settings, fid, draft, "lanhdao")
    with public_db(citizen_settings) as public:
        status, reply = public.execute("SELECT status, reply FROM tickets WHERE ticket_code = ?",
                                       (code,)).fetchone()
    assert status == "da_xu_ly" and reply == draft
    assert conn.execute("SELECT count(*) FROM zalo_outbox").fetchone()[0] == 0
    assert [h["action"] for h in inbox.history(conn, fid)].count("reply") == 1
    assert all(s.reached for s in loop.path(conn, fid))
    conn.close()


def test_a_ticket_answered_from_the_inbox_meanwhile_is_not_answered_again(citizen_settings):
    conn, fid, code = _web_ticket(citizen_settings, "Đèn đường ngõ 12 hỏng cả tuần nay tối om")
    held = meetings_store.create_meeting(conn, "Giao ban tuần", source="upload", status="done")
    loop.put_on_agenda(conn, citizen_settings, fid, held, "canbo")
    loop.assign_task(conn, fid, "Tổ dân phố 2", "Thay bóng đèn ngõ 12", None, None, "canbo")
    draft = loop.report_result(conn, fid, "Đã thay bóng đèn.", None, "canbo")
    inbox.reply(conn, citizen_settings, fid, "Đã thay bóng đèn, cảm ơn ông/bà.", "canbo2")
    with pytest.raises(loop.LoopError):
        loop.approve_and_send(conn, citizen_settings, fid, draft, "lanhdao")
    assert [h["action"] for h in inbox.history(conn, fid)].count("reply") == 1
    conn.close()


def test_the_tracker_and_the_meeting_page_link_a_task_to_its_ticket(citizen_settings, live_server_factory):
    """A task linked to a complaint leads back to the complaint's path, from /nhiem-vu and the meeting page."""
    conn, fid, code = _web_ticket(citizen_settings, "Vỉa hè ngõ 7 bị lấn chiếm làm chỗ để xe")
    held = meetings_store.create_meeting(conn, "Giao ban tuần", source="upload", status="done")
    loop.put_on_agenda(conn, citizen_settings, fid, held, "canbo")
    linked = loop.assign_task(conn, fid, "Công an phường", "Giải tỏa vỉa hè ngõ 7", None, None, "canbo")
    unlinked = tasks.add_task(conn, "Văn phòng", "Chuẩn bị báo cáo tuần", meeting_id=held)
    assert loop.tickets_of_tasks(conn, [linked, unlinked]) == {linked: [loop.TicketRef(fid, code)]}
    conn.close()

    staff = live_server_factory(create_app(citizen_settings))
    link = f'<a class="ticket-link" href="/phan-anh/{fid}/hanh-trinh">Phản ánh {code}'
    with staff.client() as c:
        login(c, "canbo", "canbo-demo")
        for page in (c.get("/nhiem-vu").text, c.get(f"/cuoc-hop/{held}").text):
            assert page.count(link) == 1  # on the linked task's row only
            row = next(r for r in re.split(r"<tr|<li", page) if "Giải tỏa vỉa hè ngõ 7" in r)
            assert link in row
            assert link not in next(r for r in re.split(r"<tr|<li", page) if "Chuẩn bị báo cáo tuần" in r)
        assert code in c.get(f"/phan-anh/{fid}/hanh-trinh").text
