"""What other features may ask of meetings (they never run SQL on its tables): the task tracker
shows which meeting a task came from; the complaint loop (appliance.loop) puts a ticket on a
meeting's agenda."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TypedDict

from appliance.jobs import enqueue
from appliance.meetings import store


class MeetingRef(TypedDict):
    """A meeting as another feature links to it (`/cuoc-hop/{id}`)."""

    id: int
    title: str
    date: str  # meeting_date, YYYY-MM-DD


def meeting_refs(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, MeetingRef]:
    return {meeting_id: {"id": meeting_id, "title": row["title"], "date": row["meeting_date"]}
            for meeting_id, row in store.meetings_by_id(conn, ids).items()}


class MeetingChoice(MeetingRef):
    """A meeting another feature may add an agenda item to; `planned` when it is still ahead."""

    planned: bool


def recent_meetings(conn: sqlite3.Connection, limit: int = 20) -> list[MeetingChoice]:
    """Meetings whose agenda another feature may add an item to: the planned ones first (the
    soonest first: that is where a new item belongs), then the newest of the others."""
    planned = store.planned_meetings(conn, limit)
    others = [row for row in store.list_meetings(conn, limit + len(planned)) if row["status"] != "planned"]
    return [{"id": row["id"], "title": row["title"], "date": row["meeting_date"], "planned": row["status"] == "planned"}
            for row in [*planned, *others][:limit]]


def plan_meeting(conn: sqlite3.Connection, title: str, meeting_date: str, agenda: str, created_by: int | None) -> int:
    """A meeting set up ahead (title, its day YYYY-MM-DD, agenda one item per line): it can take
    agenda items at once and is recorded or uploaded into later, keeping them."""
    lines = [" ".join(line.split()) for line in agenda.splitlines()]
    return store.create_planned(conn, " ".join(title.split()), meeting_date,
                                "\n".join(line for line in lines if line), created_by)


def add_agenda_item(conn: sqlite3.Connection, meeting_id: int, item: str) -> bool:
    """Append one line to the meeting's agenda (one item per line), once: an item already there is
    not added again. False when there is no such meeting. A finished meeting's biên bản follows its
    agenda, so it is refreshed as after the secretary's own agenda edit."""
    row = store.get_meeting(conn, meeting_id)
    item = " ".join(item.split())
    if row is None or not item:
        return False
    lines = [line for line in row["agenda"].splitlines() if line.strip()]
    if item in (line.strip() for line in lines):
        return True
    store.update_meeting(conn, meeting_id, {"agenda": "\n".join([*lines, item])})
    if row["status"] == "done":
        enqueue(conn, "meetings.refresh_minutes", {"meeting_id": meeting_id})
    return True
