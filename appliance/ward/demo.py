"""The demo ward's identity and staff directory (Phường Mẫu, marked as demo: never a real unit's)."""

from __future__ import annotations

from appliance.auth.demo import DEMO_USERS
from appliance.db import transaction
from appliance.demo.context import DemoContext
from appliance.ward import service

UNITS = ["Lãnh đạo UBND", "Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội",
         "Công an phường", "Tư pháp - Hộ tịch"]
# The people the demo meeting and tasks name, so that "anh Hùng", "chị Lan" resolve to someone.
STAFF = [
    ("Nguyễn Văn An", "Chủ tịch UBND phường", "Lãnh đạo UBND", []),
    ("Trần Thị Bình", "Phó Chủ tịch UBND phường", "Lãnh đạo UBND", []),
    ("Lê Văn Cường", "Phó Chủ tịch UBND phường", "Lãnh đạo UBND", []),
    ("Nguyễn Thị Lan", "Chuyên viên", "Văn phòng HĐND và UBND", ["Lan văn phòng"]),
    ("Trần Văn Hùng", "Chuyên viên", "Phòng Kinh tế, Hạ tầng và Đô thị", []),
    ("Phạm Thu Hà", "Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch", ["Hà tư pháp"]),
    ("Lê Minh Tuấn", "Chuyên viên", "Phòng Văn hóa - Xã hội", []),
    ("Đỗ Quang Minh", "Phó Trưởng Công an phường", "Công an phường", ["đồng chí Minh"]),
]

# The demo accounts that are people of this directory (same full name), so their home page shows their tasks.
LOGINS = {full_name: username for username, _, _, full_name, _ in DEMO_USERS}


def load(ctx: DemoContext) -> dict[str, int]:
    settings = ctx.settings
    with transaction(ctx.conn):
        service.save_profile(ctx.conn, {
            "name": settings.ward_name, "parent_body": f"ỦY BAN NHÂN DÂN {settings.ward_parent}",
            "unit_code": "UBND", "place_name": settings.ward_place, "address": "Số 1 phố Mẫu (địa chỉ mẫu)",
            "opening_hours": "Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu; sáng thứ Bảy (mẫu)",
        }, demo=True, username="demo")
        service.add_units(ctx.conn, UNITS)
        for name, title, unit, aliases in STAFF:
            service.save_member(ctx.conn, full_name=name, title=title, unit=unit, aliases=aliases,
                                username=LOGINS.get(name))
    return {"staff": len(STAFF)}
