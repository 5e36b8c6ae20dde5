"""Leaders' operations centre: imports, KPI queries, dashboard, wall screen."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES, WALL_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.dashboard import (
        cli,
        demo,
        doctor,
        import_routes,
        jobs,
        routes,
        schema,
        vocabulary_routes,
        wall_routes,
    )

    return Feature(
        name="dashboard",
        routers=(wall_routes.router, import_routes.router, vocabulary_routes.router, routes.router),
        nav=(NavEntry("/", "Tổng quan", STAFF_ROLES, "▦", order=10),
             NavEntry("/wall", "Màn hình", WALL_ROLES, "▣", order=90)),
        admin_links=(AdminLink("/quan-tri/nhap-du-lieu", "Nhập dữ liệu",
                               "Nhập sổ theo dõi hồ sơ và chỉ tiêu KT-XH từ tệp CSV/XLSX; "
                               "xem các lần nhập và dòng bị từ chối"),
                     AdminLink("/quan-tri/anh-xa-trang-thai", "Ánh xạ trạng thái hồ sơ",
                               "Trạng thái, hình thức nộp, tiêu đề cột của tệp một cửa; dòng đang chờ ánh xạ")),
        cli=(cli.register,),
        migrations=tuple(schema.MIGRATIONS),
        requires=("auth",),
        tables=("imports", "records", "indicators"),
        jobs=jobs.HANDLERS,
        body_limits=import_routes.BODY_LIMITS,
        demo=demo.load,
        demo_label="hồ sơ thủ tục hành chính, chỉ tiêu kinh tế - xã hội",
        doctor=doctor.checks,
    )
