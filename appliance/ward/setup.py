"""First-run setup of a real unit, from a file (`appliance setup --from FILE`, the Ansible role's
vault variables) or answered question by question (`appliance setup`); the web wizard calls the
same steps. Everything is checked before anything is written, and running it again updates.

The file (TOML; docs/operations.md has a full example):

    [ward]      name, parent_body, issuer, unit_code, place_name, address, phone, email, website,
                opening_hours, reception_schedule
    [admin]     username, full_name, password (policy checked; no default exists)
    departments = ["Văn phòng HĐND và UBND", …]
    staff_file = "danh-ba.xlsx"           # and/or [[staff]] full_name, title, unit, aliases, username
    [[routing]] category, department, sla_days
    [fees]      "<procedure code>" = "<fee as the city's HĐND set it>"
    [calendar]  off = ["2027-01-04"], work = ["2027-01-09"]
    [import_vocabulary.status] "Tạm dừng" = "Đang xử lý"   (and .channel)
    [zalo]      app_id, oa_secret_key, app_secret, access_token, refresh_token → DATA_DIR/secrets
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from appliance.auth.demo import DEMO_USERS
from appliance.auth.passwords import password_problems
from appliance.auth.users import create_user, find_user, list_users, reset_password, set_active
from appliance.citizen.staff import inbox
from appliance.config import SECRET_KEYS, Settings
from appliance.dashboard import mapping
from appliance.db import connect, migrate
from appliance.knowledge.procedures import get_procedure, upsert_procedure
from appliance.ward import service
from appliance.ward.directory_file import import_directory

ZALO_FIELDS = {"app_id": "zalo_app_id", "oa_secret_key": "zalo_oa_secret_key", "app_secret": "zalo_app_secret",
               "access_token": "zalo_access_token", "refresh_token": "zalo_refresh_token"}
SECTIONS = {"ward", "admin", "departments", "staff", "staff_file", "routing", "fees", "calendar",
            "import_vocabulary", "zalo"}


class SetupError(ValueError):
    """The setup file or answers cannot be applied; one Vietnamese line per problem."""

    def __init__(self, problems: Sequence[str]):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass
class SetupReport:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)


def load_file(path: Path) -> dict[str, object]:
    """TOML, or JSON (what the Ansible role writes from its vault variables)."""
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise SetupError([f"Tệp thiết lập {path} phải là một đối tượng JSON."])
            return data
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SetupError([f"Không tìm thấy tệp thiết lập {path}"]) from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise SetupError([f"Tệp thiết lập {path} không đúng cú pháp: {exc}"]) from None


def _section(spec: Mapping[str, object], name: str) -> Mapping[str, object]:
    value = spec.get(name) or {}
    return value if isinstance(value, Mapping) else {}


def _list(spec: Mapping[str, object], name: str) -> list[object]:
    value = spec.get(name) or []
    return list(value) if isinstance(value, list) else []


def problems(spec: Mapping[str, object], base_dir: Path) -> list[str]:
    """Everything wrong with a setup file, before anything is written."""
    found = [f"Mục «{key}» không có trong mẫu tệp thiết lập." for key in spec if key not in SECTIONS]
    ward = _section(spec, "ward")
    if ward:
        found += service.profile_problems(ward)
    admin = _section(spec, "admin")
    if admin:
        username = str(admin.get("username") or "").strip()
        if not username:
            found.append("Thiếu tên đăng nhập của tài khoản quản trị ([admin] username).")
        if "password" in admin:
            found += [f"Tài khoản {username}: {p}" for p in password_problems(str(admin["password"]), username)]
        elif username:
            found.append(f"Thiếu mật khẩu cho tài khoản {username} ([admin] password): không có mật khẩu mặc định.")
        if username in {u[0] for u in DEMO_USERS}:
            found.append(f"Tên đăng nhập «{username}» là tài khoản mẫu: hãy chọn tên khác.")
    staff_file = spec.get("staff_file")
    if staff_file and not (base_dir / str(staff_file)).is_file():
        found.append(f"Không tìm thấy tệp danh bạ {staff_file}.")
    for item in _list(spec, "routing"):
        if not isinstance(item, Mapping) or not item.get("category") or not item.get("department"):
            found.append("Mỗi dòng [[routing]] cần category và department.")
    zalo = _section(spec, "zalo")
    found += [f"[zalo] không có khóa «{key}» (dùng: {', '.join(ZALO_FIELDS)})."
              for key in zalo if key not in ZALO_FIELDS]
    return found


def apply(settings: Settings, spec: Mapping[str, object], *, base_dir: Path, username: str = "setup") -> SetupReport:
    found = problems(spec, base_dir)
    if found:
        raise SetupError(found)
    report = SetupReport()
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        if ward := _section(spec, "ward"):
            profile = service.save_profile(conn, ward, username=username)
            report.add(f"Thông tin đơn vị: {profile.name} ({profile.issuer}, ký hiệu {profile.unit_code}).")
        if admin := _section(spec, "admin"):
            report.add(_admin(conn, admin))
        if not settings.demo_mode:
            report.lines += lock_demo_accounts(conn)
        units = [str(u) for u in _list(spec, "departments")]
        if units:
            service.add_units(conn, units)
            report.add(f"Phòng ban, bộ phận: {len(service.units(conn))}.")
        for item in _list(spec, "staff"):
            if isinstance(item, Mapping):
                service.save_member(conn, full_name=str(item.get("full_name", "")), title=str(item.get("title", "")),
                                    unit=str(item.get("unit", "")), aliases=[str(a) for a in item.get("aliases", [])],
                                    username=str(item.get("username") or "") or None)
        if spec.get("staff_file"):
            imported = import_directory(conn, base_dir / str(spec["staff_file"]))
            report.add(imported.summary())
            report.lines += [f"  {line}" for line in imported.errors]
        if _list(spec, "staff") or spec.get("staff_file"):
            report.add(f"Danh bạ cán bộ: {len(service.directory(conn))} người.")
        for item in _list(spec, "routing"):
            assert isinstance(item, Mapping)
            inbox.update_routing(conn, str(item["category"]), str(item["department"]),
                                 int(str(item.get("sla_days", 10))), username)
        if _list(spec, "routing"):
            report.add(f"Bảng định tuyến phản ánh: cập nhật {len(_list(spec, 'routing'))} lĩnh vực.")
        if fees := _section(spec, "fees"):
            report.add(set_fees(conn, {str(k): str(v) for k, v in fees.items()}, username))
        calendar = _section(spec, "calendar")
        for kind in ("off", "work"):
            for day in _list(calendar, kind):
                service.set_calendar_day(conn, day, kind, "Theo tệp thiết lập", username)
        if calendar:
            report.add(f"Lịch làm việc: {len(service.calendar_days(conn))} ngày nghỉ/làm bù riêng của đơn vị.")
        vocab = _section(spec, "import_vocabulary")
        for kind in ("status", "channel"):
            for source, target in _section(vocab, kind).items():
                mapping.map_value(conn, kind, str(source), str(target), username=username, origin="setup")
        if zalo := _section(spec, "zalo"):
            written = write_secrets(settings, {ZALO_FIELDS[k]: str(v) for k, v in zalo.items() if str(v).strip()})
            report.add(f"Zalo OA: lưu {written} khóa bí mật vào {settings.secrets_dir} (không nằm trong tệp cấu hình).")
    finally:
        conn.close()
    return report


def _admin(conn: sqlite3.Connection, admin: Mapping[str, object]) -> str:
    username = str(admin["username"]).strip()
    password = str(admin["password"])
    found = find_user(conn, username)
    if found is None:
        create_user(conn, username, password, "admin", full_name=str(admin.get("full_name") or ""))
        return f"Tài khoản quản trị {username}: đã tạo với mật khẩu đã chọn."
    user, _hash = found
    if user.role != "admin":
        raise SetupError([f"Tài khoản {username} đã có với vai trò {user.role}, không phải quản trị."])
    reset_password(conn, user.id, password)
    return f"Tài khoản quản trị {username}: đã đặt mật khẩu đã chọn."


def lock_demo_accounts(conn: sqlite3.Connection) -> list[str]:
    """On a real unit, accounts with the published demo passwords are locked, never left usable."""
    demo = {u[0] for u in DEMO_USERS}
    locked = []
    for account in list_users(conn):
        if account.username in demo and account.active:
            set_active(conn, account.id, False)
            locked.append(f"Đã khóa tài khoản mẫu «{account.username}» (mật khẩu của nó được công bố).")
    return locked


def set_fees(conn: sqlite3.Connection, fees: Mapping[str, str], username: str) -> str:
    """Local fees (set by the city's HĐND) into the procedure catalogue; the field stops saying
    "cần xác nhận" once the ward has entered it."""
    unknown = []
    for code, fee in fees.items():
        proc = get_procedure(conn, code)
        if proc is None:
            unknown.append(code)
            continue
        upsert_procedure(conn, dataclasses.replace(proc, fee=fee.strip(), needs_confirmation=[
            n for n in proc.needs_confirmation if n != "fee"]), edited_by=username)
    if unknown:
        raise SetupError([f"Không có thủ tục mã «{code}» trong danh mục." for code in unknown])
    return f"Phí, lệ phí địa phương: {len(fees)} thủ tục."


def write_secrets(settings: Settings, values: Mapping[str, str]) -> int:
    """Each credential in its own file, readable by the service user only."""
    folder = settings.secrets_dir
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    owner = folder.parent.stat()
    for key, value in values.items():
        if key not in SECRET_KEYS:
            raise SetupError([f"Khóa bí mật không hợp lệ: {key}"])
        path = folder / key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(value.strip() + "\n")
        if os.geteuid() == 0:  # run by root (Ansible): hand the files to the data dir's owner, the service user
            os.chown(path, owner.st_uid, owner.st_gid)
    if os.geteuid() == 0:
        os.chown(folder, owner.st_uid, owner.st_gid)
    return len(values)
