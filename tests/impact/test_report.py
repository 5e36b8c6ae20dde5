"""The impact report's figures equal independent counts over the audit log and the data (plain SQL
written here, not the report's code), every figure's list holds exactly the rows it counts, and the
time saved follows the baselines an admin sets through the form. Over real HTTP."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from html import unescape

import httpx
import pytest

from tests.conftest import login
from tests.impact.conftest import MODIFIER, MONTH, Ward

NO_UNIT = "Chưa gắn đơn vị"
PORTAL = "Cổng công dân (tự động)"
IN_MONTH = "strftime('%Y-%m', {col}, '" + MODIFIER + "') = '" + MONTH + "'"


def _person_unit(by: str) -> str:
    """The unit of the person a row names (`by`: an SQL expression giving a username)."""
    return (f"COALESCE((SELECT unit FROM ward_staff WHERE username = {by} AND unit <> ''),"
            f" (SELECT NULLIF(unit, '') FROM users WHERE username = {by}), '{NO_UNIT}')")


def _per_unit(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {unit: n for unit, n in conn.execute(f"SELECT unit, COUNT(*) FROM ({sql}) GROUP BY unit")}


def expected_usage(ward: Ward) -> dict[str, dict[str, int]]:
    """kind → unit → count, by plain SQL over the audit log, the features' tables and public.db."""
    conn = sqlite3.connect(ward.settings.db_path)
    public = sqlite3.connect(ward.settings.public_db_path)
    try:
        audited = {"hoi_so_lieu": "ask.question", "hoi_phap_ly": "knowledge.answer", "tom_tat": "knowledge.summarize"}
        found = {kind: _per_unit(conn, f"SELECT {_person_unit('a.username')} AS unit FROM audit_log a"
                                       f" WHERE a.action = '{action}' AND {IN_MONTH.format(col='a.at')}")
                 for kind, action in audited.items()}
        found["du_thao"] = _per_unit(conn, (
            f"SELECT {_person_unit('(SELECT username FROM users u WHERE u.id = d.created_by)')} AS unit"
            f" FROM drafting_documents d WHERE {IN_MONTH.format(col='d.created_at')}"
            " AND d.id NOT IN (SELECT draft_id FROM meetings WHERE draft_id IS NOT NULL)"))
        owner = ("COALESCE((SELECT username FROM users u WHERE u.id = m.created_by),"
                 " (SELECT a.username FROM audit_log a WHERE a.action IN ('meetings.start', 'meetings.upload')"
                 " AND a.target = CAST(m.id AS TEXT)"
                 " ORDER BY a.id LIMIT 1))")
        found["bien_ban"] = _per_unit(conn, (
            f"SELECT {_person_unit(owner)} AS unit FROM meetings m WHERE substr(m.meeting_date, 1, 7) = '{MONTH}'"
            " AND (m.draft_id IS NOT NULL OR COALESCE(m.minutes_text, '') <> '')"))
        found["chuyen_phan_anh"] = _per_unit(conn, f"SELECT department AS unit FROM feedback"
                                                   f" WHERE {IN_MONTH.format(col='created_at')}")
        answers = public.execute(
            "SELECT COUNT(*) FROM chat_messages WHERE role = 'bot' AND ("
            "(intent = 'procedure' AND COALESCE(engine, '') NOT IN ('clarify', 'follow_up'))"
            " OR (intent = 'other' AND engine = 'faq') OR (intent = 'status' AND engine = 'status'))"
            f" AND {IN_MONTH.format(col='at')}").fetchone()[0]
        found["tra_loi_cong_dan"] = {PORTAL: answers} if answers else {}
        return found
    finally:
        conn.close()
        public.close()


def _client(ward: Ward, username: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=ward.server.url, timeout=60)
    token = login(client, username, f"{username}-demo")
    return client, token


def _kind_counts(html: str) -> dict[str, int]:
    return {kind: int(n.replace(".", "")) for kind, n in re.findall(r'data-kind="(\w+)">([\d.]+)</a>', html)}


def _unit_counts(html: str) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for row in re.findall(r'<tr data-unit="([^"]*)">(.*?)</tr>', html, re.S):
        unit = unescape(row[0])
        for kind, n in re.findall(r'data-unit-kind="(\w+)" data-count="(\d+)"', row[1]):
            if int(n):
                found.setdefault(kind, {})[unit] = int(n)
    return found


def _table_rows(html: str) -> int:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    assert body
    return len(re.findall(r"<tr>", body.group(1))) - ("Không có dòng nào" in body.group(1))


@pytest.fixture(scope="module")
def leader(ward: Ward):
    client, _ = _client(ward, "lanhdao")
    with closing(client):
        yield client


