"""Apps for the hardening tests: the staff and citizen apps over real HTTP, as a unit runs them
behind a reverse proxy on 127.0.0.1 (`trusted_proxies`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from appliance.app import create_app
from appliance.auth.demo import load_users
from appliance.config import Settings
from appliance.db import connect, migrate
from tests.conftest import LiveServer, make_settings

BEHIND_PROXY = {"trusted_proxies": ["127.0.0.1"]}


@pytest.fixture(scope="session")
def _staff_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated staff database with the demo accounts, made once (password hashing is slow)."""
    data = tmp_path_factory.mktemp("security-template") / "data"
    data.mkdir(parents=True)
    conn = connect(data / "appliance.db")
    migrate(conn)
    load_users(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return data


@pytest.fixture
def staff_factory(tmp_path: Path, _staff_template: Path,
                  live_server_factory: Callable[[Any], LiveServer]) -> Callable[..., LiveServer]:
    """`staff_factory(**settings)`: a fresh staff app (demo accounts) over real HTTP."""

    def start(**overrides: Any) -> LiveServer:
        data = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(_staff_template, data)
        settings: Settings = make_settings(data, **overrides)
        server = live_server_factory(create_app(settings))
        server.settings = settings  # type: ignore[attr-defined]
        return server

    return start


# The citizen app's fixtures (a migrated public.db with the catalogue published), shared.
from tests.citizen.conftest import _citizen_template, citizen_settings, fake_zalo  # noqa: E402, F401
