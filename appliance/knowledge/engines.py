"""The engines this feature may use, looked up lazily: the engines layer may be absent, have no
model installed, or fail; each case gives None and the feature's own fallback answers."""

from __future__ import annotations

from typing import Any

from appliance.engines import engine


def get_embedder(settings: Any, registry: Any = None) -> Any:
    return engine(settings, "embedder", registry)


def get_generator(settings: Any, registry: Any = None) -> Any:
    return engine(settings, "generator", registry)
