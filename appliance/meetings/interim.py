"""Live captions in two shades: words on the screen while their 10 s segment is still open.

The recorder writes each segment straight to the kernel and syncs it every second, so the open
`seg-NNNNNN.wav.part` already holds what was said up to ~50 ms ago. When the caption worker has no job
ready (closed segments always come first), it decodes the open segment from its start to now (its last
30 s at most: Whisper's window) with a quick pass (greedy, one temperature, word timings, bounded length:
`DraftTranscriber.transcribe_draft`), at most once per second of new audio per meeting, one decode at a
time; a hypothesis that repeats itself (zlib compression ratio > 2.4, Whisper's own loop test) is dropped.

A word is **confirmed** (shown black) when two consecutive decodes agree on it ("local agreement": the
longest common prefix of the two hypotheses), or when the decode that heard it also heard the speaker pause
after it (Silero VAD: ≥ 0.5 s of silence after speech; words before a pause no longer change as audio is
added, and a second decode costs 1–3 s more on a 2-core CPU). The words before a pause are then kept as they
are: later decodes (which still hear the whole segment, for context) only add the words they time after it.
Confirmed words only grow until the segment's own captions (beam search, the previous lines as prompt)
replace the whole line, so nothing flickers. The newest decode's words after them are **pending** (shown
grey): one decode heard them, the next may change them. Both go to `meeting_interim` (the caption stream
sends them as `interim` events); they are never stored as transcript and never reach the biên bản.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import tempfile
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance import engines
from appliance.config import Settings
from appliance.engines.base import DraftTranscriber, Samples, Transcriber, Word
from appliance.engines.vad import Speech, speech_regions
from appliance.meetings import interim_store, store
from appliance.meetings.wavfile import HEADER_BYTES, SAMPLE_WIDTH, read_format
from appliance.text import normalize

log = logging.getLogger(__name__)
RATE = 16000            # what Whisper reads
MIN_NEW_S = 1.0         # new audio needed before the same meeting is decoded again
MIN_AUDIO_S = 1.0       # shorter than this, Whisper guesses more than it hears
MAX_WINDOW_S = 30.0     # Whisper's own window; longer open segments are decoded on their last 30 s
SEGMENT_S = 10.0        # the recorder's segment length until a closed segment of the meeting tells
LOOP_RATIO = 2.4        # faster-whisper's compression_ratio_threshold
PAUSE_S = 0.5           # silence after speech that ends a phrase: the words before it are shown at once
_PUNCT = re.compile(r"[^\w]+")


def read_open_segment(part: Path) -> Samples | None:
    """What the recorder has written so far into an open segment, as 16 kHz mono float32 (None when the
    segment is not there: closed and renamed meanwhile, or not begun). Its length comes from the file's
    size: the header's sizes are only rewritten at each sync."""
    try:
        rate, channels = read_format(part)
        with open(part, "rb") as handle:
            handle.seek(HEADER_BYTES)
            raw = handle.read()
    except (OSError, ValueError):
        return None
    block = channels * SAMPLE_WIDTH
    pcm = np.frombuffer(raw[: len(raw) - len(raw) % block], dtype="<i2").astype(np.float32) / 32768.0
    samples = pcm.reshape(-1, channels).mean(axis=1) if channels > 1 else pcm
    if rate != RATE:  # provisional text only: linear resampling is enough (the final pass decodes the file)
        positions = np.arange(0, len(samples), rate / RATE)
        samples = np.interp(positions, np.arange(len(samples)), samples)
    return np.asarray(samples, dtype=np.float32)


def word_key(text: str) -> str:
    """How two decodes' words are compared: NFC, lower case, punctuation dropped, diacritics kept."""
    return _PUNCT.sub("", normalize(text).lower())


def agree(previous: Sequence[Word], current: Sequence[Word]) -> list[Word]:
    """Local agreement: the longest common prefix of two consecutive hypotheses (the newer's words)."""
    agreed: list[Word] = []
    for old, new in zip(previous, current, strict=False):
        if word_key(old.text) != word_key(new.text):
            break
        agreed.append(new)
    return agreed


def last_pause(speech: Sequence[Speech], heard_s: float, pause_s: float = PAUSE_S) -> float | None:
    """Where the last pause of at least `pause_s` begins: between two stretches of speech, or after the
    last one up to `heard_s` (the end of the audio decoded); None when the speaker has not paused."""
    follows = [*(r.start for r in speech[1:]), heard_s]  # what comes after each stretch of speech
    ends = [region.end for region, after in zip(speech, follows[:len(speech)], strict=True)
            if after - region.end >= pause_s]
    return ends[-1] if ends else None


def before(words: Sequence[Word], pause: float | None) -> list[Word]:
    """The words said before `pause`: a word belongs there when it starts before it (word timings drift
    by a few hundredths of a second, never across a half-second pause)."""
    if pause is None:
        return []
    count = 0
    for i, word in enumerate(words):
        if word.start < pause:
            count = i + 1
    return list(words[:count])


def looping(text: str) -> bool:
    """A decode stuck repeating itself ("8,8,8,…", a phrase over and over): Whisper's compression test."""
    data = text.encode("utf-8")
    return len(data) > 40 and len(data) / len(zlib.compress(data)) > LOOP_RATIO


def _words(model: Transcriber, samples: Samples) -> list[Word]:
    """One quick decode, as timed words (segment timing when a backend gives none). No prompt: with the
    words already shown as prompt (or forced prefix) Whisper base repeated them or stopped at their end."""
    if isinstance(model, DraftTranscriber):
        segments = model.transcribe_draft(samples, language="vi")
    else:  # a transcriber without a quick pass reads a file, with its own settings
        handle, name = tempfile.mkstemp(suffix=".wav", prefix="interim-")
        os.close(handle)
        try:
            sf.write(name, samples, RATE, subtype="PCM_16")
            segments = model.transcribe(Path(name), language="vi", vad=True)
        finally:
            Path(name).unlink(missing_ok=True)
    if looping(" ".join(seg.text for seg in segments)):
        return []
    words: list[Word] = []
    for seg in segments:
        words += seg.words or [Word(seg.start, seg.end, w) for w in seg.text.split()]
    return [w for w in words if word_key(w.text)]


