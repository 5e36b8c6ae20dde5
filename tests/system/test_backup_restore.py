"""`appliance backup` while writers run, then `appliance restore` on an empty data dir (CONTRACT §1)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from appliance.config import Settings
from appliance.db import connect
from tests.conftest import DEMO_ANCHOR


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "APPLIANCE_DATA_DIR": str(data_dir)}
    env.pop("APPLIANCE_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "appliance", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): _sha(p) for p in root.rglob("*")
            if p.is_file() and not p.name.endswith((".db", "-wal", "-shm"))}


@pytest.fixture
def loaded(tmp_path: Path) -> Settings:
    from appliance.demo.loader import load_demo

    settings = Settings(data_dir=tmp_path / "data")
    load_demo(settings, anchor=DEMO_ANCHOR)
    docs = settings.data_dir / "documents"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "quyet-dinh-15.txt").write_text("Quyết định số 15/QĐ-UBND về việc…\n", encoding="utf-8")
    rec = settings.data_dir / "recordings" / "hop-giao-ban"
    rec.mkdir(parents=True)
    (rec / "seg-0000.wav").write_bytes(os.urandom(256 * 1024))
    return settings


class Writers:
    """Keep writing like the running services: audit rows in pairs (one transaction), citizen-side
    rows, and new recording segments, until stopped."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.stop = threading.Event()
        self.pairs = 0
        self.threads = [threading.Thread(target=self._staff), threading.Thread(target=self._public),
                        threading.Thread(target=self._recorder)]

    def _staff(self) -> None:
        conn = connect(self.settings.db_path)
        while not self.stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            for half in ("a", "b"):
                conn.execute("INSERT INTO audit_log (username, action, target) VALUES ('probe', 'backup.probe', ?)",
                             (f"{self.pairs}{half}",))
            conn.execute("COMMIT")
            self.pairs += 1
        conn.close()

    def _public(self) -> None:
        conn = connect(self.settings.public_db_path)
        n = 0
        while not self.stop.is_set():
            conn.execute("INSERT INTO meta (key, value) VALUES (?, 'probe')", (f"probe-{n}",))
            n += 1
        conn.close()

    def _recorder(self) -> None:
        folder = self.settings.data_dir / "recordings" / "phong-hop-1"
        folder.mkdir(parents=True, exist_ok=True)
        n = 0
        while not self.stop.wait(0.01):
            (folder / f"seg-{n:04d}.wav").write_bytes(os.urandom(32 * 1024))
            n += 1

    def __enter__(self) -> Writers:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=30)


def test_backup_during_writes_then_restore_on_blank_unit(loaded: Settings, tmp_path: Path) -> None:
    dest = tmp_path / "usb" / "bk-live"
    with Writers(loaded) as writers:
        while writers.pairs < 50:  # the writers are really running before the backup starts
            threading.Event().wait(0.01)
        done = _run("backup", str(dest), data_dir=loaded.data_dir)
        during = writers.pairs
    assert done.returncode == 0, done.stderr
    assert during > 50
    manifest = json.loads((dest / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["databases"]) == {"appliance.db", "public.db"}

    blank = tmp_path / "blank-unit"
    restored = _run("restore", str(dest), data_dir=blank)
    assert restored.returncode == 0, restored.stderr
    for name, expected in manifest["databases"].items():
        counts = _counts(blank / name)
        for table, n in expected["tables"].items():
            assert counts[table] == n, (name, table)
    # One consistent snapshot: never half of a two-row transaction.
    conn = sqlite3.connect(blank / "appliance.db")
    probes = conn.execute("SELECT count(*) FROM audit_log WHERE action='backup.probe'").fetchone()[0]
    conn.close()
    assert probes % 2 == 0 and probes > 0
    for entry in manifest["files"]:
        assert _sha(blank / entry["path"]) == entry["sha256"]
    # Files nobody touched during the backup come back byte for byte.
    for rel in ("documents/quyet-dinh-15.txt", "recordings/hop-giao-ban/seg-0000.wav"):
        assert _sha(blank / rel) == _sha(loaded.data_dir / rel)

    # Once the writers stop, a backup and restore give identical row counts and file checksums.
    quiet = tmp_path / "usb" / "bk-quiet"
    assert _run("backup", str(quiet), data_dir=loaded.data_dir).returncode == 0
    blank2 = tmp_path / "blank-unit-2"
    assert _run("restore", str(quiet), data_dir=blank2).returncode == 0
    for name in ("appliance.db", "public.db"):
        assert _counts(blank2 / name) == _counts(loaded.data_dir / name)
    assert _files(blank2) == _files(loaded.data_dir)
    doctor = _run("doctor", data_dir=blank2)
    assert "Cơ sở dữ liệu cán bộ: toàn vẹn" in doctor.stdout


def test_restore_refuses_a_corrupt_backup(loaded: Settings, tmp_path: Path) -> None:
    dest = tmp_path / "bk"
    assert _run("backup", str(dest), data_dir=loaded.data_dir).returncode == 0
    seg = dest / "data" / "recordings" / "hop-giao-ban" / "seg-0000.wav"
    raw = bytearray(seg.read_bytes())
    raw[1000] ^= 0xFF  # one flipped bit on a failing USB stick
    seg.write_bytes(bytes(raw))
    blank = tmp_path / "blank"
    out = _run("restore", str(dest), data_dir=blank)
    assert out.returncode == 1
    assert "không còn nguyên vẹn" in out.stderr and "seg-0000.wav" in out.stderr and "sha256" in out.stderr
    assert not (blank / "appliance.db").exists()
    assert _run("restore", "--verify-only", str(dest), data_dir=blank).returncode == 1

    (dest / "manifest.json").write_text("{ cut off", encoding="utf-8")
    out = _run("restore", str(dest), data_dir=blank)
    assert out.returncode == 1 and "manifest.json" in out.stderr


def test_restore_over_existing_data_needs_force_and_keeps_old(loaded: Settings, tmp_path: Path) -> None:
    dest = tmp_path / "bk"
    assert _run("backup", str(dest), data_dir=loaded.data_dir).returncode == 0
    out = _run("restore", str(dest), data_dir=loaded.data_dir)
    assert out.returncode == 1 and "--force" in out.stderr
    out = _run("restore", "--force", str(dest), data_dir=loaded.data_dir)
    assert out.returncode == 0, out.stderr
    # Issue 14, finding 13: the old copy is kept, outside the data dir (a sandboxed service may read a
    # part of that dir), never inside it.
    assert list(loaded.data_dir.parent.glob(f"{loaded.data_dir.name}.truoc-khoi-phuc-*/appliance.db"))
    assert not list(loaded.data_dir.glob("*khoi-phuc*"))


def test_dated_backups_rotate(loaded: Settings, tmp_path: Path) -> None:
    from appliance.system.backup import dated_backup

    root = tmp_path / "nas"
    (root / "sao-luu-20200101-000000.partial").mkdir(parents=True)  # a crashed run
    made = [dated_backup(loaded, root, keep=2).path for _ in range(3)]
    left = sorted(p.name for p in root.iterdir())
    assert left == sorted(p.name for p in made[1:])
