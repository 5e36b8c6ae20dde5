"""The SQL of the ward feature: the only module that writes ward_profile, ward_units, ward_staff
and ward_calendar. `service.py` holds the rules (validation, folding, matching)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

PROFILE_COLUMNS = ("name", "parent_body", "issuer", "unit_code", "place_name", "address", "phone", "email",
                   "website", "opening_hours", "reception_schedule")


def profile_row(conn: sqlite3.Connection) -> sqlite3.Row | None:
    try:
        row: sqlite3.Row | None = conn.execute("SELECT * FROM ward_profile WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a database the ward migration has not reached (read-only callers)
        return None
    return row


def save_profile(conn: sqlite3.Connection, values: Mapping[str, str], *, demo: bool, username: str | None) -> None:
    columns = ", ".join(PROFILE_COLUMNS)
    marks = ", ".join("?" for _ in PROFILE_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in PROFILE_COLUMNS)
    conn.execute(
        f"INSERT INTO ward_profile (id, {columns}, demo, updated_by, updated_at) VALUES (1, {marks}, ?, ?, "
        f"datetime('now')) ON CONFLICT (id) DO UPDATE SET {updates}, demo = excluded.demo, "
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        [values.get(c, "") for c in PROFILE_COLUMNS] + [int(demo), username])


def unit_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    try:
        return conn.execute("SELECT name FROM ward_units ORDER BY position, id").fetchall()
    except sqlite3.OperationalError:
        return []


def add_unit(conn: sqlite3.Connection, name: str, name_fold: str) -> bool:
    position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM ward_units").fetchone()[0]
    cur = conn.execute("INSERT OR IGNORE INTO ward_units (name, name_fold, position) VALUES (?, ?, ?)",
                       (name, name_fold, position))
    return bool(cur.rowcount)


def staff_rows(conn: sqlite3.Connection, *, active_only: bool = False) -> list[sqlite3.Row]:
    sql = "SELECT * FROM ward_staff" + (" WHERE active = 1" if active_only else "") + " ORDER BY unit, full_name"
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []


def upsert_staff(conn: sqlite3.Connection, *, full_name: str, full_name_fold: str, title: str, unit: str,
                 aliases: Sequence[str], username: str | None, phone: str, email: str, active: bool) -> bool:
    """Insert, or update the person with the same folded name in the same unit. True when new."""
    existing = conn.execute("SELECT id FROM ward_staff WHERE full_name_fold = ? AND unit = ?",
                            (full_name_fold, unit)).fetchone()
    values = (full_name, title, json.dumps(list(aliases), ensure_ascii=False), username, phone, email, int(active))
    if existing:
        conn.execute("UPDATE ward_staff SET full_name = ?, title = ?, aliases = ?, username = ?, phone = ?,"
                     " email = ?, active = ? WHERE id = ?", (*values, existing["id"]))
        return False
    conn.execute("INSERT INTO ward_staff (full_name, title, aliases, username, phone, email, active,"
                 " full_name_fold, unit) VALUES (?,?,?,?,?,?,?,?,?)", (*values, full_name_fold, unit))
    return True


def set_staff_active(conn: sqlite3.Connection, staff_id: int, active: bool) -> bool:
    return bool(conn.execute("UPDATE ward_staff SET active = ? WHERE id = ?", (int(active), staff_id)).rowcount)


def calendar_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    try:
        return conn.execute("SELECT day, kind, note FROM ward_calendar ORDER BY day").fetchall()
    except sqlite3.OperationalError:
        return []


def set_calendar_day(conn: sqlite3.Connection, day: str, kind: str, note: str, username: str | None) -> None:
    conn.execute("INSERT INTO ward_calendar (day, kind, note, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (day)"
                 " DO UPDATE SET kind = excluded.kind, note = excluded.note, updated_by = excluded.updated_by,"
                 " updated_at = datetime('now')", (day, kind, note, username))


def delete_calendar_day(conn: sqlite3.Connection, day: str) -> bool:
    return bool(conn.execute("DELETE FROM ward_calendar WHERE day = ?", (day,)).rowcount)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for table in ("ward_profile", "ward_units", "ward_staff", "ward_calendar"):
        try:
            out[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:
            out[table] = 0
    return out
