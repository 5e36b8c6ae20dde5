"""Issue 14, finding 8: one signed Zalo event with a non-string text used to stop the channel (every
sync round failed, staff replies were never sent). It is now set aside with its error, shown to
admins, and the channel goes on; the outbox is sent even when a pull fails."""

from __future__ import annotations

import json
import time

from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import store as staff_store
from appliance.db import connect
from appliance.jobs import enqueue, run_pending
from tests.citizen.conftest import zalo_settings
from tests.citizen.test_zalo import event, signed
from tests.conftest import login


def _raw(text: object, msg_id: str) -> bytes:
    body = json.loads(event(msg_id=msg_id))
    body["message"]["text"] = text
    body["timestamp"] = str(int(time.time() * 1000))
    return json.dumps(body, ensure_ascii=False).encode()


def test_a_poison_event_is_set_aside_and_the_channel_goes_on(citizen_settings, fake_zalo, live_server_factory):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    public_app = live_server_factory(create_public_app(settings, generator=None))
    with public_app.client() as c:
        for raw in (_raw({"nested": ["không", "phải", "chữ"]}, "poison-1"), _raw(12345, "poison-2"),
                    event(msg_id="good-1")):
            assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 200
    staff = connect(settings.db_path)
    staff_store.queue_reply(staff, "staff:1", "246845883529197922", "Phường đã nhận phản ánh của anh.")
    enqueue(staff, "citizen.sync", {"once": True}, max_attempts=1)
    run_pending(staff, settings, kinds=["citizen.sync"], limit=1)
    # the good event was answered and both replies went out; the poison ones wait aside with their error
    texts = [m["message"]["text"] for m in fake_zalo.messages]
    assert "Phường đã nhận phản ánh của anh." in texts and any("khai sinh" in t.lower() for t in texts)
    with public_db(settings) as public:
        rows = public.execute("SELECT dedupe_key, status, error FROM zalo_events ORDER BY id").fetchall()
    statuses = {row["dedupe_key"]: (row["status"], row["error"]) for row in rows}
    assert statuses["msg:poison-1"][0] == "failed" and "dict" in statuses["msg:poison-1"][1]
    assert statuses["msg:poison-2"][0] == "failed" and "int" in statuses["msg:poison-2"][1]
    assert statuses["msg:good-1"][0] == "done"
    # the next round does not trip over them again
    enqueue(staff, "citizen.sync", {"once": True}, max_attempts=1)
    run_pending(staff, settings, kinds=["citizen.sync"], limit=1)
    job = staff.execute("SELECT status, result FROM jobs WHERE kind = 'citizen.sync' ORDER BY id DESC").fetchone()
    assert job["status"] == "done" and "errors" not in json.loads(job["result"])
    staff.close()


def test_admins_see_what_was_set_aside(citizen_settings, live_server_factory):
    from appliance.app import create_app

    settings = zalo_settings(citizen_settings, "http://127.0.0.1:9")
    with public_db(settings) as public:
        public.execute("INSERT INTO zalo_events (dedupe_key, event_name, sender_id, body, event_ts, status, error)"
                       " VALUES ('msg:x', 'user_send_text', 's', '{}', 0, 'failed', 'BadEvent: message.text is int')")
    staff_app = live_server_factory(create_app(settings))
    with staff_app.client() as c:
        login(c, "admin", "admin-demo")
        page = c.get("/quan-tri/cong-dan")
    assert page.status_code == 200 and "bị gác lại" in page.text and "message.text is int" in page.text


def test_replies_are_sent_even_when_the_pull_fails(citizen_settings, fake_zalo, monkeypatch):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    staff = connect(settings.db_path)
    staff_store.queue_reply(staff, "staff:2", "246845883529197922", "Đơn của chị đã được chuyển xử lý.")

    def broken_pull(*_args: object) -> int:
        raise RuntimeError("public.db bị khóa (giả lập)")

    monkeypatch.setattr("appliance.citizen.staff.jobs.pull", broken_pull)
    enqueue(staff, "citizen.sync", {"once": True}, max_attempts=1)
    run_pending(staff, settings, kinds=["citizen.sync"], limit=1)
    assert [m["message"]["text"] for m in fake_zalo.messages] == ["Đơn của chị đã được chuyển xử lý."]
    result = json.loads(staff.execute("SELECT result FROM jobs WHERE kind = 'citizen.sync'").fetchone()[0])
    assert "pulled" in result["errors"] and result["sent"] == {"sent": 1}
    staff.close()
