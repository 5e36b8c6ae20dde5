"""Every SQL the question box runs passes two independent walls.

1. `validate`: sqlglot parses it; it must be one SELECT (UNION of SELECTs allowed) reading only
   the reporting views and their columns, calling only allow-listed functions with bounded
   arguments. A table name must resolve, in its own scope, to a view or to a CTE visible there
   (a CTE's name is not visible inside its own body or in sibling scopes), and no CTE may take
   the name of a view or of any table: `WITH v_ho_so AS (SELECT * FROM users) …` is refused
   however it is nested. No recursive CTE: a reporting question never needs one.
2. `run`: a read-only connection (mode=ro + query_only) whose authorizer allows SELECT, the
   allow-listed functions, and a read of a column only when that (real table, column) pair is a
   view's own column or one a view's definition reads. The pairs are learnt from SQLite itself
   (preparing each view under a collecting authorizer), so the decision is keyed on the real
   table name, never on the "source" SQLite reports (which names a CTE as readily as a view).
   SQLite's own limits cap every string at 1 MB (so `printf('%.*c', 1000000000, 'x')` fails at
   once), and a timer thread interrupts the connection at the time limit even inside one long
   opcode, besides the progress handler; rows are capped.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import traverse_scope

from appliance.db import connect_readonly
from appliance.features import table_owners
from appliance.reporting.views import BASE_TABLES
from appliance.reporting.views import VIEWS as REPORTING_VIEWS

VIEWS: dict[str, frozenset[str]] = {name: view.column_names for name, view in REPORTING_VIEWS.items()}
ALL_COLUMNS = frozenset().union(*VIEWS.values())
UNDERLYING = frozenset(BASE_TABLES)  # what the views select from
FUNCTIONS = {"count", "sum", "avg", "min", "max", "total", "round", "abs", "coalesce", "ifnull", "nullif",
             "iif", "substr", "substring", "strftime", "date", "julianday", "lower", "upper", "length",
             "cast", "instr", "trim", "printf", "group_concat", "vn_fold", "like"}
MAX_FUNCTION_ARGS = 8
MAX_FORMAT_WIDTH = 40  # printf: '%.1f' and '%05d' are answers; '%1000000000d' is an attack
MAX_LIKE_WILDCARDS = 4  # SQLite matches '%' by backtracking: '%a%a%a…' patterns cost n^k per row
# A value a query returns: the views hold text, integers and reals (`run` turns the blob a
# model's CAST may make into text, so every answer is JSON).
Cell = str | int | float | None
TIME_LIMIT_S = 5.0
ROW_CAP = 500
MAX_SQL_CHARS = 4000
# SQLite's own limits on the guarded connection (sqlite3.Connection.setlimit).
SQLITE_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 1_000_000,  # any string, blob or row
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: MAX_SQL_CHARS * 4,
    sqlite3.SQLITE_LIMIT_COLUMN: 200,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 20,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: MAX_FUNCTION_ARGS,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 200,
}
_FUNCTION_CALL = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_FORMAT_SPEC = re.compile(r"%([-+ #0,!]*)(\*|\d*)(?:\.(\*|\d*))?([a-zA-Z%]?)")


class UnsafeSQL(ValueError):
    """The SQL is not a plain read of the reporting views; the message is Vietnamese."""


def _protected_names() -> frozenset[str]:
    """Names no CTE may take: the views, every table of both databases, SQLite's own."""
    tables = set(table_owners("staff")) | set(table_owners("public"))
    return frozenset(n.lower() for n in (*VIEWS, *UNDERLYING, *tables))


def _function_name(node: exp.Func) -> str | None:
    """The SQL function a node calls, as SQLite will see it; None for operators (AND, CASE…)."""
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    found = _FUNCTION_CALL.match(node.sql(dialect="sqlite"))
    return found.group(1).lower() if found else None


def _check_printf(node: exp.Func) -> None:
    args = list(node.expressions) if isinstance(node, exp.Anonymous) else []
    fmt = args[0] if args else None
    if not isinstance(fmt, exp.Literal) or not fmt.is_string:
        raise UnsafeSQL("Hàm printf chỉ được dùng với mẫu định dạng cố định.")
    for _flags, width, precision, _conversion in _FORMAT_SPEC.findall(str(fmt.this)):
        for part in (width, precision):
            if part == "*" or (part and int(part) > MAX_FORMAT_WIDTH):
                raise UnsafeSQL("Mẫu định dạng của printf có độ rộng không được phép.")


def _check_patterns(tree: exp.Expression) -> None:
    for node in tree.find_all(exp.Glob, exp.RegexpLike, exp.SimilarTo):
        raise UnsafeSQL(f"Phép so khớp «{node.key.upper()}» không được phép; hãy dùng LIKE.")
    for node in tree.find_all(exp.Like, exp.ILike):
        pattern = node.expression
        if not isinstance(pattern, exp.Literal) or not pattern.is_string:
            raise UnsafeSQL("LIKE chỉ được dùng với mẫu cố định.")
        if pattern.this.count("%") + pattern.this.count("_") > MAX_LIKE_WILDCARDS:
            raise UnsafeSQL("Mẫu LIKE có quá nhiều ký tự đại diện.")


