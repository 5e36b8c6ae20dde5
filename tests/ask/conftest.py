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
