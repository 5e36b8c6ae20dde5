"""The whole-recording pass after a live meeting replaces the live captions with better text, and never
with nothing: a pass that hears no speech (a decoding fallback, a bad file) keeps what the room already had."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import soundfile as sf

from appliance.config import Settings
from appliance.engines.base import Segment
from appliance.engines.registry import Registry, reset_registry
from appliance.meetings import pipeline, store
from appliance.meetings.rows import NewLine


class ScriptedTranscriber:
    """Answers the whole-recording pass with the segments it was given."""

    name = "scripted"

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self.calls = 0

    def transcribe(self, audio: object, **_options: object) -> list[Segment]:
        self.calls += 1
        return self.segments


def live_meeting(conn: sqlite3.Connection, settings: Settings) -> int:
    """A live meeting of two 1-second audio files with one caption each."""
    mid = store.create_meeting(conn, "Giao ban", status="processing")
    folder = store.meeting_dir(settings, mid)
    folder.mkdir(parents=True, exist_ok=True)
    for seq in (1, 2):
        path = folder / f"seg{seq}.wav"
        sf.write(path, np.zeros(16000, dtype=np.int16), 16000, subtype="PCM_16")
        conn.execute("INSERT INTO meeting_audio (meeting_id, seq, path, start_s, duration_s, sample_rate, channels,"
                     " repaired, created_at, transcribed) VALUES (?, ?, ?, ?, 1.0, 16000, 1, 0, 0, 1)",
                     (mid, seq, str(path.relative_to(settings.data_dir)), seq - 1.0))
    store.add_lines(conn, mid, [NewLine(0.0, 1.0, "Khai mạc cuộc họp."), NewLine(1.0, 2.0, "Giao anh Hùng.")])
    conn.commit()
    return mid


@pytest.mark.parametrize("heard", [[], [Segment(0.0, 2.0, "Khai mạc cuộc họp, giao anh Hùng kiểm tra.")]])
def test_the_whole_pass_replaces_captions_only_with_text(conn, settings, monkeypatch, heard):
    mid = live_meeting(conn, settings)
    model = ScriptedTranscriber(heard)
    registry = Registry.from_instances(settings, transcriber=model)
    monkeypatch.setattr("appliance.engines.get_registry", lambda _s: registry)
    try:
        replaced = pipeline.final_pass(conn, settings, mid)
    finally:
        reset_registry()
    texts = [r["text"] for r in store.segment_rows(conn, mid)]
    assert model.calls == 1
    if heard:
        assert replaced and texts == ["Khai mạc cuộc họp, giao anh Hùng kiểm tra."]
    else:
        assert not replaced and texts == ["Khai mạc cuộc họp.", "Giao anh Hùng."]
