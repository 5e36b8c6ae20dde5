"""Backup and restore speed against plain copies of the same data (same process, same disk).

- backup (SQLite backup API + sha256 manifest + syncfs) vs `shutil.copytree` of the data dir
  followed by `sync` (a copy not on the disk is no backup): the price of consistency and checksums;
- restore (verify every sha256, then copy while hashing, then syncfs) vs `shutil.copytree` of the
  backup followed by `sync`;
- doctor vs one `PRAGMA integrity_check` of each database (the check the doctor cannot skip).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import report


def _seconds(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    from appliance.config import Settings
    from appliance.demo.loader import load_demo
    from appliance.system.backup import backup
    from appliance.system.doctor import run_checks
    from appliance.system.restore import restore

    with tempfile.TemporaryDirectory(prefix="bench-system-") as tmp:
        root = Path(tmp)
        settings = Settings(data_dir=root / "data")
        load_demo(settings)
        rec = settings.data_dir / "recordings" / "bench"
        rec.mkdir(parents=True)
        for n in range(40):  # 40 segments of 1 MB: a short meeting's audio
            (rec / f"seg-{n:04d}.wav").write_bytes(os.urandom(1 << 20))
        size_mb = sum(p.stat().st_size for p in settings.data_dir.rglob("*") if p.is_file()) / 1024**2

        os.sync()

        def plain_copy() -> None:
            shutil.copytree(settings.data_dir, root / "plain-copy")
            os.sync()

        base_copy = _seconds(plain_copy)
        took = _seconds(lambda: backup(settings, root / "bk"))
        report(f"backup of {size_mb:.0f} MB (SQLite backup API + sha256)", took * 1000, base_copy * 1000, target=4.0)

        def plain_restore() -> None:
            shutil.copytree(root / "bk", root / "plain-restore")
            os.sync()

        base_restore = _seconds(plain_restore)
        blank = Settings(data_dir=root / "blank")
        took = _seconds(lambda: restore(blank, root / "bk"))
        report("restore (verify every sha256, then copy)", took * 1000, base_restore * 1000, target=5.0)

        def integrity() -> None:
            for path in (settings.db_path, settings.public_db_path):
                conn = sqlite3.connect(path)
                conn.execute("PRAGMA integrity_check").fetchone()
                conn.close()

        base_check = _seconds(integrity)
        took = _seconds(lambda: run_checks(settings))
        report("appliance doctor (all checks)", took * 1000, base_check * 1000)
        shutil.rmtree(root / "plain-copy", ignore_errors=True)


if __name__ == "__main__":
    main()