def _shift(words: Sequence[Word], by: float) -> list[Word]:
    return [Word(w.start + by, w.end + by, w.text, w.probability) for w in words]


def _keys(words: Sequence[Word]) -> list[str]:
    return [word_key(w.text) for w in words]


@dataclass
class _OpenSegment:
    """What the interim pass remembers of one meeting's open segment (times from the segment's start)."""

    seq: int
    decoded_frames: int = 0
    kept_until: float = 0.0                                 # the last pause after shown words
    kept: list[Word] = field(default_factory=list)          # shown words before it: settled
    hypothesis: list[Word] = field(default_factory=list)    # the last decode's words after it
    shown: list[Word] = field(default_factory=list)         # confirmed words after it
    written: tuple[str, str] = ("", "")                     # (confirmed, pending) text last stored


def unconfirmed(words: Sequence[Word], shown: Sequence[Word]) -> list[Word]:
    """The decode's words after the confirmed ones: past them when the decode begins with them, else (it
    disagrees) those that start after the middle of the last confirmed word."""
    if _keys(words[:len(shown)]) == _keys(shown):
        return list(words[len(shown):])
    middle = (shown[-1].start + shown[-1].end) / 2
    return [w for w in words if w.start > middle]


def _text(words: Sequence[Word]) -> str:
    return normalize(" ".join(w.text for w in words)).strip()


def _publish(conn: sqlite3.Connection, meeting_id: int, seq: int, offset: float, state: _OpenSegment,
             pending: Sequence[Word]) -> None:
    """Store the line when its confirmed or pending words changed (times on the meeting's timeline)."""
    confirmed = state.kept + state.shown
    written = (_text(confirmed), _text(pending))
    if written == state.written or not (confirmed or pending):
        return
    start = (confirmed or pending)[0].start
    end = confirmed[-1].end if confirmed else start
    interim_store.set_interim(conn, meeting_id, seq, round(offset + start, 2), round(offset + end, 2), written[0],
                              written[1], round(offset + (pending[-1].end if pending else end), 2))
    state.written = written


class InterimCaptioner:
    """The worker's idle work for live meetings (`Feature.idle`): one quick decode per meeting whose open
    segment grew by `min_new_s`; True when it decoded something (the worker then looks at its queue again)."""

    def __init__(self, min_new_s: float = MIN_NEW_S):
        self.min_new_s = min_new_s
        self.open: dict[int, _OpenSegment] = {}
        self.decodes = 0
        self.last_decode_s = 0.0

    def __call__(self, conn: sqlite3.Connection, settings: Settings) -> bool:
        live = interim_store.live_meeting_ids(conn)
        for gone in set(self.open) - set(live):
            del self.open[gone]
        if not live:
            return False
        model = engines.engine(settings, "transcriber")
        if model is None:
            return False
        return any([self.step(conn, settings, meeting_id, model) for meeting_id in live])

    def step(self, conn: sqlite3.Connection, settings: Settings, meeting_id: int, model: Transcriber) -> bool:
        seq, offset = store.next_seq(conn, meeting_id)
        part = store.segment_path(settings, meeting_id, seq)
        samples = read_open_segment(part.with_name(part.name + ".part"))
        state = self.open.get(meeting_id)
        if state is None or state.seq != seq:
            state = self.open[meeting_id] = _OpenSegment(seq)
        if samples is None or len(samples) - state.decoded_frames < self.min_new_s * RATE:
            return False
        if len(samples) < MIN_AUDIO_S * RATE:
            return False
        # A decode still running when the segment closes would hold back its final captions (same worker);
        # the last second or two of a segment waits for them instead.
        segment_s = offset / (seq - 1) if seq > 1 else SEGMENT_S
        if len(samples) / RATE + self.last_decode_s > segment_s:
            return False
        skipped = max(0, len(samples) - int(MAX_WINDOW_S * RATE))  # a segment longer than Whisper's window
        heard = samples[skipped:]
        base = skipped / RATE
        started = time.monotonic()
        words = [w for w in _shift(_words(model, heard), base) if w.start >= state.kept_until]
        self.last_decode_s = time.monotonic() - started
        self.decodes += 1
        state.decoded_frames = len(samples)
        pause = last_pause(speech_regions(heard, min_silence_s=PAUSE_S), len(heard) / RATE)
        if pause is not None and base + pause <= state.kept_until:
            pause = None  # no new pause since the words already kept
        paused = before(words, None if pause is None else base + pause)
        ready = max(agree(state.hypothesis, words), paused, key=len)
        state.hypothesis = words
        # Confirmed words only grow: a later decode that disagrees with them waits for the final captions.
        if len(ready) > len(state.shown) and _keys(ready[:len(state.shown)]) == _keys(state.shown):
            state.shown = ready
        _publish(conn, meeting_id, seq, offset, state, unconfirmed(words, state.shown))
        if pause is not None and paused and _keys(state.shown[:len(paused)]) == _keys(paused):
            # the phrase before the pause is settled: later decodes only add words timed after it
            state.kept += state.shown[:len(paused)]
            state.shown = state.shown[len(paused):]
            state.hypothesis = state.hypothesis[len(paused):]
            state.kept_until = base + pause
        return True


captions = InterimCaptioner()  # the worker process's one instance (its memory of each open segment)
