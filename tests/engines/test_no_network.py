"""No socket beyond loopback opens while models load and run: the engines server, started as a
technician would with every model preloaded, is exercised on every endpoint while the network
guard (appliance/system/netguard.py) logs any outside connect or name lookup."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.slow


def test_engines_server_loads_and_runs_models_without_outside_sockets(tmp_path, speak_to, tiny_qwen2_dir):
    log = tmp_path / "net.log"
    port = free_port()
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(tmp_path / "data"), APPLIANCE_NETGUARD="log",
               APPLIANCE_NETGUARD_LOG=str(log), APPLIANCE_DEVICE="cpu")
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        env.pop(key, None)  # prove the backends need no offline flag from outside: the CLI sets them
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "engines", "serve", "--port", str(port),
                             "--generator-dir", str(tiny_qwen2_dir), "--preload", "transcriber", "embedder",
                             "generator", "diarizer"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            assert time.monotonic() < deadline, "engines server did not start"
            time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=60) as http:
            status = http.get("/healthz").json()["engines"]
            assert all(status[t]["loaded"] for t in ("transcriber", "embedder", "generator", "diarizer")), status
            audio = speak_to("Xin chào phường.")
            with open(audio, "rb") as fh:
                assert http.post("/v1/audio/transcriptions", files={"file": ("a.wav", fh)}).status_code == 200
            assert http.post("/v1/embeddings", json={"input": ["xin chào"]}).status_code == 200
            messages = [{"role": "user", "content": "chào"}]
            assert http.post("/v1/chat/completions", json={"messages": messages, "max_tokens": 8}).status_code == 200
            assert http.post("/v1/chat/completions",
                             json={"messages": messages, "max_tokens": 8, "stream": True}).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert not log.exists() or log.read_text() == "", log.read_text()
