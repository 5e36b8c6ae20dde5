"""Meetings minuted, for the impact report: read here because `meetings` is this feature's."""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.reporting.activity import Activity


def minuted(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[Activity]:
    """Meetings held on start..end (their own date, already the ward's calendar day) whose biên bản
    was written by the appliance (a minutes draft or minutes text exists)."""
    rows = conn.execute(
        "SELECT id, title, meeting_date, created_by FROM meetings WHERE meeting_date BETWEEN ? AND ?"
        " AND (draft_id IS NOT NULL OR COALESCE(minutes_text, '') <> '') ORDER BY meeting_date, id",
        (start.isoformat(), end.isoformat())).fetchall()
    return [Activity(day=r["meeting_date"], ref=str(r["id"]), text=f"Biên bản cuộc họp: {r['title']}",
                     user_id=r["created_by"], href=f"/cuoc-hop/{r['id']}") for r in rows]


def minutes_draft_ids(conn: sqlite3.Connection) -> frozenset[int]:
    """The drafts that are meetings' biên bản (the report counts them once, as minutes)."""
    return frozenset(int(r[0]) for r in conn.execute("SELECT draft_id FROM meetings WHERE draft_id IS NOT NULL"))
