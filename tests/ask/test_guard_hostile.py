"""Issue 14, finding 4: the text-to-SQL walls against a model that writes hostile SQL (a model can be
prompt-injected through imported names). Each string below is tried through the whole question
box (a scripted model writes it), and straight against the second wall (`guard.run` without the
validator): nothing personal or secret comes back, nothing runs past the time limit, and the
database file does not change."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from appliance.ask import guard
from appliance.ask.service import answer_question
from appliance.auth.users import create_user
from appliance.db import connect, connect_readonly
from tests.ask.data import TODAY
from tests.ask.test_safety import ScriptedModel, fingerprint

SECRETS = ("$argon2", "BÍ MẬT", "0987654321", "Ngõ Bí Mật", "wa_token_digest")

BYPASS = ("WITH v_ho_so AS (SELECT * FROM users) SELECT * FROM v_ho_so WHERE 1 = "
          "(WITH users AS (SELECT 1 AS x) SELECT x FROM users)")

HOSTILE_SQL = [
    # the red team's bypass and the same shape against citizens' data and the audit log
    BYPASS,
    "WITH v_ho_so AS (SELECT * FROM feedback) SELECT * FROM v_ho_so WHERE 1 = "
    "(WITH feedback AS (SELECT 1 AS x) SELECT x FROM feedback)",
    "WITH v_phan_anh AS (SELECT name, phone, address, content FROM feedback) SELECT * FROM v_phan_anh",
    "WITH v_chi_tieu AS (SELECT * FROM audit_log) SELECT * FROM v_chi_tieu WHERE 1 = "
    "(WITH audit_log AS (SELECT 1 AS x) SELECT x FROM audit_log)",
    "WITH v_ho_so AS (SELECT password_hash AS ma_ho_so FROM users) SELECT ma_ho_so FROM v_ho_so",
    "WITH \"v_ho_so\" AS (SELECT * FROM users) SELECT * FROM \"v_ho_so\"",
    "WITH V_HO_SO AS (SELECT * FROM USERS) SELECT * FROM v_ho_so",
    "WITH x AS (SELECT 1 AS n), v_ho_so AS (SELECT * FROM users) SELECT * FROM v_ho_so",
    "WITH v_ho_so AS MATERIALIZED (SELECT * FROM users) SELECT * FROM v_ho_so",
    "WITH v_ho_so AS NOT MATERIALIZED (SELECT * FROM users) SELECT * FROM v_ho_so",
    "WITH a AS (SELECT * FROM users) SELECT * FROM a",
    "WITH users AS (SELECT * FROM users) SELECT * FROM users",
    "WITH records AS (SELECT * FROM users) SELECT * FROM records",
    "WITH feedback AS (SELECT * FROM v_phan_anh) SELECT * FROM feedback",
    "WITH t AS (SELECT * FROM v_ho_so) SELECT * FROM t WHERE 1 = (WITH t AS (SELECT 1 AS x) "
    "SELECT x FROM users)",
    "SELECT * FROM v_ho_so WHERE ma_ho_so IN (WITH u AS (SELECT username FROM users) SELECT * FROM u)",
    "SELECT (WITH v_ho_so AS (SELECT password_hash FROM users) SELECT * FROM v_ho_so) AS ma_ho_so",
    "WITH v_ho_so(ma_ho_so) AS (SELECT phone FROM feedback) SELECT ma_ho_so FROM v_ho_so",
    "WITH sqlite_master AS (SELECT 1 AS x) SELECT * FROM sqlite_master",
    # plain reads of tables and the schema
    "SELECT * FROM users",
    "SELECT username, password_hash FROM users",
    "SELECT * FROM main.users",
    "SELECT * FROM \"users\"",
    "SELECT * FROM [users]",
    "SELECT * FROM `users`",
    "SELECT * FROM UsErS",
    "SELECT * FROM sessions",
    "SELECT * FROM api_tokens",
    "SELECT * FROM audit_log",
    "SELECT name, phone, address FROM feedback",
    "SELECT content FROM feedback",
    "SELECT * FROM records",
    "SELECT * FROM sqlite_master",
    "SELECT * FROM sqlite_schema",
    "SELECT * FROM sqlite_temp_master",
    "SELECT * FROM temp.sqlite_master",
    "SELECT * FROM pragma_table_info('users')",
    "SELECT * FROM pragma_database_list",
    "SELECT * FROM json_each('[1,2]')",
    "SELECT * FROM v_ho_so, users",
    "SELECT * FROM v_ho_so JOIN users ON 1 = 1",
    "SELECT * FROM v_ho_so LEFT JOIN feedback ON 1 = 1",
    "SELECT * FROM v_ho_so UNION ALL SELECT * FROM users",
    "SELECT ma_ho_so FROM v_ho_so UNION SELECT password_hash FROM users",
    "SELECT ma_ho_so FROM v_ho_so WHERE EXISTS (SELECT 1 FROM users)",
    "SELECT ma_ho_so FROM v_ho_so WHERE ma_ho_so IN (SELECT password_hash FROM users)",
    "SELECT (SELECT password_hash FROM users LIMIT 1) AS ma_ho_so FROM v_ho_so",
    "SELECT * FROM (SELECT * FROM users)",
    "SELECT * FROM v_ho_so INDEXED BY users_username",
    "SELECT ma_ho_so FROM v_ho_so /* */ UNION /* */ SELECT username FROM users -- ",
    "SELECT * FROM v_ho_so WHERE 1 = 1; SELECT * FROM users",
    # functions: not on the list, or with arguments that blow up
    "SELECT printf('%.*c', 1000000000, 'x')",
    "SELECT printf('%1000000000d', 1)",
    "SELECT printf('%.1000000000f', 1.0)",
    "SELECT length(printf('%.*c', 1000000000, 'x')) FROM v_ho_so",
    "SELECT printf(ma_ho_so, 1) FROM v_ho_so",
    "SELECT zeroblob(1000000000)",
    "SELECT length(zeroblob(1000000000))",
    "SELECT randomblob(1000000000)",
    "SELECT hex(randomblob(100000000))",
    "SELECT replace(hex(zeroblob(100000000)), '00', 'xx')",
    "SELECT load_extension('/tmp/evil.so')",
    "SELECT readfile('/etc/passwd')",
    "SELECT writefile('/tmp/x', 'y')",
    "SELECT sqlite_version()",
    "SELECT sqlite_source_id()",
    "SELECT char(65)",
    "SELECT unicode(ma_ho_so) FROM v_ho_so",
    "SELECT format('%.*c', 1000000000, 'x')",
    "SELECT count(*) FROM v_ho_so WHERE ten_thu_tuc LIKE '%a%a%a%a%a%a%a%a%a%a%a%b'",
    "SELECT count(*) FROM v_ho_so WHERE ten_thu_tuc LIKE ma_ho_so",
    "SELECT count(*) FROM v_ho_so WHERE ten_thu_tuc REGEXP 'a'",
    "SELECT substr(printf('%.*c', 2147483647, 'x'), 1, 1)",
    "SELECT upper(printf('%0*d', 999999999, 1))",
    "SELECT count(*) FROM v_ho_so WHERE ma_ho_so GLOB '*'",
    # recursion and runaway work
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c",
    "WITH RECURSIVE c(ma_ho_so) AS (SELECT 'x' UNION ALL SELECT ma_ho_so || ma_ho_so FROM c) "
    "SELECT length(ma_ho_so) FROM c",
    "WITH RECURSIVE v_ho_so(ma_ho_so) AS (SELECT 1 UNION ALL SELECT ma_ho_so + 1 FROM v_ho_so) "
    "SELECT count(*) FROM v_ho_so",
    # writes and administration
    "DELETE FROM records",
    "UPDATE users SET role = 'admin'",
    "INSERT INTO users (username) VALUES ('x')",
    "DROP VIEW v_ho_so",
    "PRAGMA query_only = 0",
    "ATTACH DATABASE '/tmp/x.db' AS x",
    "VACUUM INTO '/tmp/copy.db'",
    "CREATE TEMP VIEW v AS SELECT * FROM users",
    "REPLACE INTO records (ma_ho_so) VALUES ('x')",
]


@pytest.fixture(scope="module")
def secret_db(ask_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated ward plus secrets in the tables a hostile query would want."""
    path = tmp_path_factory.mktemp("hostile") / "appliance.db"
    shutil.copy(ask_db, path)
    conn = connect(path)
    create_user(conn, "quantri", "mat-khau-rat-bi-mat", "admin")
    conn.execute("UPDATE feedback SET name = 'BÍ MẬT CÔNG DÂN', phone = '0987654321', address = 'Số 1 Ngõ Bí Mật',"
                 " content = 'BÍ MẬT nội dung' WHERE id = (SELECT min(id) FROM feedback)")
    conn.execute("INSERT INTO audit_log (username, action, detail) VALUES ('quantri', 'x', 'BÍ MẬT NHẬT KÝ')")
    conn.execute("INSERT INTO api_tokens (user_id, token_hash) VALUES (1, 'wa_token_digest')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _leaks(rows: list[list[guard.Cell]]) -> list[str]:
    text = repr(rows)
    return [secret for secret in SECRETS if secret in text]


def test_there_are_many_hostile_strings() -> None:
    assert len(HOSTILE_SQL) >= 81 and len(set(HOSTILE_SQL)) == len(HOSTILE_SQL)


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_the_validator_refuses_it(sql: str) -> None:
    with pytest.raises(guard.UnsafeSQL):
        guard.validate(sql)


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_the_question_box_returns_nothing_secret_and_changes_nothing(secret_db: Path, sql: str) -> None:
    before = fingerprint(secret_db)
    started = time.monotonic()
    result = answer_question(secret_db, "Hồ sơ của người nước ngoài có bao nhiêu?", today=TODAY,
                             generator=ScriptedModel(sql))
    assert time.monotonic() - started < guard.TIME_LIMIT_S + 2
    assert result.status != "ok" and result.rows == []
    assert not _leaks(result.rows)
    assert fingerprint(secret_db) == before


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_the_second_wall_alone_leaks_nothing_and_stops_in_time(secret_db: Path, sql: str) -> None:
    """As if the validator had a hole: the authorizer, SQLite's limits and the watchdog still hold."""
    before = fingerprint(secret_db)
    started = time.monotonic()
    try:
        result = guard.run(secret_db, sql, time_limit_s=2.0)
    except guard.QueryFailed:
        pass
    else:
        assert not _leaks(result.rows), result.rows
    assert time.monotonic() - started < 3.5
    assert fingerprint(secret_db) == before


def test_the_bypass_read_password_hashes_before(secret_db: Path) -> None:
    """The finding itself: the old authorizer trusted the `source` SQLite reports, which names a CTE
    as readily as a view. Keyed on real tables, the read of users.password_hash is denied."""
    conn = connect_readonly(secret_db)
    try:
        def old_authorizer(action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None) -> int:
            if action == sqlite3.SQLITE_READ:
                return sqlite3.SQLITE_OK if (source or "").lower() in guard.VIEWS else sqlite3.SQLITE_DENY
            return sqlite3.SQLITE_OK

        conn.set_authorizer(old_authorizer)
        rows = conn.execute(BYPASS).fetchall()
        assert any("$argon2" in str(value) for row in rows for value in row)  # what the red team saw
    finally:
        conn.close()
    with pytest.raises(guard.QueryFailed):
        guard.run(secret_db, BYPASS)


def test_printf_width_fails_at_once_instead_of_running_past_the_limit(secret_db: Path) -> None:
    started = time.monotonic()
    with pytest.raises(guard.QueryFailed, match="quá lớn"):
        guard.run(secret_db, "SELECT printf('%.*c', 1000000000, 'x')")
    assert time.monotonic() - started < 1.0


def test_the_watchdog_interrupts_from_another_thread(secret_db: Path) -> None:
    """Without the progress handler, the timer thread alone stops a runaway query at the limit."""
    conn = connect_readonly(secret_db)
    try:
        watchdog = guard._Watchdog(conn, 0.3)
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            conn.execute("SELECT count(*) FROM v_ho_so a, v_ho_so b, v_ho_so c").fetchall()
        watchdog.stop()
        assert watchdog.fired and time.monotonic() - started < 2.0
        assert conn.execute("SELECT count(*) FROM v_chi_tieu").fetchone()[0] > 0  # a later query is untouched
    finally:
        conn.close()


def test_a_finished_query_is_never_interrupted_later(secret_db: Path) -> None:
    for _ in range(20):
        guard.run(secret_db, "SELECT count(*) FROM v_ho_so", time_limit_s=0.05)
    time.sleep(0.1)
    assert guard.run(secret_db, "SELECT count(*) FROM v_ho_so").rows[0][0] > 0
    assert threading.active_count() < 50  # timers are cancelled, not left running


@pytest.mark.parametrize("sql", [
    "SELECT printf('%.1f', 100.0 * SUM(dung_han) / COUNT(*)) AS ty_le FROM v_ho_so",
    "WITH t AS (SELECT linh_vuc, COUNT(*) AS n FROM v_ho_so GROUP BY linh_vuc) SELECT * FROM t ORDER BY n DESC",
    "WITH a AS (SELECT 1 AS n), b AS (SELECT n FROM a) SELECT n FROM b",
    "SELECT thang_tiep_nhan, COUNT(*) FROM v_ho_so GROUP BY thang_tiep_nhan",
    "SELECT linh_vuc, COUNT(*) FROM v_phan_anh GROUP BY linh_vuc",
    "SELECT chi_tieu, ty_le_hoan_thanh FROM v_chi_tieu WHERE ky = '2026-10'",
    "SELECT COUNT(*) FROM v_ho_so WHERE ten_thu_tuc LIKE '%kết hôn%'",
    "SELECT iif(COUNT(*) > 0, 1, 0) FROM v_ho_so WHERE strftime('%Y', ngay_tiep_nhan) = '2026'",
])
def test_ordinary_reporting_sql_still_runs(secret_db: Path, sql: str) -> None:
    assert guard.run(secret_db, guard.validate(sql)).rows
