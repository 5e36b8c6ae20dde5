"""Real Chromium: the recording indicator is visible, provisional captions show greyed and give way to
the segment's final captions, the transcript editor saves, the task tracker confirms a proposal, and the
pages fit a 360 px phone."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from appliance.app import create_app
from appliance.auth.demo import load_users
from appliance.db import connect, migrate
from appliance.demo.loader import DemoContext
from appliance.meetings import demo, interim_store, store
from appliance.meetings.rows import NewLine
from appliance.meetings.wavfile import SegmentWriter
from tests.conftest import browser_login

pytestmark = pytest.mark.browser


@pytest.fixture
def server(settings, live_server_factory):
    conn = connect(settings.db_path)
    migrate(conn)
    load_users(conn)
    demo.load(DemoContext(conn, settings, random.Random(1), dt.date(2026, 11, 20)))
    recording = store.create_meeting(conn, "Họp đang ghi", room="phong-hop-1")
    conn.close()
    server = live_server_factory(create_app(settings))
    server.recording_id = recording
    return server


def test_indicator_editor_and_task_confirmation(browser, server, settings):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    browser_login(page, server.url, "canbo", "canbo-demo")
    for path in ("/cuoc-hop", "/cuoc-hop/1", f"/cuoc-hop/{server.recording_id}", "/nhiem-vu"):
        page.goto(server.url + path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, path
    page.goto(f"{server.url}/cuoc-hop/{server.recording_id}")
    assert page.locator("#rec-indicator").is_visible()
    assert "ĐANG GHI ÂM" in page.locator("#rec-indicator").inner_text()
    # live words of the open segment (issue 17): confirmed ones black, pending ones grey italics, then the
    # whole line replaced by the final captions
    conn = connect(settings.db_path)
    interim_store.set_interim(conn, server.recording_id, 1, 0.0, 0.6, "", "Hôm nay", 0.6)
    provisional = page.locator("#transcript li.provisional")
    provisional.wait_for()
    provisional.locator(".pending", has_text="Hôm nay").wait_for()
    assert provisional.locator(".txt").inner_text() == ""
    interim_store.set_interim(conn, server.recording_id, 1, 0.0, 1.2, "Hôm nay chúng ta", "họp về", 2.0)
    provisional.locator(".txt", has_text="Hôm nay chúng ta").wait_for()  # (the page's CSP forbids eval)
    assert provisional.inner_text().endswith("Hôm nay chúng ta họp về")
    confirmed, pending = provisional.locator(".txt"), provisional.locator(".pending")
    assert confirmed.evaluate("el => getComputedStyle(el).fontStyle") == "normal"
    assert pending.evaluate("el => getComputedStyle(el).fontStyle") == "italic"
    assert confirmed.evaluate("el => getComputedStyle(el).color") != pending.evaluate(
        "el => getComputedStyle(el).color")
    wall = page.context.new_page()  # the wall screen shows the same line in the same two shades
    wall.goto(f"{server.url}/cuoc-hop/{server.recording_id}/phu-de")
    wall.locator(".provisional .pending", has_text="họp về").wait_for()
    assert wall.locator(".provisional .txt").inner_text() == "Hôm nay chúng ta"
    wall.close()
    writer = SegmentWriter(store.segment_path(settings, server.recording_id, 1), 16000, 1)
    writer.write(bytes(32000))
    audio = store.get_audio(conn, store.record_segment(conn, settings, server.recording_id, 1, writer.close(),
                                                       transcribe=False) or 0)
    assert audio is not None
    store.mark_transcribed(conn, audio, [NewLine(0.0, 1.3, "Hôm nay chúng ta họp", audio_id=audio["id"])], "x")
    provisional.wait_for(state="detached")
    assert page.locator("#transcript li").last.inner_text().endswith("Hôm nay chúng ta họp")

    page.goto(f"{server.url}/cuoc-hop/1")
    assert not page.locator("#rec-indicator").is_visible()
    line = page.locator("#transcript li .txt").first
    line.click()
    line.evaluate("el => { el.textContent = 'Khai mạc cuộc họp giao ban tuần.'; }")
    with page.expect_response(lambda r: "/segments/" in r.url and r.request.method == "PATCH") as resp:
        page.locator("h1").click()  # focus leaves the line: the edit is saved
    assert resp.value.status == 200
    assert conn.execute("SELECT text FROM meeting_segments WHERE meeting_id = 1 ORDER BY start").fetchone()[0] == \
        "Khai mạc cuộc họp giao ban tuần."

    page.goto(f"{server.url}/nhiem-vu?status=proposed")
    before = conn.execute("SELECT COUNT(*) FROM tasks WHERE status = 'proposed'").fetchone()[0]
    page.locator("button[value=assigned]").first.click()
    page.wait_for_load_state("networkidle")
    assert conn.execute("SELECT COUNT(*) FROM tasks WHERE status = 'proposed'").fetchone()[0] == before - 1
    context.close()
