"""Diarizer on a pyannote.audio pipeline loaded from local files (optional extra `[gpu]`).

pyannote.audio is imported only here, lazily, with its telemetry off; the pipeline's
config.yaml must name local checkpoint paths (the bundle tool rewrites them), so nothing
is fetched from the model hub."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from appliance.engines.audio_io import SAMPLE_RATE, load_audio
from appliance.engines.base import Samples, Turn
from appliance.engines.device import Device

LOCAL_CHECKPOINTS = ("segmentation/pytorch_model.bin", "embedding/pytorch_model.bin")


class _Segment(Protocol):
    start: float
    end: float


class _Annotation(Protocol):
    def itertracks(self, yield_label: bool = ...) -> Iterator[tuple[_Segment, object, object]]: ...


class _Pipeline(Protocol):
    def instantiate(self, params: dict[str, object]) -> object: ...
    def to(self, device: object) -> object: ...
    def __call__(self, audio: object, **bounds: int) -> _Annotation: ...


def build_local_pipeline(folder: Path, parse_yaml: Callable[[str], object],
                         class_by_name: Callable[..., Callable[..., _Pipeline]]) -> _Pipeline:
    """The bundle's pipeline built from its own config.yaml, as pyannote builds one from a local file but
    without pyannote's loader (which also takes hub ids): the class the config names, its arguments with
    the two checkpoints as absolute paths inside the installed bundle, then its tuned parameters. A config
    whose checkpoints are anything else (a hub id such as "pyannote/segmentation-3.0") is refused."""
    text = (folder / "config.yaml").read_text(encoding="utf-8")
    for rel in LOCAL_CHECKPOINTS:  # relative paths in the bundle → absolute
        text = text.replace(f" {rel}", f" {folder / rel}")
    config = parse_yaml(text)
    block = config.get("pipeline") if isinstance(config, dict) else None
    arguments = block.get("params") if isinstance(block, dict) else None
    local = {key: str(folder / rel) for key, rel in zip(("segmentation", "embedding"), LOCAL_CHECKPOINTS, strict=True)}
    if not (isinstance(config, dict) and isinstance(block, dict) and isinstance(block.get("name"), str)
            and isinstance(arguments, dict) and all(arguments.get(k) == v for k, v in local.items())):
        raise ValueError(f"{folder}/config.yaml: phải trỏ tới {', '.join(LOCAL_CHECKPOINTS)} trong gói")
    pipeline = class_by_name(block["name"], default_module_name="pyannote.pipeline.blocks")(**arguments)
    if isinstance(config.get("params"), dict):
        pipeline.instantiate(config["params"])
    return pipeline


class PyannoteDiarizer:
    def __init__(self, folder: Path, *, device: Device = "cpu"):
        os.environ["PYANNOTE_METRICS_ENABLED"] = "0"
        os.environ["HF_HUB_OFFLINE"] = "1"  # even if a caller set it otherwise: weights never come from a hub
        try:
            # Optional extra [gpu], with torch: imported only to load a model. PyYAML comes with it.
            import pyannote.audio  # noqa: F401  (registers the pipeline classes the config names)
            import yaml
            from pyannote.core.utils.helper import get_class_by_name
        except ImportError as exc:
            raise ImportError("pyannote.audio chưa được cài: pip install '.[gpu]'") from exc
        self._pipeline = build_local_pipeline(folder, yaml.safe_load, get_class_by_name)
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
