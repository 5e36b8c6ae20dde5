"""Demo ward: publish the catalogue and routing to public.db and mirror the demo feedback's
public status (no personal data), so the citizen app answers and looks tickets up at once."""

from __future__ import annotations

from typing import Any

from appliance.citizen.sync import public_db, publish, push_ticket
from appliance.db import transaction


def load(ctx: Any) -> dict[str, int]:
    with public_db(ctx.settings) as public:
        publish(ctx.conn, public)
        rows = ctx.conn.execute("SELECT * FROM feedback").fetchall()
        with transaction(public):
            for row in rows:
                push_ticket(public, row)
    return {"public_tickets": len(rows)}
