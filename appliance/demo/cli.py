"""`appliance demo-data [--reset] [--if-empty]` and `appliance demo-logins`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from appliance.auth.demo import logins_text
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.demo.guard import real_data, refusal
from appliance.demo.loader import DEFAULT_SEED, is_loaded, load_demo, reset


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    found = real_data(conn)
    conn.close()
    if found:
        print(refusal(found), file=sys.stderr)
        # `make run` asks for demo data only if the database is empty: real data there is not an error.
        return 0 if args.if_empty else 1
    if args.reset:
        print("Xóa dữ liệu hiện có và nạp lại phường mẫu…")
        reset(settings)
    else:
        conn = connect(settings.db_path)
        migrate(conn)
        loaded = is_loaded(conn)
        conn.close()
        if loaded:
            print("Dữ liệu phường mẫu đã được nạp trước đó (dùng --reset để nạp lại).")
            return 0
    anchor = dt.date.fromisoformat(args.anchor) if args.anchor else None
    print("Đang nạp dữ liệu Phường Mẫu:")
    counts = load_demo(settings, seed=args.seed, anchor=anchor, progress=True)
    summary = ", ".join(f"{key}: {value}" for key, value in counts.items())
    print(f"Xong. {summary}")
    if not settings.demo_mode:
        print("Thiết bị không ở chế độ trình diễn (demo_mode = false): không tạo tài khoản mẫu. "
              "Tạo tài khoản bằng `appliance user add` hoặc `appliance setup`.")
    return 0


def cmd_logins(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.demo_mode:
        print("Thiết bị không ở chế độ trình diễn: không có tài khoản mẫu.", file=sys.stderr)
        return 1
    print(logins_text())
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    demo = sub.add_parser("demo-data", help="nạp dữ liệu phường mẫu (hồ sơ, phản ánh, chỉ tiêu, văn bản, cuộc họp)")
    demo.add_argument("--reset", action="store_true", help="xóa cơ sở dữ liệu hiện có rồi nạp lại")
    demo.add_argument("--if-empty", action="store_true", help="chỉ nạp khi chưa có dữ liệu (mặc định)")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help="hạt giống ngẫu nhiên (mặc định cố định)")
    demo.add_argument("--anchor", help="ngày cuối của dữ liệu, YYYY-MM-DD (mặc định hôm nay)")
    demo.set_defaults(handler=cmd_demo)
    logins = sub.add_parser("demo-logins", help="in các tài khoản dùng thử")
    logins.set_defaults(handler=cmd_logins)
