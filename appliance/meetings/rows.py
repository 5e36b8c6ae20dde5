"""The meetings feature's rows as they travel between its modules: TypedDicts that mirror
`schema.py` (a row read by `store.py` is the table's columns, by name)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict


class MeetingRow(TypedDict):
    id: int
    title: str
    room: str
    device: str | None
    source: str                 # live | upload | demo | planned (set up ahead, nothing recorded yet)
    status: str                 # planned | recording | processing | done | failed
    meeting_date: str
    started_at: str
    ended_at: str | None
    duration_s: float
    location: str
    chair: str
    secretary: str
    attendees: str
    conclusion: str
    recorder_pid: int | None
    recorder_seen_at: float | None
    recorder_closed: int
    transcriber: str | None
    diarizer: str | None
    task_engine: str | None
    draft_id: int | None
    so_ky_hieu: str | None
    minutes_docx_url: str | None
    minutes_text: str | None
    message: str
    error: str | None
    created_by: int | None
    created_at: str
    agenda: str
    minutes_json: str | None
    task_note: str | None


class MeetingUpdate(TypedDict, total=False):
    """The columns set after creation (the recorder's own columns have their own functions)."""

    title: str
    location: str
    chair: str
    secretary: str
    attendees: str
    conclusion: str
    started_at: str
    duration_s: float
    recorder_closed: int
    transcriber: str
    diarizer: str
    task_engine: str
    draft_id: int
    so_ky_hieu: str | None
    minutes_docx_url: str | None
    minutes_text: str | None
    status: str
    message: str
    error: str
    agenda: str
    minutes_json: str | None
    task_note: str | None


class AudioRow(TypedDict):
    id: int
    meeting_id: int
    seq: int
    path: str                   # relative to DATA_DIR
    start_s: float
    duration_s: float
    sample_rate: int
    channels: int
    repaired: int
    transcribed: int
    created_at: float


class SegmentRow(TypedDict):
    id: int
    meeting_id: int
    audio_id: int | None
    start: float
    end: float
    speaker: str
    text: str
    original_text: str
    edited_by: int | None
    edited_at: str | None


class SpeakerRow(TypedDict):
    label: str
    name: str
    source: str                 # auto | voice | hand


class VoiceRow(TypedDict):
    id: int
    name: str
    kind: str                   # the embedding's model ("ge2e-256", or the "logmel-stats" fallback)
    created_at: str


@dataclass(frozen=True)
class NewLine:
    """A transcript line to store: `audio_id` for a live caption, `speaker` once known."""

    start: float
    end: float
    text: str
    speaker: str = ""
    audio_id: int | None = None
