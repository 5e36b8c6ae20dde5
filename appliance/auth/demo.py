"""Demo accounts, one per role. Printed by `make run`; created only on a unit in demo mode
(`demo_mode`, true in a checkout), never on a real unit."""

from __future__ import annotations

import sqlite3

from appliance.auth.users import create_user, find_user
from appliance.db import transaction
from appliance.demo.context import DemoContext

# username, password, role, full name, unit
DEMO_USERS = [
    ("admin", "admin-demo", "admin", "Quản trị hệ thống", "Văn phòng HĐND và UBND"),
    ("lanhdao", "lanhdao-demo", "leader", "Nguyễn Văn An", "Chủ tịch UBND phường"),
    ("canbo", "canbo-demo", "staff", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND"),
    ("manhinh", "manhinh-demo", "display", "Màn hình phòng họp", ""),
]


def load_users(conn: sqlite3.Connection) -> int:
    created = 0
    for username, password, role, full_name, unit in DEMO_USERS:
        if find_user(conn, username) is None:
            create_user(conn, username, password, role, full_name=full_name, unit=unit)
            created += 1
    return created


def load(ctx: DemoContext) -> dict[str, int]:
    if not ctx.settings.demo_mode:
        # Accounts with published passwords exist only on a unit explicitly in demo mode (issue 19).
        return {"users": 0}
    with transaction(ctx.conn):
        return {"users": load_users(ctx.conn)}


def logins_text() -> str:
    lines = ["Tài khoản dùng thử (Phường Mẫu):"]
    labels = {"admin": "quản trị", "leader": "lãnh đạo", "staff": "cán bộ", "display": "màn hình treo tường"}
    for username, password, role, _name, _unit in DEMO_USERS:
        lines.append(f"  {labels[role]:<20} {username:<10} mật khẩu: {password}")
    return "\n".join(lines)
