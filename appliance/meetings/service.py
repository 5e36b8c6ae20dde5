"""What other features may ask of meetings (they never run SQL on its tables): the task tracker
shows which meeting a task came from."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TypedDict

from appliance.meetings import store


class MeetingRef(TypedDict):
    """A meeting as another feature links to it (`/cuoc-hop/{id}`)."""

    id: int
    title: str
    date: str  # meeting_date, YYYY-MM-DD


def meeting_refs(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, MeetingRef]:
    return {meeting_id: {"id": meeting_id, "title": row["title"], "date": row["meeting_date"]}
            for meeting_id, row in store.meetings_by_id(conn, ids).items()}
