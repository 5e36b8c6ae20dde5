"""The sandbox: a data folder of its own holding the demo ward, DATA_DIR/training/sandboxes/<stamp>/.

Trainees' requests get settings whose data_dir is this folder (see `mode.py`), so every feature
reads and writes the sandbox's appliance.db and public.db without knowing it. Sandbox settings
carry no Zalo credentials or proxy and never create demo accounts with published passwords. The
engines (models) are the live unit's: only data is sandboxed, not the models.

A reset builds a new folder beside the old one and then switches `current` in progress.db, so
trainees working during a reset keep going in the fresh ward; the old folders are removed after.

The procedure catalogue and legal library are the live unit's own, copied at build time from the
live database opened read-only (`knowledge.copying.copy_from`); a reset copies them again.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect
from appliance.demo.loader import load_demo
from appliance.knowledge.copying import copy_from
from appliance.training import store

# Job kinds that leave the unit: the sandbox's own worker never runs them (issue 21: nothing done
# in training reaches Zalo); a sandbox reply stays in the sandbox outbox as "queued".
OUTBOUND_JOB_KINDS = frozenset({"citizen.zalo_send"})


def training_dir(live: Settings) -> Path:
    return live.data_dir / "training"


def progress_path(live: Settings) -> Path:
    return training_dir(live) / "progress.db"


def sandboxes_dir(live: Settings) -> Path:
    return training_dir(live) / "sandboxes"


def sandbox_settings(live: Settings, folder: Path) -> Settings:
    """The live settings pointed at the sandbox folder, with every outbound channel switched off."""
    return live.model_copy(update={
        "data_dir": folder,
        "models_dir": live.model_root,  # same models as the live unit (else the sandbox would have none)
        "demo_mode": False,             # no demo accounts with published passwords, even on a demo unit
        "zalo_app_id": None, "zalo_oa_secret_key": None, "zalo_access_token": None,
        "zalo_refresh_token": None, "zalo_app_secret": None, "zalo_egress_proxy": None, "zalo_webhook_url": None,
        # Unroutable on purpose: were a Zalo call ever attempted from the sandbox it could reach nobody.
        "zalo_api_base": "http://127.0.0.1:9/sandbox", "zalo_oauth_base": "http://127.0.0.1:9/sandbox",
    })


@contextmanager
def _lock(live: Settings) -> Iterator[None]:
    """One build at a time across processes and threads (two trainees entering an unbuilt sandbox)."""
    folder = training_dir(live)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current(live: Settings) -> Path | None:
    """The sandbox folder trainees use now, or None before the first build."""
    if not progress_path(live).exists():
        return None
    conn = store.open_db(progress_path(live))
    try:
        name = store.get_meta(conn, "current")
    finally:
        conn.close()
    if not name:
        return None
    folder = sandboxes_dir(live) / name
    return folder if (folder / "appliance.db").exists() else None


def built_at(live: Settings) -> str | None:
    """When the current sandbox was built (UTC, SQLite format), for the trainer's page."""
    if not progress_path(live).exists():
        return None
    conn = store.open_db(progress_path(live))
    try:
        return store.get_meta(conn, "built_at")
    finally:
        conn.close()


def build(live: Settings, *, anchor: dt.date | None = None) -> Path:
    """A fresh demo ward in a new folder, made current; older sandboxes are removed."""
    with _lock(live):
        return _build_locked(live, anchor)


def ensure(live: Settings, *, anchor: dt.date | None = None) -> Path:
    """The current sandbox, built first when there is none yet."""
    found = current(live)
    if found is not None:
        return found
    with _lock(live):
        found = current(live)  # another request may have built it while this one waited
        return found if found is not None else _build_locked(live, anchor)


def _build_locked(live: Settings, anchor: dt.date | None) -> Path:
    now = dt.datetime.now(dt.UTC)
    name = now.strftime("%Y%m%d-%H%M%S-%f")
    folder = sandboxes_dir(live) / name
    folder.mkdir(parents=True)
    settings = sandbox_settings(live, folder)
    load_demo(settings, anchor=anchor)
    # The ward's own catalogue and library replace the demo's, read from the live file read-only.
    conn = connect(settings.db_path)
    try:
        copy_from(live.db_path, conn)
    finally:
        conn.close()
    conn = store.open_db(progress_path(live))
    try:
        store.set_meta(conn, "current", name)
        store.set_meta(conn, "built_at", now.strftime("%Y-%m-%d %H:%M:%S"))
    finally:
        conn.close()
    for old in sandboxes_dir(live).iterdir():
        if old.name != name and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    return folder
