"""Fixtures shared by the task-extraction tests."""

from __future__ import annotations

import pytest

from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import memory_ward


@pytest.fixture(scope="session")
def ward() -> tuple[Roster, WorkCalendar]:
    """The in-memory ward directory and calendar of the tests/tasks sentences, built once for the whole run: the
    extractor only reads them (it took about 1,3 s of setup in each of the fifteen modules that use it)."""
    return memory_ward()
