"""CPU diarization baseline without any model: MFCC statistics per window, then agglomerative
clustering (average linkage, Euclidean distance with a fixed threshold, so one speaker stays one
cluster and the number of speakers need not be known). Far below pyannote, but a real answer to "who
spoke when" on units without the pyannote files; labelled as the fallback in the UI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from appliance.engines.audio_io import SAMPLE_RATE, load_audio
from appliance.engines.base import Samples, Turn

Floats = NDArray[np.floating]
Labels = NDArray[np.integer]

FRAME, HOP, N_FFT, N_MELS, N_MFCC = 400, 160, 512, 40, 20  # 25 ms frames every 10 ms at 16 kHz


def _mel_filterbank(sr: int = SAMPLE_RATE) -> Floats:
    def hz_to_mel(f: float) -> float:
        return 2595.0 * np.log10(1.0 + f / 700.0)

    mels = np.linspace(hz_to_mel(60.0), hz_to_mel(sr / 2 * 0.95), N_MELS + 2)
    bins = np.floor((N_FFT + 1) * (700.0 * (10 ** (mels / 2595.0) - 1.0)) / sr).astype(int)
    bank = np.zeros((N_MELS, N_FFT // 2 + 1), dtype=np.float32)
    for i in range(1, N_MELS + 1):
        left, centre, right = bins[i - 1], bins[i], bins[i + 1]
        for k in range(left, centre):
            bank[i - 1, k] = (k - left) / max(centre - left, 1)
        for k in range(centre, right):
            bank[i - 1, k] = (right - k) / max(right - centre, 1)
    return bank


def _dct_matrix() -> Floats:
    n = np.arange(N_MELS)
    k = np.arange(N_MFCC)[:, None]
    return np.cos(np.pi / N_MELS * (n + 0.5) * k).astype(np.float32)


def mfcc(samples: Samples) -> tuple[Floats, Floats]:
    """(MFCC matrix frames×(N_MFCC-1) without c0, log energy per frame)."""
    signal = np.append(samples[0], samples[1:] - 0.97 * samples[:-1]).astype(np.float32)
    if len(signal) < FRAME:
        signal = np.pad(signal, (0, FRAME - len(signal)))
    count = 1 + (len(signal) - FRAME) // HOP
    idx = np.arange(FRAME)[None, :] + HOP * np.arange(count)[:, None]
    frames = signal[idx] * np.hamming(FRAME).astype(np.float32)
    power = np.abs(np.fft.rfft(frames, N_FFT)) ** 2 / N_FFT
    energy = np.log(power.sum(axis=1) + 1e-10)
    mel = np.log(power @ _mel_filterbank().T + 1e-10)
    coeffs = mel @ _dct_matrix().T
    return coeffs[:, 1:], energy


def _cluster(features: Floats, num_speakers: int | None, threshold: float) -> Labels:
    """Average-linkage agglomerative clustering (Lance-Williams updates) on Euclidean distance.
    The distance is absolute (not rescaled per recording): c0 is dropped, so loudness does not count."""
    n = len(features)
    squared = (features ** 2).sum(axis=1)
    dist = np.sqrt(np.maximum(squared[:, None] + squared[None, :] - 2 * features @ features.T, 0.0))
    np.fill_diagonal(dist, np.inf)
    sizes = np.ones(n)
    labels = np.arange(n)
    active = np.ones(n, dtype=bool)
    clusters = n
    target = num_speakers or 1
    while clusters > target:
        flat = int(np.argmin(dist))
        i, j = divmod(flat, n)
        if num_speakers is None and dist[i, j] > threshold:
            break
        # merge j into i: average linkage distance update
        merged = (sizes[i] * dist[i] + sizes[j] * dist[j]) / (sizes[i] + sizes[j])
        dist[i, :], dist[:, i] = merged, merged
        dist[i, i] = np.inf
        dist[j, :], dist[:, j] = np.inf, np.inf
        sizes[i] += sizes[j]
        active[j] = False
        labels[labels == j] = i
        clusters -= 1
    return labels


def _absorb_small(features: Floats, labels: Labels, min_size: int) -> Labels:
    """Windows that straddle a change of speaker or hold a cough form tiny clusters of their own:
    give them to the nearest real speaker (by distance to its centroid)."""
    ids, counts = np.unique(labels, return_counts=True)
    big = ids[counts >= min_size]
    if len(big) == 0:
        return np.zeros_like(labels)
    centroids = np.stack([features[labels == b].mean(axis=0) for b in big])
    out = labels.copy()
    for i in np.flatnonzero(~np.isin(labels, big)):
        out[i] = big[int(np.argmin(((centroids - features[i]) ** 2).sum(axis=1)))]
    return out


class MfccDiarizer:
    name = "mfcc-ahc (cpu, dự phòng)"
    device = "cpu"

    # threshold: measured on espeak-ng voices, one voice's windows average ~25-35 apart and two voices'
    # ~45-60; with small clusters absorbed, 45-55 split two voices without splitting one (50 is the middle).
    def __init__(self, window_s: float = 1.5, threshold: float = 50.0, max_windows: int = 800):
        self.window_s = window_s
        self.threshold = threshold
        self.max_windows = max_windows

    def diarize(self, audio: Path | str | Samples, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        samples = load_audio(audio)
        if len(samples) < SAMPLE_RATE // 2:
            return []
        coeffs, energy = mfcc(samples)
        # Speech frames: within 30 dB (natural log ≈ 6.9) of the loud end, and above about -60 dBFS so
        # digital silence or hiss is never a speaker.
        speech = (energy > (np.percentile(energy, 95) - 6.9)) & (energy > np.log(4e-4))
        if speech.sum() < 50:
            return []
        frames_per_s = SAMPLE_RATE / HOP
        duration = len(samples) / SAMPLE_RATE
        # Long meetings get longer hops so clustering stays O(max_windows^2) per merge.
        hop_s = max(self.window_s / 2, duration / self.max_windows)
        win, step = int(self.window_s * frames_per_s), max(1, int(hop_s * frames_per_s))
        starts, feats = [], []
        for start in range(0, max(1, len(coeffs) - win + 1), step):
            mask = speech[start:start + win]
            if mask.mean() < 0.5:
                continue
            block = coeffs[start:start + win][mask]
            feats.append(np.concatenate([block.mean(axis=0), block.std(axis=0)]))
            starts.append(start)
        if not feats:
            return []
        matrix = np.asarray(feats, dtype=np.float64)
        if len(matrix) == 1 or num_speakers == 1:
            labels = np.zeros(len(matrix), dtype=int)
        else:
            labels = _cluster(matrix, min(num_speakers, len(matrix)) if num_speakers else None, self.threshold)
            if num_speakers is None:
                labels = _absorb_small(matrix, labels, max(2, int(0.1 * len(matrix))))
                if max_speakers and len(np.unique(labels)) > max_speakers:
                    labels = _cluster(matrix, min(max_speakers, len(matrix)), self.threshold)
        return self._turns(starts, labels, win, step, frames_per_s, duration)

    @staticmethod
    def _turns(starts: list[int], labels: Labels, win: int, step: int, fps: float, duration: float) -> list[Turn]:
        names: dict[int, str] = {}
        turns: list[Turn] = []
        last = len(starts) - 1
        for index, (start, label) in enumerate(zip(starts, labels, strict=True)):
            speaker = names.setdefault(int(label), f"Người nói {len(names) + 1}")
            # Each window owns its centre hop, so neighbouring windows tile the timeline; the first and
            # last windows own their outer edges too.
            begin = (start + win / 2 - step / 2) / fps if turns else start / fps
            end = min(duration, (start + (win if index == last else win / 2 + step / 2)) / fps)
            if turns and turns[-1].speaker == speaker and begin - turns[-1].end < 1.0:
                turns[-1] = Turn(turns[-1].start, round(end, 2), speaker)
            else:
                turns.append(Turn(round(max(begin, turns[-1].end if turns else 0.0), 2), round(end, 2), speaker))
        return [t for t in turns if t.end > t.start]
