"""Foundation over real HTTP: health, login, roles, CSRF, rate limit, tokens, errors."""

import sqlite3
import subprocess
import sys

import pytest

from appliance.db import connect
from appliance.features import nav_entries
from appliance.http.routes_index import iter_api_routes
from tests.conftest import login

# The tab icon, app icon and web manifest: the browser fetches them for the login page too.
PUBLIC = {"/healthz", "/login", "/login/token", "/favicon.ico", "/app-icon", "/manifest.webmanifest"}




def test_healthz_without_login(server):
    with server.client() as c:
        body = c.get("/healthz").json()
    assert body["status"] == "ok"
    assert set(body["engines"]) >= {"transcriber", "generator", "embedder", "diarizer"}


def test_every_route_requires_a_role(server):
    """Walk every route the app has, including features added later: none answers without login."""
    app = server.server.config.app
    with server.client() as c:
        checked = 0
        for full_path, route in iter_api_routes(app.routes):
            if full_path in PUBLIC:
                continue
            checked += 1
            path = full_path.replace("{", "").replace("}", "")  # any value is fine for the check
            for method in route.methods - {"HEAD", "OPTIONS"}:
                r = c.request(method, path)
                if path.startswith("/api/"):
                    assert r.status_code in (401, 403), (method, path, r.status_code)
                    assert r.json()["error"]["code"]
                else:
                    assert r.status_code in (303, 401, 403), (method, path, r.status_code)
                    if r.status_code == 303:
                        assert r.headers["location"].startswith("/login")
        assert checked > 20  # the walk reaches the features' routers, not just the shell


def test_login_shell_and_roles(server):
    with server.client() as c:
        login(c, "canbo", "canbo-demo")
        page = c.get("/")
        assert page.status_code == 200
        menu = page.text[page.text.index('<nav id="sidenav"'):page.text.index("</nav>")]
        for item in nav_entries():
            # A staff member sees every entry staff may open, and none they may not (issue 20:
            # "Hỏi đáp số liệu" is for leaders; staff used to see it and get a 403).
            if "staff" in item.roles:
                assert item.label in menu
            else:
                assert item.label not in menu and c.get(item.path).status_code in (303, 403)
        assert c.get("/quan-tri").status_code == 403
    with server.client() as c:
        login(c, "manhinh", "manhinh-demo")
        home = c.get("/")  # the wall screen sees only the wall: Tổng quan sends it there
        assert home.status_code == 303 and home.headers["location"] == "/wall"
        assert c.get("/hoi-dap").status_code == 403


def test_cookie_flags(server):
    with server.client() as c:
        r = c.post("/login", data={"username": "admin", "password": "admin-demo"})
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie


def test_csrf_required_for_cookie_sessions(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        assert c.post("/logout").status_code == 403
        assert c.post("/logout", headers={"X-CSRF-Token": "wrong"}).status_code == 403
        r = c.post("/logout", data={"csrf_token": csrf})
        assert r.status_code == 303
        assert c.get("/").status_code == 303  # session gone


def test_wrong_passwords_lock_and_audit(server, settings):
    statuses = []
    with server.client() as c:
        for _ in range(25):
            statuses.append(c.post("/login", data={"username": "lanhdao", "password": "sai-mat-khau"}).status_code)
        # even the right password is refused while locked
        locked = c.post("/login", data={"username": "lanhdao", "password": "lanhdao-demo"})
    assert statuses[0] == 401
    assert statuses[-1] in (423, 429)
    assert locked.status_code in (423, 429)
    assert "khóa" in locked.text
    conn = sqlite3.connect(settings.db_path)
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_log WHERE username = 'lanhdao'")]
    assert "login.locked" in actions and actions.count("login.failed") >= 3


def test_audit_log_is_append_only(server, settings):
    conn = connect(settings.db_path)
    conn.execute("INSERT INTO audit_log (action) VALUES ('test')")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE audit_log SET action = 'x'")


def test_bearer_token_from_cli(server, settings):
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "appliance", "user", "token", "canbo"], capture_output=True,
                         text=True, env=env, check=True).stdout
    token = out.split()[-1]
    with server.client() as c:
        r = c.get("/", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200
        bad = c.get("/api/v1/anything", headers={"Authorization": "Bearer nope"})
        assert bad.status_code in (401, 404)


def test_malformed_json_gets_json_error(server):
    with server.client() as c:
        login(c, "admin", "admin-demo")
        api_paths = [p for p, r in iter_api_routes(server.server.config.app.routes)
                     if p.startswith("/api/") and "POST" in r.methods and "{" not in p]
        assert api_paths
        for path in api_paths:
            r = c.post(path, content=b"{not json", headers={"Content-Type": "application/json",
                                                                   "X-CSRF-Token": "x"})
            assert 400 <= r.status_code < 500
            assert "error" in r.json()


def test_error_pages_are_vietnamese_html(server):
    with server.client() as c:
        login(c, "canbo", "canbo-demo")
        r = c.get("/khong-co-trang-nay", headers={"Accept": "text/html"})
        assert r.status_code == 404 and "Không tìm thấy" in r.text and "Traceback" not in r.text
        api = c.get("/api/v1/khong-co")
        assert api.status_code == 404 and api.json()["error"]["message"]


def test_login_rejects_open_redirect(server):
    with server.client() as c:
        r = c.post("/login", data={"username": "canbo", "password": "canbo-demo", "next": "//evil.example/x"})
        assert r.headers["location"] == "/"


def test_wall_kiosk_token_becomes_a_session(server, settings):
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    def token_for(user):
        out = subprocess.run([sys.executable, "-m", "appliance", "user", "token", user], capture_output=True,
                             text=True, env=env, check=True).stdout
        return out.split()[-1]
    display, leader = token_for("manhinh"), token_for("lanhdao")
    with server.client(follow_redirects=True) as c:
        r = c.get(f"/wall?token={display}")
        assert r.status_code == 200 and "/login" not in str(r.url) and "token" not in str(r.url)
        assert c.get("/wall").status_code == 200  # the cookie now carries the session
    with server.client() as c:
        # only display tokens work in a URL; a leader's token there is refused
        assert c.get(f"/login/token?token={leader}").status_code == 403
        assert c.get("/login/token?token=nope").status_code == 403


def test_revoke_ends_tokens_and_sessions(server, settings):
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "appliance", "user", *a], capture_output=True,  # noqa: E731
                                    text=True, env=env, check=True).stdout
    token = run("token", "manhinh").split()[-1]
    with server.client() as c:
        assert c.get("/wall", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert c.get(f"/wall?token={token}", follow_redirects=True).status_code == 200  # a session now
        assert "Đã thu hồi 1 mã truy cập và đóng 1 phiên" in run("revoke", "manhinh")
        assert c.get("/wall").status_code == 303  # the session is gone
        refused = c.get("/wall", headers={"Authorization": f"Bearer {token}"})
        assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
