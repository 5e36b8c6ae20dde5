"""Leaders' question box: Vietnamese questions → validated read-only SQL → figure, chart, SQL."""

from __future__ import annotations

from appliance.auth.roles import LEADER_ROLES
from appliance.features import Feature, NavEntry


def manifest() -> Feature:
    from appliance.ask import routes, schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="ask",
        routers=(routes.router,),
        nav=(NavEntry("/hoi-dap", "Hỏi đáp số liệu", LEADER_ROLES, "?", order=20),),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth", "reporting"),  # ask_history refers to users; the questions read the views
        tables=("ask_history",),
    )
