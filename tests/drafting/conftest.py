from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from appliance.config import Settings
from appliance.db import connect, migrate
from tests.conftest import LiveServer, make_settings


@pytest.fixture
def db(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A fresh migrated database (the session template's copy: a migration costs most of a second)."""
    return conn


@pytest.fixture(scope="session")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One staff app for the drafting tests (starting one costs seconds on a loaded 2-core
    machine); tests use distinct data so they do not depend on each other or on their order."""
    from appliance.app import create_app
    from appliance.auth.demo import load_users

    settings = make_settings(tmp_path_factory.mktemp("drafting") / "data")
    app = create_app(settings)
    conn = connect(settings.db_path)
    load_users(conn)
    conn.close()
    with LiveServer(app) as server:
        server.settings = settings  # type: ignore[attr-defined]
        yield server


@pytest.fixture(scope="module")
def module_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[sqlite3.Connection, Settings]]:
    """A migrated database shared by a module's read-mostly tests (migrating costs ~0.3 s each)."""
    settings = make_settings(tmp_path_factory.mktemp("drafting-db") / "data")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    conn = connect(settings.db_path)
    migrate(conn)
    yield conn, settings
    conn.close()
