"""`appliance user add|token|list`."""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys

from appliance.auth.audit import audit
from appliance.auth.roles import ROLES
from appliance.auth.sessions import create_api_token, revoke_all
from appliance.auth.users import User, create_user, find_user, list_users
from appliance.config import Settings
from appliance.db import connect, migrate


def open_db(settings: Settings) -> sqlite3.Connection:
    conn = connect(settings.db_path)
    migrate(conn)
    return conn


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu: ")
    second = getpass.getpass("Nhập lại mật khẩu: ")
    if first != second:
        raise ValueError("Hai lần nhập mật khẩu không khớp")
    return first


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    conn = open_db(settings)
    if find_user(conn, args.username):
        print(f"Lỗi: người dùng «{args.username}» đã tồn tại", file=sys.stderr)
        return 1
    user = create_user(conn, args.username, _read_password(args.password_stdin), args.role,
                       full_name=args.full_name or "", unit=args.unit or "")
    audit(conn, "user.add", username="(cli)", target=user.username, detail={"role": user.role})
    print(f"Đã tạo người dùng {user.username} (vai trò {user.role})")
    return 0


def _known_user(conn: sqlite3.Connection, username: str) -> User | None:
    """The user named on the command line, or None after saying so on stderr."""
    found = find_user(conn, username)
    if not found:
        print(f"Lỗi: không có người dùng «{username}»", file=sys.stderr)
        return None
    return found[0]


def cmd_token(args: argparse.Namespace, settings: Settings) -> int:
    conn = open_db(settings)
    user = _known_user(conn, args.username)
    if user is None:
        return 1
    # A display token travels in the kiosk's URL: it always expires. Others never do unless asked.
    days = args.days if args.days is not None else (settings.display_token_days if user.role == "display" else None)
    token = create_api_token(conn, user, days=days, rotate=args.rotate)
    audit(conn, "token.create", username="(cli)", target=user.username,
          detail={"days": days, "rotate": bool(args.rotate)})
    # The token is the last word on stdout so scripts can take it with `awk '{print $NF}'`.
    print(f"Mã truy cập API cho {user.username}: {token}")
    return 0


def cmd_revoke(args: argparse.Namespace, settings: Settings) -> int:
    conn = open_db(settings)
    user = _known_user(conn, args.username)
    if user is None:
        return 1
    tokens, sessions = revoke_all(conn, user.id)
    audit(conn, "token.revoke", username="(cli)", target=user.username, detail={"tokens": tokens, "sessions": sessions})
    print(f"Đã thu hồi {tokens} mã truy cập và đóng {sessions} phiên của {user.username}")
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    conn = open_db(settings)
    for account in list_users(conn):
        state = "" if account.active else " (đã khóa)"
        print(f"{account.username:<16} {account.role:<8} {account.full_name}{state}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    user = sub.add_parser("user", help="quản lý người dùng")
    user_sub = user.add_subparsers(dest="user_command", metavar="LỆNH", required=True)
    add = user_sub.add_parser("add", help="thêm người dùng")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    add.add_argument("--full-name", help="họ và tên")
    add.add_argument("--unit", help="đơn vị công tác")
    add.set_defaults(handler=cmd_add)
    token = user_sub.add_parser("token", help="cấp mã truy cập API mới cho người dùng")
    token.add_argument("username")
    token.add_argument("--days", type=int, help="số ngày mã còn hiệu lực (mặc định: vĩnh viễn; "
                                                 "vai trò display: display_token_days)")
    token.add_argument("--rotate", action="store_true", help="thu hồi các mã cũ của người dùng này")
    token.set_defaults(handler=cmd_token)
    revoke = user_sub.add_parser("revoke", help="thu hồi mọi mã truy cập API và đóng mọi phiên của người dùng")
    revoke.add_argument("username")
    revoke.set_defaults(handler=cmd_revoke)
    lst = user_sub.add_parser("list", help="liệt kê người dùng")
    lst.set_defaults(handler=cmd_list)
