"""A generated ward for the question box: one database per test session, treated as read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ask import data as gen
from tests.ask.reference import Reference


@pytest.fixture(scope="session")
def ask_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("ask") / "appliance.db"
    return path, gen.build(path)


@pytest.fixture(scope="session")
def ask_db(ask_data: tuple[Path, dict[str, Any]]) -> Path:
    return ask_data[0]


@pytest.fixture(scope="session")
def reference(ask_data: tuple[Path, dict[str, Any]]) -> Reference:
    return Reference(ask_data[1], gen.TODAY)


@pytest.fixture(scope="session")
def ask_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The staff app over real HTTP on a generated ward, with a leader and a staff member."""
    from appliance.app import create_app
    from appliance.auth.users import create_user
    from appliance.db import connect
    from tests.conftest import LiveServer, make_settings

    settings = make_settings(tmp_path_factory.mktemp("askweb") / "data")
    settings.data_dir.mkdir(parents=True)
    data = gen.build(settings.db_path)
    conn = connect(settings.db_path)
    try:
        create_user(conn, "lanhdao", "lanhdao-test", "leader", full_name="Nguyễn Văn An")
        create_user(conn, "lanhdao2", "lanhdao2-test", "leader", full_name="Trần Thị Bình")
        create_user(conn, "canbo", "canbo-test", "staff", full_name="Nguyễn Thị Lan")
    finally:
        conn.close()
    with LiveServer(create_app(settings)) as server:
        server.settings = settings  # type: ignore[attr-defined]
        server.data = data  # type: ignore[attr-defined]
        yield server
