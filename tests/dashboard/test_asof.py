"""Issue 20's figure rules on the dashboard: counts "as of" a day never look past min(period end,
today), a running period is compared with the same days of the previous period and of last year,
and the drill-down lists exactly the records counted."""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.dashboard.kpis import report
from appliance.dashboard.measures import Filters, drill_records
from appliance.reporting.periods import comparisons
from appliance.text import fold

D = dt.date
TODAY = D(2026, 12, 4)


def _record(conn: sqlite3.Connection, code: str, received: dt.date, due: dt.date, returned: dt.date | None,
            status: str = "Đang xử lý") -> None:
    conn.execute(
        "INSERT INTO records (ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua,"
        " trang_thai, hinh_thuc_nop, can_bo_xu_ly, ten_thu_tuc_fold, linh_vuc_fold, can_bo_fold)"
        " VALUES (?, 'Chứng thực chữ ký', 'Chứng thực', ?, ?, ?, ?, 'Trực tiếp', 'Lê Minh Tuấn', ?, ?, ?)",
        (code, received.isoformat(), due.isoformat(), returned.isoformat() if returned else None, status,
         fold("Chứng thực chữ ký"), fold("Chứng thực"), fold("Lê Minh Tuấn")))


def _ward(conn: sqlite3.Connection) -> None:
    _record(conn, "A-past-due", D(2026, 11, 20), D(2026, 11, 27), None)           # overdue today
    _record(conn, "B-due-later", D(2026, 12, 1), D(2026, 12, 10), None)          # due after today: not yet
    _record(conn, "C-due-today", D(2026, 12, 2), D(2026, 12, 4), None)           # due today: not yet
    _record(conn, "D-returned-late", D(2026, 11, 2), D(2026, 11, 10), D(2026, 11, 25), "Đã trả kết quả")
    _record(conn, "E-rejected", D(2026, 11, 2), D(2026, 11, 5), None, "Từ chối")
    _record(conn, "F-no-date", D(2026, 11, 3), D(2026, 11, 6), None, "Đã trả kết quả")  # still open (§4)
    for day in (1, 2, 3, 4, 20):  # received on 1–4 and 20 November, 1–3 December
        _record(conn, f"N-{day}", D(2026, 11, day), D(2026, 11, day), D(2026, 11, day), "Đã trả kết quả")
    for day in (1, 2, 3):
        _record(conn, f"M-{day}", D(2026, 12, day), D(2026, 12, day), D(2026, 12, day), "Đã trả kết quả")


def test_running_month_counts_overdue_as_of_today_and_compares_like_for_like(conn):
    _ward(conn)
    december = report(conn, D(2026, 12, 1), D(2026, 12, 31), today=TODAY)
    assert december.as_of == TODAY
    # A, F overdue on 4/12; B and C are due on or after today; D was returned, E rejected.
    assert december.totals["qua_han_chua_giai_quyet"] == 2
    listed, rows = drill_records(conn, "qua_han_chua_giai_quyet", D(2026, 12, 1), D(2026, 12, 31), Filters(),
                                 today=TODAY)
    assert listed == 2 and {r["ma_ho_so"] for r in rows} == {"A-past-due", "F-no-date"}
    # The same days of November (1–4/11), not the whole month.
    assert december.previous is not None and december.previous.label == "cùng kỳ tháng trước (01–04/11)"
    assert (december.previous.start, december.previous.end) == (D(2026, 11, 1), D(2026, 11, 4))
    assert december.totals["tiep_nhan"] == 5 and december.previous.figures["tiep_nhan"] == 4 + 3  # N-1..4, D, E, F
    assert december.change()["tiep_nhan"] == -2
    assert december.last_year is not None and december.last_year.label == "cùng kỳ năm trước (01–04/12/2025)"
    assert december.as_dict()["running"] is True and december.as_dict()["as_of"] == "2026-12-04"


def test_overdue_at_a_past_day_counts_records_returned_after_it(conn):
    _ward(conn)
    november = report(conn, D(2026, 11, 1), D(2026, 11, 30), today=TODAY)
    assert november.as_of == D(2026, 11, 30)
    # On 30/11: A (due 27/11) and F are overdue; D was returned on 25/11, before that day.
    assert november.totals["qua_han_chua_giai_quyet"] == 2
    # On 20/11, D (due 10/11, returned 25/11) was still open and overdue, as were F (due 6/11).
    mid = report(conn, D(2026, 11, 1), D(2026, 11, 20), today=TODAY, with_previous=False)
    assert mid.totals["qua_han_chua_giai_quyet"] == 2
    listed, rows = drill_records(conn, "qua_han_chua_giai_quyet", D(2026, 11, 1), D(2026, 11, 20), Filters(),
                                 today=TODAY)
    assert {r["ma_ho_so"] for r in rows} == {"D-returned-late", "F-no-date"} and listed == 2
    # Month snapshots agree with the period figures, and months after today are left out.
    year = report(conn, D(2026, 1, 1), D(2026, 12, 31), today=TODAY, with_previous=False)
    months = {m["month"]: m for m in year.by_month}
    assert set(months) == {f"2026-{m:02d}" for m in range(1, 13)}
    assert months["2026-11"]["qua_han_chua_giai_quyet"] == november.totals["qua_han_chua_giai_quyet"]
    assert months["2026-12"]["qua_han_chua_giai_quyet"] == 2
    earlier = report(conn, D(2026, 1, 1), D(2026, 12, 31), today=D(2026, 11, 20), with_previous=False)
    assert [m["month"] for m in earlier.by_month][-1] == "2026-11"


def test_finished_period_is_compared_with_the_whole_previous_one(conn):
    _ward(conn)
    november = report(conn, D(2026, 11, 1), D(2026, 11, 30), today=TODAY)
    assert november.previous is not None and november.previous.label == "tháng 10/2026"
    assert (november.previous.start, november.previous.end) == (D(2026, 10, 1), D(2026, 10, 31))
    c = comparisons(D(2026, 11, 1), D(2026, 11, 30), TODAY)
    assert november.last_year is not None and (november.last_year.start, november.last_year.end) == c.last_year
