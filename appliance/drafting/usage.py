"""Drafts made, for the impact report: read here because `drafting_documents` is this feature's."""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.reporting.activity import Activity
from appliance.text.formatting import sqlite_local_modifier

# The decree's names of the types, lower case, as a sentence uses them.
TYPE_NAMES = {"cong_van": "công văn", "thong_bao": "thông báo", "bao_cao": "báo cáo", "to_trinh": "tờ trình",
              "ke_hoach": "kế hoạch", "giay_moi": "giấy mời", "quyet_dinh": "quyết định", "bien_ban": "biên bản"}


def drafts_made(conn: sqlite3.Connection, start: dt.date, end: dt.date, *,
                exclude: frozenset[int] = frozenset()) -> list[Activity]:
    """Documents drafted on the ward's calendar days start..end (created, whatever happened next),
    except the ids in `exclude` (a meeting's biên bản is counted as the meeting's minutes)."""
    rows = conn.execute(
        "SELECT id, doc_type, trich_yeu, created_by, created_at, date(created_at, ?) AS day"
        " FROM drafting_documents WHERE date(created_at, ?) BETWEEN ? AND ? ORDER BY id",
        (sqlite_local_modifier(), sqlite_local_modifier(), start.isoformat(), end.isoformat())).fetchall()
    return [Activity(day=r["day"], ref=str(r["id"]), at=r["created_at"], user_id=r["created_by"],
                     text=f"Dự thảo {TYPE_NAMES.get(r['doc_type'], 'văn bản')}: {r['trich_yeu']}",
                     href=f"/soan-thao/{r['id']}")
            for r in rows if int(r["id"]) not in exclude]
