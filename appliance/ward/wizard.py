"""The setup wizard's steps (/thiet-lap): what each page shows and saves. The same functions as
`appliance setup` (ward.setup), one step at a time, for the first admin in a browser."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from appliance.auth.passwords import password_problems, verify_password
from appliance.auth.users import User, find_user, set_password
from appliance.citizen.staff import inbox
from appliance.config import Settings
from appliance.knowledge.procedures import Procedure, list_procedures
from appliance.ward import service, setup
from appliance.ward.directory_file import DirectoryImport, import_directory
from appliance.ward.doctor import missing_setup


@dataclass(frozen=True)
class Step:
    key: str
    title: str


STEPS = (Step("don-vi", "Thông tin đơn vị"), Step("mat-khau", "Mật khẩu quản trị"),
         Step("danh-ba", "Phòng ban và danh bạ"), Step("le-phi", "Phí, lệ phí và giờ làm việc"),
         Step("dinh-tuyen", "Định tuyến phản ánh"), Step("lich", "Lịch làm việc"), Step("zalo", "Zalo OA"),
         Step("xong", "Hoàn tất"))
STEP_KEYS = tuple(s.key for s in STEPS)
MAX_DIRECTORY_BYTES = 5 * 1024 * 1024


def next_step(key: str) -> str:
    index = STEP_KEYS.index(key)
    return STEP_KEYS[min(index + 1, len(STEP_KEYS) - 1)]


def fees_to_confirm(conn: sqlite3.Connection) -> list[Procedure]:
    return [p for p in list_procedures(conn) if p.needs("fee")]


def context(conn: sqlite3.Connection, settings: Settings, step: str) -> dict[str, object]:
    return {"steps": STEPS, "step": step, "profile": service.get_profile(conn), "labels": service.PROFILE_LABELS,
            "units": service.units(conn), "directory": service.directory(conn), "routing": inbox.routing_table(conn),
            "fees": fees_to_confirm(conn) if step == "le-phi" else [], "calendar": service.calendar_days(conn),
            "zalo_set": bool(settings.zalo_app_id and settings.zalo_oa_secret_key),
            "missing": missing_setup(conn, settings) if step == "xong" else []}


def save_profile(conn: sqlite3.Connection, form: Mapping[str, str], user: User) -> None:
    current = service.get_profile(conn)
    values = {**({k: getattr(current, k) for k in service.PROFILE_LABELS} if current else {}), **form}
    service.save_profile(conn, values, username=user.username)


def change_password(conn: sqlite3.Connection, user: User, current: str, new: str, again: str) -> None:
    found = find_user(conn, user.username)
    if found is None or not verify_password(found[1], current):
        raise service.WardError("Mật khẩu hiện tại không đúng.")
    if new != again:
        raise service.WardError("Hai lần nhập mật khẩu mới không khớp.")
    problems = password_problems(new, user.username)
    if problems:
        raise service.WardError(" ".join(problems))
    set_password(conn, user.id, new)  # this session stays; others keep theirs until they expire


def save_directory(conn: sqlite3.Connection, units_text: str, filename: str, data: bytes) -> DirectoryImport | None:
    service.add_units(conn, [line for line in units_text.splitlines() if line.strip()])
    if not data:
        return None
    if len(data) > MAX_DIRECTORY_BYTES:
        raise service.WardError("Tệp danh bạ lớn quá 5 MB.")
    suffix = Path(filename or "danh-ba.csv").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise service.WardError("Danh bạ phải là tệp CSV hoặc XLSX.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"danh-ba{suffix}"
        path.write_bytes(data)
        try:
            return import_directory(conn, path)
        except ValueError as exc:  # the file's columns are wrong (SourceError): say which
            raise service.WardError(str(exc)) from None


def save_fees(conn: sqlite3.Connection, form: Mapping[str, str], opening_hours: str, user: User) -> None:
    fees = {key[4:]: value for key, value in form.items() if key.startswith("fee:") and value.strip()}
    if fees:
        setup.set_fees(conn, fees, user.username)
    if opening_hours.strip():
        save_profile(conn, {"opening_hours": opening_hours}, user)


def save_routing(conn: sqlite3.Connection, form: Mapping[str, str], user: User) -> None:
    for row in inbox.routing_table(conn):
        department = form.get(f"department:{row['category']}", "").strip()
        days = form.get(f"sla:{row['category']}", "").strip()
        if department and days.isdigit():
            inbox.update_routing(conn, row["category"], department, int(days), user.username)


def save_zalo(settings: Settings, form: Mapping[str, str]) -> int:
    values = {setup.ZALO_FIELDS[k]: v.strip() for k, v in form.items() if k in setup.ZALO_FIELDS and v.strip()}
    return setup.write_secrets(settings, values) if values else 0
