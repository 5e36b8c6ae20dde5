"""Load the demo ward: every feature's demo part (`demo=` in its manifest), in dependency order."""

from __future__ import annotations

import datetime as dt
import logging
import random
import sqlite3
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect, migrate, transaction
from appliance.demo.context import DEFAULT_SEED, DemoContext
from appliance.features import features
from appliance.system.store import get_meta, set_meta, stamp_meta
from appliance.text.formatting import local_today

__all__ = ["DEFAULT_SEED", "DemoContext", "is_loaded", "load_demo", "reset"]
log = logging.getLogger(__name__)


def is_loaded(conn: sqlite3.Connection) -> bool:
    return get_meta(conn, "demo_loaded_at") is not None


def reset(settings: Settings) -> None:
    for path in (settings.db_path, settings.public_db_path):
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def load_demo(settings: Settings, *, seed: int = DEFAULT_SEED, anchor: dt.date | None = None,
              progress: bool = False) -> dict[str, int]:
    anchor = anchor or local_today()
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        counts: dict[str, int] = {}
        for feature in features():
            if feature.demo is None:
                continue
            if progress:
                print(f"  … {feature.demo_label or feature.name}", flush=True)
            ctx = DemoContext(conn, settings, random.Random(seed), anchor, seed)
            result = feature.demo(ctx)
            if result:
                counts.update(result)
        with transaction(conn):
            stamp_meta(conn, "demo_loaded_at")
            set_meta(conn, "demo_anchor", anchor.isoformat())
            stamp_meta(conn, "last_import_at")
        public = connect(settings.public_db_path)
        try:
            migrate(public, "public")
        finally:
            public.close()
        return counts
    finally:
        conn.close()
