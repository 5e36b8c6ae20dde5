"""Task tracker: tasks assigned in meetings and documents, followed to done."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import Feature, NavEntry


def manifest() -> Feature:
    from appliance.tasks import routes, schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="tasks",
        routers=(routes.router,),
        nav=(NavEntry("/nhiem-vu", "Nhiệm vụ", STAFF_ROLES, "✓", order=80),),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth", "meetings", "ward"),  # tasks.meeting_id references meetings
        tables=("tasks",),
    )
