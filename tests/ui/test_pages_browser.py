"""Every staff page and every citizen page in real Chromium, the way people meet them:

- on a 360 px phone: no sideways scroll of the page, no word broken or sticking out of its box,
  wide tables only inside a box that says "vuốt ngang" (tests/ui/checks.py, phone_check.js);
- in an English-language Chromium (--lang=en-US, locale en-US): no English reaches a person, no
  browser date or file widget, no browser validation bubble (text_check.js, the word list).

Pages are found by following the apps' own links (tests/ui/pages.py), plus the states behind a
click: an answer, search results, a summary, the calendar, empty forms submitted, error pages,
the citizen widget. One English Chromium serves the module; screenshots are kept under
tmp/artefacts/ui (APPLIANCE_ARTEFACTS overrides), and the test prints where."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest

from appliance.citizen.public.app import create_public_app
from appliance.config import Settings
from appliance.features import nav_entries
from appliance.text import fold
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer, browser_login, login, make_settings
from tests.ui.checks import PHONE_JS, TEXT_JS, english_words
from tests.ui.pages import discover

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(os.environ.get("APPLIANCE_ARTEFACTS", ROOT / "tmp" / "artefacts")) / "ui"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "locale": "en-US"}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "en-US"}

Page = Any  # playwright.sync_api.Page
State = Callable[[Page, str], None]


@pytest.fixture(scope="module")
def en_browser(playwright_driver: Any) -> Iterator[Any]:
    """One English-language Chromium for the module: what a ward PC set to English shows."""
    instance = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--lang=en-US", *CHROMIUM_ARGS])
    yield instance
    instance.close()


@pytest.fixture(scope="module")
def citizen_server(demo_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The citizen app on a copy of the demo ward's public.db (the chat below writes to it)."""
    settings = make_settings(tmp_path_factory.mktemp("citizen-ui") / "data")
    settings.data_dir.mkdir(parents=True)
    with closing(sqlite3.connect(demo_settings.public_db_path)) as source, \
            closing(sqlite3.connect(settings.public_db_path)) as copy:
        source.backup(copy)
    with LiveServer(create_public_app(settings, generator=None)) as server:
        yield server


@pytest.fixture(scope="module")
def staff_pages(demo_server: LiveServer) -> list[str]:
    with closing(httpx.Client(base_url=demo_server.url, timeout=30)) as client:
        login(client, "admin", "admin-demo")
        seeds = [entry.path for entry in nav_entries()] + ["/cuoc-hop/truc-tiep"]
        pages = discover(client, seeds)
    assert len(pages) >= 25, pages  # the walk really reached the apps' pages
    # States of a page reached by a query: search results, the custom period, errors people meet.
    return pages + ["/tra-cuu?q=đăng ký khai sinh", "/?ky=tuy-chon", "/khong-co-trang-nay",
                    "/?ky=tuy-chon&tu=04/12/2026&den=04/11/2026"]


def _citizen_pages(server: LiveServer) -> list[str]:
    with closing(httpx.Client(base_url=server.url, timeout=30)) as client:
        home = client.get("/").text
        codes = re.findall(r'href="/thu-tuc/([^"]+)"', home)
    assert codes, "the citizen home page links no procedure"
    return ["/", f"/thu-tuc/{codes[0]}", "/thu-tuc/KHONG-CO", "/trang-khong-co"]


# --- states behind a click ----------------------------------------------------------------------
def _ask(page: Page, base: str) -> None:
    page.goto(f"{base}/hoi-dap")
    page.fill("#ask-question", "Tháng này phường tiếp nhận bao nhiêu hồ sơ, đúng hạn bao nhiêu phần trăm?")
    page.click(".ask-form button[type=submit]")
    page.wait_for_selector("#ask-answer .ask-result")


def _assistant(page: Page, base: str) -> None:
    page.goto(f"{base}/tra-cuu")
    page.fill("#kb-q", "đăng ký khai sinh cần giấy tờ gì")
    page.click("#kb-ask")
    page.wait_for_selector("#kb-out .kb-answer")


def _summary(page: Page, base: str) -> None:
    page.goto(f"{base}/tom-tat")
    page.fill("textarea[name=text]", "Ủy ban nhân dân phường tổ chức tổng vệ sinh môi trường vào sáng Chủ nhật "
                                     "ngày 06/12/2026. Các tổ dân phố huy động người dân tham gia, báo cáo kết quả "
                                     "trước ngày 10/12/2026. Kinh phí 15 triệu đồng từ ngân sách phường.")
    page.click("form[action='/tom-tat'] button[type=submit]")
    page.wait_for_selector("#kb-summary .kb-summary")


def _empty_summary(page: Page, base: str) -> None:
    page.goto(f"{base}/tom-tat")
    page.click("form[action='/tom-tat'] button[type=submit]")
    assert "Chưa có gì để tóm tắt" in page.locator(".form-error").inner_text()


def _empty_draft(page: Page, base: str) -> None:
    page.goto(f"{base}/soan-thao")
    page.click("#draft-form button[type=submit]")
    assert page.locator("#draft-form .field-error").first.inner_text().startswith("Vui lòng nhập")
    assert page.url.endswith("/soan-thao")


