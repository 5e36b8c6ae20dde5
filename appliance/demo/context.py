"""What every feature's demo part receives."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import dataclass

from appliance.config import Settings

DEFAULT_SEED = 20261126


@dataclass
class DemoContext:
    conn: sqlite3.Connection
    settings: Settings
    rng: random.Random
    anchor: dt.date
    seed: int = DEFAULT_SEED

    def random(self, offset: int) -> random.Random:
        """A generator of its own for one part. Each part keeps a fixed offset, so the demo ward
        stays the same ward whatever parts are added or reordered."""
        return random.Random(self.seed + offset)
