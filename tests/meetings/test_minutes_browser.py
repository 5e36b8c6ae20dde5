"""The issue's acceptance path in real Chromium: a recording (espeak-ng, two Vietnamese voices) is uploaded
and goes through the real pipeline (Whisper base, diarizer, tasks, minutes); the secretary names the
speakers, corrects a line, enters the agenda and the attendees, reads the draft's items, confirms the task
and issues the biên bản; the downloaded .docx has the Mẫu 1.9 sections, the tasks table, the transcript only
in the appendix, and passes the ND30 format checks of tests/drafting.

Slow (~60 s: the recording is transcribed and diarized for real, as in test_real_audio)."""

from __future__ import annotations

import datetime as dt
import re
import time
from zoneinfo import ZoneInfo

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from appliance.app import create_app
from appliance.db import connect
from appliance.jobs import run_pending
from tests.conftest import browser_login, install_db
from tests.drafting.docx_checks import mm, open_docx, run_fonts_ok, schema_order_problems, style_of
from tests.meetings.audio import meeting_wav
from tests.tasks.transcripts import load_staff

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AGENDA = ["Vệ sinh môi trường cuối năm", "Báo cáo của văn phòng"]
# A week after the meeting (today, Vietnam time): a fixed "5/12" became a day gone once the calendar passed it, and a
# deadline already past when it is said is no deadline (tasks/deadlines.py).
DEADLINE = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + dt.timedelta(days=7)
TASK_LINE = ("Giao anh Hùng kiểm tra các điểm tập kết rác trên địa bàn phường trước ngày "
             f"{DEADLINE.day}/{DEADLINE.month}/{DEADLINE.year}.")


def work(conn, settings, meeting_id: int) -> None:
    """The worker's part: run the queued jobs until the meeting is done (the server commits the job it
    queued after the response has gone, so the first look may find none yet)."""
    deadline = time.monotonic() + 240
    ran = 0
    while time.monotonic() < deadline:
        ran += run_pending(conn, settings)
        status = conn.execute("SELECT status, message, error FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        pending = conn.execute("SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')"
                               " AND kind LIKE 'meetings.%'").fetchone()[0]
        if ran and status[0] in ("done", "failed") and not pending:
            assert status[0] == "done", tuple(status)
            return
        time.sleep(0.2)
    jobs = conn.execute("SELECT kind, status, attempts, error FROM jobs").fetchall()
    raise AssertionError(f"the meeting's jobs did not finish: {[tuple(j) for j in jobs]}")


@pytest.fixture
def server(settings, users_template, live_server_factory):
    install_db(users_template, settings)  # migrated, with the demo accounts (hashed once per session)
    conn = connect(settings.db_path)
    load_staff(conn)
    conn.close()
    return live_server_factory(create_app(settings))


