"""Voice enrollment: staff record a 20 s sample once ("giọng của đồng chí Lan"); after diarization each
speaker whose voice is close enough to an enrolled one takes that name; names set by hand always win.

Embeddings come from the GE2E speaker encoder (`appliance.engines.voiceprint`), the same model the CPU
diarizer clusters with. Without it (the Resemblyzer package not installed) a plain CPU embedding is the
fallback (log-mel filterbank statistics, mean-normalised: weaker, and labelled as such). Each sample
stores its kind; samples of the other kind are not compared, and the page asks to record them again."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.engines import Turn
from appliance.engines.speaker_encoder import Ge2eEncoder
from appliance.engines.voiceprint import VOICE_KIND, embed_sample, embed_speakers
from appliance.meetings import store

# Log-mel fallback: cosine of mean-normalised statistics.
MATCH_THRESHOLD = 0.80
FALLBACK_KIND = "logmel-stats"
# GE2E: same person (a sample vs a meeting's speech) 0.80–0.97 on real voices, two people up to 0.87 on
# Vietnamese speakers of one corpus; a name is given at ≥ 0.82 and only when it beats the speaker's
# next-best sample by 0.03 (two close voices are left for the secretary to name).
GE2E_THRESHOLD = 0.82
GE2E_MARGIN = 0.03
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


def enroll(conn: sqlite3.Connection, name: str, path: Path, user_id: int | None = None, *,
           encoder: Ge2eEncoder | None = None) -> int:
    """Store a voice sample's embedding (GE2E with `encoder`, else the log-mel fallback)."""
    if encoder is not None:
        vec, kind = embed_sample(encoder, path), VOICE_KIND
    else:
        vec, kind = embed_file(path), FALLBACK_KIND
    if vec is None:
        raise ValueError("Mẫu giọng quá ngắn hoặc quá nhỏ: hãy đọc liên tục khoảng 20 giây gần micro.")
    return store.add_voice_profile(conn, name, user_id, [float(x) for x in vec], kind)


def _assign(scores: dict[str, dict[str, float]], threshold: float, margin: float) -> dict[str, str]:
    """Best (speaker, name) pairs first; each name and each speaker at most once."""
    pairs = sorted(((score, label, name) for label, row in scores.items() for name, score in row.items()),
                   reverse=True)
    named: dict[str, str] = {}
    for score, label, name in pairs:
        if label in named or name in named.values() or score < threshold:
            continue
        others = [s for n, s in scores[label].items() if n != name]
        if others and score - max(others) < margin:
            continue
        named[label] = name
    return named


def name_speakers(conn: sqlite3.Connection, meeting_id: int, wav: Path, turns: Sequence[Turn], *,
                  encoder: Ge2eEncoder | None = None) -> dict[str, str]:
    kind = VOICE_KIND if encoder is not None else FALLBACK_KIND
    profiles = [(name, np.array(vector)) for name, vector in store.voice_embeddings(conn, kind)]
    if not profiles:
        return {}
    labels = sorted({t.speaker for t in turns})
    if encoder is not None:
        vectors: dict[str, np.ndarray | None] = dict(embed_speakers(encoder, wav, turns))
        threshold, margin = GE2E_THRESHOLD, GE2E_MARGIN
    else:
        vectors = {label: embed_file(wav, [(t.start, t.end) for t in turns if t.speaker == label])
                   for label in labels}
        threshold, margin = MATCH_THRESHOLD, 0.0
    scores = {label: {name: float(vec @ p) for name, p in profiles}
              for label, vec in vectors.items() if vec is not None}
    named = _assign(scores, threshold, margin)
    for label, name in named.items():
        store.name_by_voice(conn, meeting_id, label, name)
    return named
