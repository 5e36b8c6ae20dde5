"""Interim (provisional) live captions: words on the screen while their 10 s segment is still open.

The recorder writes each segment straight to the kernel and syncs it every second, so the open
`seg-NNNNNN.wav.part` already holds what was said up to ~50 ms ago. When the caption worker has no job
ready (closed segments always come first), it decodes the open segment from its start to now with a
quick pass (greedy, one temperature, word timings: `DraftTranscriber.transcribe_draft`), at most once per
second of new audio per meeting, one decode at a time. Only words that two consecutive decodes agree on
are shown ("local agreement": the longest common prefix of the two hypotheses), and once shown a word
stays until the segment's own captions replace the whole line, so nothing flickers. The agreed words go
to `meeting_interim` (the caption stream sends them as `interim` events; the page shows them greyed);
they are never stored as transcript and never reach the biên bản.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance import engines
from appliance.config import Settings
from appliance.engines.base import DraftTranscriber, Samples, Transcriber, Word
from appliance.meetings import interim_store, store
from appliance.meetings.wavfile import HEADER_BYTES, SAMPLE_WIDTH, read_format
from appliance.text import normalize

log = logging.getLogger(__name__)
RATE = 16000            # what Whisper reads
MIN_NEW_S = 1.0         # new audio needed before the same meeting is decoded again
MIN_AUDIO_S = 1.0       # shorter than this, Whisper guesses more than it hears
MAX_WINDOW_S = 30.0     # Whisper's own window; longer open segments are decoded on their last 30 s
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


def _words(model: Transcriber, samples: Samples, shown: str) -> list[Word]:
    """One quick decode of the open segment, as timed words (segment timing when a backend gives none);
    `shown`: the words already on the screen, the decoding's forced beginning when the backend can."""
    if isinstance(model, DraftTranscriber):
        segments = model.transcribe_draft(samples, language="vi", prefix=shown or None)
    else:  # a transcriber without a quick pass reads a file, with its own settings
        handle, name = tempfile.mkstemp(suffix=".wav", prefix="interim-")
        os.close(handle)
        try:
            sf.write(name, samples, RATE, subtype="PCM_16")
            segments = model.transcribe(Path(name), language="vi", vad=True)
        finally:
            Path(name).unlink(missing_ok=True)
    words: list[Word] = []
    for seg in segments:
        words += seg.words or [Word(seg.start, seg.end, w) for w in seg.text.split()]
    return [w for w in words if word_key(w.text)]


@dataclass
class _OpenSegment:
    """What the interim pass remembers of one meeting's open segment."""

    seq: int
    decoded_frames: int = 0
    hypothesis: list[Word] = field(default_factory=list)
    shown: list[Word] = field(default_factory=list)


class InterimCaptioner:
    """The worker's idle work for live meetings (`Feature.idle`): one quick decode per meeting whose open
    segment grew by `min_new_s`; True when it decoded something (the worker then looks at its queue again)."""

    def __init__(self, min_new_s: float = MIN_NEW_S):
        self.min_new_s = min_new_s
        self.open: dict[int, _OpenSegment] = {}
        self.decodes = 0

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
        if samples is None or len(samples) < MIN_AUDIO_S * RATE \
                or len(samples) - state.decoded_frames < self.min_new_s * RATE:
            return False
        skipped = max(0, len(samples) - int(MAX_WINDOW_S * RATE))
        if skipped:  # the shown words' start left the window: no forced beginning
            state.shown = []
        shown = " ".join(w.text for w in state.shown)
        words = [Word(w.start + skipped / RATE, w.end + skipped / RATE, w.text, w.probability)
                 for w in _words(model, samples[skipped:], shown)]
        self.decodes += 1
        state.decoded_frames = len(samples)
        agreed = agree(state.hypothesis, words)
        state.hypothesis = words
        # Shown words only grow: a later decode that disagrees with them waits for the final captions.
        known = [word_key(w.text) for w in state.shown]
        if len(agreed) > len(state.shown) and [word_key(w.text) for w in agreed[:len(known)]] == known:
            state.shown = agreed
            text = normalize(" ".join(w.text for w in agreed)).strip()
            interim_store.set_interim(conn, meeting_id, seq, round(offset + agreed[0].start, 2),
                                      round(offset + agreed[-1].end, 2), text)
        return True


captions = InterimCaptioner()  # the worker process's one instance (its memory of each open segment)
