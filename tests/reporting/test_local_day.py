"""Complaint times are stored in UTC; the reporting views give a complaint the ward's calendar day
(setting `timezone`, default Asia/Ho_Chi_Minh, UTC+7), so the question box counts it on the day the
dashboard and the staff inbox do. One filed at 06:30 on the ward's clock is 23:30 UTC the day before:
it used to be counted on the day before (the view took substr(created_at, 1, 10))."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator

import pytest

from appliance.ask.service import answer_question
from appliance.citizen.staff import inbox, store
from appliance.db import connect, migrate
from appliance.reporting import zone
from appliance.text.formatting import DEFAULT_TIMEZONE, configure_timezone
from tests.conftest import make_settings

TODAY = dt.date(2026, 11, 20)


def _complaint(code: str, created_utc: str, resolved: str | None = None) -> tuple[object, ...]:
    status = "da_xu_ly" if resolved else "cho_xu_ly"
    return (code, "web", "Rác ùn ứ đầu hẻm", "rac un u dau hem", "moi_truong", "Địa chính – Xây dựng – Đô thị",
            status, "Nguyễn Văn A", "0900000000", "Hẻm 12", created_utc, "2026-11-27", resolved)


@pytest.fixture
def db(tmp_path) -> Iterator:
    path = tmp_path / "appliance.db"
    conn = connect(path)
    try:
        migrate(conn)
        with conn:
            store.insert_demo_feedback(conn, [
                _complaint("PA-EARLY", "2026-11-19 23:30:00"),  # 06:30 on 20/11 in Vietnam
                _complaint("PA-LATE", "2026-11-19 16:30:00"),  # 23:30 on 19/11 in Vietnam
                _complaint("PA-MONTH", "2026-10-31 18:00:00", "2026-11-03"),  # 01:00 on 01/11
            ])
        yield path, conn
    finally:
        conn.close()


def test_a_complaint_filed_at_0630_local_counts_on_that_day(db):
    path, conn = db
    rows = {r["ma_phan_anh"]: (r["ngay_tiep_nhan"], r["thang_tiep_nhan"], r["ngay_xu_ly_xong"])
            for r in conn.execute("SELECT * FROM v_phan_anh")}
    assert rows == {"PA-EARLY": ("2026-11-20", "2026-11", None), "PA-LATE": ("2026-11-19", "2026-11", None),
                    "PA-MONTH": ("2026-11-01", "2026-11", "2026-11-03")}
    # The question box counts it on the ward's day, as the dashboard's feedback panel does.
    for day, expected in ((dt.date(2026, 11, 20), 1), (dt.date(2026, 11, 19), 1), (dt.date(2026, 10, 31), 0)):
        assert sum(inbox.period_counts(conn, day, day).by_status.values()) == expected, day
        answer = answer_question(path, f"ngày {day:%d/%m/%Y} có bao nhiêu phản ánh", today=TODAY, use_llm=False)
        if expected:
            assert answer.status == "ok" and answer.rows == [[expected]], (day, answer.answer)
    # The first complaint is the ward's 1/11 (18:00 UTC on 31/10): before it the question box has no
    # figure to give, for the day and for October.
    for question in ("ngày 31/10/2026 có bao nhiêu phản ánh", "tháng 10/2026 có bao nhiêu phản ánh"):
        answer = answer_question(path, question, today=TODAY, use_llm=False)
        assert answer.status == "no_data" and "bắt đầu từ ngày 01/11/2026" in answer.answer, answer.answer


def test_the_views_follow_the_configured_zone(tmp_path):
    """The offset is the unit's setting when the views are migrated, not a constant; a unit whose
    setting changed later is told by `appliance doctor`, and `appliance reporting-views` fixes it."""
    settings = make_settings(tmp_path / "data")
    settings.data_dir.mkdir(parents=True)
    configure_timezone("UTC")
    try:
        conn = connect(settings.db_path)
        migrate(conn)
        with conn:
            store.insert_demo_feedback(conn, [_complaint("PA-EARLY", "2026-11-19 23:30:00")])
        assert conn.execute("SELECT ngay_tiep_nhan FROM v_phan_anh").fetchone()[0] == "2026-11-19"
        conn.close()
    finally:
        configure_timezone(DEFAULT_TIMEZONE)
    [check] = zone.checks(settings)  # the unit now reads Asia/Ho_Chi_Minh
    assert not check.ok and "+0 minutes" in check.message and "reporting-views" in check.fix
    assert zone.cmd_recreate(argparse.Namespace(), settings) == 0
    [check] = zone.checks(settings)
    assert check.ok, check.message
    conn = connect(settings.db_path)
    try:
        assert conn.execute("SELECT ngay_tiep_nhan FROM v_phan_anh").fetchone()[0] == "2026-11-20"
    finally:
        conn.close()
