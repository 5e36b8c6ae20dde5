"""The engines this feature uses, from the shared registry (imported lazily: a missing engines
layer or model means the fallback, never a crash)."""

from __future__ import annotations

import logging
from typing import Any

from appliance.config import Settings

log = logging.getLogger(__name__)


def _registry(settings: Settings) -> Any | None:
    try:
        from appliance.engines.registry import get_registry
    except ImportError:
        return None
    try:
        return get_registry(settings)
    except Exception:  # a broken engine degrades this feature, it does not stop it
        log.exception("engines registry failed")
        return None


def transcriber(settings: Settings) -> Any | None:
    reg = _registry(settings)
    return getattr(reg, "transcriber", None) if reg is not None else None


def diarizer(settings: Settings) -> Any | None:
    reg = _registry(settings)
    return getattr(reg, "diarizer", None) if reg is not None else None


def generator(settings: Settings) -> Any | None:
    reg = _registry(settings)
    return getattr(reg, "generator", None) if reg is not None else None
