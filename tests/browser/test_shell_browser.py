"""Real Chromium: a leader logs in and sees the shell; phones get no horizontal scroll."""

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def test_login_and_shell(browser, demo_server):
    page = browser.new_page()
    page.goto(f"{demo_server.url}/")
    assert "/login" in page.url
    assert page.locator("h1").inner_text() == "Đăng nhập"
    browser_login(page, demo_server.url, "lanhdao", "lanhdao-demo")
    nav = page.locator("nav#sidenav")
    for label in ("Tổng quan", "Hỏi đáp số liệu", "Tra cứu", "Soạn thảo", "Phản ánh", "Cuộc họp", "Nhiệm vụ"):
        assert nav.get_by_text(label, exact=False).count() >= 1
    page.close()


def test_wrong_password_shows_vietnamese_error(browser, demo_server):
    page = browser.new_page()
    page.goto(f"{demo_server.url}/login")
    page.fill("input[name=username]", "canbo")
    page.fill("input[name=password]", "khong-dung")
    page.click("button[type=submit]")
    assert "không đúng" in page.locator(".alert").inner_text()
    page.close()


def test_phone_width_has_no_horizontal_scroll(browser, demo_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    browser_login(page, demo_server.url, "canbo", "canbo-demo")
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client
    page.click("button.menu-toggle")
    assert page.locator("nav#sidenav").is_visible()
    context.close()