def _bad_username(page: Page, base: str) -> None:
    page.goto(f"{base}/quan-tri/nguoi-dung")
    page.fill("input[name=username]", "nguyen van a")
    page.fill("form.card input[name=password]", "mat-khau-dai")
    page.click("form.card button[type=submit]")
    assert "dấu cách" in page.locator("form.card .field-error").first.inner_text()


def _calendar(page: Page, base: str) -> None:
    page.goto(f"{base}/soan-thao")
    field = page.locator("input[name=ngay]")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", field.input_value())
    page.click("#draft-form .date-open")
    assert page.locator(".date-pop strong").inner_text().startswith("Tháng ")
    page.locator(".date-pop td button").nth(14).click()
    assert re.fullmatch(r"15/\d{2}/\d{4}", field.input_value())
    page.click("#draft-form .date-open")


def _widget(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.click("#ww-open")
    page.fill("#ww-input", "làm giấy khai sinh cần gì?")
    page.click("#ww-chat-form button[type=submit]")
    # A locator (it pierces the shadow root) rather than wait_for_function: the latter evaluates a
    # string, which the citizen app's Content-Security-Policy (no unsafe-eval) refuses.
    page.locator("#ward-citizen-widget .msg.bot:not(.waiting)").nth(1).wait_for()


def _widget_feedback(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.click("#ww-open")
    page.click("#ww-tab-feedback")
    page.click("#ww-fb-submit")
    assert "Vui lòng" in page.locator("#ww-fb-error").inner_text()


STAFF_STATES: dict[str, State] = {
    "hoi-dap (câu trả lời)": _ask, "tra-cuu (trợ lý trả lời)": _assistant, "tom-tat (kết quả)": _summary,
    "tom-tat (để trống)": _empty_summary, "soan-thao (để trống)": _empty_draft, "soan-thao (lịch)": _calendar,
    "quan-tri/nguoi-dung (tên sai)": _bad_username,
}
CITIZEN_STATES: dict[str, State] = {"widget (hỏi đáp)": _widget, "widget (phản ánh để trống)": _widget_feedback}


# --- the walk -----------------------------------------------------------------------------------
def _name(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-")[:70] or "trang-chu"


def _walk(context: Any, base: str, pages: list[str], states: dict[str, State], check: Callable[[Page], list[str]],
          shots: Path, *, login_as: str | None) -> dict[str, list[str]]:
    shutil.rmtree(shots, ignore_errors=True)  # this run's pictures only
    shots.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    page.set_default_timeout(10_000)  # a state that hangs fails fast, with its reason
    failures: dict[str, list[str]] = {}

    def visit(label: str, action: Callable[[], None]) -> None:
        try:
            action()
            page.wait_for_load_state("load")
            problems = check(page)
        except Exception as exc:  # a state that cannot be reached is a failure, with its reason
            problems = [f"không mở được: {type(exc).__name__}: {str(exc)[:300]}"]
        height = min(int(page.evaluate("document.documentElement.scrollHeight")), 2400)
        page.screenshot(path=str(shots / f"{_name(label)}.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height})
        if problems:
            failures[label] = problems

    if login_as:
        visit("login", lambda: page.goto(f"{base}/login"))
        browser_login(page, base, login_as, f"{login_as}-demo")
    for path in pages:
        visit(path, lambda path=path: page.goto(base + path))
    for label, state in states.items():
        visit(label, lambda state=state: state(page, base))
    page.close()
    return failures


def _phone_problems(page: Page) -> list[str]:
    return list(page.evaluate(PHONE_JS))


def _english_problems(page: Page) -> list[str]:
    return english_words(page.evaluate(TEXT_JS))


def _report(kind: str, failures: dict[str, list[str]]) -> str:
    lines = [f"{kind}: {len(failures)} trang có lỗi"]
    for page, problems in failures.items():
        lines.append(f"  {page}:")
        lines += [f"    - {p}" for p in problems[:8]]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def artefacts(request: pytest.FixtureRequest) -> Iterator[Path]:
    yield ARTEFACTS
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"\nẢnh chụp màn hình của các trang: {ARTEFACTS}")


def test_every_page_fits_a_360px_phone(en_browser, demo_server, citizen_server, staff_pages, artefacts):
    context = en_browser.new_context(**PHONE)
    failures = _walk(context, demo_server.url, staff_pages, STAFF_STATES, _phone_problems, artefacts / "360-can-bo",
                     login_as="admin")
    failures |= {f"công dân {k}": v for k, v in _walk(
        context, citizen_server.url, _citizen_pages(citizen_server), CITIZEN_STATES, _phone_problems,
        artefacts / "360-cong-dan", login_as=None).items()}
    context.close()
    assert not failures, _report("Màn hình 360 px", failures)


def test_no_english_reaches_a_person(en_browser, demo_server, citizen_server, staff_pages, artefacts):
    context = en_browser.new_context(**DESKTOP)
    failures = _walk(context, demo_server.url, staff_pages, STAFF_STATES, _english_problems,
                     artefacts / "en-can-bo", login_as="admin")
    failures |= {f"công dân {k}": v for k, v in _walk(
        context, citizen_server.url, _citizen_pages(citizen_server), CITIZEN_STATES, _english_problems,
        artefacts / "en-cong-dan", login_as=None).items()}
    context.close()
    assert not failures, _report("Chromium tiếng Anh", failures)
