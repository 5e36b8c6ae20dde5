"""Real Chromium: draft a công văn on "Soạn thảo", edit it, see the preview, download the .docx;
the pages fit a phone."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


@pytest.fixture
def server(shared_server):
    return shared_server


def test_draft_edit_download_cong_van(browser, server):
    # bypass_csp: Playwright's wait_for_function evaluates a string, which the app's CSP (no unsafe-eval)
    # refuses; the CSP itself is tested in tests/security/test_headers.py.
    context = browser.new_context(accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    browser_login(page, server.url, "canbo", "canbo-demo")
    page.goto(f"{server.url}/soan-thao")
    page.check("input[name=doc_type][value=cong_van]")
    page.fill("input[name=trich_yeu]", "Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa")
    page.fill("textarea[name=yeu_cau]", "xin hỗ trợ 200 triệu đồng sửa mái nhà văn hóa tổ dân phố số 3")
    page.fill("textarea[name=kinh_gui]", "Sở Tài chính Thành phố Hà Nội")
    page.click("#draft-form button[type=submit]")
    page.wait_for_url("**/soan-thao/*")
    preview = page.locator("#preview")
    assert "Số: …/UBND-VP" in preview.inner_text()
    assert "V/v đề nghị hỗ trợ kinh phí" in preview.inner_text()
    assert "theo mẫu" in page.locator("main").inner_text()  # says no model wrote it
    # Edit the body and the recipients, save, and the preview follows.
    page.fill("textarea[name=noi_dung]", "Ủy ban nhân dân phường kính đề nghị Sở Tài chính xem xét hỗ trợ.\n"
                                         "Trân trọng cảm ơn./.")
    page.fill("textarea[name=noi_nhan]", "Như trên\nThường trực HĐND phường")
    page.click("#edit-form button[type=submit]")
    page.locator("#saved").wait_for(state="visible")
    page.wait_for_function("document.querySelector('#preview').innerText.includes('Trân trọng cảm ơn')")
    assert "- Thường trực HĐND phường;" in preview.inner_text()
    with page.expect_download() as info:
        page.click("#download-docx")
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(open(download.path(), "rb").read()))
    texts = [p.text for p in document.paragraphs]
    assert "Trân trọng cảm ơn./." in texts
    assert "Kính gửi: Sở Tài chính Thành phố Hà Nội." in texts
    # Both pages fit a phone (360 px) without horizontal scroll.
    page.set_viewport_size({"width": 360, "height": 740})
    for url in (page.url, f"{server.url}/soan-thao"):
        page.goto(url)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, "
                                       "document.documentElement.clientWidth]")
        assert scroll <= client, url
    context.close()
