"""Fixtures of the citizen tests: a migrated staff DB with the catalogue published to public.db,
and a local fake of the Zalo OA API (message send + token refresh) on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from appliance.auth.demo import load_users
from appliance.citizen.public.chat import bot_for
from appliance.citizen.public.preparing import wait_ready
from appliance.citizen.public.store import public_db
from appliance.citizen.staff.sync import publish
from appliance.config import Settings
from appliance.db import connect, migrate
from tests.conftest import free_port, make_settings


def prepare(settings: Settings) -> Settings:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    staff = connect(settings.db_path)
    migrate(staff)
    with public_db(settings) as public:
        publish(staff, public)
    staff.close()
    return settings


@pytest.fixture(scope="session")
def _citizen_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrating every feature's tables takes seconds; do it once and copy the files per test."""
    settings = prepare(make_settings(tmp_path_factory.mktemp("citizen-template") / "data"))
    # Where the machine's vector cache is cold, the chat's examples are embedded in the background
    # (public/preparing.py) and messages meanwhile are read by the rules alone: wait for that here,
    # once, so that every test reads as the appliance does once prepared (a warm cache: a moment).
    with public_db(settings) as public:
        bot_for(settings, None).prepare(public)
    assert wait_ready(900)
    conn = connect(settings.db_path)
    load_users(conn)  # password hashing is slow on purpose: once per session
    conn.close()
    return settings.data_dir


@pytest.fixture
def citizen_settings(tmp_path: Any, _citizen_template: Path) -> Settings:
    shutil.copytree(_citizen_template, tmp_path / "data")
    return make_settings(tmp_path / "data")


class FakeZalo:
    """Zalo's OA message API and OAuth refresh, as documented (DOMAIN.md), in memory."""

    def __init__(self) -> None:
        self.access_tokens = {"access-1"}
        self.refresh_tokens = {"refresh-1"}
        self.used_refresh: list[str] = []
        self.messages: list[dict[str, Any]] = []
        self.delay_s = 0.0
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/v3.0/oa/message/cs":
                    if self.headers.get("access_token") not in fake.access_tokens:
                        return self._json({"error": -216, "message": "Access token is invalid"})
                    if fake.delay_s:
                        time.sleep(fake.delay_s)
                    body = json.loads(raw)
                    fake.messages.append(body)
                    return self._json({"error": 0, "message": "Success",
                                       "data": {"message_id": f"m{len(fake.messages)}",
                                                "user_id": body["recipient"]["user_id"]}})
                if self.path == "/v4/oa/access_token":
                    form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                    token = form.get("refresh_token", "")
                    if self.headers.get("secret_key") != "app-secret" or token not in fake.refresh_tokens:
                        return self._json({"error": -14014, "error_description": "Invalid refresh token"})
                    fake.refresh_tokens.discard(token)  # single use
                    fake.used_refresh.append(token)
                    n = len(fake.used_refresh) + 1
                    fake.access_tokens = {f"access-{n}"}
                    fake.refresh_tokens.add(f"refresh-{n}")
                    return self._json({"access_token": f"access-{n}", "refresh_token": f"refresh-{n}",
                                       "expires_in": "90000"})
                self.send_error(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FakeZalo:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_zalo() -> Iterator[FakeZalo]:
    fake = FakeZalo().start()
    yield fake
    fake.stop()


def zalo_settings(base: Settings, api: str, **extra: Any) -> Settings:
    return base.model_copy(update={
        "zalo_app_id": "360846524940903967", "zalo_oa_secret_key": "oa-secret", "zalo_access_token": "access-1",
        "zalo_refresh_token": "refresh-1", "zalo_app_secret": "app-secret", "zalo_api_base": api,
        "zalo_oauth_base": api, **extra})
