"""Impact report: what the appliance is used for, per task and unit, the manual time it saves
(estimated from the ward's own per-task baselines) and the outcomes month by month."""

from __future__ import annotations

from appliance.auth.roles import LEADER_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    from appliance.impact import routes, schema  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="impact",
        routers=(routes.router,),
        nav=(NavEntry("/hieu-qua", "Hiệu quả", LEADER_ROLES, "↗", order=25),),
        admin_links=(AdminLink(
            "/hieu-qua/muc-thoi-gian", "Mức thời gian của báo cáo hiệu quả",
            "Số phút mỗi việc khi làm thủ công và khi dùng trợ lý: cơ sở ước tính thời gian tiết kiệm"),),
        migrations=tuple(schema.MIGRATIONS),
        # It counts work done in these features through their `usage` functions (their tables stay theirs).
        requires=("auth", "ward", "drafting", "meetings", "tasks", "citizen", "dashboard", "reporting"),
        tables=("impact_baselines",),
    )
