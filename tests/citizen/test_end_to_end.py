"""`appliance serve` as people run it: a signed Zalo message reaches the citizen app, the worker
answers it from the catalogue and sends the reply to the (local, fake) Zalo API once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from appliance.citizen.public.zalo_webhook import signature
from tests.conftest import free_port, wait_http

pytestmark = pytest.mark.slow



def test_serve_answers_zalo_through_the_worker(tmp_path, fake_zalo):
    staff_port, public_port = free_port(), free_port()
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(tmp_path / "data"), APPLIANCE_ZALO_APP_ID="app-1",
               APPLIANCE_ZALO_OA_SECRET_KEY="k-1", APPLIANCE_ZALO_ACCESS_TOKEN="access-1",
               APPLIANCE_ZALO_REFRESH_TOKEN="refresh-1", APPLIANCE_ZALO_APP_SECRET="app-secret",
               APPLIANCE_ZALO_API_BASE=fake_zalo.url, APPLIANCE_ZALO_OAUTH_BASE=fake_zalo.url)
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve", "--port", str(staff_port),
                             "--public-port", str(public_port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{staff_port}/healthz", proc)
        wait_http(f"http://127.0.0.1:{public_port}/healthz", proc)
        raw = json.dumps({"app_id": "app-1", "event_name": "user_send_text", "sender": {"id": "u-e2e"},
                          "message": {"text": "dang ky tam tru can gi", "msg_id": "e2e-1"},
                          "timestamp": str(int(time.time() * 1000))}, ensure_ascii=False).encode()
        mac = signature("app-1", raw, json.loads(raw)["timestamp"], "k-1")
        ack = httpx.post(f"http://127.0.0.1:{public_port}/zalo/webhook", content=raw,
                         headers={"X-ZEvent-Signature": f"mac={mac}"})
        assert ack.status_code == 200
        deadline = time.monotonic() + 30
        while not fake_zalo.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(fake_zalo.messages) == 1
        sent = fake_zalo.messages[0]
        assert sent["recipient"] == {"user_id": "u-e2e"}
        assert "Đăng ký tạm trú" in sent["message"]["text"] and "Công an phường" in sent["message"]["text"]
        time.sleep(4)  # another sync round passes: still one message
        assert len(fake_zalo.messages) == 1
    finally:
        proc.terminate()
        proc.wait(timeout=20)
