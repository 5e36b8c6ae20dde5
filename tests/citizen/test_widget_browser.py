"""Real Chromium: the widget on a plain HTML page of another origin (the ward's website) asks a
question, files a complaint and checks its status; text from the server is never HTML."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from appliance.citizen.public.app import create_public_app
from tests.conftest import free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def ward_site(tmp_path, citizen_settings, live_server_factory):
    citizen = live_server_factory(create_public_app(citizen_settings, generator=None))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text(
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Phường Mẫu</title></head>"
        "<body><h1>Cổng thông tin Phường Mẫu</h1>"
        f"<script src='{citizen.url}/widget.js' defer></script></body></html>", encoding="utf-8")
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(tmp_path / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/index.html"
    server.shutdown()
    server.server_close()


def test_widget_question_complaint_status(browser, ward_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.goto(ward_site)
    page.click("#ww-open")
    assert page.get_attribute("#ww-open", "aria-expanded") == "true"
    # Ask a question (no diacritics, teencode).
    page.fill("#ww-input", "lam giay khai sinh can j a")
    page.click("#ww-send")
    page.locator("#ww-log .bot", has_text="Đăng ký khai sinh").first.wait_for(timeout=10000)
    assert page.locator("#ww-log a", has_text="Đăng ký khai sinh").count() == 1
    # Whatever a citizen types is shown as text, never run.
    page.fill("#ww-input", "<img src=x onerror=alert(1)>")
    page.click("#ww-send")
    page.locator("#ww-log .me", has_text="<img src=x onerror=alert(1)>").wait_for(timeout=10000)
    page.locator("#ww-log .bot:not(.waiting)").nth(2).wait_for(timeout=10000)
    assert page.locator("#ww-log img").count() == 0
    # File a complaint with contact details (consent required).
    page.click("#ww-tab-feedback")
    page.fill("#ww-fb-content", "Cống thoát nước ngõ 12 bị tắc, mưa là ngập cả ngõ")
    page.fill("#ww-fb-phone", "0912345678")
    page.click("#ww-fb-submit")
    assert "đồng ý" in page.locator("#ww-fb-error").inner_text()
    page.check("#ww-fb-consent")
    page.click("#ww-fb-submit")
    page.locator("#ww-fb-result", has_text="Mã của bạn").wait_for(timeout=10000)
    result = page.locator("#ww-fb-result").inner_text()
    code = result.split("Mã của bạn: ")[1].split()[0]
    assert code.startswith("PA-")
    # Check its status.
    page.click("#ww-tab-status")
    assert page.input_value("#ww-status-code") == code
    page.click("#ww-status-submit")
    status = page.locator("#ww-status-result", has_text=code)
    status.wait_for(timeout=10000)
    text = status.inner_text()
    assert "Chờ xử lý" in text and "Hạ tầng" in text and "0912345678" not in text
    # Phone-friendly: no horizontal scroll; Escape closes and returns focus.
    scroll, width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= width
    page.keyboard.press("Escape")
    assert page.get_attribute("#ww-open", "aria-expanded") == "false"
    assert errors == []
    context.close()


def test_widget_unsure_question_offers_choices_and_staff(browser, ward_site):
    """Issue 16: a question the bot is unsure of shows clickable choices; choosing one answers it;
    "Gặp cán bộ" hands the conversation to staff and shows its HD code."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(ward_site)
    page.click("#ww-open")
    page.fill("#ww-input", "cong chung o phuong nop o dau")
    page.click("#ww-send")
    buttons = page.locator("#ww-log .choices").last.locator("button")
    buttons.first.wait_for(timeout=10000)
    titles = buttons.all_inner_texts()
    assert len(titles) >= 3 and titles[-1].endswith("Gặp cán bộ")
    chosen = titles[0].split(". ", 1)[1]
    buttons.first.click()
    page.locator("#ww-log a", has_text=chosen).first.wait_for(timeout=10000)  # the chosen procedure's answer
    page.locator("#ww-log .choices").first.locator("button", has_text="Gặp cán bộ").click()
    page.locator("#ww-log .bot", has_text="HD-").wait_for(timeout=10000)
    assert errors == []
    context.close()
