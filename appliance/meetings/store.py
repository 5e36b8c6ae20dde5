"""The meetings feature's SQL: the only module that writes its tables (meetings, meeting_audio,
meeting_segments, meeting_speakers, voice_profiles, meeting_settings). The recorder, the API, the
pages, the jobs and the CLI call these functions; other features read through `service.py`.
Rows travel as the TypedDicts of `rows.py`."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

from appliance.config import Settings
from appliance.db import transaction
from appliance.jobs import enqueue
from appliance.meetings.rows import AudioRow, MeetingRow, MeetingUpdate, NewLine, SegmentRow, SpeakerRow, VoiceRow
from appliance.meetings.wavfile import ClosedSegment, repair_part, wav_frames
from appliance.text.formatting import local_today, utc_stamp

SEGMENT_NAME = re.compile(r"^seg-(\d{6})\.wav$")


# --- where the audio lives ----------------------------------------------------------------------
def recordings_root(settings: Settings) -> Path:
    return settings.data_dir / "recordings"


def meeting_dir(settings: Settings, meeting_id: int) -> Path:
    return recordings_root(settings) / f"{meeting_id:06d}"


def segment_path(settings: Settings, meeting_id: int, seq: int) -> Path:
    return meeting_dir(settings, meeting_id) / f"seg-{seq:06d}.wav"


# --- meetings -----------------------------------------------------------------------------------
def create_meeting(conn: sqlite3.Connection, title: str, *, room: str = "", device: str | None = None,
                   source: str = "live", status: str = "recording", created_by: int | None = None,
                   meeting_date: str | None = None) -> int:
    # started_at is UTC like every stored time; the meeting's day is the ward's calendar day
    # (local), whatever zone the server process runs in.
    cur = conn.execute(
        "INSERT INTO meetings (title, room, device, source, status, created_by, meeting_date, started_at, message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (title, room, device, source, status, created_by, meeting_date or local_today().isoformat(), utc_stamp(),
         "Đang ghi âm" if status == "recording" else "Đang xử lý"),
    )
    return int(cur.lastrowid or 0)


def create_planned(conn: sqlite3.Connection, title: str, meeting_date: str, agenda: str,
                   created_by: int | None) -> int:
    """A meeting set up ahead (status 'planned', source 'planned'): no audio, no recorder, no
    minutes until it is recorded or uploaded into (`begin_planned`)."""
    cur = conn.execute(
        "INSERT INTO meetings (title, source, status, created_by, meeting_date, started_at, agenda, message,"
        " recorder_closed) VALUES (?, 'planned', 'planned', ?, ?, ?, ?, ?, 1)",
        (title, created_by, meeting_date, utc_stamp(), agenda, "Cuộc họp dự kiến, chưa ghi âm"))
    return int(cur.lastrowid or 0)


def begin_planned(conn: sqlite3.Connection, meeting_id: int, *, source: str, status: str, room: str = "",
                  device: str | None = None, meeting_date: str | None = None) -> bool:
    """A planned meeting is recorded (live) or uploaded into: it keeps its title and agenda. False
    when it is not (or no longer) planned, so two starts cannot both take it."""
    cur = conn.execute(
        "UPDATE meetings SET source = ?, status = ?, room = ?, device = ?, started_at = ?, recorder_closed = 0,"
        " meeting_date = COALESCE(?, meeting_date), message = ? WHERE id = ? AND status = 'planned'",
        (source, status, room, device, utc_stamp(), meeting_date,
         "Đang ghi âm" if status == "recording" else "Đang xử lý", meeting_id))
    return cur.rowcount > 0


def _meeting(row: sqlite3.Row | None) -> MeetingRow | None:
    return cast(MeetingRow, dict(row)) if row is not None else None


def get_meeting(conn: sqlite3.Connection, meeting_id: int) -> MeetingRow | None:
    return _meeting(conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone())


def active_meeting(conn: sqlite3.Connection, room: str) -> MeetingRow | None:
    return _meeting(conn.execute(
        "SELECT * FROM meetings WHERE status = 'recording' AND source = 'live' AND room = ? ORDER BY id LIMIT 1",
        (room,)).fetchone())


def latest_recording(conn: sqlite3.Connection) -> MeetingRow | None:
    """The meeting being recorded now in any room (the newest when several are)."""
    return _meeting(conn.execute("SELECT * FROM meetings WHERE status = 'recording' ORDER BY id DESC LIMIT 1")
                    .fetchone())


def list_meetings(conn: sqlite3.Connection, limit: int) -> list[MeetingRow]:
    return [cast(MeetingRow, dict(r)) for r in conn.execute("SELECT * FROM meetings ORDER BY id DESC LIMIT ?",
                                                             (limit,))]


def planned_meetings(conn: sqlite3.Connection, limit: int) -> list[MeetingRow]:
    """Meetings set up ahead and not yet recorded, the soonest first."""
    return [cast(MeetingRow, dict(r)) for r in conn.execute(
        "SELECT * FROM meetings WHERE status = 'planned' ORDER BY meeting_date, id LIMIT ?", (limit,))]


def meetings_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, MeetingRow]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    return {r["id"]: cast(MeetingRow, dict(r))
            for r in conn.execute(f"SELECT * FROM meetings WHERE id IN ({marks})", wanted)}


def rooms_in_use(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT DISTINCT room FROM meetings WHERE room != ''")}


def oldest_meeting_date(conn: sqlite3.Connection) -> str | None:
    value: str | None = conn.execute("SELECT MIN(meeting_date) FROM meetings").fetchone()[0]
    return value


def live_meetings_to_repair(conn: sqlite3.Connection, room: str) -> list[int]:
    """Live meetings of a room still recording, or stopped while their recorder was not there to close."""
    return [int(r[0]) for r in conn.execute(
        "SELECT id FROM meetings WHERE room = ? AND source = 'live' AND (status = 'recording' OR recorder_closed = 0)",
        (room,))]


def ended_before(conn: sqlite3.Connection, cutoff: str) -> list[MeetingRow]:
    """Finished meetings (done or failed) held before `cutoff` (YYYY-MM-DD)."""
    return [cast(MeetingRow, dict(r)) for r in conn.execute(
        "SELECT * FROM meetings WHERE meeting_date < ? AND status IN ('done', 'failed')", (cutoff,))]


def update_meeting(conn: sqlite3.Connection, meeting_id: int, changes: MeetingUpdate) -> None:
    unknown = set(changes) - set(MeetingUpdate.__annotations__)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    if not changes:
        return
    sets = ", ".join(f"{key} = ?" for key in changes)
    conn.execute(f"UPDATE meetings SET {sets} WHERE id = ?", (*changes.values(), meeting_id))


def set_status(conn: sqlite3.Connection, meeting_id: int, status: str, message: str = "", *,
               error: str | None = None) -> None:
    changes: MeetingUpdate = {"status": status, "message": message}
    if error is not None:
        changes["error"] = error
    update_meeting(conn, meeting_id, changes)


def say_while_recording(conn: sqlite3.Connection, meeting_id: int, message: str) -> None:
    """The message people see, only while the meeting is still being recorded."""
    conn.execute("UPDATE meetings SET message = ? WHERE id = ? AND status = 'recording'", (message, meeting_id))


def mark_stopped(conn: sqlite3.Connection, meeting_id: int) -> bool:
    """recording → processing (False when it was no longer recording)."""
    cur = conn.execute(
        "UPDATE meetings SET status = 'processing', ended_at = datetime('now'),"
        " message = 'Đã dừng ghi âm, đang xử lý biên bản' WHERE id = ? AND status = 'recording'", (meeting_id,))
    return cur.rowcount > 0


def heartbeat(conn: sqlite3.Connection, meeting_id: int, pid: int) -> str:
    """The recorder says it is alive; answers the meeting's status ('failed' when it is gone)."""
    conn.execute("UPDATE meetings SET recorder_pid = ?, recorder_seen_at = ? WHERE id = ?",
                 (pid, time.time(), meeting_id))
    row = conn.execute("SELECT status FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    return str(row[0]) if row else "failed"


def mark_recorder_closed(conn: sqlite3.Connection, meeting_id: int) -> None:
    conn.execute("UPDATE meetings SET recorder_closed = 1 WHERE id = ?", (meeting_id,))


def reset_for_reprocess(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Every audio file is transcribed again; the meeting goes back to processing."""
    conn.execute("UPDATE meeting_audio SET transcribed = 0 WHERE meeting_id = ?", (meeting_id,))
    conn.execute("UPDATE meetings SET status = 'processing', recorder_closed = 1 WHERE id = ?", (meeting_id,))


# --- the audio index ----------------------------------------------------------------------------
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


def audio_rows(conn: sqlite3.Connection, meeting_id: int) -> list[AudioRow]:
    return [cast(AudioRow, dict(r)) for r in
            conn.execute("SELECT * FROM meeting_audio WHERE meeting_id = ? ORDER BY seq", (meeting_id,))]


def get_audio(conn: sqlite3.Connection, audio_id: int) -> AudioRow | None:
    row = conn.execute("SELECT * FROM meeting_audio WHERE id = ?", (audio_id,)).fetchone()
    return cast(AudioRow, dict(row)) if row is not None else None


def audio_path(conn: sqlite3.Connection, meeting_id: int, seq: int) -> str | None:
    """The segment file's path relative to DATA_DIR, or None when no such segment was indexed."""
    row = conn.execute("SELECT path FROM meeting_audio WHERE meeting_id = ? AND seq = ?", (meeting_id, seq)).fetchone()
    return str(row[0]) if row else None


def mark_transcribed(conn: sqlite3.Connection, audio: AudioRow, lines: Sequence[NewLine], transcriber: str) -> int:
    """Store one audio file's captions and mark it transcribed, once: 0 when another run got there first."""
    with transaction(conn):
        if conn.execute("SELECT transcribed FROM meeting_audio WHERE id = ?", (audio["id"],)).fetchone()[0]:
            return 0
        _insert_lines(conn, audio["meeting_id"], lines)
        conn.execute("UPDATE meeting_audio SET transcribed = 1 WHERE id = ?", (audio["id"],))
        # the segment's own captions replace its provisional ones in the same commit (no gap on screen)
        conn.execute("DELETE FROM meeting_interim WHERE meeting_id = ? AND seq = ?",
                     (audio["meeting_id"], audio["seq"]))
        conn.execute("UPDATE meetings SET transcriber = ? WHERE id = ?", (transcriber, audio["meeting_id"]))
    return len(lines)


# --- transcript lines and speakers --------------------------------------------------------------
def _insert_lines(conn: sqlite3.Connection, meeting_id: int, lines: Iterable[NewLine]) -> None:
    conn.executemany("INSERT INTO meeting_segments (meeting_id, audio_id, start, end, speaker, text, original_text)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(meeting_id, ln.audio_id, ln.start, ln.end, ln.speaker, ln.text, ln.text) for ln in lines])


def add_lines(conn: sqlite3.Connection, meeting_id: int, lines: Sequence[NewLine]) -> None:
    _insert_lines(conn, meeting_id, lines)


def replace_lines(conn: sqlite3.Connection, meeting_id: int, lines: Sequence[NewLine]) -> None:
    """The whole transcript at once (the pass over the whole recording replaces the live captions)."""
    with transaction(conn):
        conn.execute("DELETE FROM meeting_segments WHERE meeting_id = ?", (meeting_id,))
        _insert_lines(conn, meeting_id, lines)


def delete_unedited_lines(conn: sqlite3.Connection, meeting_id: int) -> None:
    conn.execute("DELETE FROM meeting_segments WHERE meeting_id = ? AND edited_at IS NULL", (meeting_id,))


def segment_rows(conn: sqlite3.Connection, meeting_id: int, after_id: int = 0) -> list[SegmentRow]:
    """The meeting's lines in time order (only those added after line `after_id`, for the caption stream)."""
    return [cast(SegmentRow, dict(r)) for r in conn.execute(
        "SELECT * FROM meeting_segments WHERE meeting_id = ? AND id > ? ORDER BY start", (meeting_id, after_id))]


def get_segment(conn: sqlite3.Connection, meeting_id: int, segment_id: int) -> SegmentRow | None:
    row = conn.execute("SELECT * FROM meeting_segments WHERE id = ? AND meeting_id = ?",
                       (segment_id, meeting_id)).fetchone()
    return cast(SegmentRow, dict(row)) if row is not None else None


def texts_before(conn: sqlite3.Connection, meeting_id: int, before: float, limit: int) -> list[str]:
    """The last `limit` lines that start before `before`, oldest first."""
    rows = conn.execute("SELECT text FROM meeting_segments WHERE meeting_id = ? AND start < ?"
                        " ORDER BY start DESC LIMIT ?", (meeting_id, before, limit)).fetchall()
    return [str(r[0]) for r in reversed(rows)]


def has_edited_lines(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meeting_segments WHERE meeting_id = ? AND edited_at IS NOT NULL LIMIT 1",
                        (meeting_id,)).fetchone() is not None


def edit_line(conn: sqlite3.Connection, segment_id: int, text: str, speaker: str, user_id: int) -> None:
    conn.execute("UPDATE meeting_segments SET text = ?, speaker = ?, edited_by = ?, edited_at = datetime('now')"
                 " WHERE id = ?", (text, speaker, user_id, segment_id))


def set_line_speakers(conn: sqlite3.Connection, meeting_id: int, labels: dict[int, str], order: Sequence[str]) -> None:
    """Each line's speaker label; labels new to the meeting are named "Người nói N" in order of first word."""
    with transaction(conn):
        conn.executemany("UPDATE meeting_segments SET speaker = ? WHERE id = ?",
                         [(label, seg_id) for seg_id, label in labels.items()])
        conn.executemany("INSERT OR IGNORE INTO meeting_speakers (meeting_id, label, name) VALUES (?, ?, ?)",
                         [(meeting_id, label, f"Người nói {index}") for index, label in enumerate(order, start=1)])


def speaker_names(conn: sqlite3.Connection, meeting_id: int) -> dict[str, str]:
    return {r["label"]: r["name"] for r in
            conn.execute("SELECT label, name FROM meeting_speakers WHERE meeting_id = ?", (meeting_id,))}


def speakers(conn: sqlite3.Connection, meeting_id: int) -> list[SpeakerRow]:
    return [cast(SpeakerRow, dict(r)) for r in conn.execute(
        "SELECT label, name, source FROM meeting_speakers WHERE meeting_id = ? ORDER BY label", (meeting_id,))]


def find_speaker(conn: sqlite3.Connection, meeting_id: int, label_or_name: str) -> str | None:
    row = conn.execute("SELECT label FROM meeting_speakers WHERE meeting_id = ? AND (label = ? OR name = ?)",
                       (meeting_id, label_or_name, label_or_name)).fetchone()
    return str(row[0]) if row else None


def add_speaker(conn: sqlite3.Connection, meeting_id: int, label: str, name: str, source: str = "auto") -> None:
    """A speaker of the meeting (kept as it is when the label is already there)."""
    conn.execute("INSERT OR IGNORE INTO meeting_speakers (meeting_id, label, name, source) VALUES (?, ?, ?, ?)",
                 (meeting_id, label, name, source))


def rename_speaker(conn: sqlite3.Connection, meeting_id: int, label: str, name: str) -> bool:
    """A name set by hand (it wins over voice matching from then on); False when there is no such speaker."""
    cur = conn.execute("UPDATE meeting_speakers SET name = ?, source = 'hand' WHERE meeting_id = ? AND label = ?",
                       (name, meeting_id, label))
    return cur.rowcount > 0


def drop_speakers(conn: sqlite3.Connection, meeting_id: int, keep: set[str]) -> None:
    """Before the speakers are found again: the meeting's voices go, except those a person chose for a line
    (`keep`) and those a person added by hand (HAND_…), which no diarization can find."""
    keep_list = sorted(keep)
    marks = ",".join("?" * len(keep_list))
    conn.execute(f"DELETE FROM meeting_speakers WHERE meeting_id = ? AND label NOT LIKE 'HAND\\_%' ESCAPE '\\'"
                 f"{f' AND label NOT IN ({marks})' if keep_list else ''}", (meeting_id, *keep_list))


def set_speaker_name(conn: sqlite3.Connection, meeting_id: int, label: str, name: str, source: str) -> None:
    """A voice's name carried over from before the speakers were found again, with where it came from."""
    conn.execute("UPDATE meeting_speakers SET name = ?, source = ? WHERE meeting_id = ? AND label = ?",
                 (name, source, meeting_id, label))


def name_by_voice(conn: sqlite3.Connection, meeting_id: int, label: str, name: str) -> None:
    """A name found by voice matching; a name set by hand is kept."""
    conn.execute("UPDATE meeting_speakers SET name = ?, source = 'voice'"
                 " WHERE meeting_id = ? AND label = ? AND source != 'hand'", (name, meeting_id, label))


# --- voice profiles and settings ----------------------------------------------------------------
def add_voice_profile(conn: sqlite3.Connection, name: str, user_id: int | None, embedding: Sequence[float],
                      kind: str) -> int:
    cur = conn.execute("INSERT INTO voice_profiles (name, user_id, embedding, kind) VALUES (?, ?, ?, ?)",
                       (name, user_id, json.dumps([round(float(x), 6) for x in embedding]), kind))
    return int(cur.lastrowid or 0)


def voice_embeddings(conn: sqlite3.Connection, kind: str) -> list[tuple[str, list[float]]]:
    """The samples' embeddings of one kind (a model's embeddings compare only with its own)."""
    return [(r["name"], json.loads(r["embedding"]))
            for r in conn.execute("SELECT name, embedding FROM voice_profiles WHERE kind = ?", (kind,))]


def voice_profiles(conn: sqlite3.Connection) -> list[VoiceRow]:
    return [cast(VoiceRow, dict(r))
            for r in conn.execute("SELECT id, name, kind, created_at FROM voice_profiles ORDER BY name")]


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meeting_settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meeting_settings (key, value) VALUES (?, ?)", (key, value))
