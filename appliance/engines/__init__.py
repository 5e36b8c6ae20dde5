"""Model engines: interfaces (base.py), one backend per file (backends.py lists them), the
registry, the engines server.

Features ask for an engine with `engine(settings, "generator")` (or, in a route, the
`GeneratorDep`/`EmbedderDep`/`EnginesDep` dependencies of appliance.http.deps) and get an
instance typed by its Protocol, or None; None means "use your own fallback and say so". The
registry is the one place that decides that a missing or broken engine degrades a feature
instead of stopping it.
"""

from __future__ import annotations

from typing import Literal, overload

from appliance.config import Settings
from appliance.engines.base import (
    ChatMessage,
    Diarizer,
    Embedder,
    Engine,
    Generator,
    Segment,
    Task,
    Transcriber,
    Turn,
    Vectors,
)
from appliance.engines.registry import Registry, SlotStatus, engines_status, get_registry
from appliance.features import AdminLink, Feature


def manifest() -> Feature:
    from appliance.engines import cli, routes  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="engines",
        routers=(routes.router,),
        admin_links=(AdminLink("/quan-tri/mo-hinh", "Mô hình AI",
                               "Công cụ AI đang chạy ở đâu, danh mục mô hình, kiểm tra mã sha256"),),
        cli=(cli.register,),
        serve_children=cli.serve_children,
    )


def status(settings: Settings) -> dict[str, SlotStatus]:
    return engines_status(settings)


@overload
def engine(settings: Settings, task: Literal["transcriber"], registry: Registry | None = ...) -> Transcriber | None: ...
@overload
def engine(settings: Settings, task: Literal["diarizer"], registry: Registry | None = ...) -> Diarizer | None: ...
@overload
def engine(settings: Settings, task: Literal["generator"], registry: Registry | None = ...) -> Generator | None: ...
@overload
def engine(settings: Settings, task: Literal["embedder"], registry: Registry | None = ...) -> Embedder | None: ...


def engine(settings: Settings, task: Task, registry: Registry | None = None) -> Engine | None:
    """The installed engine for `task` (from `registry`, or the shared one for these settings), or None."""
    return (registry if registry is not None else get_registry(settings)).available(task)


__all__ = ["ChatMessage", "Diarizer", "Embedder", "Engine", "Generator", "Registry", "Segment", "Task", "Transcriber",
           "Turn", "Vectors", "engine", "status"]
