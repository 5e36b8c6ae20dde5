"""site.yml applied to a fresh Debian 12 root (debootstrap, chroot connection, no systemd
running): it installs everything, a second run changes nothing, and every unit verifies."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from appliance.auth.demo import DEMO_USERS
from appliance.auth.passwords import verify_password
from tests.provisioning.chroot import CACHE, Chroot, debian_root

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "ansible"
VENV_BIN = Path(sys.executable).parent
TEST_MODEL = "qwen2-tiny-random-ct2"  # catalogue choice "test": plumbing only, never used by the registry

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(os.geteuid() != 0, reason="debootstrap and chroot need root (CI runs as root)"),
    pytest.mark.skipif(not shutil.which("debootstrap"), reason="debootstrap missing (make sysdeps installs it)"),
]

UNITS = ["appliance.target", "appliance-web.service", "appliance-public.service", "appliance-worker.service",
         "appliance-engines.service", "appliance-recorder@phong-hop-1.service",
         "appliance-capture@phong-hop-1.service", "appliance-kiosk.service",
         "appliance-backup.service", "appliance-backup.timer"]


def _bundle(tmp: Path) -> Path:
    models = tmp / "model-src" / TEST_MODEL
    models.mkdir(parents=True)
    for name, data in (("model.bin", os.urandom(64 * 1024)), ("config.json", b'{"test": true}\n'),
                       ("tokenizer.json", b"{}\n"), ("tokenizer_config.json", b"{}\n")):
        (models / name).write_bytes(data)
    out = tmp / "bundle"
    subprocess.run([sys.executable, str(ROOT / "provisioning" / "make_bundle.py"), "--out", str(out),
                    "--models", str(tmp / "model-src"), "--wheel-cache", str(CACHE / "wheels")],
                   check=True, cwd=ROOT, timeout=300)
    return out


def _playbook(inventory: Path, log: Path, vault_password: Path | None = None) -> tuple[str, float]:
    env = {**os.environ, "ANSIBLE_CONFIG": str(ANSIBLE / "ansible.cfg"), "ANSIBLE_NOCOLOR": "1",
           "ANSIBLE_FORCE_COLOR": "0", "ANSIBLE_CALLBACKS_ENABLED": "ansible.posix.profile_tasks",
           "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    env.pop("APPLIANCE_NETGUARD", None)  # ansible itself is not the appliance; the chroot's apt needs the mirror
    if vault_password is not None:
        env["ANSIBLE_VAULT_PASSWORD_FILE"] = str(vault_password)
    start = time.monotonic()
    done = subprocess.run([str(VENV_BIN / "ansible-playbook"), "-i", str(inventory), str(ANSIBLE / "site.yml")],
                          cwd=ANSIBLE, env=env, capture_output=True, text=True, timeout=600)
    log.write_text(done.stdout + done.stderr)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    return done.stdout, time.monotonic() - start


# The ward's first-run setup, as a technician keeps it: an Ansible vault file (issue 19).
ADMIN_PASSWORD = "Sen-Hồng-2027!"
VAULT = f"""
appliance_setup:
  ward:
    name: "Phường Hoa Sen"
    parent_body: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    unit_code: "UBND"
    place_name: "Hà Nội"
    address: "Số 12 phố Hoa Sen"
    opening_hours: "Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00"
  admin:
    username: quantri
    full_name: "Quản trị phường Hoa Sen"
    password: "{ADMIN_PASSWORD}"
  departments: ["Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
  zalo:
    app_id: "1234567890"
    oa_secret_key: "khoa-bi-mat-oa"
"""
DIRECTORY = ("Họ và tên;Chức vụ;Đơn vị;Cách gọi khác\n"
             "Nguyễn Văn Hùng;Chủ tịch UBND phường;Lãnh đạo UBND;\n"
             "Trần Thị Lan;Công chức Tư pháp - Hộ tịch;Tư pháp - Hộ tịch;Lan tư pháp\n")


def _vault(folder: Path) -> tuple[Path, Path]:
    """group_vars/appliance/vault.yml encrypted with ansible-vault, and its password file."""
    folder.mkdir(parents=True, exist_ok=True)
    password = folder / "vault-pass"
    password.write_text("mat-khau-kho-bi-mat-ky-thuat-vien\n")
    vault = folder / "group_vars" / "appliance" / "vault.yml"
    vault.parent.mkdir(parents=True)
    vault.write_text(VAULT, encoding="utf-8")
    subprocess.run([str(VENV_BIN / "ansible-vault"), "encrypt", "--vault-password-file", str(password), str(vault)],
                   check=True, capture_output=True, timeout=120)
    assert vault.read_text().startswith("$ANSIBLE_VAULT")
    return vault, password


def _check_setup(chroot: Chroot) -> None:
    """Setup from the vault created the admin, the ward identity and the directory; no demo account."""
    root = chroot.root
    db = sqlite3.connect(root / "var/lib/appliance/appliance.db")
    users = dict(db.execute("SELECT username, role FROM users").fetchall())
    assert users.get("quantri") == "admin"
    assert not set(users) & {u[0] for u in DEMO_USERS}, users
    secret_hash = db.execute("SELECT password_hash FROM users WHERE username = 'quantri'").fetchone()[0]
    assert verify_password(secret_hash, ADMIN_PASSWORD)
    assert db.execute("SELECT name, unit_code, demo FROM ward_profile").fetchone() == ("Phường Hoa Sen", "UBND", 0)
    staff = [r[0] for r in db.execute("SELECT full_name FROM ward_staff ORDER BY full_name")]
    assert staff == ["Nguyễn Văn Hùng", "Trần Thị Lan"]
    db.close()
    assert not (root / "var/lib/appliance/.setup").exists()  # the file with the password is gone
    secret = root / "var/lib/appliance/secrets/zalo_oa_secret_key"
    assert oct(secret.stat().st_mode & 0o777) == "0o600" and secret.read_text().strip() == "khoa-bi-mat-oa"
    assert "khoa-bi-mat-oa" not in (root / "etc/appliance/appliance.toml").read_text()
    refused = chroot.run("/usr/local/bin/appliance", "demo-data", check=False)
    assert refused.returncode == 1 and "Không nạp dữ liệu mẫu" in refused.stderr and "quantri" in refused.stderr


def _recap(output: str) -> dict[str, int]:
    line = next(x for x in output.splitlines() if re.search(r"\bok=\d+", x) and "changed=" in x)
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}


def test_site_yml_converges_on_fresh_debian_and_is_idempotent(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    with debian_root(tmp_path / "root") as chroot:
        root = chroot.root
        inventory = tmp_path / "inventory" / "hosts.yml"
        _vault_file, vault_password = _vault(inventory.parent)
        (tmp_path / "danh-ba.csv").write_text(DIRECTORY, encoding="utf-8")
        inventory.write_text(f"""
appliance:
  hosts:
    {root}:
      ansible_connection: community.general.chroot
      ansible_python_interpreter: /usr/bin/python3
  vars:
    appliance_bundle_dir: {bundle}
    appliance_tls_ca_dir: {tmp_path / 'ca'}
    appliance_tls_names: [phuong-mau.lan, 192.168.10.20]
    appliance_lan_networks: [192.168.10.0/24]
    appliance_reverse_proxy_addresses: [192.168.10.5]
    appliance_ntp_servers: [192.168.10.1]
    appliance_recorder_rooms: [phong-hop-1]
    appliance_capture_sources: {{phong-hop-1: "alsa:plughw:CARD=Speak510"}}
    appliance_audio_rooms: {{phong-hop-1: {{device: "0b0e:0422", label: "Phòng họp tầng 2"}}}}
    appliance_settings: {{ward_name: "Phường Mẫu"}}
    appliance_backup_target: /media/saoluu
    appliance_setup_staff_file: {tmp_path / 'danh-ba.csv'}
    appliance_zalo_relay_addresses: [10.10.20.5]
    # The test bundle's random weights are pinned by no catalogue sha256: the technician vouches for them.
    appliance_models_trusted: [{TEST_MODEL}]
""")
        logs = CACHE / "logs"  # kept after the run (tmp dirs rotate away): the timings of every task
        logs.mkdir(parents=True, exist_ok=True)
        first, t1 = _playbook(inventory, logs / "run1.log", vault_password)
        recap1 = _recap(first)
        assert recap1["changed"] > 10 and recap1["failed"] == 0
        second, t2 = _playbook(inventory, logs / "run2.log", vault_password)
        recap2 = _recap(second)
        changed = [x for x in second.splitlines() if x.startswith("changed:")]
        assert recap2["changed"] == 0, f"second run changed: {changed}"
        print(f"\nfirst run {t1:.0f}s {recap1}, second run {t2:.0f}s {recap2}")
        _check_setup(chroot)

        # The appliance is installed in a release venv and runs inside the new root.
        current = root / "opt/appliance/current"
        assert current.is_symlink()
        release = root / os.readlink(current).lstrip("/")  # absolute inside the chroot
        assert (release / "venv/bin/appliance").exists() and release.parent == root / "opt/appliance/releases"
        assert (root / "etc/appliance/appliance.toml").read_text().count('data_dir = "/var/lib/appliance"') == 1
        ok = chroot.run("/usr/local/bin/appliance", "--validate-config")
        assert ok.returncode == 0 and "/var/lib/appliance" in ok.stdout
        templates = list((root / "opt/appliance").glob("releases/*/venv/lib/python3*/site-packages/web/templates"))
        assert templates, "the assets wheel put web/ beside the package"
        verified = chroot.run("/usr/local/bin/appliance", "models", "verify", check=False)
        assert verified.returncode == 0 and TEST_MODEL in verified.stdout, verified.stdout + verified.stderr
        doctor = chroot.run("/usr/local/bin/appliance", "doctor", check=False)
        assert f"Mô hình {TEST_MODEL}" in doctor.stdout and "Chứng chỉ TLS: còn hạn" in doctor.stdout, doctor.stdout

        # Units are installed, enabled by their links (systemd is not running) and verify cleanly.
        wants = root / "etc/systemd/system"
        for link in ("multi-user.target.wants/appliance.target", "appliance.target.wants/appliance-web.service",
                     "appliance.target.wants/appliance-public.service",
                     "appliance.target.wants/appliance-worker.service",
                     "appliance.target.wants/appliance-engines.service",
                     "appliance.target.wants/appliance-recorder@phong-hop-1.service",
                     "appliance.target.wants/appliance-capture@phong-hop-1.service",
                     "graphical.target.wants/appliance-kiosk.service", "timers.target.wants/appliance-backup.timer",
                     "multi-user.target.wants/chrony.service", "sysinit.target.wants/nftables.service"):
            assert (wants / link).is_symlink(), link
        verify = subprocess.run(["systemd-analyze", "verify", f"--root={root}", "--man=no", *UNITS],
                                capture_output=True, text=True, timeout=120)
        assert verify.returncode == 0 and not verify.stdout.strip() and not verify.stderr.strip(), verify.stderr

        # base: firewall and time; tls: the unit's certificate chains to the CA kept off the unit.
        nft = (root / "etc/nftables.conf").read_text()
        assert "192.168.10.0/24" in nft and "ip saddr @proxy4 tcp dport 8001 accept" in nft
        # The Zalo path, unit side: only the relay reaches the webhook port, only the webhook path is served.
        assert "ip saddr 10.10.20.5 tcp dport 8443 accept" in nft
        assert (root / "etc/nginx/sites-enabled/appliance-zalo.conf").is_symlink()
        zalo_site = (root / "etc/nginx/sites-available/appliance-zalo.conf").read_text()
        assert "allow 10.10.20.5;" in zalo_site and "location = /zalo/webhook" in zalo_site
        assert "server 192.168.10.1 iburst prefer" in (root / "etc/chrony/chrony.conf").read_text()
        assert os.readlink(root / "etc/localtime").endswith("Asia/Ho_Chi_Minh")  # wall clock in Vietnam time
        assert (root / "usr/share/zoneinfo/Asia/Ho_Chi_Minh").exists()
        assert not (root / "etc/appliance/tls/ca.key").exists() and (tmp_path / "ca/ca.key").exists()
        chain = subprocess.run(["openssl", "verify", "-CAfile", str(tmp_path / "ca/ca.crt"),
                                str(root / "etc/appliance/tls/appliance.crt")], capture_output=True, text=True)
        assert chain.returncode == 0, chain.stderr
        san = subprocess.run(["openssl", "x509", "-noout", "-ext", "subjectAltName", "-in",
                              str(root / "etc/appliance/tls/appliance.crt")], capture_output=True, text=True).stdout
        assert "DNS:phuong-mau.lan" in san and "IP Address:192.168.10.20" in san
        # kiosk: cage + Chromium on /wall with a display token; audio: udev rules.
        kiosk = (root / "etc/systemd/system/appliance-kiosk.service").read_text()
        assert "Conflicts=getty@tty1.service" in kiosk and "Restart=always" in kiosk and "cage" in kiosk
        assert re.search(r"KIOSK_URL=http://127\.0\.0\.1:8000/wall\?token=\S{20,}",
                         (root / "etc/appliance/kiosk.env").read_text())
        room = (root / "etc/appliance/rooms/phong-hop-1.env").read_text()
        assert "CAPTURE_SOURCE=alsa:plughw:CARD=Speak510" in room
        assert "RECORDER_ARGS=--source fifo:/var/lib/appliance/run/phong-hop-1.fifo" in room
        rules = (root / "etc/udev/rules.d/99-appliance-speakerphones.rules").read_bytes()
        assert hashlib.sha256(rules).hexdigest() == hashlib.sha256(
            (ROOT / "firmware_config/99-appliance-speakerphones.rules").read_bytes()).hexdigest()
