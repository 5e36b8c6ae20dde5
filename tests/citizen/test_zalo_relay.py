"""The Zalo path as provisioned (issue 19): nginx with the Ansible roles' own templates — the relay
(role zalo_relay) forwarding only POST /zalo/webhook over TLS, verified against the ward CA, to the
unit's webhook endpoint (role tls), which hands it to the citizen app. A signed event goes through
both to a reply in the staff outbox and on to a fake Zalo on loopback; anything else is refused on
the way; `appliance doctor` sees the path."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jinja2
import pytest

from appliance.citizen import zalo_path
from appliance.citizen.public.app import create_public_app
from appliance.citizen.public.store import public_db
from appliance.citizen.public.zalo_webhook import signature
from appliance.citizen.staff import zalo_outbox
from appliance.citizen.staff.sync import answer_events
from appliance.config import Settings
from appliance.db import connect
from tests.citizen.conftest import FakeZalo, zalo_settings
from tests.conftest import free_port

ROLES = Path(__file__).resolve().parents[2] / "ansible" / "roles"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APP_ID, SECRET = "360846524940903967", "oa-secret"

pytestmark = pytest.mark.skipif(not os.path.exists(NGINX), reason="nginx missing (make sysdeps installs nginx-light)")


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def _certificates(folder: Path) -> None:
    """A ward CA, the unit's certificate (unit.lan) and the relay's (localhost), all on loopback."""
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
             "-subj", "/CN=CA thu nghiem", "-keyout", str(folder / "ca.key"), "-out", str(folder / "ca.crt"))
    for name, san in (("unit", "DNS:unit.lan,IP:127.0.0.1"), ("relay", "DNS:localhost,IP:127.0.0.1")):
        _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", f"/CN={name}",
                 "-keyout", str(folder / f"{name}.key"), "-out", str(folder / f"{name}.csr"))
        (folder / f"{name}.ext").write_text(f"subjectAltName={san}\n")
        _openssl("x509", "-req", "-in", str(folder / f"{name}.csr"), "-CA", str(folder / "ca.crt"), "-CAkey",
                 str(folder / "ca.key"), "-CAcreateserial", "-days", "2", "-extfile", str(folder / f"{name}.ext"),
                 "-out", str(folder / f"{name}.crt"))


def _render(template: Path, **values: Any) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(template.read_text(encoding="utf-8")).render(ansible_managed="test", **values)


class Relay:
    def __init__(self, folder: Path, public_port: int):
        self.folder = folder
        folder.mkdir(parents=True)
        self.unit_port, self.port = free_port(), free_port()
        _certificates(folder)
        unit = _render(ROLES / "tls/templates/nginx-zalo-webhook.conf.j2", appliance_zalo_webhook_port=self.unit_port,
                       appliance_tls_names=["unit.lan"], appliance_tls_dir=str(folder),
                       appliance_zalo_relay_addresses=["127.0.0.1"], appliance_public_port=public_port)
        (folder / "unit.crt").rename(folder / "appliance.crt")
        (folder / "unit.key").rename(folder / "appliance.key")
        relay = _render(ROLES / "zalo_relay/templates/zalo-relay.conf.j2", zalo_relay_listen_port=self.port,
                        zalo_relay_ipv6=False, zalo_relay_server_name="localhost",
                        zalo_relay_tls_cert=str(folder / "relay.crt"), zalo_relay_tls_key=str(folder / "relay.key"),
                        zalo_relay_access_log=str(folder / "relay.log"), zalo_relay_unit_address="127.0.0.1",
                        zalo_relay_unit_port=self.unit_port, zalo_relay_unit_tls_name="unit.lan",
                        zalo_relay_unit_ca=str(folder / "ca.crt"))
        (folder / "unit.conf").write_text(unit)
        (folder / "relay.conf").write_text(relay)
        temp = " ".join(f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                            "uwsgi", "scgi"))
        (folder / "nginx.conf").write_text(
            ("user root;\n" if os.geteuid() == 0 else "") +
            f"worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
            "events { worker_connections 64; }\n"
            f"http {{ access_log {folder / 'access.log'}; {temp}\n"
            f"  include {folder / 'unit.conf'};\n  include {folder / 'relay.conf'};\n}}\n")
        self.url = f"https://127.0.0.1:{self.port}/zalo/webhook"

    def __enter__(self) -> Relay:
        test = subprocess.run([NGINX, "-t", "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")],
                              capture_output=True, text=True, timeout=30)
        assert test.returncode == 0, test.stderr
        self.proc = subprocess.Popen([NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"),
                                      "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                httpx.get(f"https://127.0.0.1:{self.port}/", verify=str(self.folder / "ca.crt"), timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("nginx did not start: " + (self.folder / "error.log").read_text())

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGQUIT)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def relay_setup(citizen_settings: Settings, live_server_factory: Any, tmp_path: Path
                ) -> Iterator[tuple[Settings, Relay, FakeZalo]]:
    fake = FakeZalo().start()
    settings = zalo_settings(citizen_settings, fake.url)
    app = live_server_factory(create_public_app(settings, generator=None))
    with Relay(tmp_path / "nginx", app.port) as relay:
        yield settings.model_copy(update={"zalo_webhook_url": relay.url}), relay, fake
    fake.stop()


def _event(text: str, msg_id: str) -> bytes:
    return json.dumps({"app_id": APP_ID, "event_name": "user_send_text", "sender": {"id": "u-relay"},
                       "recipient": {"id": "oa-1"}, "message": {"text": text, "msg_id": msg_id},
                       "timestamp": str(int(time.time() * 1000))}, ensure_ascii=False).encode()


def _signed(raw: bytes) -> dict[str, str]:
    mac = signature(APP_ID, raw, json.loads(raw)["timestamp"], SECRET)
    return {"X-ZEvent-Signature": f"mac={mac}", "Content-Type": "application/json"}


def test_a_signed_event_through_the_relay_ends_as_a_reply(relay_setup: tuple[Settings, Relay, FakeZalo]) -> None:
    settings, relay, fake = relay_setup
    ca = str(relay.folder / "ca.crt")
    raw = _event("đăng ký tạm trú cần gì", "relay-1")
    ack = httpx.post(relay.url, content=raw, headers=_signed(raw), verify=ca, timeout=10)
    assert ack.status_code == 200, ack.text
    # The unit checks the signature: a byte changed on the way, or none at all, is refused (by the unit).
    tampered = raw.replace("tạm trú".encode(), "thường trú".encode())
    assert tampered != raw
    refused = httpx.post(relay.url, content=tampered, headers=_signed(raw), verify=ca, timeout=10)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "bad_signature"
    # The relay forwards nothing else: other paths, other methods.
    assert httpx.post(relay.url.replace("/zalo/webhook", "/api/v1/chat"), json={"message": "x"}, verify=ca,
                      timeout=10).status_code == 404
    assert httpx.get(relay.url, verify=ca, timeout=10).status_code == 403
    # The worker answers the queued event: the reply goes to the staff outbox, then to Zalo.
    staff = connect(settings.db_path)
    with public_db(settings) as public:
        assert answer_events(staff, public, settings) == 1
    outbox = staff.execute("SELECT recipient, text, status FROM zalo_outbox").fetchall()
    assert len(outbox) == 1 and outbox[0]["recipient"] == "u-relay" and "Đăng ký tạm trú" in outbox[0]["text"]
    assert zalo_outbox.send_pending(staff, settings) == {"sent": 1}
    staff.close()
    assert [m["recipient"] for m in fake.messages] == [{"user_id": "u-relay"}]


def test_doctor_checks_the_path(relay_setup: tuple[Settings, Relay, FakeZalo], monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    settings, relay, _fake = relay_setup
    monkeypatch.setenv("SSL_CERT_FILE", str(relay.folder / "ca.crt"))  # the relay's certificate is the test CA's
    inbound, outbound = zalo_path.checks(settings)
    assert inbound.ok and "kiểm tra trên thiết bị" in inbound.message, inbound.message
    assert outbound.ok
    closed = settings.model_copy(update={"zalo_webhook_url": f"https://127.0.0.1:{free_port()}/zalo/webhook",
                                         "zalo_egress_proxy": f"http://127.0.0.1:{free_port()}"})
    inbound, outbound = zalo_path.checks(closed, timeout=2)
    assert not inbound.ok and inbound.fix and not outbound.ok
    plain = settings.model_copy(update={"zalo_webhook_url": "http://relay.example/zalo/webhook"})
    assert "HTTPS" in zalo_path.checks(plain)[0].message
