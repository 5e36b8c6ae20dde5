"""SQL on `meeting_interim`: the live captions of segments still being recorded (issue 17): the confirmed
words (`text`, agreed by two quick decodes) and after them the newest decode's words not agreed yet
(`pending`).

Written by the caption worker's interim pass, read by the caption stream; a row is deleted when its
segment's own captions are stored (`store.mark_transcribed`) and when the meeting is finalized. Nothing
here is ever part of the transcript."""

from __future__ import annotations

import sqlite3
import time
from typing import TypedDict


class InterimRow(TypedDict):
    meeting_id: int
    seq: int
    start: float
    end: float
    text: str
    updated_at: float
    pending: str
    pending_end: float


def live_meeting_ids(conn: sqlite3.Connection) -> list[int]:
    """Meetings a recorder is writing now (live source, status recording)."""
    return [int(r[0]) for r in conn.execute(
        "SELECT id FROM meetings WHERE status = 'recording' AND source = 'live' ORDER BY id")]


def set_interim(conn: sqlite3.Connection, meeting_id: int, seq: int, start: float, end: float, text: str,
                pending: str = "", pending_end: float = 0.0) -> bool:
    """Store the open segment's confirmed words (`start`–`end`; `text` "" while none is) and the newest
    decode's words after them (`pending`, ending at `pending_end`); refused (False) once that segment is
    transcribed, so a slow interim decode never brings provisional words back over the final captions."""
    cur = conn.execute(
        "INSERT INTO meeting_interim (meeting_id, seq, start, end, text, updated_at, pending, pending_end)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM meeting_audio"
        "  WHERE meeting_id = ? AND seq = ? AND transcribed = 1)"
        " ON CONFLICT (meeting_id, seq) DO UPDATE SET start = excluded.start, end = excluded.end,"
        " text = excluded.text, updated_at = excluded.updated_at, pending = excluded.pending,"
        " pending_end = excluded.pending_end",
        (meeting_id, seq, start, end, text, time.time(), pending, pending_end, meeting_id, seq))
    return cur.rowcount > 0


def interim_rows(conn: sqlite3.Connection, meeting_id: int) -> list[InterimRow]:
    return [InterimRow(meeting_id=int(r[0]), seq=int(r[1]), start=float(r[2]), end=float(r[3]), text=str(r[4]),
                       updated_at=float(r[5]), pending=str(r[6]), pending_end=float(r[7]))
            for r in conn.execute("SELECT meeting_id, seq, start, end, text, updated_at, pending, pending_end"
                                  " FROM meeting_interim WHERE meeting_id = ? ORDER BY seq", (meeting_id,))]


def clear_interim(conn: sqlite3.Connection, meeting_id: int) -> None:
    """All of a meeting's provisional captions (after stop: the transcript is what remains)."""
    conn.execute("DELETE FROM meeting_interim WHERE meeting_id = ?", (meeting_id,))
