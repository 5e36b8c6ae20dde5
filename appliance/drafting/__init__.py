"""Official documents in the format of Nghị định 30/2020/NĐ-CP and the outgoing register."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.drafting import demo, doctor, routes, schema

    return Feature(
        name="drafting",
        routers=(routes.router,),
        nav=(NavEntry("/soan-thao", "Soạn thảo", STAFF_ROLES, "✎", order=40),),
        admin_links=(AdminLink("/quan-tri/mau-van-ban", "Mẫu văn bản",
                               "Sửa mẫu nội dung, nơi nhận, ký hiệu của 8 loại văn bản theo Nghị định 30"),),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth",),
        tables=("drafting_documents", "drafting_register_counters"),
        demo=demo.load,
        demo_label="văn bản mẫu và sổ văn bản đi",
        doctor=doctor.checks,
    )
