"""Every SQL the question box runs passes two independent walls.

1. `validate`: sqlglot parses it; it must be one SELECT (UNION of SELECTs allowed) reading only
   the reporting views and their columns, calling only allow-listed functions.
2. `run`: a read-only connection (mode=ro + query_only) with an authorizer that allows SELECT,
   reads of the reporting views (and of the tables beneath them only when SQLite reports the
   read as happening *inside* one of those views), allow-listed functions and nothing else; a
   progress handler stops a query after a time limit, and rows are capped.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp

from appliance.db import connect_readonly
from appliance.reporting.views import BASE_TABLES
from appliance.reporting.views import VIEWS as REPORTING_VIEWS

VIEWS: dict[str, frozenset[str]] = {name: view.column_names for name, view in REPORTING_VIEWS.items()}
ALL_COLUMNS = frozenset().union(*VIEWS.values())
UNDERLYING = frozenset(BASE_TABLES)  # what the views select from
FUNCTIONS = {"count", "sum", "avg", "min", "max", "total", "round", "abs", "coalesce", "ifnull", "nullif",
             "iif", "substr", "substring", "strftime", "date", "julianday", "lower", "upper", "length",
             "cast", "instr", "trim", "printf", "group_concat", "vn_fold", "like"}
# A value a query returns: the views hold text, integers and reals (`run` turns the blob a
# model's CAST may make into text, so every answer is JSON).
Cell = str | int | float | None
TIME_LIMIT_S = 5.0
ROW_CAP = 500
MAX_SQL_CHARS = 4000


class UnsafeSQL(ValueError):
    """The SQL is not a plain read of the reporting views; the message is Vietnamese."""


def validate(sql: str) -> str:
    """The SQL, stripped, if it is safe to run; raises UnsafeSQL otherwise."""
    sql = sql.strip().rstrip(";").strip()
    if not sql or len(sql) > MAX_SQL_CHARS:
        raise UnsafeSQL("Câu lệnh rỗng hoặc quá dài.")
    try:
        statements = sqlglot.parse(sql, read="sqlite")
    except sqlglot.errors.SqlglotError as exc:
        raise UnsafeSQL("Câu lệnh SQL không đúng cú pháp.") from exc
    if len(statements) != 1 or statements[0] is None:
        raise UnsafeSQL("Chỉ được chạy đúng một câu lệnh SELECT.")
    tree = statements[0]
    if not isinstance(tree, (exp.Select, exp.Union)):
        raise UnsafeSQL("Chỉ được chạy câu lệnh SELECT (đọc dữ liệu).")
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    aliases = {a.alias.lower() for a in tree.find_all(exp.Alias)}
    aliases |= {t.alias.lower() for t in tree.find_all(exp.TableAlias) if t.alias}
    for node in tree.walk():
        if isinstance(node, (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Alter, exp.Command,
                             exp.Pragma, exp.Attach, exp.Detach, exp.Transaction, exp.Into)):
            raise UnsafeSQL("Câu lệnh có thao tác ghi hoặc quản trị, không được phép.")
        if isinstance(node, exp.Table):
            name = node.name.lower()
            if node.args.get("db") or node.args.get("catalog"):
                raise UnsafeSQL("Không được đọc cơ sở dữ liệu khác.")
            if name not in VIEWS and name not in ctes:
                raise UnsafeSQL(f"Không được đọc bảng «{node.name}»; chỉ các view báo cáo được phép.")
        elif isinstance(node, exp.Column):
            name = node.name.lower()
            if name and name not in ALL_COLUMNS and name not in aliases:
                raise UnsafeSQL(f"Cột «{node.name}» không có trong các view báo cáo.")
        elif isinstance(node, exp.Anonymous):
            if str(node.name).lower() not in FUNCTIONS:
                raise UnsafeSQL(f"Hàm «{node.name}» không được phép.")
    return sql


def _authorizer(action: int, arg1: str | None, arg2: str | None, dbname: str | None,
                source: str | None) -> int:
    if action == sqlite3.SQLITE_SELECT:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ:
        if dbname not in (None, "main"):
            return sqlite3.SQLITE_DENY
        if (arg1 or "").lower() in VIEWS or (source or "").lower() in VIEWS:
            return sqlite3.SQLITE_OK
        # When SQLite flattens a view into a join it may report a column-less read (a row count)
        # of the table beneath without naming the view: allowed for those tables only.
        if arg2 == "" and (arg1 or "").lower() in UNDERLYING:
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION:
        return sqlite3.SQLITE_OK if (arg2 or "").lower() in FUNCTIONS else sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_DENY


@dataclass
class Result:
    columns: list[str]
    rows: list[list[Cell]]
    truncated: bool
    elapsed_ms: float


def _cell(value: Cell | bytes) -> Cell:
    return value.decode(errors="replace") if isinstance(value, bytes) else value


class QueryFailed(RuntimeError):
    """The query was refused by SQLite or stopped by the time limit; the message is Vietnamese."""


_local = threading.local()


def _connection(db_path: Path | str) -> sqlite3.Connection:
    """This thread's guarded read-only connection to the database (opened once: opening and
    reading the schema would otherwise cost more than most answers). The authorizer is set
    before its first statement, so every statement it ever prepared passed the authorizer; a
    database file replaced on disk (restore) gets a new connection."""
    path = Path(db_path).resolve()
    st = path.stat()
    key = (str(path), st.st_dev, st.st_ino)
    pool: dict[tuple[str, int, int], sqlite3.Connection] = _local.__dict__.setdefault("pool", {})
    conn = pool.get(key)
    if conn is None:
        conn = connect_readonly(path)
        conn.set_authorizer(_authorizer)
        pool[key] = conn
    return conn


def run(db_path: Path | str, sql: str, *, time_limit_s: float = TIME_LIMIT_S, row_cap: int = ROW_CAP) -> Result:
    """Run already-validated SQL behind the authorizer, the time limit and the row cap."""
    conn = _connection(db_path)
    started = time.perf_counter()
    deadline = started + time_limit_s
    try:
        conn.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 2000)
        try:
            cursor = conn.execute(sql)
            fetched = cursor.fetchmany(row_cap + 1)
        except sqlite3.DatabaseError as exc:
            if "interrupted" in str(exc):
                raise QueryFailed(f"Câu truy vấn chạy quá {time_limit_s:g} giây nên đã dừng.") from exc
            raise QueryFailed("Cơ sở dữ liệu từ chối câu truy vấn (chỉ được đọc các view báo cáo).") from exc
        columns = [d[0] for d in cursor.description or []]
        rows = [[_cell(v) for v in r] for r in fetched[:row_cap]]
        cursor.close()
        return Result(columns, rows, len(fetched) > row_cap, (time.perf_counter() - started) * 1000)
    finally:
        conn.set_progress_handler(None, 0)
