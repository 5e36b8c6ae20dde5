"""The ward itself: its identity (ND30 headers, pages), departments, staff directory and its
working-day calendar. Other features call the service functions re-exported here."""

from __future__ import annotations

from appliance.features import Feature
from appliance.ward.service import (
    StaffMember,
    WardProfile,
    directory,
    get_profile,
    match_person,
    units,
    work_calendar,
)

__all__ = ["StaffMember", "WardProfile", "directory", "get_profile", "manifest", "match_person", "units",
           "work_calendar"]


def manifest() -> Feature:
    from appliance.ward import schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="ward",
        migrations=tuple(schema.MIGRATIONS),
        tables=("ward_profile", "ward_units", "ward_staff", "ward_calendar"),
    )
