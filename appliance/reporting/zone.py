"""The reporting views carry the unit's UTC offset from when they were migrated (views.LOCAL): a
unit whose `timezone` setting changes afterwards would count complaints on the old offset's days.
`appliance doctor` says so, and `appliance reporting-views` re-creates the views with the zone
configured now (the same statements as the view migrations)."""

from __future__ import annotations

import argparse
import re
import sqlite3

from appliance.config import Settings
from appliance.db import connect, connect_readonly, migrate
from appliance.db.connections import transaction
from appliance.reporting import views
from appliance.system.checks import Check
from appliance.text.formatting import sqlite_local_modifier

_OFFSET = re.compile(r"date\(f\.created_at, '([+-]\d+ minutes)'\)")


def views_offset(conn: sqlite3.Connection) -> str | None:
    """The offset v_phan_anh was created with (None: no view, or one older than the local days)."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'v_phan_anh'").fetchone()
    found = _OFFSET.search(row[0]) if row and row[0] else None
    return found.group(1) if found else None


def checks(settings: Settings) -> list[Check]:
    if not settings.db_path.exists():
        return []
    conn = connect_readonly(settings.db_path)
    try:
        offset = views_offset(conn)
    finally:
        conn.close()
    if offset is None:
        return []  # not migrated yet: the migration takes the zone configured then
    wanted = sqlite_local_modifier()
    ok = offset == wanted
    message = (f"ngày của phản ánh tính theo múi giờ {settings.timezone} ({wanted})" if ok else
               f"các bảng báo cáo tính ngày theo độ lệch {offset}, nhưng múi giờ đang đặt là {settings.timezone} "
               f"({wanted}): phản ánh gửi gần nửa đêm có thể bị tính sang ngày khác")
    fix = "Chạy `appliance reporting-views` để tạo lại các bảng báo cáo theo múi giờ hiện tại."
    return [Check("Múi giờ của số liệu báo cáo", ok, message, essential=False, fix="" if ok else fix)]


def cmd_recreate(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        with transaction(conn):
            views.recreate_views(conn)
        print(f"Đã tạo lại các bảng báo cáo theo múi giờ {settings.timezone} ({views_offset(conn)}).")
    finally:
        conn.close()
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    parser = sub.add_parser("reporting-views", help="tạo lại các bảng báo cáo theo múi giờ đang đặt")
    parser.set_defaults(handler=cmd_recreate)
