"""Real Chromium: the leader's dashboard, drill-down, phones, and the wall screen's live updates."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from appliance.app import create_app
from appliance.dashboard.importers import run_import
from appliance.db import connect
from tests.conftest import LiveServer, browser_login, install_db
from tests.dashboard.datagen import generate, write_csv

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(page) -> None:
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{page.url}: {scroll} > {client}"


def test_leader_changes_period_and_drills_down(browser, demo_server):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    browser_login(page, demo_server.url, "lanhdao", "lanhdao-demo")
    assert page.url.rstrip("/") == demo_server.url
    page.select_option("#ky", "thang")
    page.fill("input[name=thang]", "2026-10")
    page.click("#period-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#period-label").inner_text() == "tháng 10/2026"
    assert page.locator("#chart-trend svg").count() == 1  # ECharts drew from the local library
    assert page.locator("#table-trend tbody tr").count() == 12  # and the chart has its table
    late = page.locator('.tile[data-measure="tre_han"] .tile-value a')
    figure = int(late.inner_text().replace(".", ""))
    assert figure > 0
    late.click()
    page.wait_for_load_state("networkidle")
    assert "/tong-quan/ho-so" in page.url and "measure=tre_han" in page.url
    assert page.locator("#drill-total strong").inner_text().replace(".", "") == str(figure)
    assert page.locator("#drill-table tbody tr").count() == min(figure, 100)
    page.go_back()
    page.select_option("#ky", "quy")
    assert page.locator("input[name=thang]").is_hidden()
    page.select_option("select[name=quy]", "3")
    page.fill("input[name=nam]", "2026")
    page.click("#period-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#period-label").inner_text() == "quý 3/2026"
    page.close()


def test_phone_has_no_horizontal_scroll(browser, demo_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    browser_login(page, demo_server.url, "lanhdao", "lanhdao-demo")
    for path in ("/?ky=nam&nam=2026", "/tong-quan/ho-so?measure=tiep_nhan&from=2026-10-01&to=2026-10-31",
                 "/nhap-du-lieu"):
        page.goto(demo_server.url + path)
        page.wait_for_load_state("networkidle")
        _no_horizontal_scroll(page)
    context.close()


def _restartable(settings, port: int | None = None) -> LiveServer:
    server = LiveServer(create_app(settings))
    if port:
        server.port, server.url = port, f"http://127.0.0.1:{port}"
        server.server.config.port = port
    return server.__enter__()


def _stop(server: LiveServer) -> None:
    server.server.should_exit = True
    server.server.force_exit = True  # do not wait for the wall's open event stream
    server.thread.join(timeout=15)


def _tile(page, name: str) -> str:
    return page.locator(f'.wall-tile[data-name="{name}"] .wall-tile-value').inner_text()


def test_wall_updates_without_reload_and_survives_restart(browser, settings, users_template, tmp_path):
    install_db(users_template, settings)  # migrated, with the demo accounts (hashed once per session)
    server = _restartable(settings)
    conn = connect(settings.db_path)
    today = dt.date.today()
    port = server.port
    try:
        for size in ((1920, 1080), (3840, 2160)):
            # bypass_csp: Playwright's wait_for_function evaluates a string, which the app's CSP (no
            # unsafe-eval) refuses; the CSP itself is tested in tests/security/test_headers.py.
            page = browser.new_page(viewport={"width": size[0], "height": size[1]}, bypass_csp=True)
            browser_login(page, server.url, "manhinh", "manhinh-demo")
            assert page.url.endswith("/wall")
            page.wait_for_function("document.body.dataset.updates >= 1")
            sizes = page.evaluate("""[document.documentElement.scrollHeight, innerHeight,
                document.documentElement.scrollWidth, innerWidth,
                parseFloat(getComputedStyle(document.querySelector('.wall-tile-value')).fontSize)]""")
            assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], sizes  # one screen, nothing cut off
            assert sizes[4] >= size[1] * 0.08  # figures about a tenth of the screen height: readable at 5 m
            page.close()
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, bypass_csp=True)  # as above
        browser_login(page, server.url, "manhinh", "manhinh-demo")
        page.wait_for_function("document.body.dataset.updates >= 1")
        assert _tile(page, "tiep_nhan") == "0"
        page.evaluate("window.__sameDocument = true")
        run_import(conn, "ho-so", write_csv(generate(12, seed=1, start=today.replace(day=1), days=1, prefix="W"),
                                            tmp_path / "a.csv"))
        started = time.monotonic()
        page.wait_for_function("document.querySelector('.wall-tile[data-name=tiep_nhan] .wall-tile-value')"
                               ".textContent === '12'", timeout=10_000)
        assert time.monotonic() - started < 10
        assert page.evaluate("window.__sameDocument === true")  # updated in place, no reload
        assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d", page.locator("#wall-last-import").inner_text())

        _stop(server)
        page.wait_for_selector("#wall-conn", state="visible", timeout=10_000)
        run_import(conn, "ho-so", write_csv(generate(5, seed=2, start=today.replace(day=1), days=1, prefix="R"),
                                            tmp_path / "b.csv"))
        server = _restartable(settings, port)
        page.wait_for_function("document.querySelector('.wall-tile[data-name=tiep_nhan] .wall-tile-value')"
                               ".textContent === '17'", timeout=15_000)
        assert page.evaluate("window.__sameDocument === true")
        assert page.locator("#wall-conn").is_hidden()
        page.close()
    finally:
        conn.close()
        _stop(server)


def test_web_import_shows_progress_then_rejected_rows(browser, server, settings, tmp_path):
    import threading

    from appliance.jobs import run_pending

    path = write_csv(generate(25, seed=4), tmp_path / "so.csv")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("Z9,Đăng ký khai sinh,Hộ tịch,01/01/2026,01/01/2026,,Không rõ,Trực tiếp,Lan\n")
    page = browser.new_page()
    browser_login(page, server.url, "canbo", "canbo-demo")
    page.goto(server.url + "/nhap-du-lieu")
    page.set_input_files("input[name=file]", str(path))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector('#import-status[data-status="queued"]')
    page.evaluate("window.__sameDocument = true")

    def work() -> None:
        conn = connect(settings.db_path)
        run_pending(conn, settings, kinds=["dashboard.import"])
        conn.close()

    threading.Thread(target=work).start()
    page.wait_for_selector('#import-status[data-status="done"]', timeout=15_000)  # htmx polled it there
    assert page.evaluate("window.__sameDocument === true")
    assert "25" in page.locator("#import-summary").inner_text()
    assert page.locator("#rejected-rows tbody tr").inner_text().startswith("27")
    page.close()