def test_usage_per_kind_and_unit_equals_independent_counts(ward, leader):
    page = leader.get("/hieu-qua", params={"thang": "11/2026"})
    assert page.status_code == 200, page.text
    expected = expected_usage(ward)
    counts = _kind_counts(page.text)
    total = counts.pop("tat_ca")
    assert counts == {kind: sum(units.values()) for kind, units in expected.items()}
    assert total == sum(counts.values())
    by_unit = _unit_counts(page.text)
    unit_totals = by_unit.pop("tat_ca")
    assert by_unit == {kind: units for kind, units in expected.items() if units}
    assert unit_totals == {u: sum(units.get(u, 0) for units in expected.values())
                           for u in {u for units in expected.values() for u in units}}
    # The rows this module added, so the comparison above is not between two empty sets: ask.question at
    # 01:30 local on 01/11 counts, at 23:30 on 31/10 and 00:30 on 01/12 does not; refused ones never.
    assert counts["hoi_so_lieu"] == 2 and counts["hoi_phap_ly"] == 2 and counts["tom_tat"] == 1
    assert counts["du_thao"] == 3  # the meeting's biên bản draft counts once, as minutes
    assert counts["tra_loi_cong_dan"] == 4 and counts["bien_ban"] >= 2 and counts["chuyen_phan_anh"] > 0
    assert expected["hoi_phap_ly"] == {"Tư pháp - Hộ tịch": 2}  # the directory's unit wins over the account's


@pytest.mark.parametrize("kind", ["hoi_so_lieu", "hoi_phap_ly", "du_thao", "tom_tat", "bien_ban", "tra_loi_cong_dan",
                                  "chuyen_phan_anh", "tat_ca"])
def test_every_figure_lists_the_rows_it_counts(ward, leader, kind):
    page = leader.get("/hieu-qua", params={"thang": MONTH})
    link = re.search(rf'<a href="([^"]+)" data-kind="{kind}">([\d.]+)</a>', page.text)
    assert link
    rows = leader.get(unescape(link.group(1)))
    assert rows.status_code == 200
    assert _table_rows(rows.text) == int(link.group(2).replace(".", ""))
    assert f'data-total="{link.group(2).replace(".", "")}"' in rows.text
    unit_links = re.findall(rf'href="([^"]*loai={kind}[^"]*don_vi=[^"]+)">([\d.]+)</a>', page.text)
    for href, n in unit_links[:2]:
        assert _table_rows(leader.get(unescape(href)).text) == int(n.replace(".", ""))


def expected_trends(ward: Ward) -> dict[str, list[float | int | None]]:
    """Per month (06–11/2026): received, online, resolved, on time, records overdue at the month's
    end (CONTRACT §4), complaints resolved and their mean wait, tasks overdue at the month's end."""
    conn = sqlite3.connect(ward.settings.db_path)
    found: dict[str, list[float | int | None]] = {}
    try:
        for month, end in [("2026-06", "2026-06-30"), ("2026-07", "2026-07-31"), ("2026-08", "2026-08-31"),
                           ("2026-09", "2026-09-30"), ("2026-10", "2026-10-31"), ("2026-11", "2026-11-30")]:
            received = conn.execute("SELECT COUNT(*), SUM(hinh_thuc_nop = 'Trực tuyến') FROM records"
                                    " WHERE substr(ngay_tiep_nhan, 1, 7) = ?", (month,)).fetchone()
            resolved = conn.execute("SELECT COUNT(*), SUM(ngay_tra_ket_qua <= han_xu_ly) FROM records"
                                    " WHERE trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL"
                                    " AND substr(ngay_tra_ket_qua, 1, 7) = ?", (month,)).fetchone()
            overdue = conn.execute("SELECT COUNT(*) FROM records WHERE trang_thai NOT IN ('Từ chối', 'Rút/hủy')"
                                   " AND (ngay_tra_ket_qua IS NULL OR ngay_tra_ket_qua > ?) AND ngay_tiep_nhan <= ?"
                                   " AND han_xu_ly < ?", (end, end, end)).fetchone()[0]
            complaints = conn.execute(
                "SELECT COUNT(*), AVG(julianday(resolved_at) - julianday(created_at)) FROM feedback"
                f" WHERE status = 'da_xu_ly' AND resolved_at IS NOT NULL AND strftime('%Y-%m', resolved_at,"
                f" '{MODIFIER}') = ?", (month,)).fetchone()
            tasks = conn.execute(
                "SELECT COUNT(*) FROM tasks WHERE deadline < ? AND date(COALESCE(confirmed_at, created_at), ?) <= ?"
                " AND (status IN ('assigned', 'in_progress') OR (status = 'done' AND date(done_at, ?) > ?))",
                (end, MODIFIER, end, MODIFIER, end)).fetchone()[0]
            found[month] = [received[0], received[1] or 0, resolved[0], resolved[1] or 0, overdue, complaints[0],
                            complaints[1], tasks]
    finally:
        conn.close()
    return found


