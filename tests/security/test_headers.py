"""Issue 14, findings 15 and 16: security headers on both apps (a CSP without inline script),
the OpenAPI schema for admins only, and `script_json` that no record can break out of."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from appliance.citizen.public.app import create_public_app
from appliance.dashboard.importers import run_import
from appliance.dashboard.routes import script_json
from appliance.db import connect
from tests.conftest import LiveServer, browser_login, login

HOSTILE_NAME = "<!--<script>"


def _secure(headers: Any) -> None:
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_staff_app_sends_security_headers_everywhere(server: LiveServer) -> None:
    with server.client() as c:
        for response in (c.get("/login"), c.get("/healthz"), c.get("/static/css/app.css"), c.get("/khong-co"),
                         c.get("/api/v1/khong-co"), c.get("/")):
            _secure(response.headers)
        login(c, "canbo", "canbo-demo")
        page = c.get("/tra-cuu")
        _secure(page.headers)
        # A shared office PC: after logout the Back button must not show a page from the browser's cache.
        assert page.headers["cache-control"] == "no-store"
        assert c.get("/static/css/app.css").headers.get("cache-control") != "no-store"  # files stay cacheable


def test_citizen_app_sends_security_headers_everywhere(citizen_settings: Any,
                                                       live_server_factory: Callable[[Any], LiveServer]) -> None:
    server = live_server_factory(create_public_app(citizen_settings, generator=None))
    with server.client() as c:
        for response in (c.get("/"), c.get("/healthz"), c.get("/widget.js"), c.get("/api/v1/feedback/PA-KHONG-CO"),
                         c.post("/api/v1/chat", json={"message": ""})):
            _secure(response.headers)


def test_openapi_is_for_admins_only(server: LiveServer) -> None:
    with server.client() as c:
        assert c.get("/api/openapi.json").status_code == 401
        login(c, "lanhdao", "lanhdao-demo")
        assert c.get("/api/openapi.json").status_code == 403
    with server.client() as c:
        login(c, "admin", "admin-demo")
        schema = c.get("/api/openapi.json")
        assert schema.status_code == 200 and "/api/v1/ask" in schema.json()["paths"]


@pytest.mark.parametrize("value", [HOSTILE_NAME, "</script><script>alert(1)</script>", "a\u2028b\u2029c & <b>",
                                   "<!-- </script> -->"])
def test_script_json_has_no_markup_characters(value: str) -> None:
    encoded = script_json({"name": value, "list": [value]})
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == {"name": value, "list": [value]}


@pytest.mark.browser
def test_a_hostile_record_name_breaks_no_page_and_no_page_breaks_the_csp(server: LiveServer, settings, browser,
                                                                         tmp_path) -> None:
    """Finding 15: a record whose procedure is `<!--<script>` made the dashboard's and the wall's
    data script swallow the rest of the page. And every page runs under the CSP: no inline script."""
    path = tmp_path / "ho-so.csv"
    rows = [f"H{i};{HOSTILE_NAME};{HOSTILE_NAME};05/{m:02d}/2026;20/{m:02d}/2026;10/{m:02d}/2026;Đã trả kết quả;"
            f"Trực tiếp;{HOSTILE_NAME}" for i, m in enumerate(range(1, 12))]
    path.write_text("Mã hồ sơ;Tên thủ tục;Lĩnh vực;Ngày tiếp nhận;Hạn xử lý;Ngày trả kết quả;Trạng thái;"
                    "Hình thức nộp;Cán bộ xử lý\n" + "\n".join(rows) + "\n", encoding="utf-8")
    conn = connect(settings.db_path)
    run_import(conn, "ho-so", path)
    conn.close()
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    browser_login(page, server.url, "lanhdao", "lanhdao-demo")
    page.goto(f"{server.url}/?ky=nam&nam=2026")
    page.wait_for_load_state("networkidle")
    assert page.locator("#chart-trend svg").count() == 1  # the dashboard's script ran on the data
    for path_ in ("/wall", "/tra-cuu", "/tom-tat", "/hoi-dap", "/cuoc-hop", "/nhiem-vu", "/soan-thao", "/phan-anh",
                  "/khong-co-trang-nay"):
        page.goto(f"{server.url}{path_}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{server.url}/wall")
    page.wait_for_load_state("networkidle")
    assert page.locator("#wall-trend-table tbody tr").count() == 12  # the wall's script ran on its data
    csp = [p for p in problems if "Content Security Policy" in p or "Refused to" in p]
    assert not csp, csp
    assert not [p for p in problems if re.search(r"SyntaxError|Unexpected", p)], problems
    page.close()


INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


def test_no_template_has_inline_script_the_csp_would_block() -> None:
    """The CSP (script-src 'self') silently disables inline handlers and scripts: a template added
    later with onclick="window.print()" had a dead button. Data goes in JSON scripts, code in /static."""
    root = Path(__file__).resolve().parents[2] / "web" / "templates"
    found = []
    for path in sorted(root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(root)}: {m.group(0)[:80]}" for m in (*INLINE_HANDLER.finditer(text),
                                                                         *INLINE_SCRIPT.finditer(text))]
    assert not found, found
