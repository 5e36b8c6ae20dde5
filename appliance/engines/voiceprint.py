"""Voiceprints for naming speakers: the GE2E encoder's embedding of a person's speech, whichever
diarizer separated the voices (pyannote on a GPU unit, GE2E clustering on a CPU one). A staff member
records a voice sample once ("giọng của đồng chí Lan"); after a meeting each separated voice is compared
with the samples on the same embeddings."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from appliance.config import Settings
from appliance.engines.audio_io import SAMPLE_RATE, load_audio
from appliance.engines.base import Samples, Turn
from appliance.engines.catalogue import find
from appliance.engines.packaged import PackagedModelError, resemblyzer_checkpoint
from appliance.engines.speaker_encoder import DIMENSION, Ge2eEncoder
from appliance.engines.store import locate
from appliance.engines.vad import speech_regions

log = logging.getLogger(__name__)
Floats = NDArray[np.float32]
VOICE_MODEL = "resemblyzer-ge2e-onnx"
VOICE_KIND = "ge2e-256"          # stored beside each voice sample: embeddings of one kind compare only
MIN_SPEECH_S = 2.0
_ENCODERS: dict[str, Ge2eEncoder] = {}
_LOCK = threading.Lock()


def voice_encoder(settings: Settings) -> Ge2eEncoder | None:
    """The GE2E encoder (built once from the Resemblyzer wheel, or installed), or None without it."""
    key = str(settings.model_root)
    with _LOCK:
        if key in _ENCODERS:
            return _ENCODERS[key]
        try:
            entry = find(VOICE_MODEL)
            found = locate(settings, entry, build=True)
            if found.path is not None and not found.problems:
                encoder = Ge2eEncoder(onnx_path=found.path / "encoder.onnx")
            else:
                encoder = Ge2eEncoder(checkpoint=resemblyzer_checkpoint(entry))
        except (KeyError, OSError, PackagedModelError, ValueError) as exc:
            log.warning("voice encoder unavailable (%s): voice samples use the log-mel fallback", exc)
            return None
        _ENCODERS[key] = encoder
        return encoder


def speech_of(samples: Samples) -> Samples:
    """The voiced part of a recording (Silero VAD), pauses removed."""
    pieces = [samples[int(s.start * SAMPLE_RATE):int(s.end * SAMPLE_RATE)] for s in speech_regions(samples)]
    return np.concatenate(pieces) if pieces else samples[:0]


def embed_sample(encoder: Ge2eEncoder, audio: Path | str | Samples) -> Floats | None:
    """One embedding of a voice sample; None with under 2 s of speech."""
    speech = speech_of(load_audio(audio))
    if len(speech) < MIN_SPEECH_S * SAMPLE_RATE:
        return None
    return encoder.embed([speech])[0]


def embed_speakers(encoder: Ge2eEncoder, audio: Path | str | Samples, turns: Sequence[Turn],
                   max_seconds: float = 120.0) -> dict[str, Floats]:
    """Per speaker of `turns`, one embedding of (up to `max_seconds` of) their speech."""
    samples = load_audio(audio)
    speakers = sorted({t.speaker for t in turns})
    clips: list[Samples] = []
    for who in speakers:
        pieces, total = [], 0.0
        for turn in sorted((t for t in turns if t.speaker == who), key=lambda t: t.start - t.end):  # longest first
            pieces.append(samples[int(turn.start * SAMPLE_RATE):int(turn.end * SAMPLE_RATE)])
            total += turn.end - turn.start
            if total >= max_seconds:
                break
        clips.append(np.concatenate(pieces) if pieces else np.zeros(SAMPLE_RATE, dtype=np.float32))
    vectors = encoder.embed(clips) if clips else np.zeros((0, DIMENSION), dtype=np.float32)
    return dict(zip(speakers, vectors, strict=True))
