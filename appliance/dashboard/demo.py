"""Demo ward: a year of procedure records and the socio-economic indicators."""

from __future__ import annotations

from appliance.dashboard import demo_indicators, demo_records
from appliance.db import transaction
from appliance.demo.context import DemoContext

# Fixed offsets from the demo seed (see DemoContext.random): the same ward on every load.
RECORDS_SEED, INDICATORS_SEED = 0, 1


def load(ctx: DemoContext) -> dict[str, int]:
    with transaction(ctx.conn):
        records = demo_records.load(ctx.conn, ctx.random(RECORDS_SEED), ctx.anchor)
        indicators = demo_indicators.load(ctx.conn, ctx.random(INDICATORS_SEED), ctx.anchor)
    return {"records": records, "indicators": indicators}
