"""Retention: recordings (voices are personal data, Luật 91/2025) are kept for the period the admin
sets, then their audio files are removed. Transcripts and minutes stay (they are the record);
every removal is written to the audit log."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

from appliance.auth.audit import audit
from appliance.config import Settings
from appliance.meetings import store
from appliance.text.formatting import local_today

DEFAULT_DAYS = 365


def retention_days(conn: sqlite3.Connection) -> int:
    value = store.get_setting(conn, "retention_days")
    return int(value) if value is not None else DEFAULT_DAYS


def set_retention_days(conn: sqlite3.Connection, days: int) -> None:
    if not 1 <= days <= 3650:
        raise ValueError("Thời hạn lưu trữ phải từ 1 đến 3650 ngày.")
    store.set_setting(conn, "retention_days", str(days))


def apply_retention(conn: sqlite3.Connection, settings: Settings, today: dt.date | None = None) -> list[int]:
    today = today or local_today()
    cutoff = (today - dt.timedelta(days=retention_days(conn))).isoformat()
    removed = []
    for row in store.ended_before(conn, cutoff):
        folder = store.meeting_dir(settings, row["id"])
        if not folder.exists():
            continue
        shutil.rmtree(folder)
        store.update_meeting(conn, row["id"], {"message": "Âm thanh đã xóa theo thời hạn lưu trữ"})
        audit(conn, "meetings.retention_removed", username="system", target=str(row["id"]),
              detail={"title": row["title"], "cutoff": cutoff})
        removed.append(int(row["id"]))
    return removed
