"""Users, roles, sessions, API tokens, CSRF, login rate limit and the audit log."""

from __future__ import annotations

from appliance.auth.roles import ROLE_LABELS, ROLES
from appliance.auth.users import User
from appliance.features import Feature

__all__ = ["ROLES", "ROLE_LABELS", "User", "manifest"]


def manifest() -> Feature:
    # parts load when the loader asks (appliance.features explains why)
    from appliance.auth import cli, demo, routes
    from appliance.db import core_schema

    return Feature(
        name="auth",
        routers=(routes.router,),
        cli=(cli.register,),
        migrations=tuple(core_schema.MIGRATIONS),
        tables=("users", "sessions", "api_tokens", "login_failures", "audit_log"),
        demo=demo.load,
        demo_label="người dùng",
    )
