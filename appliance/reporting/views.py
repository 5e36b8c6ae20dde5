"""The reporting views: the only relations the question box may read, described column by column.

Their 0/1 flags are generated from the table of measures (`reporting.measures`), so a question's
SQL stays short and every engine (rules or model) computes a measure as the dashboard does. The
same column list gives the question box's allow-list (`ask.guard`) and the model's schema
(`ask.llm`). Columns holding personal data (citizens' names, phone numbers, addresses, the free
text of their feedback) are left out on purpose.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from appliance.dashboard.importers import CHANNELS, STATUS_CLASSES
from appliance.db.migrations import Migration
from appliance.reporting.measures import BASES, OPEN_FEEDBACK, OPEN_ROWS, RESOLVED_ROWS, flagged
from appliance.text.formatting import sqlite_local_modifier

# Stands for the unit's UTC offset as an SQLite date modifier ('+420 minutes') in a column's SQL:
# a stored UTC time's calendar day is the ward's day, date(created_at, '+420 minutes').
LOCAL = "<local-offset>"


@dataclass(frozen=True)
class Column:
    name: str
    sql: str = ""  # its expression over the base tables; "" = the base column of the same name
    hint: str = ""  # format or values, for the model's prompt

    def select(self) -> str:
        return f"{self.sql} AS {self.name}" if self.sql else self.name


@dataclass(frozen=True)
class View:
    name: str
    source: str  # the FROM clause
    reads: tuple[str, ...]  # the base tables it selects from (other features' tables)
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns)

    def create_sql(self, local: str) -> str:
        body = ",\n    ".join(c.select() for c in self.columns).replace(LOCAL, f"'{local}'")
        return f"CREATE VIEW {self.name} AS\nSELECT\n    {body}\n{self.source};\n"


def _flag(condition: str) -> str:
    return f"CASE WHEN {condition} THEN 1 ELSE 0 END"


def _values(values: tuple[str, ...]) -> str:
    return "(" + ",".join(f"'{v}'" for v in values) + ")"


_DAY, _MONTH, _BIT = "'YYYY-MM-DD'", "'YYYY-MM'", "0/1"
_RETURNED, _OPEN = BASES[("ho_so", "returned")], BASES[("ho_so", "asof")]

HO_SO = View("v_ho_so", "FROM records", ("records",), (
    Column("ma_ho_so"), Column("ten_thu_tuc"), Column("linh_vuc"),
    Column("ngay_tiep_nhan", hint=_DAY), Column("gio_tiep_nhan", hint="'HH:MM' hoặc NULL"),
    Column("han_xu_ly", hint=_DAY),
    Column("ngay_tra_ket_qua", hint=f"{_DAY} hoặc NULL"), Column("trang_thai", hint=_values(STATUS_CLASSES)),
    Column("hinh_thuc_nop", hint=_values(CHANNELS)), Column("can_bo_xu_ly"),
    Column("thang_tiep_nhan", "substr(ngay_tiep_nhan, 1, 7)", _MONTH),
    Column("thang_tra_ket_qua", "substr(ngay_tra_ket_qua, 1, 7)", _MONTH),
    Column(_RETURNED.flag, _flag(_RETURNED.rows), _BIT),
    *(Column(m.flag, _flag(m.flag_sql()), _BIT) for m in flagged()),
    # open today (no return date, not rejected); open at a day D is measures.OPEN_AT_ROWS
    Column(_OPEN.flag, _flag(OPEN_ROWS), _BIT),
    Column("so_ngay_xu_ly", f"CASE WHEN {RESOLVED_ROWS} THEN julianday(ngay_tra_ket_qua) - julianday(ngay_tiep_nhan)"
           " END", "số ngày"),
))

CHI_TIEU = View("v_chi_tieu", "FROM indicators", ("indicators",), (
    Column("chi_tieu"), Column("don_vi_tinh"), Column("ky", hint="('2026-10','2026-Q3','2026')"),
    Column("ke_hoach"), Column("thuc_hien"),
    Column("ty_le_hoan_thanh",
           "CASE WHEN ke_hoach IS NOT NULL AND ke_hoach <> 0 THEN 100.0 * thuc_hien / ke_hoach END"),
))

# Feedback statuses as the citizen feature stores them (appliance/citizen/tickets.py).
_OPEN_FEEDBACK = OPEN_FEEDBACK
PHAN_ANH = View("v_phan_anh", "FROM feedback f LEFT JOIN feedback_routing r ON r.category = f.category",
                ("feedback", "feedback_routing"), (
    Column("ma_phan_anh", "f.ticket_code"), Column("kenh", "f.channel"), Column("ma_linh_vuc", "f.category"),
    Column("linh_vuc", "r.label"), Column("don_vi_xu_ly", "f.department"),
    Column("trang_thai", "f.status", _values((*_OPEN_FEEDBACK, "da_xu_ly", "tu_choi"))),
    # created_at is UTC: a complaint filed at 06:30 on the ward's clock belongs to that day, not the
    # one before (the staff inbox and the dashboard count it so: citizen.staff.inbox.period_counts).
    Column("ngay_tiep_nhan", f"date(f.created_at, {LOCAL})", _DAY),
    Column("thang_tiep_nhan", f"strftime('%Y-%m', f.created_at, {LOCAL})", _MONTH),
    Column("han_xu_ly", "f.deadline", _DAY),
    # A bare date (as the inbox stores it) stays its own day: midnight plus the offset.
    Column("ngay_xu_ly_xong", f"date(f.resolved_at, {LOCAL})", f"{_DAY} hoặc NULL"),
    Column(BASES[("phan_anh", "asof")].flag, _flag(f"f.status IN {_values(_OPEN_FEEDBACK)}"), _BIT),
))

VIEWS: dict[str, View] = {v.name: v for v in (HO_SO, CHI_TIEU, PHAN_ANH)}
BASE_TABLES: tuple[str, ...] = tuple(dict.fromkeys(t for v in VIEWS.values() for t in v.reads))


def create_views_sql(local: str | None = None) -> str:
    """The views' SQL with the unit's UTC offset now (the setting `timezone`), or `local`."""
    offset = local or sqlite_local_modifier()
    return "\n".join(v.create_sql(offset) for v in VIEWS.values())


# The id is the one units in the field have applied (the views were first shipped with the
# question box). A change to a view, or to a measure its flags come from, needs a new migration
# that drops and recreates the views: tests/reporting/test_views.py fails until there is one.
def _drop_views_sql() -> str:
    return "\n".join(f"DROP VIEW IF EXISTS {name};" for name in VIEWS)


def recreate_views(conn: sqlite3.Connection) -> None:
    """Drop and create the views with the zone configured when the migration runs: every entry
    point sets it (configure_timezone) before it migrates. A function, not a script built at
    import, so the offset is the unit's, not the default's."""
    for statement in (_drop_views_sql() + "\n" + create_views_sql()).split(";\n"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS = [
    Migration("ask_0001_reporting_views", recreate_views),
    # Issue 19: the status class "Rút/hủy" (not open, never overdue) and its measure rut_huy.
    Migration("reporting_0002_status_classes", recreate_views),
    # A complaint's day and month are the ward's calendar day, not the UTC one (they were
    # substr(created_at, 1, 10): one filed 00:00–07:00 in Vietnam counted on the day before).
    Migration("reporting_0003_local_day", recreate_views),
    # The hour a record was received (records.gio_tiep_nhan, when the export has it). The question box's ordering of
    # lists by it (session 15, off by rule R1) was retired in session 18; the column stays in the view.
    Migration("reporting_0004_hour_received", recreate_views),
]
