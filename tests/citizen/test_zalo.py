"""Zalo OA: signed webhook (forged, stale, replayed refused; valid acked fast while the generator
is busy) and the worker's outbox against a local fake Zalo API (retry offline, never twice,
single-use rotating refresh token)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest

from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.store import public_db
from appliance.citizen.public.zalo_webhook import signature
from appliance.citizen.staff import store, zalo_outbox
from appliance.citizen.staff.jobs import ensure_sync_scheduled
from appliance.citizen.staff.sync import answer_events
from appliance.db import connect
from appliance.jobs import run_pending
from tests.citizen.conftest import zalo_settings
from tests.conftest import free_port

SAMPLE = Path("/work/shared/samples/zalo-user-send-text.json")
APP_ID, SECRET = "360846524940903967", "oa-secret"


def event(text: str = "cho em hỏi làm giấy khai sinh cần gì ạ", msg_id: str = "m-1", ts_ms: int | None = None,
          sender: str = "246845883529197922") -> bytes:
    body = json.loads(SAMPLE.read_text(encoding="utf-8")) if SAMPLE.exists() else {
        "app_id": APP_ID, "sender": {"id": sender}, "recipient": {"id": "388613280878808645"},
        "event_name": "user_send_text", "message": {"text": text, "msg_id": msg_id}}
    body["app_id"] = APP_ID
    body["sender"] = {"id": sender}
    body["message"] = {"text": text, "msg_id": msg_id}
    body["timestamp"] = str(ts_ms if ts_ms is not None else int(time.time() * 1000))
    return json.dumps(body, ensure_ascii=False).encode()


def signed(raw: bytes, secret: str = SECRET) -> dict[str, str]:
    ts = json.loads(raw)["timestamp"]
    return {"X-ZEvent-Signature": f"mac={signature(APP_ID, raw, ts, secret)}", "Content-Type": "application/json"}


def queued(settings) -> int:
    conn = sqlite3.connect(settings.public_db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM zalo_events").fetchone()[0])
    finally:
        conn.close()


class SlowGenerator:
    name = "slow"

    def __init__(self) -> None:
        self.calls = 0

    def chat(self, messages, **kwargs):
        self.calls += 1
        time.sleep(4)
        return "bận"

    def stream(self, messages, **kwargs):  # the generation contract streams text answers
        yield self.chat(messages, **kwargs)


def test_webhook_refuses_without_keys(citizen_settings, live_server_factory):
    server = live_server_factory(create_public_app(citizen_settings, generator=None))
    with server.client() as c:
        raw = event()
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 503
    assert queued(citizen_settings) == 0


def test_forged_stale_replayed_refused_valid_fast_while_generator_busy(citizen_settings, live_server_factory):
    settings = zalo_settings(citizen_settings, "http://127.0.0.1:9")
    generator = SlowGenerator()
    server = live_server_factory(create_public_app(settings, generator=generator))
    with server.client() as c:
        raw = event(msg_id="forged")
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw, "wrong-secret")).status_code == 401
        assert c.post("/zalo/webhook", content=raw, headers={"Content-Type": "application/json"}).status_code == 401
        tampered = raw.replace(b"khai sinh", "khai tử".encode())
        assert c.post("/zalo/webhook", content=tampered, headers=signed(raw)).status_code == 401
        stale = event(msg_id="old", ts_ms=int(time.time() * 1000) - 6 * 60 * 1000)
        assert c.post("/zalo/webhook", content=stale, headers=signed(stale)).status_code == 403
        assert queued(settings) == 0

        # Keep the generator busy with procedure questions from other citizens.
        def ask(i: int) -> None:
            with server.client() as other:
                other.post("/api/v1/chat", json={"session_id": f"s-busy-{i:04d}", "message": "đăng ký kết hôn cần gì"})

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 10
        while generator.calls < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert generator.calls >= 2  # both generator slots are taken
        valid = event(msg_id="valid-1")
        started = time.perf_counter()
        ok = c.post("/zalo/webhook", content=valid, headers=signed(valid))
        elapsed = time.perf_counter() - started
        assert ok.status_code == 200 and ok.json()["queued"] is True
        assert elapsed < 2.0, elapsed
        assert queued(settings) == 1  # durably in public.db before the 200
        replay = c.post("/zalo/webhook", content=valid, headers=signed(valid))
        assert replay.status_code == 200 and replay.json() == {"status": "duplicate", "queued": False}
        assert queued(settings) == 1
        for t in threads:
            t.join()


def staff_conn(settings):
    return connect(settings.db_path)


def test_worker_answers_and_sends_once_retrying_offline(citizen_settings, fake_zalo, live_server_factory):
    offline = zalo_settings(citizen_settings, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    server = live_server_factory(create_public_app(offline, generator=None))
    with server.client() as c:
        raw = event(msg_id="q-1")
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 200
    staff = staff_conn(offline)
    with public_db(offline) as public:
        assert answer_events(staff, public, offline) == 1
        assert answer_events(staff, public, offline) == 0  # idempotent
    row = staff.execute("SELECT * FROM zalo_outbox").fetchone()
    assert row["recipient"] == "246845883529197922" and "Đăng ký khai sinh" in row["text"]
    # Internet down: stays pending, nothing sent, retried later.
    assert zalo_outbox.send_pending(staff, offline) == {"pending": 1}
    assert staff.execute("SELECT status, attempts FROM zalo_outbox").fetchone()[:] == ("pending", 1)
    staff.execute("UPDATE zalo_outbox SET next_attempt_at = '2000-01-01'")
    online = zalo_settings(citizen_settings, fake_zalo.url)
    assert zalo_outbox.send_pending(staff, online) == {"sent": 1}
    assert len(fake_zalo.messages) == 1
    sent = fake_zalo.messages[0]
    assert sent["recipient"] == {"user_id": "246845883529197922"} and sent["message"]["text"] == row["text"]
    assert zalo_outbox.send_pending(staff, online) == {}
    assert len(fake_zalo.messages) == 1  # never twice
    # Processed events keep only their dedupe key in public.db.
    with public_db(offline) as public:
        assert public.execute("SELECT body, sender_id, status FROM zalo_events").fetchall()[0][:] == ("{}", None,
                                                                                                   "done")


def test_token_refresh_rotates_single_use_token(citizen_settings, fake_zalo):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    staff = staff_conn(settings)
    fake_zalo.access_tokens = {"access-expired-elsewhere"}  # the configured access-1 has expired
    store.queue_reply(staff, "t:1", "u-1", "một")
    assert zalo_outbox.send_pending(staff, settings) == {"sent": 1}
    assert fake_zalo.used_refresh == ["refresh-1"]
    stored = staff.execute("SELECT access_token, refresh_token FROM zalo_tokens").fetchone()
    assert tuple(stored) == ("access-2", "refresh-2")
    # The next expiry uses the rotated token, not the one from the settings (now dead).
    fake_zalo.access_tokens = {"access-other"}
    store.queue_reply(staff, "t:2", "u-1", "hai")
    assert zalo_outbox.send_pending(staff, settings) == {"sent": 1}
    assert fake_zalo.used_refresh == ["refresh-1", "refresh-2"]
    assert [m["message"]["text"] for m in fake_zalo.messages] == ["một", "hai"]


def test_lost_answer_is_never_resent(citizen_settings, fake_zalo, monkeypatch):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    staff = staff_conn(settings)
    fake_zalo.delay_s = 1.0
    monkeypatch.setattr(zalo_outbox, "SEND_TIMEOUT", httpx.Timeout(0.3, connect=2.0))
    store.queue_reply(staff, "t:slow", "u-9", "ba")
    assert zalo_outbox.send_pending(staff, settings) == {"uncertain": 1}
    time.sleep(1.0)
    fake_zalo.delay_s = 0
    staff.execute("UPDATE zalo_outbox SET next_attempt_at = '2000-01-01'")
    assert zalo_outbox.send_pending(staff, settings) == {}
    assert len(fake_zalo.messages) == 1  # it did arrive once; the appliance did not send it again


@pytest.mark.parametrize("status", ["sending"])
def test_crash_while_sending_is_not_resent(citizen_settings, fake_zalo, status):
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    staff = staff_conn(settings)
    store.queue_reply(staff, "t:crash", "u-3", "bốn")
    staff.execute("UPDATE zalo_outbox SET status = ?, next_attempt_at = '2000-01-01'", (status,))
    assert zalo_outbox.send_pending(staff, settings) == {}
    assert staff.execute("SELECT status FROM zalo_outbox").fetchone()[0] == "uncertain"
    assert fake_zalo.messages == []


def test_sync_job_keeps_exactly_one_round_queued(citizen_settings):
    staff = staff_conn(citizen_settings)
    ensure_sync_scheduled(staff)
    ensure_sync_scheduled(staff)
    staff.execute("INSERT INTO jobs (kind, payload) VALUES ('citizen.sync', '{}')")  # e.g. a retried round
    run_pending(staff, citizen_settings, kinds=["citizen.sync"], limit=2)
    queued = staff.execute("SELECT count(*) FROM jobs WHERE kind = 'citizen.sync' AND status = 'queued'").fetchone()
    assert queued[0] == 1


def test_follow_event_gets_the_greeting(citizen_settings, live_server_factory):
    settings = zalo_settings(citizen_settings, "http://127.0.0.1:9")
    server = live_server_factory(create_public_app(settings, generator=None))
    raw = json.dumps({"app_id": APP_ID, "event_name": "follow", "follower": {"id": "f-1"}, "oa_id": "1",
                      "timestamp": str(int(time.time() * 1000))}).encode()
    with server.client() as c:
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).json()["queued"] is True
    staff = staff_conn(settings)
    with public_db(settings) as public:
        answer_events(staff, public, settings)
    row = staff.execute("SELECT recipient, text FROM zalo_outbox").fetchone()
    assert row["recipient"] == "f-1" and "Xin chào" in row["text"]


def test_complaint_from_zalo_is_filed_once_even_if_answered_twice(citizen_settings, live_server_factory):
    settings = zalo_settings(citizen_settings, "http://127.0.0.1:9")
    server = live_server_factory(create_public_app(settings, generator=None))
    raw = event(text="phản ánh: cống thoát nước ngõ 15 bị tắc, mưa là ngập cả ngõ", msg_id="c-1")
    with server.client() as c:
        assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 200
    staff = staff_conn(settings)
    with public_db(settings) as public:
        answer_events(staff, public, settings)
        # A crash after the chatbot filed the complaint but before the event was marked: redo it.
        public.execute("UPDATE zalo_events SET status = 'queued', body = ?, sender_id = '246845883529197922'",
                       (raw.decode(),))
        answer_events(staff, public, settings)
        assert public.execute("SELECT count(*) FROM inbox").fetchone()[0] == 1
        code = public.execute("SELECT ticket_code, channel_user FROM inbox").fetchone()
    texts = [r[0] for r in staff.execute("SELECT text FROM zalo_outbox ORDER BY id")]
    assert len(texts) == 1 and code[0] in texts[0]  # one reply per event key, naming the one ticket
    assert code[1] == "246845883529197922"


def test_clarifying_choices_arrive_as_quick_replies(citizen_settings, fake_zalo, live_server_factory):
    """Issue 16: an unsure question gets the same choices as the website, as Zalo quick replies; a
    tap sends the title back, which the chatbot answers; "Gặp cán bộ" hands the conversation over."""
    from appliance.citizen.staff.sync import pull

    settings = zalo_settings(citizen_settings, fake_zalo.url)
    server = live_server_factory(create_public_app(settings, generator=None))
    staff = staff_conn(settings)

    def say(text: str, msg_id: str) -> dict:
        raw = event(text=text, msg_id=msg_id)
        with server.client() as c:
            assert c.post("/zalo/webhook", content=raw, headers=signed(raw)).status_code == 200
        with public_db(settings) as public:
            assert answer_events(staff, public, settings) == 1
        staff.execute("UPDATE zalo_outbox SET next_attempt_at = '2000-01-01'")
        assert zalo_outbox.send_pending(staff, settings) == {"sent": 1}
        return fake_zalo.messages[-1]["message"]

    ask = say("cong chung o phuong nop o dau", "z-1")
    buttons = ask["attachment"]["payload"]["buttons"]
    titles = [b["title"] for b in buttons]
    assert len(titles) >= 3 and titles[-1] == "Gặp cán bộ"
    assert all(b["type"] == "oa.query.show" and b["payload"] == b["title"] for b in buttons)
    answer = say(titles[0], "z-2")
    assert titles[0] in answer["text"] and "attachment" not in answer
    handed = say("Gặp cán bộ", "z-3")
    assert "HD-" in handed["text"]
    with public_db(settings) as public:
        assert pull(staff, public) == 1
    row = staff.execute("SELECT channel, channel_user, transcript FROM chat_handovers").fetchone()
    assert row["channel"] == "zalo" and row["channel_user"] == "246845883529197922"
    said = [t["text"] for t in json.loads(row["transcript"]) if t["role"] == "citizen"]
    assert said == ["cong chung o phuong nop o dau", titles[0], "Gặp cán bộ"]
