"""The engines this feature uses, from the shared registry (imported lazily: a missing engines
layer or model means the fallback, never a crash)."""

from __future__ import annotations

from typing import Any

from appliance.config import Settings
from appliance.engines import engine


def transcriber(settings: Settings) -> Any | None:
    return engine(settings, "transcriber")


def diarizer(settings: Settings) -> Any | None:
    return engine(settings, "diarizer")


def generator(settings: Settings) -> Any | None:
    return engine(settings, "generator")
