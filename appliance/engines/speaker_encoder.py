"""Speaker embeddings on the CPU: the GE2E encoder (Resemblyzer's pretrained weights) through ONNX Runtime.

Front end as Resemblyzer computes it (librosa's mel spectrogram re-done in numpy: 25 ms periodic Hann
window every 10 ms, 40 Slaney mel bands up to 8 kHz, power, no log), on audio brought to -30 dBFS.
A partial is 160 frames (1.6 s); a stretch of speech is embedded as the L2-normalised mean of its
partials. Embeddings are 256 floats, L2-normalised: a dot product is the cosine similarity. The same
embeddings serve diarization (clustering) and enrolment (a named voice sample).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from appliance.engines.audio_io import SAMPLE_RATE
from appliance.engines.base import Samples
from appliance.engines.ge2e_weights import N_MELS, numpy_forward, read_checkpoint

Floats = NDArray[np.float32]
N_FFT, HOP = 400, 160
PARTIAL_FRAMES = 160                     # 1.6 s, what the encoder was trained on
PARTIAL_SAMPLES = PARTIAL_FRAMES * HOP
TARGET_DBFS = -30.0
DIMENSION = 256


def _hz_to_mel(f: NDArray[np.float64]) -> NDArray[np.float64]:
    """Slaney's mel scale (linear below 1 kHz, logarithmic above), librosa's default."""
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_hz / f_sp + np.log(np.maximum(f, 1e-10) / min_log_hz) / logstep,
                    f / f_sp)


def _mel_to_hz(m: NDArray[np.float64]) -> NDArray[np.float64]:
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    min_log_mel = min_log_hz / f_sp
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def _filterbank() -> Floats:
    freqs = np.fft.rfftfreq(N_FFT, 1.0 / SAMPLE_RATE)
    points = _mel_to_hz(np.linspace(_hz_to_mel(np.array(0.0)), _hz_to_mel(np.array(SAMPLE_RATE / 2)), N_MELS + 2))
    widths = np.diff(points)
    ramps = points[:, None] - freqs[None, :]
    weights = np.maximum(0, np.minimum(-ramps[:-2] / widths[:-1, None], ramps[2:] / widths[1:, None]))
    weights *= (2.0 / (points[2:N_MELS + 2] - points[:N_MELS]))[:, None]  # Slaney area normalisation
    return weights.astype(np.float32)


_FILTERS = _filterbank()
_WINDOW = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)


def mel_frames(samples: Samples) -> Floats:
    """(frames, 40) power mel spectrogram, frame i centred on sample i·160."""
    padded = np.pad(samples.astype(np.float32), (N_FFT // 2, N_FFT // 2))
    count = 1 + (len(padded) - N_FFT) // HOP
    index = np.arange(N_FFT)[None, :] + HOP * np.arange(count)[:, None]
    power = np.abs(np.fft.rfft(padded[index] * _WINDOW, n=N_FFT, axis=1)) ** 2
    return np.asarray(power.astype(np.float32) @ _FILTERS.T, dtype=np.float32)


def level(samples: Samples) -> Samples:
    """The stretch brought to -30 dBFS RMS, the level the encoder was trained at (a far microphone
    is quieter, a close one louder; the voice is what should count)."""
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
    if rms < 1e-5:
        return samples
    gain = 10 ** (TARGET_DBFS / 20) / rms
    return np.asarray(np.clip(samples * gain, -1.0, 1.0), dtype=np.float32)


def partial_starts(n_samples: int, step_samples: int) -> list[int]:
    """Where 1.6 s partials start to cover `n_samples`; one centred partial for shorter audio."""
    if n_samples <= PARTIAL_SAMPLES:
        return [0]
    starts = list(range(0, n_samples - PARTIAL_SAMPLES + 1, step_samples))
    if starts[-1] + PARTIAL_SAMPLES < n_samples - step_samples // 2:
        starts.append(n_samples - PARTIAL_SAMPLES)
    return starts


class Ge2eEncoder:
    """GE2E d-vectors. `onnx_path`: the catalogue's built `encoder.onnx` (ONNX Runtime, ~1% of real
    time on one core); `checkpoint`: Resemblyzer's `pretrained.pt` run in numpy (about 20 times slower,
    for a unit that could not build the ONNX file)."""

    def __init__(self, *, onnx_path: Path | None = None, checkpoint: Path | None = None, threads: int = 1):
        self._lock = threading.Lock()
        self._session: object | None = None
        self._weights: dict[str, Floats] | None = None
        if onnx_path is not None:
            import onnxruntime as ort  # heavy runtime: loaded only when a model is first used

            options = ort.SessionOptions()
            # One thread: diarization runs beside Whisper on a 2-core unit; batching keeps it fast.
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            self._session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
            self.runtime = "onnxruntime"
        elif checkpoint is not None:
            self._weights = read_checkpoint(checkpoint)
            self.runtime = "numpy"
        else:
            raise ValueError("GE2E encoder needs encoder.onnx or pretrained.pt")

    def _forward(self, mels: Floats) -> Floats:
        if self._session is not None:
            outputs = self._session.run(None, {"mels": mels})  # type: ignore[attr-defined]
            return np.asarray(outputs[0], dtype=np.float32)
        assert self._weights is not None
        return numpy_forward(self._weights, mels)

    def partials(self, stretches: Sequence[Samples], step_s: float = 0.8, batch: int = 256) -> list[Floats]:
        """Per stretch of audio, the embeddings of its 1.6 s partials, shape (n, 256)."""
        step = max(HOP, int(step_s * SAMPLE_RATE))
        chunks: list[Floats] = []
        owners: list[int] = []
        for owner, stretch in enumerate(stretches):
            audio = level(stretch)
            if len(audio) < PARTIAL_SAMPLES:
                audio = np.pad(audio, (0, PARTIAL_SAMPLES - len(audio)))
            mels = mel_frames(audio)
            for start in partial_starts(len(audio), step):
                frame = start // HOP
                chunks.append(mels[frame:frame + PARTIAL_FRAMES])
                owners.append(owner)
        out: list[list[Floats]] = [[] for _ in stretches]
        with self._lock:
            for begin in range(0, len(chunks), batch):
                block = np.stack([np.pad(c, ((0, PARTIAL_FRAMES - len(c)), (0, 0)))
                                  for c in chunks[begin:begin + batch]])
                for owner, vector in zip(owners[begin:begin + batch], self._forward(block), strict=True):
                    out[owner].append(vector)
        return [np.asarray(vectors, dtype=np.float32).reshape(-1, DIMENSION) for vectors in out]

    def embed(self, stretches: Sequence[Samples]) -> Floats:
        """One L2-normalised embedding per stretch (mean of its partials), shape (len(stretches), 256)."""
        rows = []
        for vectors in self.partials(stretches, step_s=0.8):
            mean = vectors.mean(axis=0)
            rows.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
        return np.asarray(rows, dtype=np.float32).reshape(-1, DIMENSION)