def test_upload_agenda_draft_issue_and_docx(browser, server, settings, tmp_path):
    wav, _reference = meeting_wav(tmp_path / "audio")
    conn = connect(settings.db_path)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(90_000)  # a shared 2-core CI machine: issuing renders the .docx, the re-flow embeds
    browser_login(page, server.url, "canbo", "canbo-demo")
    page.goto(server.url + "/cuoc-hop")
    page.fill("#upload-form [name=title]", "Giao ban vệ sinh môi trường")
    page.set_input_files("#upload-form [name=audio]", str(wav))
    with page.expect_response(lambda r: r.url.endswith("/api/v1/meetings") and r.request.method == "POST") as resp:
        page.locator("#upload-form [type=submit]").click()
    assert resp.value.status == 201
    meeting_id = conn.execute("SELECT MAX(id) FROM meetings").fetchone()[0]
    page.wait_for_url(f"**/cuoc-hop/{meeting_id}")  # the page goes to the new meeting
    # That page's event stream reloads it when the meeting is done. The worker is this test, so the meeting
    # cannot be done yet: leave for the list (no stream) now, and come back once the work is over; neither
    # a reload racing a navigation nor a page closed mid-stream can then stall the test.
    page.goto(server.url + "/cuoc-hop")
    work(conn, settings, meeting_id)  # the worker: transcription, speakers, tasks, biên bản
    lines = conn.execute("SELECT COUNT(*) FROM meeting_segments WHERE meeting_id = ?", (meeting_id,)).fetchone()[0]
    assert lines >= 1, "the recording gave no transcript line"
    page.goto(f"{server.url}/cuoc-hop/{meeting_id}")
    assert page.locator("#meeting").get_attribute("data-status") == "done"
    page.wait_for_selector("#transcript li")  # rendered with the page
    assert page.locator("#transcript li").count() >= 1

    # The secretary names the first voice, corrects the first line, enters the details and the agenda.
    with page.expect_response(lambda r: "/speakers/" in r.url):
        page.locator(".speaker-form [name=name]").first.fill("Nguyễn Văn An")
        page.locator(".speaker-form button").first.click()
    page.wait_for_load_state("networkidle")
    first = page.locator("#transcript li").first
    first.locator(".spk").select_option(index=0)
    line = first.locator(".txt")
    line.click()
    line.evaluate("(el, text) => { el.textContent = text; }", TASK_LINE)
    with page.expect_response(lambda r: "/segments/" in r.url and r.request.method == "PATCH") as resp:
        page.locator("h1").click()
    assert resp.value.status == 200
    page.fill("#details-form [name=location]", "Phòng họp tầng 2, UBND phường")
    page.fill("#details-form [name=chair]", "Nguyễn Văn An")
    page.fill("#details-form [name=secretary]", "Lê Thị Lan")
    page.fill("#details-form [name=attendees]", "Nguyễn Văn An\nTrần Văn Hùng\nLê Thị Lan")
    page.fill("#details-form [name=agenda]", "\n".join(AGENDA))
    with page.expect_response(lambda r: r.url.endswith(f"/api/v1/meetings/{meeting_id}")
                              and r.request.method == "PATCH") as resp:
        page.locator("#details-form [type=submit]").click()
    assert resp.value.status == 200
    work(conn, settings, meeting_id)  # the re-flow job

    page.goto(f"{server.url}/cuoc-hop/{meeting_id}")
    titles = page.locator("#minutes-form .minutes-item [name=title]")
    assert [titles.nth(i).input_value() for i in range(titles.count())] == AGENDA
    assert "trích" in page.locator("#minutes-method").inner_text()  # labelled extractive: no generator here
    # The task from the corrected line, confirmed with the directory's person and the deadline.
    confirm = page.locator("form.task-confirm").first
    assert confirm.locator("[name=assignee]").input_value() == "Trần Văn Hùng"
    assert confirm.locator("[name=deadline]").input_value() == f"{DEADLINE:%d/%m/%Y}"  # our date field
    confirm.locator("button[value=assigned]").click()
    page.wait_for_load_state("networkidle")
    page.locator("#issue-minutes").click()
    page.wait_for_selector("#minutes-issued")
    number = re.search(r"\d{2}/BB-UBND", page.locator("#minutes-issued").inner_text())
    assert number
    with page.expect_download() as download:
        page.locator("#minutes-docx").click()
    data = open(download.value.path(), "rb").read()
    context.close()

    document = open_docx(data)
    assert run_fonts_ok(document) == [] and schema_order_problems(data) == []
    section = document.sections[0]
    assert round(mm(section.page_width)) == 210 and 30 <= round(mm(section.left_margin)) <= 35
    texts = [p.text for p in document.paragraphs]
    title = texts.index("BIÊN BẢN")
    assert document.paragraphs[title].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style_of(document.paragraphs[title]).bold == {True}
    appendix = texts.index("PHỤ LỤC")
    body = texts[:appendix]
    for label in ("Thời gian bắt đầu:", "Địa điểm: Phòng họp tầng 2, UBND phường", "Thành phần tham dự:",
                  "Chủ trì (chủ tọa): Nguyễn Văn An", "Thư ký (người ghi biên bản): Lê Thị Lan",
                  "Phân công nhiệm vụ:"):
        assert any(t.startswith(label) for t in body), label
    assert [t for t in body if re.match(r"^[IVX]+\. ", t)] == [f"I. {AGENDA[0]}", f"II. {AGENDA[1]}"]
    assert any(t.startswith("Cuộc họp kết thúc vào") for t in body)
    # The tasks table (who, unit, what, by when) and the signatures; the number issued.
    tasks_table = next(t for t in document.tables if t.cell(0, 1).text == "Người thực hiện")
    row = [c.text for c in tasks_table.rows[1].cells]
    assert row[1] == "Trần Văn Hùng" and row[4] == f"{DEADLINE:%d/%m/%Y}" and "chưa xác nhận" not in row[3]
    closing = document.tables[-1]
    assert [p.text for p in closing.cell(0, 0).paragraphs if p.text] == ["THƯ KÝ", "Lê Thị Lan"]
    assert [p.text for p in closing.cell(0, 1).paragraphs if p.text] == ["CHỦ TỌA", "Nguyễn Văn An"]
    assert any(number.group(0) in c.text for c in document.tables[0].cell(1, 0).paragraphs)
    # The verbatim transcript is in the appendix only ("Name: line" paragraphs).
    transcript = [t for t in texts[appendix + 3:] if t.strip()]
    assert transcript and all(": " in t for t in transcript)
    assert not any(t in body for t in transcript)
    assert document.paragraphs[appendix].paragraph_format.page_break_before
