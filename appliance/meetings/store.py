"""Meeting rows and the audio index: the small set of writes the recorder, the API and the jobs share."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from appliance.config import Settings
from appliance.db import transaction
from appliance.meetings.wavfile import ClosedSegment, repair_part, wav_frames

SEGMENT_NAME = re.compile(r"^seg-(\d{6})\.wav$")


def recordings_root(settings: Settings) -> Path:
    return settings.data_dir / "recordings"


def meeting_dir(settings: Settings, meeting_id: int) -> Path:
    return recordings_root(settings) / f"{meeting_id:06d}"


def segment_path(settings: Settings, meeting_id: int, seq: int) -> Path:
    return meeting_dir(settings, meeting_id) / f"seg-{seq:06d}.wav"


def create_meeting(conn: sqlite3.Connection, title: str, *, room: str = "", device: str | None = None,
                   source: str = "live", status: str = "recording", created_by: int | None = None,
                   meeting_date: str | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO meetings (title, room, device, source, status, created_by, meeting_date, message)"
        " VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, date('now', 'localtime')), ?)",
        (title, room, device, source, status, created_by, meeting_date,
         "Đang ghi âm" if status == "recording" else "Đang xử lý"),
    )
    return int(cur.lastrowid or 0)


def get_meeting(conn: sqlite3.Connection, meeting_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    return row


def active_meeting(conn: sqlite3.Connection, room: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM meetings WHERE status = 'recording' AND source = 'live' AND room = ? ORDER BY id LIMIT 1",
        (room,)).fetchone()
    return row


def next_seq(conn: sqlite3.Connection, meeting_id: int) -> tuple[int, float]:
    """The next segment number and where it starts on the meeting's audio timeline."""
    row = conn.execute("SELECT COALESCE(MAX(seq), 0), COALESCE(SUM(duration_s), 0) FROM meeting_audio"
                       " WHERE meeting_id = ?", (meeting_id,)).fetchone()
    return int(row[0]) + 1, float(row[1])


def record_segment(conn: sqlite3.Connection, settings: Settings, meeting_id: int, seq: int,
                   segment: ClosedSegment, *, repaired: bool = False, transcribe: bool = True) -> int | None:
    """Index a closed segment file (idempotent on (meeting, seq)); queues its live transcription."""
    rel = str(segment.path.relative_to(settings.data_dir))
    with transaction(conn):
        exists = conn.execute("SELECT id FROM meeting_audio WHERE meeting_id = ? AND seq = ?",
                              (meeting_id, seq)).fetchone()
        if exists:
            return None
        start = conn.execute("SELECT COALESCE(SUM(duration_s), 0) FROM meeting_audio WHERE meeting_id = ?",
                             (meeting_id,)).fetchone()[0]
        cur = conn.execute(
            "INSERT INTO meeting_audio (meeting_id, seq, path, start_s, duration_s, sample_rate, channels,"
            " repaired, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (meeting_id, seq, rel, start, segment.duration_s, segment.rate, segment.channels, int(repaired),
             time.time()))
        audio_id = int(cur.lastrowid or 0)
        conn.execute("UPDATE meetings SET duration_s = ? WHERE id = ?", (start + segment.duration_s, meeting_id))
        if transcribe:
            from appliance.jobs import enqueue

            enqueue(conn, "meetings.transcribe_segment", {"audio_id": audio_id})
    return audio_id


def repair_meeting_dir(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> list[int]:
    """Close every `.part` a crash left and index every closed file the crash kept out of the DB."""
    folder = meeting_dir(settings, meeting_id)
    if not folder.exists():
        return []
    for part in sorted(folder.glob("seg-*.wav.part")):
        try:
            repair_part(part)
        except FileNotFoundError:
            continue  # another process repaired it first
    indexed = {r[0] for r in conn.execute("SELECT seq FROM meeting_audio WHERE meeting_id = ?", (meeting_id,))}
    added = []
    for path in sorted(folder.glob("seg-*.wav")):
        match = SEGMENT_NAME.match(path.name)
        if not match or int(match.group(1)) in indexed:
            continue
        audio_id = record_segment(conn, settings, meeting_id, int(match.group(1)), wav_frames(path), repaired=True)
        if audio_id:
            added.append(audio_id)
    return added


def set_status(conn: sqlite3.Connection, meeting_id: int, status: str, message: str = "", **fields: Any) -> None:
    allowed = {"ended_at", "error", "transcriber", "diarizer", "task_engine", "draft_id", "so_ky_hieu",
               "minutes_docx_url", "minutes_text", "recorder_closed", "duration_s"}
    sets, values = ["status = ?", "message = ?"], [status, message]
    for key, value in fields.items():
        if key not in allowed:
            raise KeyError(key)
        sets.append(f"{key} = ?")
        values.append(value)
    conn.execute(f"UPDATE meetings SET {', '.join(sets)} WHERE id = ?", (*values, meeting_id))


def audio_rows(conn: sqlite3.Connection, meeting_id: int) -> list[sqlite3.Row]:
    return list(conn.execute("SELECT * FROM meeting_audio WHERE meeting_id = ? ORDER BY seq", (meeting_id,)))
