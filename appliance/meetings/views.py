"""A meeting as the API and the pages show it (GET /api/v1/meetings/{id}, the caption stream,
/cuoc-hop/{id}): its row, transcript lines with speaker names, and tasks."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping
from typing import TypedDict

from appliance.meetings import store
from appliance.meetings.rows import MeetingRow
from appliance.tasks import service as tasks

TASK_FIELDS = ("id", "assignee", "unit", "content", "deadline", "quote", "status", "engine", "staff_id", "confidence",
               "review")


class LineView(TypedDict):
    id: int
    start: float
    end: float
    speaker: str | None         # the speaker's name (its label until named)
    speaker_label: str | None
    text: str
    edited: bool
    live: bool                  # a caption from a live segment, not from the pass after stop


def segments_json(conn: sqlite3.Connection, meeting_id: int, after_id: int = 0) -> list[LineView]:
    names = store.speaker_names(conn, meeting_id)
    return [{"id": r["id"], "start": round(r["start"], 2), "end": round(r["end"], 2),
             "speaker": names.get(r["speaker"], r["speaker"]) or None, "speaker_label": r["speaker"] or None,
             "text": r["text"], "edited": r["edited_at"] is not None, "live": r["audio_id"] is not None}
            for r in store.segment_rows(conn, meeting_id, after_id)]


class MeetingView(TypedDict):
    id: int
    title: str
    status: str
    message: str
    room: str
    source: str
    meeting_date: str
    started_at: str
    ended_at: str | None
    duration_s: float
    segments: list[LineView]
    minutes_docx_url: str | None
    draft_id: int | None
    so_ky_hieu: str | None
    tasks: list[dict[str, object]]
    engines: dict[str, str | None]
    location: str
    chair: str
    secretary: str
    attendees: str
    conclusion: str
    recorder_alive: bool
    agenda: str
    minutes: dict[str, object] | None   # the biên bản's structured draft (items, method, note, edited)
    minutes_issued: bool
    task_note: str | None
    error: str | None           # what went wrong when status is "failed" (technical detail, for the page)


def _task_json(task: Mapping[str, object]) -> dict[str, object]:
    return {k: task[k] for k in TASK_FIELDS}


def meeting_json(conn: sqlite3.Connection, row: MeetingRow) -> MeetingView:
    return {
        "id": row["id"], "title": row["title"], "status": row["status"], "message": row["message"],
        "room": row["room"], "source": row["source"], "meeting_date": row["meeting_date"],
        "started_at": row["started_at"], "ended_at": row["ended_at"],
        "duration_s": round(float(row["duration_s"] or 0), 2),
        "segments": segments_json(conn, row["id"]),
        "minutes_docx_url": row["minutes_docx_url"], "draft_id": row["draft_id"], "so_ky_hieu": row["so_ky_hieu"],
        "tasks": [_task_json(t) for t in tasks.list_tasks(conn, meeting_id=row["id"])],
        "engines": {"transcriber": row["transcriber"], "diarizer": row["diarizer"], "tasks": row["task_engine"]},
        "location": row["location"], "chair": row["chair"], "secretary": row["secretary"],
        "attendees": row["attendees"], "conclusion": row["conclusion"],
        "recorder_alive": bool(row["recorder_seen_at"] and time.time() - float(row["recorder_seen_at"]) < 10),
        "agenda": row["agenda"],
        "minutes": json.loads(row["minutes_json"]) if row["minutes_json"] else None,
        "minutes_issued": bool(row["so_ky_hieu"] and not row["so_ky_hieu"].startswith("…")),
        "task_note": row["task_note"],
        "error": row["error"] if row["status"] == "failed" else None,
    }
