"""Users, roles, sessions, API tokens, CSRF, login rate limit and the audit log."""

from appliance.auth.roles import ROLE_LABELS, ROLES
from appliance.auth.users import User

__all__ = ["ROLES", "ROLE_LABELS", "User"]
