"""Training mode in real Chromium (issue 21): a trainee enters the sandbox from Hướng dẫn, sees the
banner and the other colour on every page, does one exercise of each day through the pages
themselves, has each one checked, and the live databases are byte-for-byte unchanged. The
screenshots (tmp/artefacts/training/) are those the handbook will use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from appliance.config import REPO_ROOT, Settings
from tests.conftest import LiveServer, browser_login
from tests.training.conftest import BANNER, snapshot

ARTEFACTS = Path(os.environ.get("APPLIANCE_ARTEFACTS", REPO_ROOT / "tmp" / "artefacts")) / "training"


def _check(page: Any, lesson: int, exercise: str) -> None:
    page.goto(f"{page.base}/huong-dan/{lesson}")
    page.locator(f"#{exercise} button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "Đã xong" in page.locator(f"#{exercise}").inner_text(), page.locator(f"#{exercise}").inner_text()


def _shot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_a_trainee_works_through_the_days_in_the_browser(server: LiveServer, live: Settings, browser: Any) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.base = server.url
        browser_login(page, server.url, "lanhdao", "lanhdao-demo")
        page.goto(f"{server.url}/huong-dan")
        live_colour = page.evaluate("getComputedStyle(document.querySelector('.topbar')).backgroundColor")
        before = (snapshot(live.db_path), snapshot(live.public_db_path))
        page.get_by_role("button", name="Vào chế độ đào tạo").click()
        page.wait_for_load_state("networkidle")
        assert page.locator(".training-banner").inner_text().startswith(BANNER)
        assert page.evaluate("getComputedStyle(document.querySelector('.topbar')).backgroundColor") != live_colour
        _shot(page, "huong-dan")

        # Day 1: the question box; the banner is on that page too.
        page.goto(f"{server.url}/hoi-dap")
        assert page.locator(".training-banner").is_visible()
        page.fill("#ask-question", "tỷ lệ đúng hạn lĩnh vực đất đai quý 3")
        with page.expect_response(lambda r: r.url.endswith("/hoi-dap") and r.request.method == "POST"):
            page.get_by_role("button", name="Hỏi", exact=True).click()
        page.wait_for_load_state("networkidle")
        _shot(page, "ngay1-hoi-dap")
        _check(page, 1, "ngay1-ty-le-dung-han")

        # The wall screen has no top bar: the banner is there too, in full view.
        page.goto(f"{server.url}/wall", wait_until="domcontentloaded")
        box = page.locator(".training-banner").bounding_box()
        assert box is not None and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 600
        _shot(page, "man-hinh")

        # Day 2: a comparison of two periods.
        page.goto(f"{server.url}/hoi-dap")
        page.fill("#ask-question", "số hồ sơ tiếp nhận tháng 10 so với tháng 9")
        with page.expect_response(lambda r: r.url.endswith("/hoi-dap") and r.request.method == "POST"):
            page.get_by_role("button", name="Hỏi", exact=True).click()
        _check(page, 2, "ngay2-so-sanh")

        # Day 3: a giấy mời from the drafting form.
        page.goto(f"{server.url}/soan-thao")
        page.check("input[name=doc_type][value=giay_moi]")
        page.fill("input[name=trich_yeu]", "Họp giao ban thứ Sáu")
        with page.expect_response(lambda r: "/api/v1/drafts" in r.url and r.request.method == "POST"):
            page.get_by_role("button", name="Soạn dự thảo").click()
        page.wait_for_load_state("networkidle")
        _shot(page, "ngay3-soan-thao")
        _check(page, 3, "ngay3-giay-moi")

        # Day 4: the library.
        page.goto(f"{server.url}/tra-cuu")
        page.fill("#kb-q", "thời hạn đăng ký khai tử")
        page.get_by_role("button", name="Tìm", exact=True).click()
        page.wait_for_load_state("networkidle")
        _shot(page, "ngay4-tra-cuu")
        _check(page, 4, "ngay4-tra-cuu-khai-tu")

        # Day 5: a complaint from the inbox, classified and routed.
        new = page.request.get(f"{server.url}/api/v1/feedback", params={"status": "moi"}).json()["items"][0]
        page.goto(f"{server.url}/phan-anh/{new['id']}")
        category = page.locator("select[name=category]")
        options = category.locator("option").evaluate_all("els => els.map(e => e.value)")
        current = category.input_value()
        category.select_option(next(v for v in options if v and v != current))
        page.get_by_role("button", name="Phân loại lại").click()
        page.wait_for_load_state("networkidle")
        page.fill("input[name=assigned_to]", "Công an phường")
        page.get_by_role("button", name="Giao việc").click()
        page.wait_for_load_state("networkidle")
        _shot(page, "ngay5-phan-anh")
        _check(page, 6, "ngay5-phan-anh")

        page.goto(f"{server.url}/huong-dan")
        page.get_by_role("button", name="Thoát đào tạo").click()
        page.wait_for_load_state("networkidle")
        assert page.locator(".training-banner").count() == 0
    finally:
        context.close()
    assert (snapshot(live.db_path), snapshot(live.public_db_path)) == before
