"""Small pieces: WAV segments and their repair, HID descriptors, device profiles, speaker alignment."""

from __future__ import annotations

import datetime as dt
import os
import random
import struct
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import soundfile as sf

from appliance.db import connect, migrate
from appliance.demo.loader import DemoContext
from appliance.meetings import demo, devices
from appliance.meetings.devices import Device, device_for_room, load_profiles, match_profile
from appliance.meetings.hid import parse_report_descriptor
from appliance.meetings.pipeline import align_speakers
from appliance.meetings.recorder import Recorder, _amplify
from appliance.meetings.wavfile import SegmentWriter, repair_part


def test_segment_writer_header_is_valid_while_writing_and_after_close(tmp_path):
    writer = SegmentWriter(tmp_path / "seg-000001.wav", 16000, 1, sync_seconds=1.0)
    writer.write(b"\x01\x00" * 24000)  # 1.5 s: one sync happened
    data_size = struct.unpack("<I", writer.part_path.read_bytes()[40:44])[0]
    assert data_size == 48000  # the header was rewritten at the 1 s sync (1.5 s × 32 000 bytes/s)
    closed = writer.close()
    assert not writer.part_path.exists() and closed.path.exists()
    data, rate = sf.read(closed.path, dtype="int16")
    assert rate == 16000 and len(data) == 24000 and closed.duration_s == 1.5


def test_repair_of_a_crashed_part_keeps_whole_frames(tmp_path):
    writer = SegmentWriter(tmp_path / "seg-000002.wav", 16000, 2, sync_seconds=10)
    writer.write(b"\x02\x00\x03\x00" * 1000)
    os.write(writer._fd, b"\x07\x00\x08")  # a torn frame at the moment of the crash
    writer.abandon()
    repaired = repair_part(writer.part_path)
    assert repaired is not None and repaired.frames == 1000
    data, _ = sf.read(repaired.path, dtype="int16")
    assert data.shape == (1000, 2) and (data[:, 0] == 2).all()
    empty = SegmentWriter(tmp_path / "seg-000003.wav", 16000, 1)
    empty.abandon()
    assert repair_part(empty.part_path) is None and not empty.part_path.exists()


# A telephony headset descriptor in the shape Jabra and Poly units use: report 1 holds hook switch
# (0x20) and phone mute (0x2F) as 1-bit inputs; report 2 holds the mute (0x09) and off-hook (0x17) LEDs.
DESCRIPTOR = bytes([
    0x05, 0x0B, 0x09, 0x05, 0xA1, 0x01,        # Usage Page (Telephony), Usage (Headset), Collection
    0x85, 0x01, 0x15, 0x00, 0x25, 0x01,        # Report ID 1, logical 0..1
    0x09, 0x20, 0x09, 0x2F, 0x75, 0x01, 0x95, 0x02, 0x81, 0x02,   # hook, mute: 2 × 1 bit, Input (Var)
    0x95, 0x06, 0x81, 0x03,                    # 6 bits padding (Const)
    0x85, 0x02, 0x05, 0x08,                    # Report ID 2, Usage Page (LED)
    0x09, 0x09, 0x09, 0x17, 0x95, 0x02, 0x91, 0x02,   # mute LED, off-hook LED: Output (Var)
    0x95, 0x06, 0x91, 0x03,
    0xC0,
])


def test_hid_buttons_and_leds_from_the_report_descriptor():
    layout = parse_report_descriptor(DESCRIPTOR)
    assert layout.pressed(bytes([1, 0b10]), "mute") is True
    assert layout.pressed(bytes([1, 0b10]), "hook") is False
    assert layout.pressed(bytes([1, 0b01]), "hook") is True
    assert layout.pressed(bytes([3, 0xFF]), "mute") is None  # another report
    assert layout.led_report({"mute": True, "off_hook": False}) == bytes([2, 0b01])
    assert layout.led_report({"mute": True, "off_hook": True}) == bytes([2, 0b11])


def test_profiles_match_the_four_vendors_and_rooms():
    profiles = load_profiles()
    assert match_profile("0b0e", "0422", profiles).name == "Jabra Speak 510"
    for vendor in ("0b0e", "047f", "328f", "291a"):
        profile = match_profile(vendor, "beef", profiles)
        assert profile is not None and profile.rate == 16000
    assert match_profile("046d", "0825", profiles) is None  # a webcam is not a speakerphone
    jabra = Device("0b0e:0422", "Jabra", 1, 16000, 0.0, "plughw:CARD=Speak510", None)
    poly = Device("047f:c056", "Poly", 1, 16000, 0.0, "plughw:CARD=P20", None)
    assert device_for_room("hoi-truong", {"hoi-truong": "047f:*"}, [jabra, poly]) is poly
    assert device_for_room("phong-1", {}, [jabra]) is jabra
    assert device_for_room("phong-1", {}, [jabra, poly]) is None  # ambiguous without a map


