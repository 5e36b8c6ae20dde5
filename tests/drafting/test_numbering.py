"""The outgoing register: concurrent issues get distinct consecutive numbers; each register
restarts from 01 on 1 January; drafts have no number; a document is numbered once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from appliance.db import connect
from appliance.drafting.service import create_draft, issue_document
from appliance.http.errors import AppError


def _draft(db, settings, doc_type: str = "thong_bao") -> int:
    payload = {"doc_type": doc_type, "trich_yeu": "Kiểm tra cấp số", "noi_dung": "Nội dung."}
    return create_draft(db, settings, payload, None, use_registry=False)["id"]


def test_fifty_concurrent_issues_get_fifty_consecutive_numbers(db, settings):
    ids = [_draft(db, settings) for _ in range(50)]
    barrier = threading.Barrier(50)
    day = dt.date(2026, 5, 4)

    def issue(document_id: int) -> str:
        conn = connect(settings.db_path)  # one connection per clerk, as in the web app
        try:
            barrier.wait()
            return issue_document(conn, document_id, None, day)["so_ky_hieu"]
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=50) as pool:
        numbers = list(pool.map(issue, ids))
    assert len(set(numbers)) == 50
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, 51))
    assert all(n.endswith("/TB-UBND") for n in numbers)
    stored = db.execute("SELECT COUNT(DISTINCT number), MIN(number), MAX(number) FROM drafting_documents"
                        " WHERE status = 'issued'").fetchone()
    assert tuple(stored) == (50, 1, 50)


def _issue_in_process(args: tuple[str, list[int]]) -> list[str]:
    db_path, ids = args
    conn = connect(db_path)
    try:
        return [issue_document(conn, i, None, dt.date(2026, 5, 4))["so_ky_hieu"] for i in ids]
    finally:
        conn.close()


def test_issues_from_several_processes_do_not_collide(db, settings):
    ids = [_draft(db, settings, "quyet_dinh") for _ in range(20)]
    chunks = [(str(settings.db_path), ids[k::4]) for k in range(4)]
    # forkserver: children fork from a clean single-threaded server (this process runs threads:
    # the live server, Chromium's driver), and the service is imported there only once.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["appliance.drafting.service"])
    with ProcessPoolExecutor(max_workers=4, mp_context=context) as pool:
        numbers = [n for part in pool.map(_issue_in_process, chunks) for n in part]
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, 21))


def test_counter_restarts_on_first_of_january_per_register(db, settings):
    late = [_draft(db, settings) for _ in range(3)]
    assert [issue_document(db, i, None, dt.date(2026, 12, 31))["so_ky_hieu"] for i in late] == \
        ["01/TB-UBND", "02/TB-UBND", "03/TB-UBND"]
    decision = _draft(db, settings, "quyet_dinh")
    assert issue_document(db, decision, None, dt.date(2026, 12, 31))["so_ky_hieu"] == "01/QĐ-UBND"  # own register
    new_year = _draft(db, settings)
    issued = issue_document(db, new_year, None, dt.date(2027, 1, 1))
    assert issued["so_ky_hieu"] == "01/TB-UBND" and issued["ngay"] == "2027-01-01"
    # Same register, same number 01, different years: both stand, each unique for its year.
    rows = db.execute("SELECT year, number FROM drafting_documents WHERE number = 1 AND register = 'van_ban_di'"
                      " ORDER BY year").fetchall()
    assert [tuple(r) for r in rows] == [(2026, 1), (2027, 1)]


def test_drafts_have_no_number_and_issue_only_once(db, settings):
    document_id = _draft(db, settings)
    row = db.execute("SELECT number, so_ky_hieu, status FROM drafting_documents WHERE id = ?",
                     (document_id,)).fetchone()
    assert tuple(row) == (None, None, "draft")
    issue_document(db, document_id, None, dt.date(2026, 3, 3))
    with pytest.raises(AppError) as err:
        issue_document(db, document_id, None, dt.date(2026, 3, 3))
    assert err.value.status == 409
    assert db.execute("SELECT last_number FROM drafting_register_counters").fetchone()[0] == 1  # nothing consumed


def test_issue_dates_cannot_go_back_within_a_year(db, settings):
    first, second = _draft(db, settings), _draft(db, settings)
    issue_document(db, first, None, dt.date(2026, 6, 10))
    with pytest.raises(AppError) as err:
        issue_document(db, second, None, dt.date(2026, 6, 9))
    assert err.value.status == 409 and "10/06/2026" in err.value.message
    assert issue_document(db, second, None, dt.date(2026, 6, 10))["so_ky_hieu"] == "02/TB-UBND"
