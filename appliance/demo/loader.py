"""Load the demo ward: core data here, then every feature's `demo.py: load(ctx)`."""

from __future__ import annotations

import datetime as dt
import logging
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect, migrate, transaction
from appliance.demo import feedback, indicators, records, users

log = logging.getLogger(__name__)
DEFAULT_SEED = 20261126
# What each feature's demo part is called in the progress lines a technician reads.
FEATURE_LABELS = {
    "citizen": "cổng công dân (phiếu phản ánh, câu hỏi thường gặp)",
    "drafting": "văn bản mẫu và sổ văn bản đi",
    "knowledge": "thư viện văn bản pháp luật, danh mục thủ tục",
    "meetings": "cuộc họp mẫu và nhiệm vụ",
}


@dataclass
class DemoContext:
    conn: sqlite3.Connection
    settings: Settings
    rng: random.Random
    anchor: dt.date


def is_loaded(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'demo_loaded_at'").fetchone()
    return row is not None


def reset(settings: Settings) -> None:
    for path in (settings.db_path, settings.public_db_path):
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def load_demo(settings: Settings, *, seed: int = DEFAULT_SEED, anchor: dt.date | None = None,
              progress: bool = False) -> dict[str, int]:
    from appliance.discovery import feature_modules

    anchor = anchor or dt.date.today()
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        counts: dict[str, int] = {}

        def step(name: str, fn: object) -> None:
            if progress:
                print(f"  … {name}", flush=True)

        with transaction(conn):
            step("người dùng", None)
            counts["users"] = users.load(conn)
            step("hồ sơ thủ tục hành chính", None)
            counts["records"] = records.load(conn, random.Random(seed), anchor)
            step("chỉ tiêu kinh tế - xã hội", None)
            counts["indicators"] = indicators.load(conn, random.Random(seed + 1), anchor)
            step("phản ánh, kiến nghị", None)
            counts["feedback"] = feedback.load(conn, random.Random(seed + 2), anchor)
        for index, (name, module) in enumerate(feature_modules("demo")):
            loader = getattr(module, "load", None)
            if loader is None:
                continue
            step(FEATURE_LABELS.get(name, name), None)
            ctx = DemoContext(conn, settings, random.Random(seed + 10 + index), anchor)
            result = loader(ctx)
            if isinstance(result, dict):
                counts.update(result)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_loaded_at', datetime('now'))")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_anchor', ?)", (anchor.isoformat(),))
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_import_at', datetime('now'))")
        public = connect(settings.public_db_path)
        try:
            migrate(public, "public")
        finally:
            public.close()
        return counts
    finally:
        conn.close()
