"""Real Chromium: search without accents, ask the assistant, summarise; 360 px without scroll."""

from __future__ import annotations

import pytest

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(page) -> None:
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, (scroll, client)


def test_search_assistant_and_summary_on_a_phone(browser, kb_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    browser_login(page, kb_server.url, "canbo", "canbo-demo")
    page.goto(f"{kb_server.url}/tra-cuu")
    page.fill("#kb-q", "thoi han dang ky khai sinh cho con")
    page.click("button[type=submit].primary")
    page.wait_for_selector(".kb-hit")
    assert "Khoản 1 Điều 15 Luật Hộ tịch số 60/2014/QH13" in page.locator("#kb-out").inner_text()
    assert "q=thoi" in page.url  # htmx pushed the query: the result is bookmarkable
    _no_horizontal_scroll(page)
    page.click("#kb-out .kb-hit a.kb-cite >> nth=0")  # the article page: official text and source note
    page.wait_for_selector(".kb-article")
    assert "Chú thích nguồn" in page.content()
    _no_horizontal_scroll(page)
    page.go_back()

    # The library holds no penalty decree: it says so instead of citing the birth-registration deadline.
    page.fill("#kb-q", "dang ky khai sinh qua han co bi phat khong")
    page.click("button[type=submit].primary")
    page.wait_for_selector(".kb-notfound")
    _no_horizontal_scroll(page)

    page.fill("#kb-q", "nhập hộ khẩu mất bao lâu")
    page.click("#kb-ask")
    page.wait_for_selector(".kb-answer")
    answer = page.locator(".kb-answer").inner_text()
    assert "Không tìm thấy căn cứ trong thư viện" in answer  # only Luật Cư trú 2006 is here, out of force
    assert "Công an phường" in page.locator("#kb-out").inner_text()
    _no_horizontal_scroll(page)

    page.goto(f"{kb_server.url}/tom-tat")
    page.fill("textarea[name=text]", "Văn phòng HĐND và UBND có trách nhiệm gửi báo cáo trước ngày 30/11/2026. "
                                     "Kinh phí thực hiện là 12.500.000 đồng. Tỷ lệ hoàn thành đạt 87,5%.")
    page.click("form button.primary")
    page.wait_for_selector(".kb-summary")
    summary = page.locator(".kb-summary").inner_text()
    assert "12.500.000 đồng" in summary and "Ai phải làm gì" in summary
    _no_horizontal_scroll(page)

    page.goto(f"{kb_server.url}/tra-cuu/thu-tuc/HT-KS")
    assert "cần xác nhận" in page.content()
    _no_horizontal_scroll(page)
    context.close()
