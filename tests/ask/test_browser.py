"""Real Chromium: a leader asks a question and sees the figure, the chart and the SQL."""

from __future__ import annotations

import pytest

from appliance.text import format_number
from tests.ask.reference import quarter
from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def test_leader_asks_and_sees_figure_chart_and_sql(browser, ask_server):
    page = browser.new_page()
    browser_login(page, ask_server.url, "lanhdao", "lanhdao-test")
    page.goto(f"{ask_server.url}/hoi-dap")
    page.fill("#ask-question", "Lĩnh vực nào tiếp nhận nhiều hồ sơ nhất quý 3/2026?")
    page.click("form.ask-form button[type=submit]")
    page.wait_for_selector(".ask-result")
    q3 = quarter(2026, 3)
    counts: dict[str, int] = {}
    for r in ask_server.data["records"]:
        if q3[0] <= r["ngay_tiep_nhan"] <= q3[1]:
            counts[r["linh_vuc"]] = counts.get(r["linh_vuc"], 0) + 1
    top = max(sorted(counts), key=lambda k: counts[k])
    sentence = page.locator(".ask-sentence").inner_text()
    assert sentence.startswith("Quý 3/2026")
    assert top in sentence and format_number(counts[top]) in sentence
    page.wait_for_selector(".ask-chart[data-drawn='1'] svg")
    assert page.locator(".ask-table tbody tr").count() == min(5, len(counts))
    sql = page.locator(".ask-sql pre")
    assert not sql.is_visible()
    page.click(".ask-sql summary")
    assert "SELECT" in sql.inner_text() and "v_ho_so" in sql.inner_text()
    assert page.locator("#ask-history li").first.inner_text().startswith("Lĩnh vực nào tiếp nhận")
    page.close()


def test_suggestion_click_answers_and_phone_has_no_horizontal_scroll(browser, ask_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    browser_login(page, ask_server.url, "lanhdao", "lanhdao-test")
    page.goto(f"{ask_server.url}/hoi-dap")
    page.locator(".ask-suggestions .chip").nth(1).click()
    page.wait_for_selector(".ask-result")
    page.wait_for_selector(".ask-chart[data-drawn='1'] svg")
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client
    context.close()
