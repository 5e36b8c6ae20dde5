"""The ward itself: its identity (ND30 headers, pages), departments, staff directory and its
working-day calendar. Other features call the service functions re-exported here."""

from __future__ import annotations

from appliance.features import AdminLink, Feature
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
    # parts load when the loader asks (appliance.features explains why)
    from appliance.ward import cli, demo, doctor, routes, schema

    return Feature(
        name="ward",
        routers=(routes.router,),
        admin_links=(AdminLink("/thiet-lap", "Thiết lập đơn vị",
                               "Thông tin đơn vị, mật khẩu quản trị, danh bạ, phí lệ phí, định tuyến, lịch làm việc, "
                               "Zalo OA"),),
        cli=(cli.register,),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth",),
        tables=("ward_profile", "ward_units", "ward_staff", "ward_calendar"),
        demo=demo.load,
        demo_label="thông tin đơn vị và danh bạ cán bộ mẫu",
        doctor=doctor.checks,
    )
