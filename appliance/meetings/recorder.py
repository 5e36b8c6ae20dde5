"""`appliance-recorder@<room>`: one process per speakerphone, writing crash-safe segments.

Lifecycle: repair whatever a crash left (`.part` files, closed files missing from the index),
then wait for a meeting of this room in status 'recording' and append 10 s segments to it. A
recorder killed mid-meeting (or a power cut) resumes the same meeting on restart: the meeting
stays 'recording' in the database until someone stops it. The stop request (API) flips the
status; the recorder then closes its last segment, marks `recorder_closed` and waits again.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from appliance.config import Settings
from appliance.db import transaction
from appliance.jobs import enqueue
from appliance.meetings import store
from appliance.meetings.rows import MeetingRow
from appliance.meetings.sources import AudioSource
from appliance.meetings.wavfile import SegmentWriter

log = logging.getLogger(__name__)


@dataclass
class RecorderState:
    """What the HID buttons and LEDs share with the recording loop."""

    muted: bool = False
    recording: bool = False
    hook_requests: list[str] = field(default_factory=list)  # "start" / "stop" from the hook button


class Recorder:
    def __init__(self, conn: sqlite3.Connection, settings: Settings, room: str, source: AudioSource, *,
                 device: str | None = None, segment_seconds: float = 10.0, sync_seconds: float = 1.0,
                 title: str | None = None, stop_at_end: bool = False, heartbeat_seconds: float = 0.5,
                 state: RecorderState | None = None, gain_db: float = 0.0):
        self.conn, self.settings, self.room, self.source = conn, settings, room, source
        self.device, self.title, self.stop_at_end = device, title, stop_at_end
        self.segment_frames = int(source.rate * segment_seconds)
        self.sync_seconds, self.heartbeat_seconds = sync_seconds, heartbeat_seconds
        self.state = state or RecorderState()
        self.stop = threading.Event()
        # Software gain from the device profile (quiet units such as some EMEET models), with clipping.
        self.gain = 10 ** (gain_db / 20) if gain_db else 1.0

    # --- start-up ------------------------------------------------------------------------------
    def repair(self) -> int:
        """Meetings of this room still marked recording (or stopped while we were dead) get their files back."""
        repaired = 0
        for meeting_id in store.live_meetings_to_repair(self.conn, self.room):
            repaired += len(store.repair_meeting_dir(self.conn, self.settings, meeting_id))
            meeting = store.get_meeting(self.conn, meeting_id)
            if meeting is not None and meeting["status"] != "recording":
                store.mark_recorder_closed(self.conn, meeting_id)
        if repaired:
            log.warning("repaired %s segments left by a crash in room %s", repaired, self.room)
        return repaired

    def _meeting(self) -> MeetingRow | None:
        meeting = store.active_meeting(self.conn, self.room)
        if meeting is None and (self.title or "start" in self.state.hook_requests):
            self.state.hook_requests.clear()
            meeting_id = store.create_meeting(self.conn, self.title or "Cuộc họp", room=self.room,
                                              device=self.device)
            self.title = None  # one meeting per --title; later ones come from the API or the hook button
            meeting = store.get_meeting(self.conn, meeting_id)
        return meeting

    # --- the loop ------------------------------------------------------------------------------
    def run(self) -> None:
        self.repair()
        while not self.stop.is_set():
            meeting = self._meeting()
            if meeting is None:
                self.state.recording = False
                self.stop.wait(0.5)
                continue
            if not self.record(int(meeting["id"])):
                break

    def _heartbeat(self, meeting_id: int) -> str:
        return store.heartbeat(self.conn, meeting_id, os.getpid())

    def _close(self, writer: SegmentWriter | None, meeting_id: int, seq: int) -> int:
        if writer is None:
            return seq
        if writer.frames == 0:
            writer.abandon()
            writer.part_path.unlink(missing_ok=True)
            return seq
        store.record_segment(self.conn, self.settings, meeting_id, seq, writer.close())
        return seq + 1

    def record(self, meeting_id: int) -> bool:
        """Record into the meeting until it is stopped. False when the source ended or the process stops."""
        seq, _start = store.next_seq(self.conn, meeting_id)
        self.state.recording = True
        log.info("recording meeting %s (room %s) from %s, segment %s", meeting_id, self.room,
                 self.source.description, seq)
        writer: SegmentWriter | None = None
        last_beat = 0.0
        silence = b""
        while True:
            now = time.monotonic()
            if now - last_beat >= self.heartbeat_seconds:
                last_beat = now
                status = self._heartbeat(meeting_id)
                if self.stop.is_set():  # SIGTERM (service stop, reboot): close cleanly, the meeting goes on
                    self._close(writer, meeting_id, seq)
                    self.state.recording = False
                    return False
                if status != "recording" or "stop" in self.state.hook_requests:
                    self.state.hook_requests.clear()
                    self._close(writer, meeting_id, seq)
                    if status == "recording":  # the hook button stops the meeting itself
                        stop_meeting(self.conn, meeting_id)
                    store.mark_recorder_closed(self.conn, meeting_id)
                    self.state.recording = False
                    return True
            chunk = self.source.read()
            if chunk is None:
                self._close(writer, meeting_id, seq)
                if self.stop_at_end:
                    stop_meeting(self.conn, meeting_id)
                    store.mark_recorder_closed(self.conn, meeting_id)
                self.state.recording = False
                return False
            if self.state.muted:  # the mute button keeps the timeline but not the voices
                if len(silence) != len(chunk):
                    silence = bytes(len(chunk))
                chunk = silence
            if self.gain != 1.0:
                chunk = _amplify(chunk, self.gain)
            if writer is None:
                writer = SegmentWriter(store.segment_path(self.settings, meeting_id, seq), self.source.rate,
                                       self.source.channels, self.sync_seconds)
            writer.write(chunk)
            if writer.frames >= self.segment_frames:
                seq = self._close(writer, meeting_id, seq)
                writer = None


def _amplify(chunk: bytes, gain: float) -> bytes:
    samples = np.frombuffer(chunk, dtype="<i2").astype(np.float32) * gain
    return bytes(np.clip(samples, -32768, 32767).astype("<i2").tobytes())


def stop_meeting(conn: sqlite3.Connection, meeting_id: int) -> bool:
    """Stop a live meeting: processing continues in the worker (finalize waits for the last segment)."""
    with transaction(conn):
        if not store.mark_stopped(conn, meeting_id):
            return False
        enqueue(conn, "meetings.finalize", {"meeting_id": meeting_id})
    return True
