"""Diarizer on a pyannote.audio pipeline loaded from local files (optional extra `[gpu]`).

pyannote.audio is imported only here, lazily, with its telemetry off; the pipeline's
config.yaml must name local checkpoint paths (the bundle tool rewrites them), so nothing
is fetched from the model hub."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from appliance.engines.audio_io import SAMPLE_RATE, load_audio
from appliance.engines.base import Samples, Turn
from appliance.engines.device import Device

LOCAL_CHECKPOINTS = ("segmentation/pytorch_model.bin", "embedding/pytorch_model.bin")


class PyannoteDiarizer:
    def __init__(self, folder: Path, *, device: Device = "cpu"):
        os.environ["PYANNOTE_METRICS_ENABLED"] = "0"
        os.environ["HF_HUB_OFFLINE"] = "1"  # even if a caller set it otherwise: weights never come from a hub
        try:
            from pyannote.audio import Pipeline  # optional extra [gpu], with torch: imported only to load a model
        except ImportError as exc:
            raise ImportError("pyannote.audio chưa được cài: pip install '.[gpu]'") from exc
        text = (folder / "config.yaml").read_text(encoding="utf-8")
        for rel in LOCAL_CHECKPOINTS:  # relative paths in the bundle → absolute, never a hub id
            text = text.replace(f" {rel}", f" {folder / rel}")
        if any(str(folder / rel) not in text for rel in LOCAL_CHECKPOINTS):
            raise ValueError(f"{folder}/config.yaml: phải trỏ tới {', '.join(LOCAL_CHECKPOINTS)} trong gói")
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as fh:
            fh.write(text)
        try:
            # A path to an existing local file: pyannote reads it and the checkpoints it names
            # (rewritten above to absolute paths inside the installed bundle), not a hub id.
            config = Path(fh.name)
            assert config.is_file()
            self._pipeline = Pipeline.from_pretrained(config)
        finally:
            os.unlink(fh.name)
        self.device = device
        if device == "cuda":
            import torch  # comes with pyannote.audio (optional extra [gpu])

            self._pipeline.to(torch.device("cuda"))
        self.name = f"pyannote:speaker-diarization ({device})"
        self._lock = threading.Lock()

    def diarize(self, audio: Path | str | Samples, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        import torch  # comes with pyannote.audio (optional extra [gpu])

        samples = load_audio(audio)
        waveform = torch.from_numpy(samples).unsqueeze(0)
        with self._lock:
            bounds = {"num_speakers": num_speakers} if num_speakers else {"max_speakers": max_speakers} \
                if max_speakers else {}
            result = self._pipeline({"waveform": waveform, "sample_rate": SAMPLE_RATE}, **bounds)
        annotation = getattr(result, "speaker_diarization", result)  # pyannote 4 wraps it in DiarizeOutput
        names: dict[str, str] = {}
        turns = []
        for segment, _track, label in annotation.itertracks(yield_label=True):
            speaker = names.setdefault(str(label), f"Người nói {len(names) + 1}")
            turns.append(Turn(round(float(segment.start), 2), round(float(segment.end), 2), speaker))
        return sorted(turns, key=lambda t: t.start)
