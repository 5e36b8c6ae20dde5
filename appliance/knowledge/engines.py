"""The engines this feature may use, looked up lazily: the engines layer may be absent, have no
model installed, or fail; each case gives None and the feature's own fallback answers."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def _registry(settings: Any, registry: Any = None) -> Any:
    if registry is not None:
        return registry
    try:
        from appliance.engines.registry import get_registry
    except ImportError:
        return None
    try:
        return get_registry(settings)
    except Exception:  # a broken engines layer degrades this feature to its fallback
        log.exception("engines registry unavailable")
        return None


def get_embedder(settings: Any, registry: Any = None) -> Any:
    found = _registry(settings, registry)
    try:
        return getattr(found, "embedder", None) if found is not None else None
    except Exception:
        log.exception("embedder unavailable")
        return None


def get_generator(settings: Any, registry: Any = None) -> Any:
    found = _registry(settings, registry)
    try:
        return getattr(found, "generator", None) if found is not None else None
    except Exception:
        log.exception("generator unavailable")
        return None
