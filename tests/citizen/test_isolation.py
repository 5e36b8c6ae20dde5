"""The citizen process never opens the staff database: run `appliance serve-public` as its own
process with an audit hook recording every file it opens (Python `open`/`os.open` and every
`sqlite3.connect`), sample its /proc/<pid>/fd while every citizen endpoint is used, and look
for the staff database in both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from appliance.citizen.public.zalo_webhook import signature
from tests.conftest import free_port

RUNNER = r"""
import sys
log = open(sys.argv[1], "a", buffering=1)
def hook(event, args):
    if event in ("open", "os.open", "sqlite3.connect", "sqlite3.connect/handle") and args:
        log.write(f"{event}\t{args[0]}\n")
sys.addaudithook(hook)
sys.argv = ["appliance", *sys.argv[2:]]
from appliance.cli import main
sys.exit(main())
"""


def test_citizen_process_never_opens_the_staff_database(citizen_settings, tmp_path):
    staff_db = citizen_settings.db_path.resolve()
    assert staff_db.exists()  # it is right there, beside public.db
    port = free_port()
    opened_log = tmp_path / "opened.log"
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(citizen_settings.data_dir), APPLIANCE_ZALO_APP_ID="app-1",
               APPLIANCE_ZALO_OA_SECRET_KEY="k-1", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(opened_log), "serve-public", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    fds: set[str] = set()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                for fd in os.listdir(f"/proc/{proc.pid}/fd"):
                    try:
                        fds.add(os.readlink(f"/proc/{proc.pid}/fd/{fd}"))
                    except OSError:
                        pass
            except OSError:
                pass
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.1)
        with httpx.Client(base_url=base, timeout=10) as c:
            assert c.post("/api/v1/chat", json={"session_id": "iso-000001", "message": "làm sổ đỏ cần gì"}).json()[
                "intent"] == "procedure"
            complaint = {"session_id": "iso-000001", "message": "cống ngõ 7 tắc, mưa là ngập"}
            assert c.post("/api/v1/chat", json=complaint).json()["intent"] == "feedback"
            ticket = c.post("/api/v1/feedback", json={"content": "Quán nhậu lấn chiếm vỉa hè ngõ 9",
                                                      "phone": "0900000000"})
            assert ticket.status_code == 200
            assert c.get(f"/api/v1/feedback/{ticket.json()['ticket_code']}").status_code == 200
            raw = json.dumps({"app_id": "app-1", "event_name": "user_send_text", "sender": {"id": "u1"},
                              "message": {"text": "xin chào", "msg_id": "iso-1"},
                              "timestamp": str(int(time.time() * 1000))}).encode()
            mac = signature("app-1", raw, json.loads(raw)["timestamp"], "k-1")
            assert c.post("/zalo/webhook", content=raw, headers={"X-ZEvent-Signature": f"mac={mac}"}).status_code == 200
            assert c.get("/widget.js").status_code == 200
            assert c.get("/thu-tuc/DD-GCN").status_code in (200, 404)
            assert c.get("/").status_code == 200
        time.sleep(0.2)
    finally:
        stop.set()
        sampler.join()
        proc.terminate()
        proc.wait(timeout=15)
    opened = {line.split("\t", 1)[1].strip() for line in opened_log.read_text().splitlines() if "\t" in line}
    resolved = {str(Path(p).resolve()) if p and not p.startswith("file:") else p for p in opened}
    public_db = str(citizen_settings.public_db_path.resolve())
    assert public_db in resolved, "the hook must see the public database being opened"
    assert any(public_db in fd for fd in fds), "the fd sampler must see the public database"
    staff = str(staff_db)
    assert not [p for p in opened | resolved if staff in str(p)], "citizen process opened the staff database"
    assert not [fd for fd in fds if staff in fd], "citizen process held the staff database open"
