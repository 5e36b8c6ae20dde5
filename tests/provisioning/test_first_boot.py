"""provisioning/first-boot.sh on a scratch folder: the one-time admin appears only on a unit that has
no usable admin; after the first-run setup (any name the ward chose) no extra admin account is made."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from appliance.auth.passwords import verify_password
from appliance.auth.users import create_user, find_user, list_users, set_active
from appliance.db import connect, migrate

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "provisioning" / "first-boot.sh"
PASSWORD = "Sen-Hồng-2027!"


def _first_boot(tmp: Path) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run the script with the real `appliance user …` commands; `doctor` answers at once (its checks
    are tested in tests/ward and tests/system, and a full run costs seconds on CI)."""
    data, fake_root = tmp / "data", tmp / "root"
    for folder in ("root", "run", "etc/issue.d", "dev"):
        (fake_root / folder).mkdir(parents=True, exist_ok=True)
    app = tmp / "appliance"
    app.write_text(f'#!/bin/sh\n[ "$1" = doctor ] && {{ echo "Kết luận: hoạt động bình thường"; exit 0; }}\n'
                   f'exec {sys.executable} -m appliance "$@"\n')
    app.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp), "APPLIANCE_DATA_DIR": str(data),
           "APPLIANCE_DEMO_MODE": "false", "APPLIANCE_NETGUARD": "raise", "APPLIANCE_BIN": str(app),
           "FIRST_BOOT_ROOT": str(fake_root)}
    done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=env, cwd=tmp, timeout=180)
    return done, data, fake_root


def _db(data: Path) -> sqlite3.Connection:
    conn = connect(data / "appliance.db")
    migrate(conn)
    return conn


def test_no_extra_admin_after_the_wards_own_setup(tmp_path: Path) -> None:
    conn = _db(tmp_path / "data")
    create_user(conn, "truongvp", PASSWORD, "admin", full_name="Trưởng văn phòng")  # as `appliance setup` makes it
    conn.close()
    done, data, fake_root = _first_boot(tmp_path)
    assert done.returncode == 0, done.stderr
    conn = _db(data)
    assert [(a.username, a.role) for a in list_users(conn)] == [("truongvp", "admin")]
    conn.close()
    assert not (fake_root / "root/appliance-admin.txt").exists()
    assert (data / ".first-boot-done").exists()
    assert "hoạt động bình thường" in (fake_root / "etc/issue.d/appliance.issue").read_text()


def test_a_unit_without_setup_gets_a_one_time_admin_password(tmp_path: Path) -> None:
    conn = _db(tmp_path / "data")
    # A locked admin is no admin: the unit still needs one it can log in with.
    locked = create_user(conn, "quantricu", PASSWORD, "admin")
    set_active(conn, locked.id, False)
    conn.close()
    done, data, fake_root = _first_boot(tmp_path)
    assert done.returncode == 0, done.stderr
    note = fake_root / "root/appliance-admin.txt"
    assert stat.S_IMODE(note.stat().st_mode) == 0o600
    password = note.read_text(encoding="utf-8").splitlines()[1].split(": ", 1)[1]
    assert len(password) == 16
    conn = _db(data)
    found = find_user(conn, "quantri")
    assert found is not None and found[0].role == "admin" and verify_password(found[1], password)
    conn.close()
    assert "quantri" in (fake_root / "dev/console").read_text(encoding="utf-8")
    # It runs once: a second boot changes nothing.
    os.remove(note)
    again, _data, _root = _first_boot(tmp_path)
    assert again.returncode == 0 and not note.exists()