def test_outcome_trends_equal_independent_counts(ward, leader):
    page = leader.get("/hieu-qua", params={"thang": "11/2026"})
    shown = {month: [float(v) if "." in v else (int(v) if v else None) for v in values.split(",")]
             for month, values in re.findall(r'<tr data-month="([\d-]+)" data-figures="([^"]*)"', page.text)}
    expected = expected_trends(ward)
    assert list(shown) == list(expected)
    for month, values in expected.items():
        *counts, wait, tasks = values
        assert shown[month][:6] == counts, month
        assert shown[month][7] == tasks, month
        assert (shown[month][6] is None) == (wait is None) and (wait is None or abs(shown[month][6] - wait) < 1e-5)
    # open and past due on 30/11: the two still open (due 20/10 and 10/11) and the one done on 01/12
    assert expected["2026-11"][7] == 3
    assert expected["2026-10"][7] == 1
    # The rates shown are those figures' ratios (1 decimal, comma), and each links to its records.
    nov = expected["2026-11"]
    assert f"{100 * nov[3] / nov[2]:.1f}%".replace(".", ",") in page.text
    assert "/tong-quan/ho-so?measure=ty_le_dung_han&amp;from=2026-11-01&amp;to=2026-11-30" in page.text
    tasks_rows = leader.get("/hieu-qua/chi-tiet", params={"loai": "nhiem_vu_qua_han", "thang": MONTH})
    assert _table_rows(tasks_rows.text) == 3


def test_time_saved_follows_the_baselines_the_admin_sets(ward, leader):
    admin, token = _client(ward, "admin")
    with closing(admin):
        form = {"csrf_token": token, "manual_hoi_so_lieu": "30", "assisted_hoi_so_lieu": "5",
                "manual_du_thao": "20", "assisted_du_thao": "7,5", "manual_bien_ban": "45", "assisted_bien_ban": "15",
                "manual_tra_loi_cong_dan": "10", "assisted_tra_loi_cong_dan": ""}
        saved = admin.post("/hieu-qua/muc-thoi-gian", data=form)
        assert saved.status_code == 303
        again = admin.get("/hieu-qua/muc-thoi-gian")
        assert 'value="7,5"' in again.text and 'name="assisted_tra_loi_cong_dan"' in again.text
        wrong = admin.post("/hieu-qua/muc-thoi-gian", data={**form, "assisted_bien_ban": "50"})
        assert wrong.status_code == 422 and "lớn hơn thời gian làm thủ công" in wrong.text
        assert leader.get("/hieu-qua/muc-thoi-gian").status_code == 403
        assert leader.post("/hieu-qua/muc-thoi-gian", data=form).status_code == 403
    counts = {kind: sum(units.values()) for kind, units in expected_usage(ward).items()}
    manual = counts["hoi_so_lieu"] * 30 + counts["du_thao"] * 20 + counts["bien_ban"] * 45
    saved_minutes = counts["hoi_so_lieu"] * 25 + counts["du_thao"] * 12.5 + counts["bien_ban"] * 30
    page = leader.get("/hieu-qua", params={"thang": "11/2026"}).text
    figure = re.search(r'data-share="([\d.]+)" data-saved-minutes="([\d.]+)" data-manual-minutes="([\d.]+)"', page)
    assert figure
    assert abs(float(figure.group(2)) - saved_minutes) < 1e-6 and abs(float(figure.group(3)) - manual) < 1e-6
    assert abs(float(figure.group(1)) - 100 * saved_minutes / manual) < 1e-6
    hours = f"{saved_minutes / 60:.1f}".replace(".", ",")
    assert f"<strong>{hours} giờ</strong>" in page
    # Kinds with work but a baseline missing are named, not silently left out.
    assert "Chưa tính: Tra cứu pháp lý, thủ tục, Tóm tắt văn bản, Trả lời câu hỏi của công dân" in page
    assert "ước tính từ mức thời gian của chính phường" in page


def test_only_leaders_and_admins_open_the_report(ward):
    staff, _ = _client(ward, "canbo")
    with closing(staff):
        assert staff.get("/hieu-qua").status_code == 403
        assert staff.get("/hieu-qua/bao-cao.docx").status_code == 403
        assert staff.get("/hieu-qua/chi-tiet", params={"loai": "du_thao"}).status_code == 403


def test_a_wrong_month_says_what_to_do(leader):
    bad = leader.get("/hieu-qua", params={"thang": "13/2026"})
    assert bad.status_code == 422 and "tháng/năm" in bad.text and 'href="/hieu-qua"' in bad.text
    future = leader.get("/hieu-qua", params={"thang": "01/2099"})
    assert future.status_code == 422 and "chưa đến" in future.text


def test_a_long_list_comes_in_pages_that_add_up(leader, monkeypatch):
    monkeypatch.setattr("appliance.impact.routes.PAGE_SIZE", 10)
    url = f"/hieu-qua/chi-tiet?loai=chuyen_phan_anh&thang={MONTH}"
    first = leader.get(url).text
    total = int(re.search(r'data-total="(\d+)"', first).group(1))
    assert total > 20
    pages = -(-total // 10)
    seen = [_table_rows(leader.get(f"{url}&trang={n}").text) for n in range(1, pages + 1)]
    assert seen[:-1] == [10] * (pages - 1) and sum(seen) == total
    assert f"trang 1/{pages}" in first and "trang=2" in first
