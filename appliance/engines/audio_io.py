"""Audio in for the engines: any format ffmpeg/PyAV reads, as 16 kHz mono float32."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.engines.base import Samples

SAMPLE_RATE = 16000


def load_audio(audio: Path | str | Samples, sample_rate: int = SAMPLE_RATE) -> Samples:
    if isinstance(audio, np.ndarray):
        return audio.astype(np.float32)
    pcm = _read_pcm16(audio, sample_rate)
    if pcm is not None:
        return pcm
    # PyAV through faster-whisper (WAV, FLAC, MP3, M4A, OGG…): a heavy import, paid only when audio is decoded
    from faster_whisper.audio import decode_audio

    return np.asarray(decode_audio(str(audio), sampling_rate=sample_rate), dtype=np.float32)


def _read_pcm16(path: Path | str, sample_rate: int) -> Samples | None:
    """A WAV already 16-bit mono at `sample_rate` (what the recorder and the upload decoder write), read
    directly: the same samples as PyAV's (int16 / 32768), without its decode and the full garbage
    collection faster-whisper runs after each one (~0.25 s in a loaded process; session 18). None for
    anything else."""
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError, OSError):
        return None
    if info.format != "WAV" or info.subtype != "PCM_16" or info.channels != 1 or info.samplerate != sample_rate:
        return None
    data, _rate = sf.read(str(path), dtype="int16")
    return np.asarray(data, dtype=np.float32) / np.float32(32768.0)
