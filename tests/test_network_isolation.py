"""The appliance opens no connection beyond loopback: while serving, and while tests run."""

import os
import socket
import subprocess
import sys

import httpx
import pytest

from appliance.system import netguard
from tests.conftest import free_port, wait_http


def test_guard_blocks_outside_addresses_in_this_process():
    # The guard is installed for the whole test session (conftest); prove it bites.
    with pytest.raises(OSError):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as s:  # loopback stays allowed
        s.bind(("127.0.0.1", 0))


def test_is_local_classification():
    assert netguard._is_local("127.0.0.1") and netguard._is_local("::1") and netguard._is_local("localhost")
    assert not netguard._is_local("10.0.0.5") and not netguard._is_local("8.8.8.8")
    assert not netguard._is_local("openapi.zalo.me")


def test_served_apps_make_no_outside_connection(tmp_path):
    """Run `appliance serve` as a technician would, exercise it, and read the guard's log."""
    log = tmp_path / "net.log"
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(tmp_path / "data"), APPLIANCE_NETGUARD="log",
               APPLIANCE_NETGUARD_LOG=str(log))
    subprocess.run([sys.executable, "-m", "appliance", "demo-data"], env=env, check=True,
                   capture_output=True)
    port, public_port = free_port(), free_port()
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve", "--port", str(port),
                             "--public-port", str(public_port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/healthz", proc)
        wait_http(f"http://127.0.0.1:{public_port}/healthz", proc)
        with httpx.Client(base_url=base) as c:
            c.post("/login", data={"username": "lanhdao", "password": "lanhdao-demo"})
            for path in ("/", "/hoi-dap", "/tra-cuu", "/soan-thao", "/tom-tat", "/phan-anh", "/cuoc-hop",
                         "/nhiem-vu", "/wall"):
                assert c.get(path).status_code < 500, path
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert not log.exists() or log.read_text() == "", log.read_text()
