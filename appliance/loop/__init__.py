"""The closed loop of a citizen complaint: an overdue ticket is put on a meeting's agenda, the
meeting's task is linked to it, the task's result becomes a reply that staff approve and that goes
back to the citizen on the ticket's channel, and the ticket closes. One page shows the whole path.

It owns only the link between a ticket and its meeting, task and reply (`ticket_links`); the
ticket, the meeting and the task stay with their features and are reached through their services."""

from __future__ import annotations

from appliance.features import Feature


def manifest() -> Feature:
    from appliance.loop import routes, schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="loop",
        routers=(routes.router,),
        migrations=tuple(schema.MIGRATIONS),
        requires=("citizen", "meetings", "tasks"),
        tables=("ticket_links",),
    )
