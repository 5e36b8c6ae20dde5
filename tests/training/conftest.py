"""One live unit and one sandbox for the training tests (building the demo ward takes ~10 s)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from appliance.app import create_app
from appliance.auth.demo import load_users
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.training import sandbox
from tests.conftest import DEMO_ANCHOR, LiveServer, make_settings

BANNER = "ĐANG Ở CHẾ ĐỘ ĐÀO TẠO — dữ liệu mẫu"


@pytest.fixture(scope="package")
def live(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A live unit with the demo accounts and nothing else, and its sandbox built once."""
    settings = make_settings(tmp_path_factory.mktemp("training") / "data")
    public = connect(settings.public_db_path)  # a unit's citizen database, as the citizen app leaves it
    migrate(public, "public")
    public.close()
    sandbox.build(settings, anchor=DEMO_ANCHOR)
    return settings


@pytest.fixture(scope="package")
def server(live: Settings) -> Iterator[LiveServer]:
    app = create_app(live)
    conn = connect(live.db_path)
    load_users(conn)
    conn.close()
    with LiveServer(app) as running:
        yield running


def snapshot(path: Path) -> str:
    """The database's exact bytes, WAL content included (sqlite3's serialize reads through the WAL)."""
    assert path.exists()
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256(conn.serialize()).hexdigest()
    finally:
        conn.close()


