"""Every time a person reads is the unit's local time, with the server process in UTC (TZ=UTC).

Rows are stored with known UTC instants late in the UTC day (20:30 UTC = 03:30 the next day in
Hà Nội), so a page that shows UTC, or the process's own zone, shows the wrong day and hour."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from docx import Document

from appliance.auth.demo import load_users
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.meetings import store as meetings
from appliance.meetings.rows import NewLine
from tests.conftest import free_port, login, make_settings, wait_http

ROOT = Path(__file__).resolve().parents[2]
UTC_LATE = "2026-12-04 20:30:00"       # → 05/12/2026 03:30 in Asia/Ho_Chi_Minh
LOCAL_LATE = "05/12/2026 03:30"
MEETING_START = "2026-12-04 01:11:00"  # → 08 giờ 11 on the ward's clock (the bug showed "01 giờ 11")


def _utc_env(settings: Settings) -> dict[str, str]:
    return {**os.environ, "TZ": "UTC", "PYTHONPATH": str(ROOT), "APPLIANCE_DATA_DIR": str(settings.data_dir)}


def _seed(settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    load_users(conn)
    admin = conn.execute("SELECT id FROM users WHERE username = 'lanhdao'").fetchone()[0]
    conn.execute("INSERT INTO audit_log (at, username, action, target) VALUES (?, 'admin', 'user.lock', 'canbo')",
                 (UTC_LATE + ".000",))
    conn.execute("INSERT INTO ask_history (user_id, at, question, answer, status, engine)"
                 " VALUES (?, ?, 'Tháng này tiếp nhận bao nhiêu hồ sơ?', '12 hồ sơ.', 'ok', 'rules')",
                 (admin, UTC_LATE + ".000"))
    conn.execute("INSERT INTO imports (kind, filename, status, started_at) VALUES ('ho-so', 'so.csv', 'done', ?)",
                 (UTC_LATE,))
    conn.execute("INSERT INTO meta (key, value) VALUES ('last_import_at', ?)", (UTC_LATE + ".000",))
    feedback = conn.execute(
        "INSERT INTO feedback (ticket_code, channel, content, content_fold, category, department, status,"
        " created_at, deadline) VALUES ('PA-7K3-M4X', 'web', 'Đèn đường ngõ 12 hỏng', 'den duong ngo 12 hong',"
        " 'ha_tang', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'dang_xu_ly', ?, '2026-12-10')", (UTC_LATE,)).lastrowid
    conn.execute("INSERT INTO feedback_history (feedback_id, at, username, action, detail)"
                 " VALUES (?, ?, 'canbo', 'assign', 'Trần Văn Hùng')", (feedback, UTC_LATE))
    meeting = meetings.create_meeting(conn, "Giao ban tuần", room="phong-hop-1", source="upload", status="done",
                                      meeting_date="2026-12-04")
    meetings.add_lines(conn, meeting, [NewLine(0.0, 5.0, "Mở đầu cuộc họp giao ban.", speaker="SPEAKER_00")])
    meetings.update_meeting(conn, meeting, {"started_at": MEETING_START, "duration_s": 3600.0})
    conn.commit()
    conn.close()
    return meeting


@pytest.fixture(scope="module")
def utc_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings, int]]:
    settings = make_settings(tmp_path_factory.mktemp("utc") / "data")
    meeting = _seed(settings)
    env = _utc_env(settings)
    # The biên bản is written by a process in UTC too (the worker's job, run here directly).
    subprocess.run([sys.executable, "-c", "import sys; from appliance.config import load_settings;"
                    "from appliance.db import connect; from appliance.meetings.minutes import write_minutes;"
                    "s = load_settings(); c = connect(s.db_path); write_minutes(c, s, int(sys.argv[1])); c.commit()",
                    str(meeting)], env=env, check=True, timeout=120)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve-staff", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/healthz", proc)
        yield url, settings, meeting
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _client(url: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=30)
    login(client, username, f"{username}-demo")
    return client


def test_server_process_really_runs_in_utc(utc_server):
    code = "import time; print(time.strftime('%z'))"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "TZ": "UTC"}, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "+0000"


def test_pages_show_local_time(utc_server):
    url, settings, meeting = utc_server
    with closing(_client(url, "admin")) as admin:
        audit = admin.get("/quan-tri/nhat-ky").text
        assert LOCAL_LATE in audit and "20:30" not in audit and "(UTC)" not in audit
        imports = admin.get("/nhap-du-lieu").text
        assert LOCAL_LATE in imports and UTC_LATE not in imports
    with closing(_client(url, "lanhdao")) as leader:
        assert LOCAL_LATE in leader.get("/", params={"ky": "thang", "thang": "2026-12"}).text  # last import
        assert LOCAL_LATE in leader.get("/hoi-dap").text  # the question history
        inbox = leader.get("/phan-anh").text
        assert "05/12/2026" in inbox and "04/12/2026" not in inbox
        conn = sqlite3.connect(settings.db_path)
        feedback_id = conn.execute("SELECT id FROM feedback WHERE ticket_code = 'PA-7K3-M4X'").fetchone()[0]
        conn.close()
        detail = leader.get(f"/phan-anh/{feedback_id}").text  # the complaint's history
        assert LOCAL_LATE in detail and "2026-12-04 20:30" not in detail


def test_report_export_says_the_local_time(utc_server):
    url, _settings, _meeting = utc_server
    with closing(_client(url, "lanhdao")) as leader:
        before = dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)
        text = leader.get("/tong-quan/bao-cao.csv", params={"from": "2026-12-01", "to": "2026-12-31"}).text
        after = dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)
    first = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    stamps = {f"xuất lúc {moment:%d/%m/%Y %H:%M}" for moment in (before, after)}
    assert first[2] in stamps, (first, stamps)  # Hà Nội time from a server in UTC


def test_bien_ban_docx_says_the_local_time(utc_server):
    url, settings, meeting = utc_server
    with closing(_client(url, "canbo")) as staff:
        data = staff.get(f"/api/v1/meetings/{meeting}").json()
        assert data["minutes_docx_url"], json.dumps(data, ensure_ascii=False)[:400]
        docx = staff.get(data["minutes_docx_url"])
        assert docx.status_code == 200
        text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Thời gian bắt đầu: 08 giờ 11, ngày 04 tháng 12 năm 2026" in text
    assert "Cuộc họp kết thúc vào 09 giờ 11, ngày 04 tháng 12 năm 2026" in text
    assert "01 giờ 11" not in text
