"""Model engines: interfaces (base.py), one backend per file, the registry, the engines server.

Features ask for an engine with `engine(settings, "generator")` and get an instance or None; None
means "use your own fallback and say so". This is the one place that decides that a missing or
broken engines layer degrades a feature instead of stopping it.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from appliance.config import Settings
from appliance.features import AdminLink, Feature

log = logging.getLogger(__name__)
Task = Literal["transcriber", "diarizer", "generator", "embedder"]


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


def status(settings: Settings) -> dict[str, Any]:
    from appliance.engines.registry import engines_status

    return engines_status(settings)


def engine(settings: Settings, task: Task, registry: Any = None) -> Any | None:
    """The installed engine for `task` (from `registry`, or the shared one), or None."""
    try:
        if registry is None:
            from appliance.engines.registry import get_registry

            registry = get_registry(settings)
        return getattr(registry, task, None)
    except Exception:  # a broken engine degrades the feature that asked, never crashes it
        log.exception("engine %s unavailable; the feature uses its fallback", task)
        return None