def test_speakers_align_by_overlap():
    turns = [SimpleNamespace(start=0, end=5, speaker="A"), SimpleNamespace(start=5, end=12, speaker="B")]
    labels = align_speakers([(1, 0.5, 4.0), (2, 4.5, 11.0), (3, 13.0, 14.0)], turns)
    assert labels == {1: "A", 2: "B", 3: "B"}


class _Tone:
    """A source of `seconds` of audio that asks the recorder to stop (SIGTERM) after `stop_after` s."""

    rate, channels, description = 16000, 1, "test tone"

    def __init__(self, seconds: float, stop_after: float | None = None, recorder=None):
        self.left, self.stop_after, self.recorder, self.read_s = seconds, stop_after, recorder, 0.0

    def read(self) -> bytes | None:
        if self.left <= 0:
            return None
        if self.stop_after is not None and self.read_s >= self.stop_after and self.recorder is not None:
            self.recorder.stop.set()
            self.recorder.heartbeat_seconds = 0  # let the next loop notice at once
        self.left -= 0.05
        self.read_s += 0.05
        return b"\x10\x00" * 800

    def close(self) -> None:
        pass


def test_sigterm_closes_cleanly_and_the_next_recorder_continues_the_meeting(settings):
    conn = connect(settings.db_path, synchronous="FULL")
    migrate(conn)
    source = _Tone(30, stop_after=13)
    first = Recorder(conn, settings, "p1", source, title="Họp dài")
    source.recorder = first
    first.run()
    rows = conn.execute("SELECT seq, duration_s, repaired FROM meeting_audio ORDER BY seq").fetchall()
    assert [r["seq"] for r in rows] == [1, 2] and rows[1]["duration_s"] < 10 and not any(r["repaired"] for r in rows)
    assert conn.execute("SELECT status FROM meetings").fetchone()[0] == "recording"  # a restart continues it
    second = Recorder(conn, settings, "p1", _Tone(12), stop_at_end=True)
    second.run()
    assert conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 1
    assert [r[0] for r in conn.execute("SELECT seq FROM meeting_audio ORDER BY seq")] == [1, 2, 3, 4]
    assert conn.execute("SELECT status FROM meetings").fetchone()[0] == "processing"


def test_recorder_waits_for_its_speakerphone_to_be_plugged_in(settings, monkeypatch):
    jabra = Device("0b0e:0422", "Jabra Speak 510", 1, 16000, 0.0, "plughw:CARD=Speak510", "/dev/hidraw3")
    polls = iter([[], [], [jabra]])  # two scans with nothing attached, then the device appears
    monkeypatch.setattr(devices, "discover", lambda profiles=None: next(polls))
    spec, found = devices.source_for_room(settings, "phong-hop-1", poll_seconds=0.01)
    assert found is jabra and spec == "alsa:plughw:CARD=Speak510?rate=16000&channels=1"


def test_profile_gain_is_applied_with_clipping():
    out = np.frombuffer(_amplify(np.array([100, -100, 30000], dtype="<i2").tobytes(), 10 ** (6 / 20)), dtype="<i2")
    assert list(out[:2]) == [199, -199] and out[2] == 32767


def test_reprocess_command_keeps_a_meeting_without_audio(settings):
    conn = connect(settings.db_path)
    migrate(conn)
    demo.load(DemoContext(conn, settings, random.Random(1), dt.date(2026, 11, 20)))
    before = conn.execute("SELECT speaker, text FROM meeting_segments ORDER BY start").fetchall()
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin", "APPLIANCE_NETGUARD": "raise"}
    out = subprocess.run([sys.executable, "-m", "appliance", "meetings", "reprocess", "1", "--now"], env=env,
                         capture_output=True, text=True, check=True).stdout
    assert "xử lý lại cuộc họp 1" in out
    assert conn.execute("SELECT speaker, text FROM meeting_segments ORDER BY start").fetchall() == before
    assert conn.execute("SELECT status FROM meetings WHERE id = 1").fetchone()[0] == "done"
