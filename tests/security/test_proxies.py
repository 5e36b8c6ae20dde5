"""Issue 14, finding 1: behind the unit's reverse proxy, limits are per client and per account, and
the audit log records the real client. X-Forwarded-For is believed only from `trusted_proxies`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from appliance.auth import ratelimit
from appliance.citizen.public.app import create_public_app
from appliance.http.proxies import parse_networks, real_client
from tests.conftest import LiveServer, make_settings
from tests.security.conftest import BEHIND_PROXY


def _xff(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def test_real_client_is_taken_only_from_trusted_proxies() -> None:
    trusted = parse_networks(["127.0.0.1", "10.0.0.0/8"])
    assert real_client("127.0.0.1", "203.0.113.9", trusted) == "203.0.113.9"
    assert real_client("127.0.0.1", "198.51.100.1, 203.0.113.9", trusted) == "203.0.113.9"  # right-most wins
    assert real_client("127.0.0.1", "203.0.113.9, 10.1.2.3", trusted) == "203.0.113.9"  # a chain of proxies
    assert real_client("192.168.1.5", "203.0.113.9", trusted) == "192.168.1.5"  # not a proxy: header ignored
    assert real_client("127.0.0.1", "not-an-ip", trusted) == "127.0.0.1"
    assert real_client("127.0.0.1", "[2001:db8::1]:4711", trusted) == "2001:db8::1"
    assert real_client("127.0.0.1", "203.0.113.9", ()) == "127.0.0.1"  # nothing configured: nobody believed


@pytest.fixture
def citizen(citizen_settings: Any, live_server_factory: Callable[[Any], LiveServer]) -> LiveServer:
    settings = make_settings(citizen_settings.data_dir, **BEHIND_PROXY)
    return live_server_factory(create_public_app(settings, generator=None))


def _complain(client: httpx.Client, address: str) -> int:
    body = {"content": "Đèn đường ngõ 12 phố Hoa Sen bị hỏng ba ngày nay, buổi tối rất tối, đề nghị sửa."}
    return client.post("/api/v1/feedback", json=body, headers=_xff(address)).status_code


def test_complaint_limit_is_per_citizen_not_ward_wide(citizen: LiveServer) -> None:
    """Before: after 10 complaints in an hour from the whole ward, everybody got 429."""
    with citizen.client() as c:
        assert [_complain(c, f"203.0.113.{i}") for i in range(1, 16)] == [200] * 15
        assert [_complain(c, "198.51.100.7") for _ in range(11)][-1] == 429  # one citizen is limited
        assert _complain(c, "198.51.100.8") == 200  # the next one is not


def test_a_client_cannot_choose_its_own_address(citizen_settings: Any,
                                                live_server_factory: Callable[[Any], LiveServer]) -> None:
    app = create_public_app(citizen_settings, generator=None)  # no trusted proxies: headers ignored
    server = live_server_factory(app)
    with server.client() as c:
        statuses = [_complain(c, f"203.0.113.{i}") for i in range(1, 12)]
    assert statuses[-1] == 429


# The smallest lock the settings allow keeps these tests quick (each wrong password costs an argon2
# verification); the rule is the same at the default 10: an address is held after 3× that.
FAST_LOCK = {**BEHIND_PROXY, "login_max_failures": 3}


def test_failed_logins_lock_one_account_not_everybody(staff_factory: Callable[..., LiveServer]) -> None:
    """Before: 3 × login_max_failures failed logins from anyone (all seen as the proxy) locked every
    account, admin's correct password included (the red team: 30 at the default)."""
    server = staff_factory(**FAST_LOCK)
    with server.client() as c:
        for i in range(12):
            r = c.post("/login", data={"username": f"khong-co-{i % 4}", "password": "sai"},
                       headers=_xff(f"203.0.113.{i % 4 + 1}"))
            assert r.status_code in (401, 429)
        admin = c.post("/login", data={"username": "admin", "password": "admin-demo"}, headers=_xff("192.168.1.20"))
        assert admin.status_code == 303
    with server.client() as c:  # and without the header (the proxy's own address): never an address lock
        for _ in range(12):
            c.post("/login", data={"username": "ai-do", "password": "sai"})
        assert c.post("/login", data={"username": "lanhdao", "password": "lanhdao-demo"}).status_code == 303


def test_one_address_trying_many_accounts_is_held_back(staff_factory: Callable[..., LiveServer]) -> None:
    server = staff_factory(**FAST_LOCK)
    with server.client() as c:
        for i in range(9):
            c.post("/login", data={"username": f"ten-{i}", "password": "sai"}, headers=_xff("203.0.113.66"))
        held = c.post("/login", data={"username": "canbo", "password": "canbo-demo"}, headers=_xff("203.0.113.66"))
        assert held.status_code == 429 and int(held.headers["Retry-After"]) > 0
        other = c.post("/login", data={"username": "canbo", "password": "canbo-demo"}, headers=_xff("203.0.113.67"))
        assert other.status_code == 303


def test_account_lock_backs_off(conn: sqlite3.Connection) -> None:
    for _ in range(10):
        ratelimit.record_failure(conn, "canbo", "203.0.113.1")
    first = ratelimit.account_lock_seconds(conn, "canbo", 10, 15)
    assert 14 * 60 < first <= 15 * 60 + 1
    ratelimit.record_failure(conn, "canbo", "203.0.113.1")
    assert 29 * 60 < ratelimit.account_lock_seconds(conn, "canbo", 10, 15) <= 30 * 60 + 1
    for _ in range(20):
        ratelimit.record_failure(conn, "canbo", "203.0.113.1")
    assert ratelimit.account_lock_seconds(conn, "canbo", 10, 15) <= 24 * 3600 + 1  # capped at a day
    assert ratelimit.account_lock_seconds(conn, "admin", 10, 15) == 0  # only that account


def test_audit_log_records_the_real_client(staff_factory: Callable[..., LiveServer]) -> None:
    server = staff_factory(**BEHIND_PROXY)
    with server.client() as c:
        c.post("/login", data={"username": "canbo", "password": "canbo-demo"}, headers=_xff("192.168.7.42"))
        c.post("/login", data={"username": "canbo", "password": "sai"}, headers=_xff("192.168.7.43"))
    db = sqlite3.connect(server.settings.db_path)  # type: ignore[attr-defined]
    rows = dict(db.execute("SELECT action, ip FROM audit_log WHERE username = 'canbo'").fetchall())
    assert rows == {"login": "192.168.7.42", "login.failed": "192.168.7.43"}
    session_ip = db.execute("SELECT ip FROM sessions").fetchone()[0]
    assert session_ip == "192.168.7.42"
