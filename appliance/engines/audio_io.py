"""Audio in for the engines: any format ffmpeg/PyAV reads, as 16 kHz mono float32."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from appliance.engines.base import Samples

SAMPLE_RATE = 16000


def load_audio(audio: Path | str | Samples, sample_rate: int = SAMPLE_RATE) -> Samples:
    if isinstance(audio, np.ndarray):
        return audio.astype(np.float32)
    # PyAV through faster-whisper (WAV, FLAC, MP3, M4A, OGG…): a heavy import, paid only when audio is decoded
    from faster_whisper.audio import decode_audio

    return np.asarray(decode_audio(str(audio), sampling_rate=sample_rate), dtype=np.float32)