def _check_functions(tree: exp.Expression) -> None:
    for node in tree.find_all(exp.Func):
        name = _function_name(node)
        if name is None:
            continue
        if name not in FUNCTIONS:
            raise UnsafeSQL(f"Hàm «{name}» không được phép.")
        if len(list(node.iter_expressions())) > MAX_FUNCTION_ARGS:
            raise UnsafeSQL(f"Hàm «{name}» có quá nhiều tham số.")
        if name == "printf":
            _check_printf(node)


def _check_tables(tree: exp.Expression) -> None:
    """Each table reference must be a view, or a CTE visible in the scope where it is used."""
    protected = _protected_names()
    for cte in tree.find_all(exp.CTE):
        name = cte.alias_or_name.lower()
        if name in protected or name.startswith("sqlite_"):
            raise UnsafeSQL(f"Không được đặt tên bảng tạm «{cte.alias_or_name}» trùng tên bảng hoặc view.")
    for with_ in tree.find_all(exp.With):
        if with_.args.get("recursive"):
            raise UnsafeSQL("Không được dùng truy vấn đệ quy (WITH RECURSIVE).")
    try:
        scopes = traverse_scope(tree)
    except sqlglot.errors.SqlglotError as exc:
        raise UnsafeSQL("Câu lệnh SQL không đúng cấu trúc.") from exc
    for scope in scopes:
        for table in scope.tables:
            name = table.name.lower()
            if table.args.get("db") or table.args.get("catalog"):
                raise UnsafeSQL("Không được đọc cơ sở dữ liệu khác.")
            if name in VIEWS or name in {c.lower() for c in scope.cte_sources}:
                continue
            raise UnsafeSQL(f"Không được đọc bảng «{table.name}»; chỉ các view báo cáo được phép.")


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
    aliases = {a.alias.lower() for a in tree.find_all(exp.Alias)}
    aliases |= {t.alias.lower() for t in tree.find_all(exp.TableAlias) if t.alias}
    for node in tree.walk():
        if isinstance(node, (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Alter, exp.Command,
                             exp.Pragma, exp.Attach, exp.Detach, exp.Transaction, exp.Into)):
            raise UnsafeSQL("Câu lệnh có thao tác ghi hoặc quản trị, không được phép.")
        if isinstance(node, exp.Column):
            name = node.name.lower()
            if name and name not in ALL_COLUMNS and name not in aliases:
                raise UnsafeSQL(f"Cột «{node.name}» không có trong các view báo cáo.")
    _check_functions(tree)
    _check_patterns(tree)
    _check_tables(tree)
    return sql


# --- the second wall: SQLite's authorizer and limits ------------------------------------------------

_PRINTF_CONVERSIONS = {"d": "d", "i": "d", "u": "d", "f": "f", "F": "F", "e": "e", "E": "E", "g": "g",
                       "G": "G", "x": "x", "X": "X", "o": "o", "s": "s", "z": "s", "c": "s"}


def _printf_value(conversion: str, value: object) -> object:
    if conversion in "diuxXo":
        try:
            return int(float(value)) if value is not None else 0  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0
    if conversion in "fFeEgG":
        try:
            return float(value) if value is not None else 0.0  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0.0
    text = "" if value is None else value.decode(errors="replace") if isinstance(value, bytes) else str(value)
    return text[:1] if conversion == "c" else text


def bounded_printf(fmt: object, *args: object) -> str | None:
    """SQLite's printf, for the guarded connection: the same conversions (flags -+ 0#, width,
    precision), but no '*' and no width or precision past MAX_FORMAT_WIDTH. SQLite's own
    formats `%.*c` with a billion as one opcode that neither the progress handler nor an
    interrupt can stop; this one raises (SQLite reports the error) before formatting."""
    if fmt is None:
        return None
    out: list[str] = []
    pos = 0
    remaining = list(args)
    for match in _FORMAT_SPEC.finditer(str(fmt)):
        flags, width, precision, conversion = (group or "" for group in match.groups())
        out.append(str(fmt)[pos:match.start()])
        pos = match.end()
        if conversion == "%":
            out.append("%")
            continue
        if "*" in (width, precision) or any(p and int(p) > MAX_FORMAT_WIDTH for p in (width, precision)):
            raise ValueError("printf width or precision out of bounds")
        if conversion not in _PRINTF_CONVERSIONS:
            raise ValueError(f"printf conversion %{conversion} not supported here")
        value = _printf_value(conversion, remaining.pop(0) if remaining else None)
        align = "<" if "-" in flags else ">"
        fill = "0" if "0" in flags and align == ">" and conversion not in "sc" else " "
        sign = "+" if "+" in flags else (" " if " " in flags else "")
        sign = sign if conversion not in "sc" else ""
        alternate = "#" if "#" in flags and conversion in "xXo" else ""
        comma = "," if "," in flags and conversion in "diu" else ""
        has_precision = match.group(3) is not None
        dot = f".{precision or 0}" if has_precision and conversion not in "diuxXoc" else ""
        out.append(format(value, f"{fill}{align}{sign}{alternate}{width}{comma}{dot}{_PRINTF_CONVERSIONS[conversion]}"))
    out.append(str(fmt)[pos:])
    return "".join(out)


