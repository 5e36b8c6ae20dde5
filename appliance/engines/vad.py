"""Voice activity: where people speak, by Silero VAD v6 (MIT). The model is the one the faster-whisper
wheel ships (`faster_whisper/assets/silero_vad_v6.onnx`, catalogue entry `silero-vad-v6`, sha256 pinned)
and runs through ONNX Runtime with faster-whisper's own wrapper, the same code Whisper's VAD filter
uses: one copy of the model for captions, transcripts and speakers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from appliance.engines.audio_io import SAMPLE_RATE
from appliance.engines.base import Samples


@dataclass(frozen=True)
class Speech:
    start: float   # seconds
    end: float


def speech_regions(samples: Samples, *, threshold: float = 0.5, min_silence_s: float = 0.25,
                   min_speech_s: float = 0.25, pad_s: float = 0.05) -> list[Speech]:
    """Stretches of speech. Short pauses (< `min_silence_s`) stay inside a stretch; a pause that long
    is where a speaker change usually falls, so diarization windows never straddle it."""
    # faster-whisper is a main dependency, but its import pulls CTranslate2: only load it when asked.
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if len(samples) < SAMPLE_RATE // 10:
        return []
    options = VadOptions(threshold=threshold, min_silence_duration_ms=int(min_silence_s * 1000),
                         min_speech_duration_ms=int(min_speech_s * 1000), speech_pad_ms=int(pad_s * 1000))
    found = get_speech_timestamps(np.asarray(samples, dtype=np.float32), options, sampling_rate=SAMPLE_RATE)
    return [Speech(round(c["start"] / SAMPLE_RATE, 3), round(c["end"] / SAMPLE_RATE, 3)) for c in found]
