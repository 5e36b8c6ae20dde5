"""One row of work done with the appliance, as the impact report counts it.

Features that do the work hand these out through their own `usage` functions (their tables stay
theirs); the impact report (`appliance.impact`) counts them per task, unit and month, and lists
them behind every figure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    day: str                 # the ward's calendar day it counts on, YYYY-MM-DD
    ref: str                 # the counted row's id in its feature (draft 12, meeting 3, audit entry 907…)
    text: str                # what it was, in Vietnamese, for the list behind a figure
    at: str | None = None    # when, UTC as stored ('YYYY-MM-DD HH:MM:SS…'); None when only the day is kept
    user_id: int | None = None
    username: str | None = None
    unit: str | None = None  # the unit the row itself names (a complaint's department); else from the person
    href: str | None = None  # the row's own page, when it has one
