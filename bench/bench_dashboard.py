"""Dashboard with 100,000 records: the KPI endpoint vs the same aggregates as raw SQL, and the
importer vs a bare executemany of the same rows. Medians, printed with their ratios."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from appliance.dashboard.importers import RECORD_COLUMNS, RECORD_LABELS, RECORD_REQUIRED, parse_record, run_import
from appliance.dashboard.sources import match_columns, open_table
from appliance.db import connect, migrate, transaction
from bench.common import median_ms, report, served, timings
from tests.conftest import free_port
from tests.dashboard.datagen import generate, write_csv

N = 100_000
START, END = "2026-01-01", "2026-12-31"
PREV_START, PREV_END = "2025-01-01", "2025-12-31"
INSERT = ("INSERT INTO records (ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, gio_tiep_nhan, han_xu_ly,"
          " ngay_tra_ket_qua, trang_thai, hinh_thuc_nop, can_bo_xu_ly, ten_thu_tuc_fold, linh_vuc_fold, can_bo_fold,"
          " trang_thai_goc, hinh_thuc_nop_goc, import_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
TOTALS = """
SELECT SUM(ngay_tiep_nhan BETWEEN :s AND :e), SUM(ngay_tiep_nhan BETWEEN :s AND :e AND hinh_thuc_nop = 'Trực tuyến'),
  SUM(ngay_tiep_nhan BETWEEN :s AND :e AND trang_thai = 'Từ chối'),
  SUM(trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua BETWEEN :s AND :e),
  SUM(trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua BETWEEN :s AND :e AND ngay_tra_ket_qua <= han_xu_ly),
  SUM(trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua BETWEEN :s AND :e AND ngay_tra_ket_qua > han_xu_ly),
  SUM((ngay_tra_ket_qua IS NULL OR ngay_tra_ket_qua > :e) AND trang_thai != 'Từ chối' AND ngay_tiep_nhan <= :e
      AND han_xu_ly < :e)
FROM records {group}"""


def raw_sql(conn: sqlite3.Connection) -> None:
    """The same figures the endpoint returns, each as the plainest SQL: totals, previous totals,
    one GROUP BY per breakdown, months by received and by returned month, overdue at each month end."""
    conn.execute(TOTALS.format(group=""), {"s": START, "e": END}).fetchall()
    conn.execute(TOTALS.format(group=""), {"s": PREV_START, "e": PREV_END}).fetchall()
    for column in ("linh_vuc_fold", "ten_thu_tuc_fold", "can_bo_fold"):
        conn.execute(TOTALS.format(group=f"GROUP BY {column}"), {"s": START, "e": END}).fetchall()
    conn.execute("SELECT substr(ngay_tiep_nhan, 1, 7), COUNT(*), SUM(hinh_thuc_nop = 'Trực tuyến'),"
                 " SUM(trang_thai = 'Từ chối') FROM records WHERE ngay_tiep_nhan BETWEEN ? AND ? GROUP BY 1",
                 (START, END)).fetchall()
    conn.execute("SELECT substr(ngay_tra_ket_qua, 1, 7), COUNT(*), SUM(ngay_tra_ket_qua <= han_xu_ly),"
                 " SUM(ngay_tra_ket_qua > han_xu_ly) FROM records WHERE trang_thai = 'Đã trả kết quả'"
                 " AND ngay_tra_ket_qua BETWEEN ? AND ? GROUP BY 1", (START, END)).fetchall()
    for month in range(1, 13):
        end = f"2026-{month:02d}-{[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]}"
        # overdue as of each month end (CONTRACT §4: not returned by that day)
        conn.execute("SELECT COUNT(*) FROM records WHERE (ngay_tra_ket_qua IS NULL OR ngay_tra_ket_qua > ?)"
                     " AND trang_thai != 'Từ chối' AND ngay_tiep_nhan <= ? AND han_xu_ly < ?",
                     (end, end, end)).fetchall()


def fresh_db(folder: Path, name: str) -> sqlite3.Connection:
    path = folder / name / "appliance.db"
    shutil.rmtree(path.parent, ignore_errors=True)
    conn = connect(path)
    migrate(conn)
    return conn


def bench_import(folder: Path, csv_path: Path) -> None:
    header, rows, _ = open_table(csv_path)
    cols = match_columns(header, RECORD_COLUMNS, RECORD_REQUIRED, RECORD_LABELS)
    parsed = [parse_record(cells, cols, None) for _line, cells in rows]
    ours, bare = [], []
    for _ in range(3):  # interleaved, so machine noise hits both alike
        conn = fresh_db(folder, "bare")
        started = time.perf_counter()
        with transaction(conn):
            conn.executemany(INSERT, parsed)
        bare.append(time.perf_counter() - started)
        conn.close()
        conn = fresh_db(folder, "ours")
        started = time.perf_counter()
        result = run_import(conn, "ho-so", csv_path)
        ours.append(time.perf_counter() - started)
        assert result.imported == N, result.summary()
        conn.close()
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    print(f"nhập {N:,} hồ sơ: {ours_s:.2f} s ({N / ours_s:,.0f} dòng/s), executemany trần: {bare_s:.2f} s "
          f"({N / bare_s:,.0f} dòng/s)")
    report("nhập hồ sơ (đọc tệp, kiểm tra, upsert) so với executemany trần", ours_s * 1000, bare_s * 1000,
           target=3.0)


def bench_kpis(folder: Path) -> None:
    data_dir = folder / "ours"
    conn = connect(data_dir / "appliance.db")
    from appliance.auth.demo import load_users

    load_users(conn)
    port = free_port()
    with served(data_dir, "serve-staff", port):
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:
            c.post("/login", data={"username": "lanhdao", "password": "lanhdao-demo"})
            body = c.get("/api/v1/dashboard/kpis", params={"from": START, "to": END}).json()
            assert body["tiep_nhan"] > 0, body
            endpoint = timings(lambda: c.get("/api/v1/dashboard/kpis",
                                             params={"from": START, "to": END}).raise_for_status(), repeat=15)
            sql = timings(lambda: raw_sql(conn), repeat=15)
    conn.close()
    print(f"KPI năm 2026 trên {N:,} hồ sơ: tiếp nhận {body['tiep_nhan']:,}, đã giải quyết {body['da_giai_quyet']:,}")
    report("GET /api/v1/dashboard/kpis (median) so với cùng các phép tổng hợp bằng SQL thô", median_ms(endpoint),
           median_ms(sql), target=2.0)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = write_csv(generate(N, seed=11, start=dt.date(2025, 7, 1), days=540),
                             folder / "ho-so.csv")
        bench_import(folder, csv_path)
        bench_kpis(folder)


if __name__ == "__main__":
    main()
