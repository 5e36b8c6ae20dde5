"""The systemd units: notify + watchdog, restart, hardening, offline, and `systemd-analyze verify`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "provisioning" / "systemd"
SERVICES = ["appliance-web.service", "appliance-public.service", "appliance-worker.service",
            "appliance-worker-citizen.service",
            "appliance-engines.service", "appliance-recorder@.service"]


def _unit(name: str) -> dict[str, list[str]]:
    """Keys of [Service] with every value (systemd allows repeated keys)."""
    values: dict[str, list[str]] = {}
    section = ""
    for raw in (UNITS / name).read_text().splitlines():
        line = raw.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


@pytest.mark.parametrize("name", SERVICES)
def test_service_is_notify_watchdog_hardened_offline(name: str) -> None:
    s = _unit(name)
    assert s["Type"] == ["notify"] and s["NotifyAccess"] == ["main"]
    assert int(s["WatchdogSec"][0]) >= 30 and s["Restart"] == ["on-failure"]
    assert s["ProtectSystem"] == ["strict"] and s["NoNewPrivileges"] == ["yes"] and s["User"] == ["appliance"]
    env = " ".join(s["Environment"])
    for needed in ("HF_HUB_OFFLINE=1", "TRANSFORMERS_OFFLINE=1", "HF_HUB_DISABLE_TELEMETRY=1",
                   "PYANNOTE_METRICS_ENABLED=0", "DO_NOT_TRACK=1"):
        assert needed in env
    assert s["ExecStart"][0].startswith("/opt/appliance/current/venv/bin/appliance ")


def test_public_service_cannot_see_staff_data() -> None:
    hidden = " ".join(_unit("appliance-public.service")["InaccessiblePaths"]).split()
    for path in ("/var/lib/appliance/appliance.db", "/var/lib/appliance/appliance.db-wal",
                 "/var/lib/appliance/recordings", "/var/lib/appliance/documents", "/var/lib/appliance/models"):
        assert f"-{path}" in hidden
    assert "public.db" not in " ".join(hidden)
    # The webhook's keys stay readable; the keys that send as the OA are the worker's alone.
    for key in ("zalo_app_secret", "zalo_access_token", "zalo_refresh_token"):
        assert f"-/var/lib/appliance/secrets/{key}" in hidden
    assert not [p for p in hidden if p.endswith(("zalo_app_id", "zalo_oa_secret_key")) or p.endswith("/secrets")]


def test_recorder_unit_uses_the_room_instance() -> None:
    assert _unit("appliance-recorder@.service")["ExecStart"] == [
        "/opt/appliance/current/venv/bin/appliance meetings record --room %i $RECORDER_ARGS"]
    capture = _unit("appliance-capture@.service")
    assert capture["ExecStart"] == [
        "/opt/appliance/current/venv/bin/appliance meetings capture --room %i --source ${CAPTURE_SOURCE}"]
    assert capture["Restart"] == ["always"] and capture["EnvironmentFile"] == ["/etc/appliance/rooms/%i.env"]


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    """Verify against a scratch root holding the host's systemd units and the appliance's paths."""
    if not shutil.which("systemd-analyze") or not Path("/lib/systemd/system/sysinit.target").exists():
        pytest.skip("systemd-analyze or systemd's units missing (make sysdeps installs systemd)")
    root = tmp_path / "root"
    shutil.copytree("/lib/systemd/system", root / "lib/systemd/system", symlinks=True)
    (root / "etc/systemd/system").mkdir(parents=True)
    for exe in ("opt/appliance/current/venv/bin/appliance", "usr/local/sbin/appliance-first-boot"):
        (root / exe).parent.mkdir(parents=True, exist_ok=True)
        (root / exe).write_text("#!/bin/sh\n")
        (root / exe).chmod(0o755)
    for unit in UNITS.iterdir():
        shutil.copy(unit, root / "etc/systemd/system" / unit.name)
    names = [u.name for u in UNITS.iterdir() if not u.name.endswith("@.service")]
    names += ["appliance-recorder@phong-hop-1.service", "appliance-capture@phong-hop-1.service"]
    done = subprocess.run(["systemd-analyze", "verify", f"--root={root}", "--man=no", *names],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip() and not done.stderr.strip(), done.stdout + done.stderr
    # and it can fail: a misspelt key is reported
    web = root / "etc/systemd/system/appliance-web.service"
    web.write_text(web.read_text().replace("WatchdogSec=", "WatchdogSecs="))
    bad = subprocess.run(["systemd-analyze", "verify", f"--root={root}", "--man=no", "appliance-web.service"],
                         capture_output=True, text=True, timeout=60)
    assert "Unknown key" in bad.stderr
