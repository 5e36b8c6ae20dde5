"""Issue 14, findings 9–12 and 18: login CSRF, password reset revokes tokens, the wall screen's
role sees only what the wall shows, display tokens expire and never reach a log, and one staff
member cannot read another's summary."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from appliance.auth.sessions import create_api_token, lookup_api_token
from appliance.auth.users import create_user, find_user
from appliance.cli import main
from appliance.db import connect
from appliance.meetings import store as meetings_store
from appliance.meetings.rows import NewLine
from tests.conftest import LiveServer, free_port, install_db, login, wait_http

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(staff_factory: Callable[..., LiveServer]) -> LiveServer:
    """The staff app with the demo accounts, from the security tests' template (no hashing per test)."""
    return staff_factory()


def _token(settings, username: str, *extra: str, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> str:
    """`appliance user token USERNAME …` as an admin runs it (in this process: a new interpreter per
    token cost seconds on the shared machine)."""
    monkeypatch.setenv("APPLIANCE_DATA_DIR", str(settings.data_dir))
    capsys.readouterr()
    assert main(["user", "token", username, *extra]) == 0
    return capsys.readouterr().out.split()[-1]


# --- finding 9: login CSRF -------------------------------------------------------------------------

def test_a_cross_site_login_is_refused(server: LiveServer) -> None:
    """Another site's page posting the login form (the browser adds Origin) must not log this
    browser into an account the attacker chose."""
    with server.client() as c:
        forged = c.post("/login", data={"username": "canbo", "password": "canbo-demo"},
                        headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"})
        assert forged.status_code == 403 and "appliance_session" not in forged.headers.get("set-cookie", "")
        assert "hết hạn" in forged.text
        null_origin = c.post("/login", data={"username": "canbo", "password": "canbo-demo", "csrf_token": "x" * 32},
                             headers={"Origin": "null"})
        assert null_origin.status_code == 403


def test_the_login_form_carries_its_token(server: LiveServer) -> None:
    with server.client() as c:
        page = c.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token and "appliance_login_csrf" in page.headers["set-cookie"]
        ok = c.post("/login", data={"username": "canbo", "password": "canbo-demo", "csrf_token": token.group(1)},
                    headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"})
        assert ok.status_code == 303 and "appliance_session=" in ok.headers["set-cookie"]


# --- finding 10: a password reset revokes API tokens -------------------------------------------------

def test_password_reset_revokes_api_tokens(server: LiveServer, monkeypatch, capsys) -> None:
    settings = server.settings  # type: ignore[attr-defined]
    token = _token(settings, "canbo", monkeypatch=monkeypatch, capsys=capsys)
    bearer = {"Authorization": f"Bearer {token}"}
    with server.client() as c:
        assert c.get("/api/v1/tasks", headers=bearer).status_code == 200
    conn = connect(settings.db_path)
    found = find_user(conn, "canbo")
    conn.close()
    assert found is not None
    with server.client() as admin:
        csrf = login(admin, "admin", "admin-demo")
        r = admin.post(f"/quan-tri/nguoi-dung/{found[0].id}/mat-khau", data={"csrf_token": csrf,
                                                                            "password": "mat-khau-moi-1"})
        assert r.status_code == 200 and "thu hồi" in r.text
    with server.client() as c:
        assert c.get("/api/v1/tasks", headers=bearer).status_code == 401


# --- finding 11: the display role ---------------------------------------------------------------------

def test_display_reads_aggregates_not_records_or_transcripts(server: LiveServer) -> None:
    settings = server.settings  # type: ignore[attr-defined]
    conn = connect(settings.db_path)
    done = meetings_store.create_meeting(conn, "Họp giao ban", room="phong-1", source="upload", status="done")
    meetings_store.add_lines(conn, done, [NewLine(0.0, 2.0, "Nội dung mật của cuộc họp", "SPEAKER_00")])
    live = meetings_store.create_meeting(conn, "Họp trực tiếp", room="phong-2")
    conn.close()
    with server.client() as c:
        login(c, "manhinh", "manhinh-demo")
        assert c.get("/api/v1/dashboard/kpis", params={"from": "2026-01-01", "to": "2026-01-31"}).status_code == 200
        records = c.get("/api/v1/dashboard/records",
                        params={"measure": "tiep_nhan", "from": "2026-01-01", "to": "2026-12-31"})
        assert records.status_code == 403
        assert c.get(f"/api/v1/meetings/{done}/events").status_code == 403
        assert c.get(f"/cuoc-hop/{done}/phu-de").status_code == 403
        assert c.get(f"/cuoc-hop/{live}/phu-de").status_code == 200
        with c.stream("GET", f"/api/v1/meetings/{live}/events") as stream:
            assert stream.status_code == 200
    with server.client() as c:  # staff still read both
        login(c, "canbo", "canbo-demo")
        assert c.get("/api/v1/dashboard/records", params={"measure": "tiep_nhan", "from": "2026-01-01",
                                                          "to": "2026-12-31"}).status_code == 200


# What the wall screen may open: the wall, its aggregates (figures, panels, the figures' CSV) and the
# captions of a meeting being recorded. Nothing with a record, a transcript or a document.
DISPLAY_MAY_GET = {"/", "/login", "/healthz", "/favicon.ico", "/app-icon", "/manifest.webmanifest", "/wall",
                   "/wall/stream", "/api/v1/dashboard/wall", "/api/v1/dashboard/kpis", "/api/v1/dashboard/panels",
                   "/tong-quan/bao-cao.csv", "/cuoc-hop/truc-tiep", "/cuoc-hop/{meeting_id}/phu-de",
                   "/api/v1/meetings/{meeting_id}/events", "/login/token"}


def _get_routes(app: Any) -> list[str]:
    def flat(routes: Any) -> Any:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI's included routers, resolved lazily
                yield from flat(route.original_router.routes)
            else:
                yield route
    return sorted({route.path for route in flat(app.routes) if "GET" in (getattr(route, "methods", None) or ())})


def test_display_opens_nothing_beyond_the_wall(server: LiveServer) -> None:
    """Every GET route of the staff app, as the wall screen: a route added later that lets `display`
    in (by naming it in its roles) must be one the wall needs."""
    routes = [p for p in _get_routes(server.server.config.app) if "logout" not in p]
    assert len(routes) > 50
    opened = []
    with server.client() as c:
        login(c, "manhinh", "manhinh-demo")
        for path in routes:
            with c.stream("GET", re.sub(r"\{[^}]+\}", "1", path)) as r:
                if r.status_code not in (401, 403, 404, 405):
                    opened.append(path)
    assert set(opened) <= DISPLAY_MAY_GET, sorted(set(opened) - DISPLAY_MAY_GET)
    assert "/wall" in opened


# --- finding 12: display tokens expire, rotate and never reach the access log ----------------------------

def test_display_tokens_expire_and_rotate(server: LiveServer, monkeypatch, capsys) -> None:
    settings = server.settings  # type: ignore[attr-defined]
    first = _token(settings, "manhinh", monkeypatch=monkeypatch, capsys=capsys)
    db = sqlite3.connect(settings.db_path)
    expires = db.execute("SELECT expires_at FROM api_tokens ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert expires is not None and expires[:10] > time.strftime("%Y-%m-%d", time.gmtime(time.time() + 29 * 86400))
    second = _token(settings, "manhinh", "--rotate", monkeypatch=monkeypatch, capsys=capsys)
    with server.client() as c:
        assert c.get(f"/login/token?token={first}").status_code == 403  # rotated away
        ok = c.get(f"/login/token?token={second}")
        assert ok.status_code == 303
        max_age = int(re.search(r"Max-Age=(\d+)", ok.headers["set-cookie"]).group(1))
        assert max_age <= 30 * 86400  # the session ends with the token
    db.execute("UPDATE api_tokens SET expires_at = '2000-01-01 00:00:00'")
    db.commit()
    with server.client() as c:
        assert c.get(f"/login/token?token={second}").status_code == 403
        refused = c.get("/wall", headers={"Authorization": f"Bearer {second}"})
        assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    db.close()


def test_expired_tokens_of_any_user_are_refused(conn) -> None:
    user = create_user(conn, "may-in", "mat-khau-dai-1", "staff")
    token = create_api_token(conn, user, days=1)
    assert lookup_api_token(conn, token) == user
    conn.execute("UPDATE api_tokens SET expires_at = datetime('now', '-1 second')")
    assert lookup_api_token(conn, token) is None


def test_the_access_log_never_holds_a_token(settings, migrated_template, tmp_path: Path, monkeypatch, capsys) -> None:
    """`appliance serve-staff` as systemd runs it: the kiosk's first request carries its token."""
    install_db(migrated_template, settings)  # the session's fresh install (a migration costs most of a second)
    conn = connect(settings.db_path)
    create_user(conn, "manhinh", "manhinh-demo", "display")
    conn.close()
    token = _token(settings, "manhinh", monkeypatch=monkeypatch, capsys=capsys)
    port = free_port()
    env = {**os.environ, "APPLIANCE_DATA_DIR": str(settings.data_dir), "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve-staff", "--port", str(port)], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_http(f"http://127.0.0.1:{port}/healthz", proc)
            httpx.get(f"http://127.0.0.1:{port}/wall?token={token}&x=1")
            httpx.get(f"http://127.0.0.1:{port}/login/token?token={token}")
            time.sleep(0.5)
        finally:
            proc.terminate()
            proc.wait(10)
    text = log.read_text()
    assert "GET /wall?token=…&x=…" in text  # the request is logged…
    assert token not in text and token[3:20] not in text  # …without the token


# --- finding 18: summaries belong to who asked ---------------------------------------------------------

def test_a_summary_job_is_visible_to_its_owner_and_admins_only(server: LiveServer) -> None:
    settings = server.settings  # type: ignore[attr-defined]
    conn = connect(settings.db_path)
    create_user(conn, "canbo2", "canbo2-mat-khau", "staff")
    conn.close()
    text = "Báo cáo tình hình kinh tế - xã hội của phường trong tháng. " * 1200
    with server.client() as owner:
        csrf = login(owner, "canbo", "canbo-demo")
        r = owner.post("/tom-tat", data={"text": text, "csrf_token": csrf})
        assert r.status_code == 200
        job_id = int(re.search(r"/tom-tat/viec/(\d+)", r.text).group(1))
        assert owner.get(f"/tom-tat/viec/{job_id}").status_code == 200
    with server.client() as other:
        login(other, "canbo2", "canbo2-mat-khau")
        assert other.get(f"/tom-tat/viec/{job_id}").status_code == 404
        assert other.get(f"/tom-tat/viec/{job_id}", headers={"Accept": "application/json"}).status_code == 404
    with server.client() as admin:
        login(admin, "admin", "admin-demo")
        assert admin.get(f"/tom-tat/viec/{job_id}").status_code == 200
