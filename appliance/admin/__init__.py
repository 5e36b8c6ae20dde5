"""Quản trị: the admin hub, users, the audit log viewer. Features add their own admin pages
and list them through `admin_links` in their manifest."""

from __future__ import annotations

from appliance.features import AdminLink, Feature, NavEntry


def manifest() -> Feature:
    from appliance.admin import routes  # parts load when the loader asks (appliance.features explains why)

    return Feature(
        name="admin",
        routers=(routes.router,),
        nav=(NavEntry("/quan-tri", "Quản trị", ("admin",), "⚙", order=100),),
        admin_links=(
            AdminLink("/quan-tri/nguoi-dung", "Người dùng", "Tài khoản, vai trò, khóa tài khoản, đặt lại mật khẩu"),
            AdminLink("/quan-tri/nhat-ky", "Nhật ký hệ thống", "Ai đã làm gì, ai đã hỏi gì, công cụ AI nào trả lời"),
        ),
    )
