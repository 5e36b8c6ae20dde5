"""Web import (upload → worker job → progress → result), the wall's event stream, roles."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from appliance.dashboard.importers import run_import
from appliance.db import connect
from appliance.jobs import run_pending
from tests.conftest import login
from tests.dashboard.datagen import generate, write_csv

ROOT = Path(__file__).resolve().parents[2]


def _upload(c: httpx.Client, csrf: str, path: Path, kind: str = "ho-so") -> int:
    with path.open("rb") as handle:
        r = c.post("/nhap-du-lieu", data={"csrf_token": csrf, "kind": kind}, files={"file": (path.name, handle)})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def test_upload_runs_as_job_and_lists_rejected_rows(server, settings, tmp_path):
    rows = generate(50, seed=2)
    path = write_csv(rows, tmp_path / "so.csv", delimiter=";", bom=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("Z1;Đăng ký khai sinh;Hộ tịch;99/99/2026;01/01/2026;;Đang xử lý;Trực tiếp;Lan\n")
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        assert "Nhập dữ liệu" in c.get("/nhap-du-lieu").text
        job_id = _upload(c, csrf, path)
        page = c.get(f"/nhap-du-lieu/{job_id}")
        assert 'data-status="queued"' in page.text and 'hx-trigger="every 1s"' in page.text
        conn = connect(settings.db_path)
        assert run_pending(conn, settings, kinds=["dashboard.import"]) == 1
        conn.close()
        fragment = c.get(f"/nhap-du-lieu/{job_id}", headers={"HX-Request": "true"})
        assert fragment.text.lstrip().startswith('<div id="import-status"')
        assert 'data-status="done"' in fragment.text and "hx-trigger" not in fragment.text
        assert "<strong>50</strong> hồ sơ mới" in fragment.text
        assert "<td class=\"num\">52</td><td>Ngày tiếp nhận «99/99/2026» không phải ngày hợp lệ" in fragment.text
        status = c.get(f"/api/v1/dashboard/imports/{job_id}").json()
        assert (status["imported"], status["rejected"], status["status"]) == (50, 1, "done")
        # bad file type refused before anything is queued
        bad = tmp_path / "a.pdf"
        bad.write_bytes(b"%PDF")
        with bad.open("rb") as handle:
            r = c.post("/nhap-du-lieu", data={"csrf_token": csrf, "kind": "ho-so"}, files={"file": ("a.pdf", handle)})
        assert r.status_code == 422 and ".csv" in r.text


def test_big_import_in_worker_does_not_block_web(server, settings, tmp_path):
    path = write_csv(generate(30_000, seed=5, days=365), tmp_path / "big.csv")
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(settings.data_dir))
    with server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        job_id = _upload(c, csrf, path)
        worker = subprocess.Popen([sys.executable, "-m", "appliance", "worker", "--poll", "0.2"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            slowest, seen_progress, deadline = 0.0, set(), time.monotonic() + 120
            while time.monotonic() < deadline:
                started = time.monotonic()
                c.get("/api/v1/dashboard/kpis", params={"from": "2026-01-01", "to": "2026-01-31"}).raise_for_status()
                slowest = max(slowest, time.monotonic() - started)
                job = c.get(f"/api/v1/dashboard/imports/{job_id}").json()
                seen_progress.add(job["progress"])
                if job["status"] == "done":
                    break
                time.sleep(0.2)
        finally:
            worker.terminate()
            worker.wait(timeout=20)
    assert job["status"] == "done" and job["imported"] == 30_000
    assert any(0 < p < 100 for p in seen_progress), seen_progress  # progress was visible while it ran
    assert slowest < 3.0, f"the web app stalled {slowest:.1f} s during the import"


def test_wall_stream_pushes_new_data(server, settings, tmp_path):
    today = dt.date.today()
    rows = generate(30, seed=9, start=today.replace(day=1), days=1)
    with server.client() as c:
        login(c, "manhinh", "manhinh-demo")
        assert c.get("/", follow_redirects=False).headers["location"] == "/wall"
        assert c.get("/wall").status_code == 200
        assert c.get("/nhap-du-lieu").status_code == 403
        snapshots: list[dict] = []

        def listen() -> None:
            with c.stream("GET", "/wall/stream", timeout=30) as stream:
                for line in stream.iter_lines():
                    if line.startswith("data:"):
                        snapshots.append(json.loads(line[5:]))
                        if len(snapshots) == 2:
                            return

        thread = threading.Thread(target=listen, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not snapshots and time.monotonic() < deadline:
            time.sleep(0.05)
        assert snapshots and snapshots[0]["tiles"][0]["value"] == 0
        conn = connect(settings.db_path)
        run_import(conn, "ho-so", write_csv(rows, tmp_path / "today.csv"))
        conn.close()
        imported_at = time.monotonic()
        thread.join(timeout=10)
    assert len(snapshots) == 2 and time.monotonic() - imported_at < 10
    received = snapshots[1]["tiles"][0]
    assert received["name"] == "tiep_nhan" and received["value"] == 30
    assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d", snapshots[1]["last_import"])


def test_every_dashboard_route_needs_a_role(server):
    """Walk this feature's own routers (from its manifest) besides the shared route walk."""
    from fastapi.routing import APIRoute

    from appliance.dashboard import manifest

    routes = [route for router in manifest().routers for route in router.routes]
    assert {"/", "/wall", "/wall/stream", "/nhap-du-lieu", "/api/v1/dashboard/kpis"} <= {r.path for r in routes}
    with server.client() as c:
        for route in routes:
            assert isinstance(route, APIRoute)
            path = route.path.replace("{job_id}", "1")
            for method in route.methods - {"HEAD", "OPTIONS"}:
                r = c.request(method, path)
                if path.startswith("/api/"):
                    assert r.status_code == 401 and r.json()["error"]["code"], (method, path)
                else:
                    assert r.status_code == 303 and r.headers["location"].startswith("/login"), (method, path)
        login(c, "canbo", "canbo-demo")
        assert c.get("/wall").status_code == 403  # staff are not wall users
        assert c.get("/").status_code == 200
