"""Quản trị: the admin hub, users, the audit log viewer. Features add their own admin pages
and list them through `ADMIN_LINKS` in their routes module."""
