"""How long after a word is said its caption is on the screen: a recording played into the recorder in real
time (the recorder cuts crash-safe segments; each closed segment is transcribed by the worker), the captions
watched as the page's event stream sees them (new rows in meeting_segments), and for each caption line the
delay from the end of its speech (its `end` on the recording's clock) to the moment it appeared.

A caption here is final when shown: the live path has no provisional words (issue 17 asks for 2–3 s windows
with local agreement and greyed provisional words; not built). Shared by tests/meetings/test_captions_latency.py
and `make bench` (bench_meetings)."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect
from appliance.jobs.queue import handlers, run_one
from appliance.meetings.recorder import Recorder
from appliance.meetings.sources import open_source


@dataclass(frozen=True)
class Latency:
    delays: list[float]
    segment_seconds: float
    audio_seconds: float

    @property
    def p50(self) -> float:
        return statistics.median(self.delays)

    @property
    def p95(self) -> float:
        ordered = sorted(self.delays)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def line(self, label: str) -> str:
        return (f"captions {label} ({self.segment_seconds:g} s segments, {self.audio_seconds:.0f} s played in real "
                f"time): {len(self.delays)} lines, delay from speech to caption p50 {self.p50:.1f} s, "
                f"p95 {self.p95:.1f} s (target p50 ≤ 4 s on this CPU)")


def measure(settings: Settings, wav: Path, audio_seconds: float, *, segment_seconds: float = 10.0,
            room: str = "latency") -> Latency:
    """The transcriber must be loaded and warm before (a running worker's is)."""
    registry = {k: v for k, v in handlers().items() if k == "meetings.transcribe_segment"}
    stop = threading.Event()

    def worker() -> None:
        conn = connect(settings.db_path)
        while not stop.is_set():
            if not run_one(conn, settings, registry):
                stop.wait(0.05)

    rec_conn = connect(settings.db_path, synchronous="FULL")
    recorder = Recorder(rec_conn, settings, room, open_source(f"file:{wav}?speed=1"), title="Đo độ trễ phụ đề",
                        segment_seconds=segment_seconds, stop_at_end=True)
    watch = connect(settings.db_path)
    seen: dict[int, tuple[float, float]] = {}   # line id → (its speech end on the recording, when it appeared)
    jobs = threading.Thread(target=worker, daemon=True)
    rec = threading.Thread(target=recorder.run, daemon=True)
    jobs.start()
    started = time.monotonic()  # the file is paced from the recorder's first read: delays err long, not short
    rec.start()
    try:
        deadline = started + audio_seconds + 120
        while time.monotonic() < deadline:
            now = time.monotonic()
            for line_id, end in watch.execute(
                    "SELECT s.id, s.end FROM meeting_segments s JOIN meetings m ON m.id = s.meeting_id"
                    " WHERE m.room = ?", (room,)):
                seen.setdefault(int(line_id), (float(end), now))
            pending = watch.execute("SELECT COUNT(*) FROM jobs WHERE kind = 'meetings.transcribe_segment'"
                                    " AND status IN ('queued', 'running')").fetchone()[0]
            if not rec.is_alive() and not pending and now > started + audio_seconds:
                break
            time.sleep(0.1)
    finally:
        recorder.stop.set()
        stop.set()
        rec.join(timeout=30)
        jobs.join(timeout=60)
    delays = [max(0.0, appeared - (started + end)) for end, appeared in seen.values()]
    return Latency(delays, segment_seconds, audio_seconds)
