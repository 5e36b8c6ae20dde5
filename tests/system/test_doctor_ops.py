"""`appliance doctor` exits non-zero and says why: a corrupted model file, a nearly full disk."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appliance.config import Settings
from appliance.db import connect, migrate

TEST_MODEL = "qwen2-tiny-random-ct2"  # catalogue choice "test": never picked by the registry


# The machine running the tests may itself be nearly full (CI runners were at 3 % free): tests that are not about
# the disk switch its limits off, so only the disk tests see the real thresholds.
NO_DISK_LIMITS = {"APPLIANCE_DOCTOR_MIN_FREE_GB": "0", "APPLIANCE_DOCTOR_MIN_FREE_PERCENT": "0"}


def _doctor(data_dir: Path, real_disk_limits: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    limits = {} if real_disk_limits else NO_DISK_LIMITS
    full = {**os.environ, "APPLIANCE_DATA_DIR": str(data_dir), **limits, **env}
    full.pop("APPLIANCE_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "appliance", "doctor"], env=full, capture_output=True, text=True,
                          timeout=120)


def _unit(data_dir: Path) -> Settings:
    settings = Settings(data_dir=data_dir)
    for path, which in ((settings.db_path, "staff"), (settings.public_db_path, "public")):
        conn = connect(path)
        migrate(conn, which)
        conn.close()
    return settings


def _install_test_model(settings: Settings, tmp_path: Path) -> Path:
    from appliance.engines.catalogue import find
    from appliance.engines.store import install_bundle

    entry = find(TEST_MODEL)
    bundle = tmp_path / "usb" / TEST_MODEL
    bundle.mkdir(parents=True)
    sums = []
    for f in entry.files:
        data = os.urandom(4096) if f.path.endswith(".bin") else b'{"test": true}\n'
        (bundle / f.path).write_bytes(data)
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {f.path}")
    (bundle / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return install_bundle(settings, entry, bundle, trusted_by="test")  # unpinned: the test trusts its own hashes


def test_doctor_fails_on_a_corrupted_model_file(tmp_path: Path) -> None:
    settings = _unit(tmp_path / "data")
    version = _install_test_model(settings, tmp_path)
    healthy = _doctor(settings.data_dir)
    assert f"[OK ] Mô hình {TEST_MODEL}" in healthy.stdout, healthy.stdout
    assert healthy.returncode == 0, healthy.stdout

    model = version / "model.bin"
    raw = bytearray(model.read_bytes())
    raw[100] ^= 0x01  # same size, one bit off: only the hash can tell
    model.write_bytes(bytes(raw))
    broken = _doctor(settings.data_dir)
    assert broken.returncode != 0
    line = next(x for x in broken.stdout.splitlines() if TEST_MODEL in x)
    assert line.startswith("[LỖI]") and "model.bin" in line and "sha256" in line
    assert "appliance models install" in broken.stdout  # and says how to fix it
    assert "có lỗi cần xử lý" in broken.stdout


def test_doctor_fails_when_the_disk_is_nearly_full_by_threshold(tmp_path: Path) -> None:
    settings = _unit(tmp_path / "data")
    assert _doctor(settings.data_dir).returncode == 0
    out = _doctor(settings.data_dir, APPLIANCE_DOCTOR_MIN_FREE_GB="1000000")
    assert out.returncode != 0
    assert "[LỖI] Dung lượng đĩa: đĩa gần đầy" in out.stdout and "dưới ngưỡng 1000000 GB" in out.stdout
    out = _doctor(settings.data_dir, APPLIANCE_DOCTOR_MIN_FREE_GB="0", APPLIANCE_DOCTOR_MIN_FREE_PERCENT="100")
    assert out.returncode != 0 and "dưới ngưỡng 100%" in out.stdout


def test_doctor_fails_on_a_really_full_small_disk(tmp_path: Path) -> None:
    """A real 96 MB tmpfs filled to the brim, with the default thresholds (needs root to mount). A fresh
    unit's database holds the official legal library (about 19 MB), so the disk must hold it first."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        settings = _unit(mount / "data")
        with open(mount / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * (1 << 20))
                    fh.flush()
            except OSError:
                pass  # ENOSPC: the disk is full, as a week of forgotten recordings would leave it
        out = _doctor(settings.data_dir, real_disk_limits=True)
        assert out.returncode != 0
        assert "đĩa gần đầy" in out.stdout and "Cách khắc phục: Xóa bản ghi âm cũ" in out.stdout
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _cert(path: Path, days: int) -> Path:
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", str(path.with_suffix(".key")), "-out", str(path), "-days", str(days),
                    "-subj", "/CN=phuong-mau.lan"], check=True, capture_output=True)
    return path


def test_doctor_checks_the_tls_certificate(tmp_path: Path) -> None:
    settings = _unit(tmp_path / "data")
    good = _doctor(settings.data_dir, APPLIANCE_TLS_CERT_FILE=str(_cert(tmp_path / "good.crt", 400)))
    assert good.returncode == 0 and "[OK ] Chứng chỉ TLS: còn hạn đến" in good.stdout
    soon = _doctor(settings.data_dir, APPLIANCE_TLS_CERT_FILE=str(_cert(tmp_path / "soon.crt", 10)))
    assert soon.returncode == 0, "expiring soon is a warning, not a failure"
    assert "[CẢNH BÁO] Chứng chỉ TLS: chứng chỉ hết hạn sau" in soon.stdout
    missing = _doctor(settings.data_dir, APPLIANCE_TLS_CERT_FILE=str(tmp_path / "none.crt"))
    assert missing.returncode != 0 and "không thấy tệp chứng chỉ" in missing.stdout
