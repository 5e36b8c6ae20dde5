"""`appliance eval`: every model-backed path measured on the project's evaluation sets, against
any OpenAI-compatible server or the unit's own model, next to its fallback (docs/engines.md)."""

from __future__ import annotations

from appliance.features import Feature


def manifest() -> Feature:
    from appliance.evaluation import cli  # parts load when the loader asks (appliance.features explains why)

    return Feature(name="evaluation", cli=(cli.register,))
