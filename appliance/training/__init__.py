"""Training (issue 21): the sandbox ward behind a banner, the course's lessons with exercises the
appliance checks itself, each trainee's progress and the trainer's page. See docs/training.md."""

from __future__ import annotations

from appliance.auth.roles import STAFF_ROLES
from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    from appliance.training import cli, routes  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="training",
        routers=(routes.router,),
        nav=(NavEntry("/huong-dan", "Hướng dẫn", STAFF_ROLES, "☆", order=95),),
        admin_links=(AdminLink("/dao-tao/giang-vien", "Đào tạo",
                               "Ai đã hoàn thành bài tập nào, danh sách cấp chứng nhận, làm mới hộp cát"),),
        cli=(cli.register,),
        serve_children=cli.serve_children,
        requires=("auth", "demo", "tasks", "citizen", "drafting", "knowledge", "ask"),
    )