Pairs = frozenset[tuple[str, str]]


def _view_reads(path: Path) -> Pairs:
    """Every (table, column) SQLite reads to answer `SELECT *` from each view, and the views' own columns."""
    found: set[tuple[str, str]] = {(view, column) for view, columns in VIEWS.items() for column in columns}

    def collect(action: int, arg1: str | None, arg2: str | None, _db: str | None, _source: str | None) -> int:
        if action == sqlite3.SQLITE_READ and arg1 and arg2:
            found.add((arg1.lower(), arg2.lower()))
        return sqlite3.SQLITE_OK

    conn = connect_readonly(path)
    try:
        conn.set_authorizer(collect)
        for view in VIEWS:
            try:
                conn.execute(f"SELECT * FROM {view} LIMIT 0").fetchall()
            except sqlite3.OperationalError:  # a database without that view: nothing of it is readable
                continue
    finally:
        conn.close()
    return frozenset(found)


def make_authorizer(allowed: Pairs) -> object:
    def authorizer(action: int, arg1: str | None, arg2: str | None, dbname: str | None,
                   source: str | None) -> int:
        if action == sqlite3.SQLITE_SELECT:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_READ:
            if dbname not in (None, "main"):
                return sqlite3.SQLITE_DENY
            table, column = (arg1 or "").lower(), (arg2 or "").lower()
            if (table, column) in allowed:
                return sqlite3.SQLITE_OK
            # When SQLite flattens a view into a join it may report a column-less read (a row count)
            # of the table beneath: allowed for those tables only.
            if column == "" and table in UNDERLYING:
                return sqlite3.SQLITE_OK
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_FUNCTION:
            return sqlite3.SQLITE_OK if (arg2 or "").lower() in FUNCTIONS else sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_DENY

    return authorizer


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
    reading the schema would otherwise cost more than most answers). The authorizer and limits
    are set before its first statement, so every statement it ever prepared passed them; a
    database file replaced on disk (restore, a migration) gets a new connection."""
    path = Path(db_path).resolve()
    st = path.stat()
    key = (str(path), st.st_dev, st.st_ino)
    pool: dict[tuple[str, int, int], sqlite3.Connection] = _local.__dict__.setdefault("pool", {})
    conn = pool.get(key)
    if conn is None:
        allowed = _view_reads(path)
        conn = connect_readonly(path)
        for limit, value in SQLITE_LIMITS.items():
            conn.setlimit(limit, value)
        conn.create_function("printf", -1, bounded_printf)  # replaces SQLite's own on this connection
        conn.set_authorizer(make_authorizer(allowed))  # type: ignore[arg-type]
        pool[key] = conn
    return conn


class _Watchdog:
    """Interrupts the connection from another thread once the time limit passes: the progress
    handler alone waits for the next opcode, which a single runaway function call never reaches."""

    def __init__(self, conn: sqlite3.Connection, seconds: float):
        self._conn = conn
        self._lock = threading.Lock()
        self._running = True
        self.fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._running:  # never interrupts a later statement on this connection
                self.fired = True
                self._conn.interrupt()

    def stop(self) -> None:
        with self._lock:
            self._running = False
        self._timer.cancel()


def run(db_path: Path | str, sql: str, *, time_limit_s: float = TIME_LIMIT_S, row_cap: int = ROW_CAP) -> Result:
    """Run already-validated SQL behind the authorizer, SQLite's limits, the time limit and the row cap."""
    conn = _connection(db_path)
    started = time.perf_counter()
    deadline = started + time_limit_s
    watchdog = _Watchdog(conn, time_limit_s)
    try:
        conn.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 2000)
        try:
            cursor = conn.execute(sql)
            fetched = cursor.fetchmany(row_cap + 1)
        except sqlite3.DatabaseError as exc:
            if "interrupted" in str(exc) or watchdog.fired:
                raise QueryFailed(f"Câu truy vấn chạy quá {time_limit_s:g} giây nên đã dừng.") from exc
            if "too big" in str(exc) or "user-defined function raised" in str(exc):  # SQLite's limit; printf's
                raise QueryFailed("Câu truy vấn tạo ra giá trị quá lớn hoặc dùng định dạng không được phép "
                                  "nên đã dừng.") from exc
            raise QueryFailed("Cơ sở dữ liệu từ chối câu truy vấn (chỉ được đọc các view báo cáo).") from exc
        columns = [d[0] for d in cursor.description or []]
        rows = [[_cell(v) for v in r] for r in fetched[:row_cap]]
        cursor.close()
        return Result(columns, rows, len(fetched) > row_cap, (time.perf_counter() - started) * 1000)
    finally:
        watchdog.stop()
        conn.set_progress_handler(None, 0)

