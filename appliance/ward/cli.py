"""`appliance setup`: first-run setup from a file (`--from FILE`, what the Ansible role runs) or
question by question; `--check` lists what is not set up yet (as `appliance doctor` does)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from appliance.auth.passwords import password_problems
from appliance.config import Settings, load_settings
from appliance.db import connect, migrate
from appliance.ward import setup
from appliance.ward.doctor import missing_setup
from appliance.ward.service import PROFILE_LABELS

ASKED = ("name", "parent_body", "unit_code", "place_name", "address", "phone", "email", "opening_hours")


def _ask(label: str, default: str = "") -> str:
    answer = input(f"{label}{f' [{default}]' if default else ''}: ").strip()
    return answer or default


def _interactive() -> dict[str, object]:
    print("Thiết lập đơn vị (Enter để bỏ qua mục không bắt buộc).")
    ward = {key: _ask(PROFILE_LABELS[key]) for key in ASKED}
    print("Tài khoản quản trị: chọn tên đăng nhập và mật khẩu (không có mật khẩu mặc định).")
    username = _ask("Tên đăng nhập quản trị", "quantri")
    while True:
        password = getpass.getpass("Mật khẩu: ")
        found = password_problems(password, username)
        if found:
            print("\n".join(found))
            continue
        if getpass.getpass("Nhập lại mật khẩu: ") == password:
            break
        print("Hai lần nhập không khớp.")
    spec: dict[str, object] = {"ward": ward, "admin": {"username": username, "password": password}}
    departments = _ask("Các phòng, bộ phận (cách nhau bởi dấu ;)")
    if departments:
        spec["departments"] = [d.strip() for d in departments.split(";") if d.strip()]
    staff_file = _ask("Tệp danh bạ cán bộ CSV/XLSX (để trống nếu nhập sau)")
    if staff_file:
        spec["staff_file"] = str(Path(staff_file).resolve())
    if _ask("Nhập khóa Zalo OA ngay? (c/k)", "k").lower().startswith("c"):
        spec["zalo"] = {"app_id": _ask("App ID"), "oa_secret_key": getpass.getpass("OA secret key: "),
                        "app_secret": getpass.getpass("App secret: "),
                        "refresh_token": getpass.getpass("Refresh token: ")}
    return spec


def cmd_setup(args: argparse.Namespace, settings: Settings) -> int:
    if args.check:
        conn = connect(settings.db_path)
        migrate(conn)
        left = missing_setup(conn, settings)
        conn.close()
        print("\n".join(left) if left else "Đơn vị đã được thiết lập đầy đủ.")
        return 1 if left else 0
    try:
        if args.source:
            path = Path(args.source)
            spec, base = setup.load_file(path), path.resolve().parent
        else:
            spec, base = _interactive(), Path.cwd()
        report = setup.apply(settings, spec, base_dir=base, username="(setup)")
    except setup.SetupError as exc:
        print("Chưa thiết lập được:", file=sys.stderr)
        for line in exc.problems:
            print(f"  - {line}", file=sys.stderr)
        return 1
    print("\n".join(report.lines))
    settings = load_settings()  # the secrets just written are read from their files now
    conn = connect(settings.db_path)
    left = missing_setup(conn, settings)
    conn.close()
    if left:
        print("Còn thiếu (thiết lập sau trên trang /thiet-lap hoặc chạy lại lệnh):")
        print("\n".join(f"  - {line}" for line in left))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    parser = sub.add_parser("setup", help="thiết lập lần đầu: thông tin đơn vị, quản trị, danh bạ, định tuyến, Zalo")
    parser.add_argument("--from", dest="source", metavar="FILE", help="tệp thiết lập TOML (không hỏi)")
    parser.add_argument("--check", action="store_true", help="chỉ liệt kê những gì chưa thiết lập")
    parser.set_defaults(handler=cmd_setup)
