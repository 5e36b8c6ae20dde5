"""Fixtures shared by the task-extraction tests."""

from __future__ import annotations

import pytest

from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import memory_ward


@pytest.fixture(scope="module")
def ward() -> tuple[Roster, WorkCalendar]:
    """The in-memory ward directory and calendar of the tests/tasks sentences (one per test module, as before)."""
    return memory_ward()
