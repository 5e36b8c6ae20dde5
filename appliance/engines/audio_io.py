"""Audio in for the engines: any format ffmpeg/PyAV reads, as 16 kHz mono float32."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

SAMPLE_RATE = 16000


def load_audio(audio: Path | str | Any, sample_rate: int = SAMPLE_RATE) -> Any:
    if isinstance(audio, np.ndarray):
        return audio.astype(np.float32)
    from faster_whisper.audio import decode_audio  # PyAV: WAV, FLAC, MP3, M4A, OGG…

    return np.asarray(decode_audio(str(audio), sampling_rate=sample_rate), dtype=np.float32)
