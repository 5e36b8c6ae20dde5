"""How long after a line is said its words are on the screen: a recording played into the recorder in real
time (the recorder cuts crash-safe 10 s segments; the worker transcribes each closed segment and, when it has
nothing else to do, the open segment's growing file for provisional captions), watched as the page's event
stream sees it (rows in meeting_segments and meeting_interim, polled every 0.1 s).

For each spoken line (its speech span known from the script's audio) the delay is from the end of its speech
to the first moment a caption on the screen reaches its end: a caption whose timing covers the line's last
0.5 s. Three figures per run: the first confirmed caption (black: the words two quick decodes agreed on, or
the final caption), the first words at all (grey pending words of one quick decode included), and the final
captions alone. A line no caption ever reaches (the recogniser dropped its end) is
counted as missing. Shared by tests/meetings/test_captions_latency.py and `make bench` (bench_meetings)."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass
from math import nan
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect
from appliance.jobs.queue import handlers, run_one
from appliance.meetings.interim import InterimCaptioner
from appliance.meetings.recorder import Recorder
from appliance.meetings.sources import open_source

REACH_S = 0.5  # a caption "reaches" a line's end when its own end is at most this much before it (word timings)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass(frozen=True)
class Latency:
    delays: list[float]         # per spoken line: first confirmed caption (agreed words or final)
    grey_delays: list[float]    # per spoken line: its first words on the screen, pending (grey) ones included
    final_delays: list[float]   # per spoken line: its final caption
    provisional_first: int      # lines first confirmed by agreed words before their final caption
    provisional_shown: int      # updates of the confirmed live words seen while recording
    missing: int                # lines no caption reached
    interim_decodes: int
    segment_seconds: float
    audio_seconds: float
    interim: bool

    @property
    def p50(self) -> float:
        return statistics.median(self.delays) if self.delays else float("nan")

    @property
    def p95(self) -> float:
        return percentile(self.delays, 0.95)

    @property
    def final_p50(self) -> float:
        return statistics.median(self.final_delays) if self.final_delays else float("nan")

    def line(self, label: str) -> str:
        mode = (f"interim captions on ({self.interim_decodes} quick decodes)" if self.interim
                else "final captions only")
        return (f"captions {label}, {mode}, {self.segment_seconds:g} s segments, {self.audio_seconds:.0f} s played "
                f"in real time: {len(self.delays)} spoken lines ({self.missing} never reached), delay from the end "
                f"of speech to its confirmed caption p50 {self.p50:.1f} s, p95 {self.p95:.1f} s "
                f"({self.provisional_first} confirmed by agreed words before the final caption; target p50 ≤ 4 s on "
                f"this CPU); to its first words, grey included, p50 {statistics.median(self.grey_delays or [nan]):.1f}"
                f" s; to the final caption p50 {self.final_p50:.1f} s, p95 {percentile(self.final_delays, 0.95):.1f} s")


def _first_reaching(shown: list[tuple[float, float, float]], end: float) -> float | None:
    """When a caption (start, end, appeared) first reached the end of speech at `end`."""
    times = [appeared for c_start, c_end, appeared in shown if c_end >= end - REACH_S and c_start <= end]
    return min(times) if times else None


def measure(settings: Settings, wav: Path, audio_seconds: float, spans: list[tuple[float, float]], *,
            segment_seconds: float = 10.0, room: str = "latency", interim: bool = True) -> Latency:
    """The transcriber must be loaded and warm before (a running worker's is). `spans`: (start, end) of each
    spoken line on the recording's clock."""
    registry = {k: v for k, v in handlers().items() if k == "meetings.transcribe_segment"}
    captioner = InterimCaptioner()
    stop = threading.Event()

    def worker() -> None:  # as `appliance worker` does: a ready job first, else the idle work, else wait
        conn = connect(settings.db_path)
        while not stop.is_set():
            if not run_one(conn, settings, registry) and not (interim and captioner(conn, settings)):
                stop.wait(0.05)

    rec_conn = connect(settings.db_path, synchronous="FULL")
    recorder = Recorder(rec_conn, settings, room, open_source(f"file:{wav}?speed=1"), title="Đo độ trễ phụ đề",
                        segment_seconds=segment_seconds, stop_at_end=True)
    watch = connect(settings.db_path)
    finals: dict[int, tuple[float, float, float]] = {}            # line id → (start, end, when it appeared)
    provisional: dict[tuple[int, float], tuple[float, float, float]] = {}  # (segment, end) → the same
    grey: dict[tuple[int, float], tuple[float, float, float]] = {}  # (segment, end of its pending words) → the same
    jobs = threading.Thread(target=worker, daemon=True)
    rec = threading.Thread(target=recorder.run, daemon=True)
    jobs.start()
    started = time.monotonic()  # the file is paced from the recorder's first read: delays err long, not short
    rec.start()
    try:
        deadline = started + audio_seconds + 120
        while time.monotonic() < deadline:
            now = time.monotonic() - started
            for line_id, start, end in watch.execute(
                    "SELECT s.id, s.start, s.end FROM meeting_segments s JOIN meetings m ON m.id = s.meeting_id"
                    " WHERE m.room = ?", (room,)):
                finals.setdefault(int(line_id), (float(start), float(end), now))
            for seq, start, end, text, pending_end in watch.execute(
                    "SELECT i.seq, i.start, i.end, i.text, i.pending_end FROM meeting_interim i"
                    " JOIN meetings m ON m.id = i.meeting_id WHERE m.room = ?", (room,)):
                if text:
                    provisional.setdefault((int(seq), float(end)), (float(start), float(end), now))
                reach = max(float(end), float(pending_end))
                grey.setdefault((int(seq), reach), (float(start), reach, now))
            pending = watch.execute("SELECT COUNT(*) FROM jobs WHERE kind = 'meetings.transcribe_segment'"
                                    " AND status IN ('queued', 'running')").fetchone()[0]
            if not rec.is_alive() and not pending and now > audio_seconds:
                break
            time.sleep(0.1)
    finally:
        recorder.stop.set()
        stop.set()
        rec.join(timeout=30)
        jobs.join(timeout=60)
    delays, grey_delays, final_delays, provisional_first, missing = [], [], [], 0, 0
    for _start, end in spans:
        final = _first_reaching(list(finals.values()), end)
        early = _first_reaching(list(provisional.values()), end)
        words = _first_reaching(list(grey.values()), end)
        if final is not None:
            final_delays.append(max(0.0, final - end))
        first_words = min((t for t in (final, early, words) if t is not None), default=None)
        if first_words is not None:
            grey_delays.append(max(0.0, first_words - end))
        first = min((t for t in (final, early) if t is not None), default=None)
        if first is None:
            missing += 1
            continue
        delays.append(max(0.0, first - end))
        provisional_first += int(early is not None and (final is None or early < final))
    return Latency(delays, grey_delays, final_delays, provisional_first, len(provisional), missing, captioner.decodes,
                   segment_seconds, audio_seconds, interim)
