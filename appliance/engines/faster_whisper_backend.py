"""Transcriber on faster-whisper (CTranslate2): Vietnamese, Silero VAD on, local files only."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from appliance.engines.base import Samples, Segment, Word
from appliance.engines.device import Device, compute_type, cpu_threads

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

log = logging.getLogger(__name__)


class FasterWhisperTranscriber:
    def __init__(self, model_dir: Path, *, device: Device = "cpu", label: str = "whisper",
                 compute: str | None = None, beam_size: int = 5):
        if not (model_dir / "tokenizer.json").is_file():
            # Without it faster-whisper fetches a tokenizer from the model hub: refuse instead.
            raise FileNotFoundError(f"{model_dir}: thiếu tokenizer.json")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.model_dir = model_dir
        self.device = device
        self.compute_type = compute or compute_type("asr", device)
        self.beam_size = beam_size
        self.name = f"faster-whisper:{label} ({device}, {self.compute_type})"
        self._lock = threading.Lock()
        from faster_whisper import WhisperModel  # heavy runtime: loaded only when a model is first used

        # A directory path: faster-whisper never consults the hub for it.
        self._model = WhisperModel(str(model_dir), device=device, compute_type=self.compute_type,
                                   cpu_threads=cpu_threads() if device == "cpu" else 0, local_files_only=True)

    @property
    def library_model(self) -> WhisperModel:
        """The faster_whisper.WhisperModel, for benchmarks comparing against the direct call."""
        return self._model

    def decode_options(self, *, language: str = "vi", vad: bool = True, initial_prompt: str | None = None,
                       word_timestamps: bool = False, **options: object) -> dict[str, object]:
        """The faster-whisper arguments every transcription here uses (`options` override them, e.g.
        temperature=0.0 for a deterministic check). Public so that a benchmark's baseline decodes with
        exactly the same settings as the product."""
        return {
            "language": language, "vad_filter": vad, "beam_size": self.beam_size,
            "initial_prompt": initial_prompt, "word_timestamps": word_timestamps,
            # Avoids the repetition loops Whisper falls into on long audio.
            "condition_on_previous_text": False,
            # With VAD on, Silero has already kept only speech. Whisper's own no-speech test (no-speech
            # probability > 0.6 AND mean log-probability < -1) would then drop a whole 30 s window of
            # real speech: the log-probability comes from the temperature-fallback decode, which is
            # sampled, so about 1 upload in 6 came back with no transcript at all on a clear recording.
            "no_speech_threshold": None if vad else 0.6,
        } | options

    def transcribe(self, audio: Path | str | Samples, *, language: str = "vi", vad: bool = True,
                   initial_prompt: str | None = None, word_timestamps: bool = False,
                   **options: object) -> list[Segment]:
        """`options` go to faster-whisper as they are (e.g. temperature=0.0 for a deterministic check)."""
        # One decode at a time per model: CTranslate2 would queue anyway, and a lock keeps memory flat.
        with self._lock:
            source = str(audio) if isinstance(audio, Path | str) else audio  # a 16 kHz numpy array passes through
            kwargs = self.decode_options(language=language, vad=vad, initial_prompt=initial_prompt,
                                         word_timestamps=word_timestamps, **options)
            segments, _info = self._model.transcribe(source, **kwargs)
            out = []
            for seg in segments:
                words = tuple(Word(w.start, w.end, w.word.strip(), w.probability) for w in (seg.words or []))
                text = seg.text.strip()
                if text:
                    out.append(Segment(round(seg.start, 2), round(seg.end, 2), text, words))
            return out

    def transcribe_draft(self, audio: Samples, *, language: str = "vi") -> list[Segment]:
        """Provisional captions (meetings' interim pass): greedy, temperature 0 only (no fallback ladder:
        the final pass of the closed segment has it), VAD on so silence gives no invented words, and at
        most ~20 tokens per second of audio, so a repetition loop costs a bounded decode."""
        seconds = len(audio) / 16000
        return self.transcribe(audio, language=language, vad=True, word_timestamps=True, beam_size=1,
                               temperature=0.0, max_new_tokens=min(224, 16 + int(20 * seconds)))
