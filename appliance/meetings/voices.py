"""Voice enrollment: staff record a 20 s sample once; after diarization each speaker whose voice
is close enough to an enrolled one takes that name. The embedding is a plain, CPU-only one
(log-mel filterbank statistics, mean-normalised): weaker than a neural speaker model, but real
and labelled as such; names set by hand always win."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.engines import Turn
from appliance.meetings import store

MATCH_THRESHOLD = 0.80
N_MELS = 40


def _mel_filters(rate: int, n_fft: int) -> np.ndarray:
    def hz_to_mel(f: np.ndarray | float) -> np.ndarray:
        return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)

    mels = np.linspace(hz_to_mel(60.0), hz_to_mel(min(7600.0, rate / 2)), N_MELS + 2)
    hz = 700.0 * (10 ** (mels / 2595.0) - 1.0)
    bins = np.floor((n_fft + 1) * hz / rate).astype(int)
    bank = np.zeros((N_MELS, n_fft // 2 + 1))
    for m in range(1, N_MELS + 1):
        left, centre, right = bins[m - 1], bins[m], bins[m + 1]
        for k in range(left, centre):
            bank[m - 1, k] = (k - left) / max(1, centre - left)
        for k in range(centre, right):
            bank[m - 1, k] = (right - k) / max(1, right - centre)
    return bank


def embed(samples: np.ndarray, rate: int) -> np.ndarray | None:
    """Mean and spread of log-mel energies over voiced frames; None when there is too little speech."""
    n_fft, hop = 512, int(rate * 0.01)
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    samples = samples.astype(np.float32)
    if len(samples) < n_fft * 4:
        return None
    frames = np.lib.stride_tricks.sliding_window_view(samples, n_fft)[::hop] * np.hanning(n_fft)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    logmel = np.log(power @ _mel_filters(rate, n_fft).T + 1e-8)
    energy = logmel.mean(axis=1)
    voiced = logmel[energy > np.percentile(energy, 40)]
    if len(voiced) < 20:
        return None
    centred = voiced - voiced.mean(axis=1, keepdims=True)  # spectral shape, not loudness
    vec = np.concatenate([centred.mean(axis=0), centred.std(axis=0)])
    vec = vec - vec.mean()
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else None


def embed_file(path: Path, spans: list[tuple[float, float]] | None = None, max_seconds: float = 90.0) -> \
        np.ndarray | None:
    data, rate = sf.read(path, dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    if spans:
        pieces, total = [], 0.0
        for start, end in spans:
            pieces.append(mono[int(start * rate):int(end * rate)])
            total += end - start
            if total >= max_seconds:
                break
        mono = np.concatenate(pieces) if pieces else mono[:0]
    return embed(mono, rate)


def enroll(conn: sqlite3.Connection, name: str, path: Path, user_id: int | None = None) -> int:
    vec = embed_file(path)
    if vec is None:
        raise ValueError("Mẫu giọng quá ngắn hoặc quá nhỏ: hãy đọc liên tục khoảng 20 giây gần micro.")
    return store.add_voice_profile(conn, name, user_id, [float(x) for x in vec])


def name_speakers(conn: sqlite3.Connection, meeting_id: int, wav: Path, turns: list[Turn]) -> dict[str, str]:
    profiles = [(name, np.array(vector)) for name, vector in store.voice_embeddings(conn)]
    if not profiles:
        return {}
    named: dict[str, str] = {}
    for label in sorted({t.speaker for t in turns}):
        vec = embed_file(wav, [(t.start, t.end) for t in turns if t.speaker == label])
        if vec is None:
            continue
        name, score = max(((n, float(vec @ p)) for n, p in profiles), key=lambda x: x[1])
        if score >= MATCH_THRESHOLD and name not in named.values():
            named[label] = name
            store.name_by_voice(conn, meeting_id, label, name)
    return named
