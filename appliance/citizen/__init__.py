"""Citizens' one-stop service: public app (port 8001, its own public.db), feedback, Zalo."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.citizen import demo, doctor, schema
    from appliance.citizen.public import page_routes, zalo_routes
    from appliance.citizen.public import routes as public_routes
    from appliance.citizen.staff import cli, jobs, routes

    return Feature(
        name="citizen",
        routers=(routes.router,),
        public_routers=(public_routes.router, zalo_routes.router, page_routes.router),
        nav=(NavEntry("/phan-anh", "Phản ánh", STAFF_ROLES, "✉", order=60),),
        admin_links=(
            AdminLink("/quan-tri/dinh-tuyen", "Định tuyến phản ánh",
                      "Lĩnh vực phản ánh → đơn vị xử lý và số ngày làm việc phải trả lời"),
            AdminLink("/quan-tri/cong-dan", "Cổng công dân",
                      "Câu hỏi thường gặp, thông báo công khai, hàng đợi tin nhắn Zalo"),
        ),
        cli=(cli.register,),
        migrations=tuple(schema.MIGRATIONS),
        public_migrations=tuple(schema.PUBLIC_MIGRATIONS),
        requires=("auth",),
        tables=("feedback_routing", "feedback", "feedback_examples", "feedback_history", "zalo_outbox",
                "zalo_tokens", "citizen_faq", "citizen_notices", "chat_handovers"),
        public_tables=("meta", "pub_procedures", "pub_faq", "pub_notices", "pub_routing", "pub_examples",
                       "chat_sessions", "chat_messages", "inbox", "tickets", "zalo_events", "handovers"),
        jobs=jobs.HANDLERS,
        job_lanes=jobs.LANES,
        demo=demo.load,
        demo_label="phản ánh, kiến nghị; cổng công dân (câu hỏi thường gặp)",
        doctor=doctor.checks,
    )
