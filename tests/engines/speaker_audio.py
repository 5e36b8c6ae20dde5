"""Meetings of real voices for the speaker tests and `make bench`: LibriSpeech readers (tests/engines/voices/,
CC BY 4.0) cut into pieces of 1.5–6 s at quiet points and interleaved as people take turns, with short pauses.

The reference is independent of the diarizer under test: each piece's speech is the 10 ms frames within
35 dB of its loud end (its own energy, not a VAD). `attribution` scores a diarization the way the meetings
pipeline uses it: a moment of speech that no turn covers takes the nearest turn's speaker (as a transcript
line does in `meetings.pipeline.align_speakers`), and voices are matched to readers one to one, best total
first.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.engines import Turn

RATE = 16000
VOICES = Path(__file__).parent / "voices"
DEVELOPMENT = ("1688", "2414", "3080", "367")            # parameters were set on these
CHECK = ("1998", "2033", "2609", "3005", "3331", "533")  # never used to set anything


@dataclass(frozen=True)
class Meeting:
    audio: np.ndarray
    reference: list[tuple[float, float, str]]   # (start, end, reader) of speech
    readers: tuple[str, ...]

    @property
    def duration(self) -> float:
        return len(self.audio) / RATE


def utterances(reader: str) -> list[np.ndarray]:
    return [sf.read(path, dtype="float32")[0] for path in sorted((VOICES / reader).glob("*.flac"))]


def _pieces(waves: Sequence[np.ndarray], rng: random.Random, low: float = 1.5, high: float = 6.0) -> list[np.ndarray]:
    out = []
    for wave in waves:
        pos = 0
        while len(wave) - pos > low * RATE:
            end = pos + int(rng.uniform(low, high) * RATE)
            if len(wave) - end < low * RATE:
                end = len(wave)
            else:  # cut at the quietest 20 ms within 0.3 s
                window = range(max(pos + int(low * RATE), end - 4800), min(len(wave), end + 4800) - 320, 160)
                quiet = [(float(np.abs(wave[i:i + 320]).mean()), i) for i in window]
                if quiet:
                    end = min(quiet)[1] + 160
            out.append(wave[pos:end])
            pos = end
    return out


def _speech(piece: np.ndarray, offset: int, reader: str) -> list[tuple[float, float, str]]:
    frames = piece[:len(piece) // 160 * 160].reshape(-1, 160)
    energy = 10 * np.log10((frames ** 2).mean(axis=1) + 1e-10)
    voiced = energy > np.percentile(energy, 95) - 35
    spans, i = [], 0
    while i < len(voiced):
        if voiced[i]:
            j = i
            while j < len(voiced) and voiced[j]:
                j += 1
            spans.append(((offset + i * 160) / RATE, (offset + j * 160) / RATE, reader))
            i = j
        else:
            i += 1
    return spans


def meeting(readers: Sequence[str], seed: int = 1, skip_first: bool = False) -> Meeting:
    """The readers taking turns (never twice in a row while another has something left to say).
    `skip_first`: leave each reader's first utterance out (it is their enrolment sample)."""
    rng = random.Random(seed)
    pool = {r: _pieces(utterances(r)[1 if skip_first else 0:], rng) for r in readers}
    audio: list[np.ndarray] = []
    reference: list[tuple[float, float, str]] = []
    position, last = 0, None
    while any(pool.values()):
        choices = [r for r in readers if pool[r] and r != last] or [r for r in readers if pool[r]]
        reader = rng.choice(choices)
        piece = pool[reader].pop(0)
        gap = np.zeros(int(rng.uniform(0.15, 0.7) * RATE), dtype=np.float32)
        audio += [gap, piece]
        position += len(gap)
        reference += _speech(piece, position, reader)
        position += len(piece)
        last = reader
    return Meeting(np.concatenate(audio), reference, tuple(readers))


def write(meeting_: Meeting, path: Path) -> Path:
    sf.write(path, meeting_.audio, RATE, subtype="PCM_16")
    return path


def attribution(meeting_: Meeting, turns: Sequence[Turn]) -> float:
    """Share of reference speech time attributed to the right reader (see the module docstring)."""
    times = np.arange(0, meeting_.duration, 0.01)
    truth = np.full(len(times), -1)
    for start, end, reader in meeting_.reference:
        truth[(times >= start) & (times < end)] = meeting_.readers.index(reader)
    speakers = sorted({t.speaker for t in turns})
    guess = np.full(len(times), -1)
    if turns:
        starts = np.array([t.start for t in turns])
        ends = np.array([t.end for t in turns])
        labels = np.array([speakers.index(t.speaker) for t in turns])
        spoken = np.flatnonzero(truth >= 0)
        gaps = np.maximum(0.0, np.maximum(starts[None, :] - times[spoken, None], times[spoken, None] - ends[None, :]))
        guess[spoken] = labels[np.argmin(gaps, axis=1)]
    overlap = np.zeros((len(meeting_.readers), max(1, len(speakers))))
    for i in range(len(meeting_.readers)):
        for j in range(len(speakers)):
            overlap[i, j] = np.sum((truth == i) & (guess == j))
    rows, cols = overlap.shape
    best = 0.0
    if cols <= rows:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(overlap[perm[j], j] for j in range(cols)))
    else:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(overlap[i, perm[i]] for i in range(rows)))
    return best / max(1, int(np.sum(truth >= 0)))
