"""The appliance itself: doctor, backup/restore, systemd integration, network guard."""

from __future__ import annotations

from appliance.features import Feature


def manifest() -> Feature:
    from appliance.system import cli  # parts load when the loader asks (appliance.features explains why)

    return Feature(name="system", cli=(cli.register,), tables=("meta",))
