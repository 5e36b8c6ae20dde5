"""Work done with the appliance in a period, per task kind: counted row by row from the audit log
and from each feature's own data (through its `usage` functions), never from counters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from appliance.auth import audit
from appliance.auth.users import list_users
from appliance.citizen.staff import usage as citizen_usage
from appliance.config import Settings
from appliance.drafting import usage as drafting_usage
from appliance.meetings import usage as meetings_usage
from appliance.reporting.activity import Activity
from appliance.text.formatting import to_local
from appliance.ward.service import directory

NO_UNIT = "Chưa gắn đơn vị"
# Audit actions counted, per kind (the action is written where the work is done).
AUDIT_ACTIONS = {"hoi_so_lieu": ("ask.question",), "hoi_phap_ly": ("knowledge.answer",),
                 "tom_tat": ("knowledge.summarize",)}
_AUDIT_TEXT = {"ask.question": "Hỏi số liệu", "knowledge.answer": "Hỏi trợ lý pháp lý",
               "knowledge.summarize": "Tóm tắt một văn bản"}
MEETING_OWNERS = ("meetings.start", "meetings.upload")


@dataclass(frozen=True)
class People:
    """Who belongs to which unit: the ward directory first (its units), else the account's unit."""

    by_id: dict[int, str]     # user id → username
    units: dict[str, str]     # username → unit

    def unit_of(self, item: Activity) -> str:
        if item.unit:
            return item.unit
        username = item.username or (self.by_id.get(item.user_id) if item.user_id is not None else None)
        return self.units.get(username or "", NO_UNIT) or NO_UNIT

    def name_of(self, item: Activity) -> str | None:
        return item.username or (self.by_id.get(item.user_id) if item.user_id is not None else None)


def people(conn: sqlite3.Connection) -> People:
    accounts = list_users(conn)
    units = {a.username: a.unit for a in accounts if a.unit}
    units.update({m.username: m.unit for m in directory(conn, include_inactive=True) if m.username and m.unit})
    return People({a.id: a.username for a in accounts}, units)


def _audited(conn: sqlite3.Connection, actions: tuple[str, ...], start: dt.date, end: dt.date) -> list[Activity]:
    found = []
    for entry in audit.between(conn, actions, start, end):
        detail = entry.detail or {}
        asked = str(detail.get("question") or "").strip()
        text = _AUDIT_TEXT.get(entry.action, entry.action)
        if asked:
            text += f": «{asked[:160]}{'…' if len(asked) > 160 else ''}»"
        elif isinstance(detail.get("chars"), int):
            text += f" ({detail['chars']:,} ký tự)".replace(",", ".")
        found.append(Activity(day=_local_day(entry.at), ref=str(entry.id), text=text, at=entry.at,
                              user_id=entry.user_id, username=entry.username))
    return found


def _local_day(utc: str) -> str:
    local = to_local(utc)
    return local.date().isoformat() if local else utc[:10]


def _meetings(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[Activity]:
    """Minuted meetings, each with the person who created it, else who recorded or uploaded it
    (the audit log: meetings made before `created_by` was kept)."""
    found = meetings_usage.minuted(conn, start, end)
    owners: dict[str, str | None] = {}
    for entry in audit.by_target(conn, MEETING_OWNERS, [m.ref for m in found if m.user_id is None]):
        owners.setdefault(entry.target or "", entry.username)
    return [m if m.user_id is not None else
            Activity(day=m.day, ref=m.ref, text=m.text, at=m.at, username=owners.get(m.ref), href=m.href)
            for m in found]


def collect(conn: sqlite3.Connection, settings: Settings, start: dt.date, end: dt.date) -> dict[str, list[Activity]]:
    """Every counted row of start..end, per kind (`kinds.KINDS` keys)."""
    sources: dict[str, Callable[[], list[Activity]]] = {
        "du_thao": lambda: drafting_usage.drafts_made(conn, start, end,
                                                      exclude=meetings_usage.minutes_draft_ids(conn)),
        "bien_ban": lambda: _meetings(conn, start, end),
        "tra_loi_cong_dan": lambda: citizen_usage.answered(settings, start, end),
        "chuyen_phan_anh": lambda: citizen_usage.routed(conn, start, end),
    }
    found = {key: _audited(conn, actions, start, end) for key, actions in AUDIT_ACTIONS.items()}
    found.update({key: load() for key, load in sources.items()})
    return found
