"""Shared fixtures: real SQLite in a temp data dir, the real app over real HTTP (uvicorn on a
loopback port), real Chromium, and a network guard that fails any non-loopback connection."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from appliance.cli import apply_offline_env
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.system import netguard
from tests import file_times

# The misbehaving OpenAI-compatible server (fixture `misbehaving`) for every generator consumer's tests.
pytest_plugins = ["tests.engines.misbehaving"]

# CI is a loaded 2-core machine: property tests judge correctness, not speed.
hypothesis_settings.register_profile("appliance", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("appliance")

# A fixed "today" for the demo ward so figures in tests never depend on the calendar.
DEMO_ANCHOR = dt.date(2026, 11, 20)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_configure(config: pytest.Config) -> None:
    apply_offline_env()
    os.environ["APPLIANCE_NETGUARD"] = "raise"  # inherited by every subprocess the tests start
    netguard.install("raise")


# Files whose tests assert wall-clock limits tighter than a busy core allows (a caption within seconds of the
# speech, a recorder killed every 20 s losing under 2 s, an event loop never held 1 s, a deadline of 0,5 s, a
# citizen process started cold answering within 10 s):
# `make test` runs the rest on two worker processes (pytest-xdist) and these afterwards, alone, so a neighbour
# process never eats their margin. Paths relative to tests/.
SERIAL_FILES = frozenset({
    "ask/test_guard_hostile.py",
    "citizen/test_isolation.py",
    "citizen/test_model_behaviours.py",
    "citizen/test_preparing.py",
    "citizen/test_zalo.py",
    "dashboard/test_web.py",
    "engines/test_generation.py",
    "engines/test_server_client.py",
    "knowledge/test_ocr.py",
    "meetings/test_captions_latency.py",
    "meetings/test_real_audio.py",
    "meetings/test_recorder_crash.py",
    "security/test_event_loop.py",
    "security/test_uploads.py",
    "security/test_worker_lanes.py",
})
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    names: dict[pytest.Item, str] = {}
    for item in items:
        path = Path(str(item.path)).resolve()
        name = path.relative_to(TESTS).as_posix() if path.is_relative_to(TESTS) else str(path)
        names[item] = name
        if name in SERIAL_FILES:
            item.add_marker(pytest.mark.serial)
    # The longest files first (measured: tests/file_times.txt), so that the two workers of `make test` end together;
    # `make test` passes --no-loadscope-reorder, or pytest-xdist would sort the files by their number of tests.
    # A stable sort: the tests of a file keep their order.
    times = file_times.load()
    counts = Counter(names.values())
    first = {name: k for k, name in reversed(list(enumerate(names.values())))}
    items.sort(key=lambda item: (-file_times.weight(names[item], counts[names[item]], times), first[names[item]]))


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    return Settings(data_dir=data_dir, **overrides)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated staff database per session, which `conn` copies: migrations (the
    official legal library included) take most of a second, a copy a few milliseconds."""
    path = tmp_path_factory.mktemp("template") / "appliance.db"
    connection = connect(path)
    migrate(connection)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    connection.close()
    return path


def install_db(template: Path, settings: Settings) -> None:
    """Put a copy of a template staff database where `settings` looks for it."""
    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, settings.db_path)


@pytest.fixture(scope="session")
def users_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's fresh install plus the demo accounts, for apps that tests log in to: argon2
    hashing is slow on purpose (four accounts cost about a second of CPU) and a migration most of
    one, so both are done once and the file copied (`install_db`)."""
    from appliance.auth.demo import load_users

    path = tmp_path_factory.mktemp("users-template") / "appliance.db"
    shutil.copyfile(migrated_template, path)
    connection = connect(path)
    load_users(connection)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    connection.close()
    return path


@pytest.fixture
def conn(settings: Settings, migrated_template: Path) -> Iterator[sqlite3.Connection]:
    """A migrated connection to a fresh staff database (a copy of the session's fresh install)."""
    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template, settings.db_path)
    connection = connect(settings.db_path)
    migrate(connection)  # nothing pending on the copy; kept so a new migration never goes unnoticed
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data dir with the demo ward loaded once per test session. Treat it as read-only."""
    from appliance.demo.loader import load_demo

    data_dir = tmp_path_factory.mktemp("demo") / "data"
    settings = make_settings(data_dir)
    load_demo(settings, anchor=DEMO_ANCHOR)
    return settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes] | None = None, timeout: float = 60) -> None:
    """Wait until `url` answers 200; fail at once if the process that should serve it exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{proc.args} exited with {proc.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout:.0f} s")


class LiveServer:
    def __init__(self, app: Any):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # As `appliance serve` runs it: uvicorn itself believes no X-Forwarded-For (the apps decide,
        # from `trusted_proxies`).
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on",
                                proxy_headers=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)


@pytest.fixture
def live_server_factory() -> Iterator[Callable[[Any], LiveServer]]:
    servers: list[LiveServer] = []

    def start(app: Any) -> LiveServer:
        server = LiveServer(app).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__()


@pytest.fixture
def server(settings: Settings, users_template: Path, live_server_factory: Callable[[Any], LiveServer]) -> LiveServer:
    """A fresh staff app with the demo accounts and no other data, over real HTTP."""
    from appliance.app import create_app

    install_db(users_template, settings)
    return live_server_factory(create_app(settings))


@pytest.fixture(scope="session")
def demo_server(demo_settings: Settings) -> Iterator[LiveServer]:
    """The staff app on the demo ward, over real HTTP, shared by the session."""
    from appliance.app import create_app

    with LiveServer(create_app(demo_settings)) as server:
        yield server


def login(client: httpx.Client, username: str, password: str) -> str:
    """Log in through the form; returns the CSRF token of the new session."""
    response = client.post("/login", data={"username": username, "password": password})
    assert response.status_code == 303, response.text
    page = client.get("/login", follow_redirects=True)
    marker = 'name="csrf-token" content="'
    start = page.text.index(marker) + len(marker)
    return page.text[start:page.text.index('"', start)]


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    """The one Playwright driver of the run. A second sync_playwright() while one is open fails
    ('Sync API inside the asyncio loop'), so every browser, whatever its language, comes from this."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_driver: Any) -> Iterator[Any]:
    instance = playwright_driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


def browser_login(page: Any, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
