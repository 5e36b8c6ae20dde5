"""The built-in fictional ward "Phường Mẫu": a year of realistic, seeded data for demos and training.
Each feature brings its own part (`demo=` in its manifest); this package runs them in order."""

from __future__ import annotations

from appliance.features import Feature


def manifest() -> Feature:
    from appliance.demo import cli  # parts load when the loader asks (appliance.features explains why)

    return Feature(name="demo", cli=(cli.register,))
