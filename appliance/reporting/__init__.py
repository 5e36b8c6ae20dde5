"""The reporting layer: views over other features' tables for the question box, and the one
table of measures (CONTRACT §4) that the dashboard, the question box and the model's prompt
are generated from. It owns no table; its views are migrated after the tables they read."""

from __future__ import annotations

from appliance.features import Feature


def manifest() -> Feature:
    from appliance.reporting import views, zone  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="reporting",
        cli=(zone.register,),
        doctor=zone.checks,
        migrations=tuple(views.MIGRATIONS),
        requires=("citizen", "dashboard"),  # the views read records, indicators and feedback
        reads=views.BASE_TABLES,
    )
