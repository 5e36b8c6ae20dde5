"""`appliance doctor` (and `appliance setup --check`): what of the first-run setup is missing.

Only one check is essential: an account with a published demo password that can still log in on a
unit not in demo mode. The rest are warnings, each with the way to fix it."""

from __future__ import annotations

import sqlite3

from appliance.auth.demo import DEMO_USERS
from appliance.auth.users import list_users
from appliance.citizen.staff.inbox import routing_table
from appliance.config import Settings
from appliance.db import connect_readonly
from appliance.knowledge.procedures import list_procedures
from appliance.system.checks import Check
from appliance.ward import service

FIX = "chạy `appliance setup` (hoặc trang /thiet-lap khi đăng nhập quản trị)"


def missing_setup(conn: sqlite3.Connection, settings: Settings) -> list[str]:
    """One Vietnamese line per part of the setup still missing ([] when the unit is set up)."""
    missing = []
    profile = service.get_profile(conn)
    if profile is None:
        missing.append("Chưa nhập thông tin đơn vị (tên, địa chỉ, ký hiệu, cơ quan chủ quản cho tiêu đề văn bản).")
    elif profile.demo and not settings.demo_mode:
        missing.append("Thông tin đơn vị vẫn là của Phường Mẫu (dữ liệu mẫu).")
    demo = {u[0] for u in DEMO_USERS}
    admins = [a for a in list_users(conn) if a.role == "admin" and a.active and a.username not in demo]
    if not admins:
        missing.append("Chưa có tài khoản quản trị riêng của đơn vị (với mật khẩu tự chọn).")
    members = service.directory(conn)
    if not members:
        missing.append("Danh bạ cán bộ trống (cần cho giao việc, thành phần cuộc họp, định tuyến).")
    units = {u.casefold() for u in service.units(conn)}
    if units:
        strays = sorted({r["department"] for r in routing_table(conn) if r["department"].casefold() not in units})
        if strays:
            missing.append("Bảng định tuyến phản ánh giao cho đơn vị không có trong danh sách phòng ban: "
                           + ", ".join(strays) + ".")
    try:
        unconfirmed = sum(1 for p in list_procedures(conn) if p.needs("fee"))
    except sqlite3.OperationalError:
        unconfirmed = 0
    if unconfirmed:
        missing.append(f"{unconfirmed} thủ tục chưa có phí, lệ phí địa phương (đang ghi «cần xác nhận»).")
    if profile is not None and not profile.opening_hours:
        missing.append("Chưa nhập giờ làm việc của bộ phận một cửa.")
    if not (settings.zalo_app_id and settings.zalo_oa_secret_key):
        missing.append("Chưa có khóa Zalo OA (kênh Zalo tắt).")
    return missing


def checks(settings: Settings) -> list[Check]:
    if not settings.db_path.exists():
        return []
    conn = connect_readonly(settings.db_path)
    try:
        missing = missing_setup(conn, settings)
        demo = {u[0] for u in DEMO_USERS}
        exposed = [a.username for a in list_users(conn) if a.username in demo and a.active]
    except sqlite3.OperationalError as exc:  # migrations not run yet
        return [Check("Thiết lập đơn vị", False, f"chưa đọc được cơ sở dữ liệu: {exc}", essential=False, fix=FIX)]
    finally:
        conn.close()
    results = [Check("Thiết lập đơn vị", not missing,
                     "đã thiết lập đầy đủ" if not missing else f"còn {len(missing)} mục chưa thiết lập",
                     essential=False, fix="" if not missing else FIX, details=missing)]
    if exposed and not settings.demo_mode:
        results.append(Check("Tài khoản mẫu", False, "tài khoản có mật khẩu công khai vẫn đăng nhập được: "
                             + ", ".join(exposed), essential=True,
                             fix="khóa chúng: `appliance setup --from …` khóa tự động, "
                                 "hoặc trang Quản trị › Người dùng"))
    return results
