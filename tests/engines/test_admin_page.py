"""/quan-tri/mo-hinh: admins see what runs where and the catalogue; others are refused."""

from __future__ import annotations

from appliance.app import create_app
from tests.conftest import login


def test_models_page_for_admin_only(live_server_factory, demo_settings):
    server = live_server_factory(create_app(demo_settings))
    with server.client() as client:
        assert client.get("/quan-tri/mo-hinh").status_code in (303, 401)
        login(client, "canbo", "canbo-demo")
        assert client.get("/quan-tri/mo-hinh").status_code == 403
    with server.client() as client:
        csrf = login(client, "admin", "admin-demo")
        page = client.get("/quan-tri/mo-hinh")
        assert page.status_code == 200
        assert "whisper-base-ct2" in page.text and "qwen2.5-7b-instruct-ct2" in page.text
        assert "Nhận dạng giọng nói" in page.text and "faster-whisper" in page.text
        assert "dự phòng" in page.text  # no LLM installed: the fallback is shown
        assert "Chạy ở đâu" in page.text and "trong máy (cpu)" in page.text  # which engine serves what, and where
        checked = client.post("/quan-tri/mo-hinh/kiem-tra", data={"csrf_token": csrf}, headers={"HX-Request": "true"})
        assert checked.status_code == 200 and "khớp mã sha256" in checked.text and "<html" not in checked.text
        assert client.post("/quan-tri/mo-hinh/kiem-tra").status_code == 403  # no CSRF token
        hub = client.get("/quan-tri")
        assert "/quan-tri/mo-hinh" in hub.text
