"""`appliance doctor`: is the dashboard's data fresh? Stale figures on the wall mislead leaders."""

from __future__ import annotations

import datetime as dt

from appliance.config import Settings
from appliance.db import connect_readonly
from appliance.system.doctor import Check
from appliance.system.store import get_meta

STALE_DAYS = 7


def checks(settings: Settings) -> list[Check]:
    if not settings.db_path.exists():
        return []
    conn = connect_readonly(settings.db_path)
    try:
        last = get_meta(conn, "last_import_at")
        count = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except Exception as exc:  # a database without the tables yet: migrations not run
        return [Check("Dữ liệu tổng quan", False, f"Chưa đọc được dữ liệu hồ sơ: {exc}", essential=False)]
    finally:
        conn.close()
    fix = "Nhập sổ theo dõi hồ sơ mới: `appliance import ho-so FILE` hoặc trang /nhap-du-lieu."
    if not last:
        return [Check("Dữ liệu tổng quan", False, "Chưa nhập dữ liệu hồ sơ lần nào.", essential=False, fix=fix)]
    at = dt.datetime.fromisoformat(last.replace(" ", "T")[:19])
    age = (dt.datetime.now(dt.UTC).replace(tzinfo=None) - at).days
    ok = age <= STALE_DAYS
    message = f"{count:,} hồ sơ; lần nhập gần nhất cách đây {age} ngày".replace(",", ".")
    return [Check("Dữ liệu tổng quan", ok, message + ("" if ok else f" (quá {STALE_DAYS} ngày)"),
                  essential=False, fix="" if ok else fix)]
