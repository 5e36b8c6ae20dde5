"""The report's pages on a 360 px phone in real Chromium: nothing scrolls sideways without its hint,
no word is cut, and no English or ISO date reaches the reader (the checks of tests/ui, on these pages
with figures in every table)."""

from __future__ import annotations

from urllib.parse import quote

from tests.conftest import browser_login
from tests.impact.conftest import MONTH, Ward
from tests.ui.checks import PHONE_JS, TEXT_JS, english_words

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def test_report_pages_fit_a_phone_and_read_in_vietnamese(browser, ward: Ward):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        browser_login(page, ward.server.url, "admin", "admin-demo")
        problems = {}
        for path in ("/hieu-qua?thang=11/2026", f"/hieu-qua/chi-tiet?loai=hoi_phap_ly&thang={MONTH}",
                     f"/hieu-qua/chi-tiet?loai=chuyen_phan_anh&thang={MONTH}&don_vi={quote('Công an phường')}",
                     f"/hieu-qua/chi-tiet?loai=nhiem_vu_qua_han&thang={MONTH}", "/hieu-qua/muc-thoi-gian"):
            page.goto(ward.server.url + path)
            page.wait_for_load_state("load")
            found = list(page.evaluate(PHONE_JS)) + english_words(page.evaluate(TEXT_JS))
            if found:
                problems[path] = found[:8]
        assert not problems
    finally:
        context.close()
