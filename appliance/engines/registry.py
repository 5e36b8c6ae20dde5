"""One registry picks, per task, the best installed backend for the configured device, loads it
lazily on first use and reports honestly what runs where. A missing or broken model gives
`None` (the feature uses its fallback) and shows in `/healthz`; it never raises.

Modes (setting `engines_mode`): `local` loads the models in this process; `remote` answers every
call through the OpenAI-compatible API at `engines_url` (the engines server, or a city's vLLM/TGI
cluster), so only the engines process holds the GPU models.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NotRequired, TypedDict, overload

from appliance.config import Settings
from appliance.engines.backends import LocalModel, backend_for
from appliance.engines.base import TASKS, Diarizer, Embedder, Engine, Generator, Task, Transcriber
from appliance.engines.catalogue import ModelEntry, load_catalogue
from appliance.engines.device import resolve_device
from appliance.engines.mfcc_diarizer import MfccDiarizer
from appliance.engines.remote import NotOffered, remote_factory
from appliance.engines.store import locate

log = logging.getLogger(__name__)

CATALOGUE_TASK: dict[Task, str] = {"transcriber": "asr", "diarizer": "diarization", "generator": "generator",
                                   "embedder": "embedder"}
FALLBACKS: dict[Task, str] = {
    "transcriber": "chưa có mô hình: giữ bản ghi âm, nhận dạng khi có mô hình",
    "diarizer": "phân cụm MFCC trên CPU",
    "generator": "mẫu câu tiếng Việt và trích đoạn",
    "embedder": "BM25 trên văn bản bỏ dấu (SQLite FTS5)",
}
REMOTE_RETRY_S = 30.0
LOCAL_WHEN_NOT_OFFERED: tuple[Task, ...] = ("transcriber", "embedder")  # light enough for any process
NOT_OFFERED_RETRY_S = 600.0  # a server that answered without a task is asked again this much later


class SlotStatus(TypedDict):
    """What /healthz, the admin page and the engines server say about one task."""
    backend: str
    state: str
    fallback: str | None
    where: NotRequired[str]  # "máy chủ mô hình <url>", "trong máy" or "dự phòng trong máy"
    model: NotRequired[str | None]
    device: NotRequired[str | None]
    loaded: NotRequired[bool]
    problems: NotRequired[list[str]]


@dataclass
class Slot:
    """What one task will run: chosen at start from files on disk, loaded on first use."""
    task: Task
    backend: str | None = None
    model: str | None = None
    device: str | None = None
    path: Path | None = None
    entry: ModelEntry | None = None
    problem: str | None = None
    instance: Engine | None = None
    loaded: bool = False
    failed: bool = False
    factory: Callable[[], Engine] | None = None
    retry_s: float | None = None  # remote engines: try again this long after a failure
    failed_at: float = 0.0
    next: Slot | None = None  # the next-best candidate, used when this one fails to load
    notes: list[str] = field(default_factory=list)  # models skipped or broken, shown to the admin
    not_offered: bool = False  # a remote server answered but does not offer this task: `next` runs it here
    down_next: bool = False  # a remote slot whose `next` also answers while the server is unreachable

    @property
    def active(self) -> bool:
        return self.factory is not None and not self.failed

    @property
    def remote(self) -> bool:
        return self.retry_s is not None

    def where(self) -> str:
        if not self.active:
            return "dự phòng trong máy"
        return f"máy chủ mô hình {self.model}" if self.remote else f"trong máy ({self.device or 'cpu'})"

    def status(self) -> SlotStatus:
        active = self.active
        fallback_in_use = not active or self.backend in ("mfcc-ahc",)
        if self.failed:
            state = f"lỗi khi nạp: {self.problem}"
        elif not active:
            state = self.problem or "chưa cài mô hình"
        else:
            state = "đã nạp" if self.loaded else "sẵn sàng (nạp khi dùng lần đầu)"
        return {"backend": (self.backend or self.task) if active else "fallback",
                "model": self.model if active else None,
                "device": self.device if active else None, "state": state, "loaded": self.loaded,
                "fallback": FALLBACKS[self.task] if fallback_in_use else None, "where": self.where(),
                "problems": list(self.notes)}


def _candidates(task: Task, entries: list[ModelEntry]) -> list[ModelEntry]:
    wanted = CATALOGUE_TASK[task]
    ranked = [e for e in entries if e.task == wanted and e.choice == "production"]
    ranked += [e for e in entries if e.task == wanted and e.choice == "cpu"]
    return ranked  # `test` entries are never picked: random weights must not answer anybody


class Registry:
    """Per task, the engine to use, loaded on first use. `available(task)` is the one lookup."""

    def __init__(self, settings: Settings, slots: dict[Task, Slot] | None = None):
        self.settings = settings
        self._lock = threading.RLock()
        self._slots: dict[Task, Slot] = slots if slots is not None else plan(settings)

    @classmethod
    def from_instances(cls, settings: Settings, *, transcriber: Transcriber | None = None,
                       diarizer: Diarizer | None = None, generator: Generator | None = None,
                       embedder: Embedder | None = None) -> Registry:
        """A registry over ready engines (tests, bench, the engines server with a given model); the
        other tasks are chosen from disk as usual."""
        registry = cls(settings)
        given: dict[Task, Engine | None] = {"transcriber": transcriber, "diarizer": diarizer,
                                            "generator": generator, "embedder": embedder}
        for task, instance in given.items():
            if instance is not None:
                registry.use(task, instance)
        return registry

    def use(self, task: Task, instance: Engine) -> None:
        """Answer `task` with this ready engine from now on."""
        with self._lock:
            self._slots[task] = Slot(task, backend=getattr(instance, "name", task), model=None,
                                     device=getattr(instance, "device", None), instance=instance, loaded=True,
                                     factory=lambda: instance)

    def use_factory(self, task: Task, factory: Callable[[], Engine], *, backend: str, model: str,
                    device: str, path: Path | None = None) -> None:
        """Answer `task` with the engine `factory` builds on first use (`engines serve --generator-dir`)."""
        with self._lock:
            self._slots[task] = Slot(task, backend=backend, model=model, device=device, path=path, factory=factory)

    @overload
    def available(self, task: Literal["transcriber"]) -> Transcriber | None: ...
    @overload
    def available(self, task: Literal["diarizer"]) -> Diarizer | None: ...
    @overload
    def available(self, task: Literal["generator"]) -> Generator | None: ...
    @overload
    def available(self, task: Literal["embedder"]) -> Embedder | None: ...
    @overload
    def available(self, task: Task) -> Engine | None: ...

    def available(self, task: Task) -> Engine | None:
        """The engine for `task`, loaded now if need be, or None: the caller then uses its own fallback
        and says so. Never raises: a broken model degrades the feature that asked, never crashes it."""
        try:
            return self._first_loadable(task)
        except Exception:
            log.exception("engine %s unavailable; the feature uses its fallback", task)
            return None

    def installed(self, task: Task) -> bool:
        """Whether an engine is configured for `task` and has not failed, without loading it."""
        return self._slots[task].active

    def _first_loadable(self, task: Task) -> Engine | None:
        slot: Slot | None = self._slots[task]
        while slot is not None:
            instance = self._load(task, slot)
            if instance is not None or not slot.failed or slot.next is None:
                return instance
            if slot.retry_s is None:
                # This model is broken: the next-best one takes the task for good, the problem stays visible.
                with self._lock:
                    if self._slots[task] is slot:
                        slot.next.notes = [*slot.notes, f"{slot.model}: {slot.problem}", *slot.next.notes]
                        self._slots[task] = slot.next
            elif not (slot.not_offered or slot.down_next):
                # The engines server is down: the features use their own fallbacks (no model loads in
                # this process); it is asked again after REMOTE_RETRY_S.
                return None
            slot = slot.next  # a task the server does not offer runs here; the server is asked again later
        return None

    def _load(self, task: Task, slot: Slot) -> Engine | None:
        retry_s = NOT_OFFERED_RETRY_S if slot.not_offered else slot.retry_s
        if slot.failed and retry_s is not None and time.monotonic() - slot.failed_at > retry_s:
            slot.failed = slot.not_offered = False
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
                    if isinstance(exc, NotOffered):
                        slot.not_offered, slot.problem = True, str(exc)
                        log.info("engine %s: %s; it runs in this process", task, exc)
                    elif isinstance(exc, OSError) or "ConnectError" in type(exc).__name__:
                        # An engines server that is not running is a normal state (dev, no GPU unit):
                        # one line, no traceback; the status page says the same.
                        log.warning("engine %s (%s) unavailable (%s); features use their fallback",
                                    task, slot.model, slot.problem)
                    else:
                        log.exception("engine %s (%s) failed to load; features use their fallback", task, slot.model)
        return slot.instance if slot.loaded else None

    def unload(self, task: Task | None = None) -> None:
        with self._lock:
            for name in [task] if task else list(self._slots):
                slot = self._slots[name]
                slot.instance, slot.loaded = None, False
                slot.failed = False if slot.factory is not None else slot.failed

    def replan(self) -> None:
        """Forget loaded models and choose again from the files on disk (after `appliance models install`).
        Engines given as instances (tests, --generator-dir) stay."""
        fresh = plan(self.settings)
        with self._lock:
            for task, slot in self._slots.items():
                if slot.entry is not None or slot.factory is None or slot.backend in ("mfcc-ahc", "remote"):
                    slot.instance, slot.loaded = None, False
                    self._slots[task] = fresh[task]

    def status(self, *, ask_remote: bool = True) -> dict[str, SlotStatus]:
        """Per task what serves it and where. Remote slots are asked first (a /v1/models call, cached)
        so that a task the server does not offer shows the local engine that answers it instead."""
        out: dict[str, SlotStatus] = {}
        for task in TASKS:
            head = self._slots[task]
            if ask_remote and head.remote and not head.loaded:
                self._load(task, head)
            if head.remote and head.failed and head.not_offered and head.next is not None:
                local = head.next
                while local.failed and local.next is not None:
                    local = local.next
                status = local.status()
                status["problems"] = [f"{head.model}: {head.problem}", *status.get("problems", [])]
                out[task] = status
            else:
                out[task] = head.status()
        return out


def _cpu_diarizer_slot() -> Slot:
    return Slot("diarizer", backend="mfcc-ahc", model="MFCC + phân cụm (không cần mô hình)", device="cpu",
                factory=MfccDiarizer)


def _remote_plan(settings: Settings) -> dict[Task, Slot]:
    """Every task through the server at engines_url; speech and embeddings it does not offer (a city's
    vLLM with chat but no audio) run with the local models, as in local mode. The generator never
    falls back to a local model here: an LLM loaded into a web or citizen process would take the
    memory those processes must not hold; without a remote one the features use their templates."""
    local = plan(settings.model_copy(update={"engines_mode": "local"}))
    slots = {task: Slot(task, backend="remote", model=settings.engines_url, device="remote",
                        factory=remote_factory(settings, task), retry_s=REMOTE_RETRY_S,
                        next=local[task] if task in LOCAL_WHEN_NOT_OFFERED else None)
             for task in TASKS}
    # Diarization is not an OpenAI task: a foreign server, or the engines server while it is down,
    # leaves it to the CPU baseline in this process (never a GPU pipeline in a web process).
    slots["diarizer"].next, slots["diarizer"].down_next = _cpu_diarizer_slot(), True
    return slots


def plan(settings: Settings) -> dict[Task, Slot]:
    if settings.engines_mode == "remote":
        return _remote_plan(settings)
    try:
        entries = load_catalogue()
    except Exception as exc:
        log.exception("model catalogue unreadable")
        return {t: Slot(t, problem=f"danh mục mô hình lỗi: {exc}") for t in TASKS}
    device = resolve_device(settings.device)
    slots: dict[Task, Slot] = {}
    for task in TASKS:
        problems: list[str] = []
        chain: list[Slot] = []
        for entry in _candidates(task, entries):
            backend = backend_for(entry.runtime, task)
            if backend is None or not backend.present():
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
            model = LocalModel(entry, found.path, backend.device(device), settings)
            chain.append(Slot(task, backend=backend.runtime, model=entry.name, device=model.device, path=found.path,
                              entry=entry, factory=functools.partial(backend.factory, model)))
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
    return str(settings.model_root.resolve()), settings.device, settings.engines_mode, settings.engines_url


def get_registry(settings: Settings) -> Registry:
    """The process-wide registry for these settings (cached per model dir, device and mode). Never
    raises: when the engines layer itself is broken, every task reports the problem and features use
    their fallbacks (the next call tries again)."""
    try:
        key = _key(settings)
        with _REGISTRIES_LOCK:
            registry = _REGISTRIES.get(key)
            if registry is None:
                registry = _REGISTRIES[key] = Registry(settings)
            return registry
    except Exception as exc:
        log.exception("engines unavailable; features use their fallbacks")
        return Registry(settings, slots={t: Slot(t, problem=f"lỗi: {exc}") for t in TASKS})


def reset_registry(settings: Settings | None = None) -> None:
    """Forget cached registries (after `appliance models install`, or between tests)."""
    with _REGISTRIES_LOCK:
        if settings is None:
            _REGISTRIES.clear()
        else:
            _REGISTRIES.pop(_key(settings), None)


def engines_status(settings: Settings) -> dict[str, SlotStatus]:
    """For /healthz and the admin page: per task the backend, model, device, or the fallback in use."""
    try:
        return get_registry(settings).status()
    except Exception as exc:  # status must answer even when everything else is broken
        log.exception("engines status failed")
        return {t: {"backend": "fallback", "state": f"lỗi: {exc}", "fallback": FALLBACKS[t]} for t in TASKS}
