"""Real one-stop exports (issue 19): twelve status values and other headings than CONTRACT §3's.
Nothing is dropped silently: every row is imported, or rejected with a reason, or held in the
quarantine with a reason; once the admin maps the unknown value the held rows apply without a new
upload, and the KPIs then equal a reference written here from CONTRACT §4 and the status classes."""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from appliance.dashboard import mapping, quarantine
from appliance.dashboard.importers import _total_line, run_import
from appliance.dashboard.kpis import compute_kpis
from appliance.dashboard.sources import SourceError
from appliance.db import connect

# How the ward's system writes a status → the class this test expects (written by hand from the
# issue, not read from the shipped vocabulary). "Tạm dừng" is one the vocabulary does not know.
STATUS_CLASS = {
    "Đã trả kết quả": "resolved", "Hoàn thành": "resolved",
    "Đang giải quyết": "open", "Đang thụ lý": "open", "Chờ trả kết quả": "open", "Mới tiếp nhận": "open",
    "Yêu cầu bổ sung": "waiting", "Chờ bổ sung": "waiting",
    "Dừng xử lý": "rejected", "Trả lại hồ sơ": "rejected",
    "Rút hồ sơ": "withdrawn", "Đã hủy": "withdrawn",
    "Tạm dừng": "open",  # the ward's admin decides: paused, still to be resolved
}
UNKNOWN_STATUS = "Tạm dừng"
CHANNEL_ONLINE = {"Trực tuyến toàn trình": True, "Trực tuyến một phần": True, "Trực tiếp": False,
                  "Dịch vụ bưu chính công ích": False}
HEADER = ["STT", "Số hồ sơ", "Tên TTHC", "Lĩnh vực", "Ngày nhận hồ sơ", "Ngày hẹn trả", "Ngày có kết quả",
          "Tình trạng", "Kênh nộp", "Cán bộ thụ lý"]
PROCS = [("Đăng ký khai sinh", "Hộ tịch"), ("Chứng thực chữ ký", "Chứng thực"),
         ("Đăng ký biến động đất đai", "Đất đai")]


def _generate(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = []
    statuses = list(STATUS_CLASS)
    for i in range(n):
        proc, field = rng.choice(PROCS)
        received = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(150))
        due = received + dt.timedelta(days=rng.choice([0, 2, 5, 10]))
        status = statuses[i % len(statuses)]
        kind = STATUS_CLASS[status]
        returned: dt.date | None = None
        if kind == "resolved" and rng.random() < 0.9:
            returned = due + dt.timedelta(days=rng.randint(-min(2, (due - received).days), 4))
        elif kind == "rejected" and rng.random() < 0.5:
            returned = received + dt.timedelta(days=1)
        rows.append({"code": f"HS-2026-{i:05d}", "proc": proc, "field": field, "received": received, "due": due,
                     "returned": returned, "status": status, "channel": rng.choice(list(CHANNEL_ONLINE)),
                     "officer": rng.choice(["Nguyễn Thị Lan", "Trần Văn Hùng"])})
    return rows


def _write(rows: list[dict[str, Any]], path: Path, header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for n, r in enumerate(rows, 1):
            writer.writerow([n, r["code"], r["proc"], r["field"], r["received"].strftime("%d/%m/%Y"),
                             r["due"].strftime("%d/%m/%Y"), r["returned"].strftime("%d/%m/%Y") if r["returned"] else "",
                             r["status"], r["channel"], r["officer"]])
    return path


def _reference(rows: list[dict[str, Any]], start: dt.date, end: dt.date) -> dict[str, int]:
    """CONTRACT §4 with the classes: từ chối = rejected; open = no return date and neither rejected nor withdrawn."""
    ref = dict.fromkeys(("tiep_nhan", "da_giai_quyet", "dung_han", "tre_han", "truc_tuyen", "tu_choi",
                         "qua_han_chua_giai_quyet"), 0)
    for r in rows:
        kind = STATUS_CLASS[r["status"]]
        if start <= r["received"] <= end:
            ref["tiep_nhan"] += 1
            ref["truc_tuyen"] += CHANNEL_ONLINE[r["channel"]]
            ref["tu_choi"] += kind == "rejected"
        if kind == "resolved" and r["returned"] and start <= r["returned"] <= end:
            ref["da_giai_quyet"] += 1
            ref["dung_han" if r["returned"] <= r["due"] else "tre_han"] += 1
        if (r["returned"] is None and kind not in ("rejected", "withdrawn") and r["received"] <= end
                and r["due"] < end):
            ref["qua_han_chua_giai_quyet"] += 1
    return ref


def test_an_export_with_twelve_statuses_and_other_headings(conn: sqlite3.Connection, tmp_path: Path) -> None:
    rows = _generate(390, seed=19)
    assert len({r["status"] for r in rows} - {UNKNOWN_STATUS}) == 12
    result = run_import(conn, "ho-so", _write(rows, tmp_path / "xuat-tu-mot-cua.csv"))
    held = sum(r["status"] == UNKNOWN_STATUS for r in rows)
    # Zero silent drops: every data row is imported or reported, and each reported row says why.
    assert result.imported + result.updated + result.rejected == len(rows)
    assert (result.rejected, result.quarantined) == (held, held)
    assert all(f"«{UNKNOWN_STATUS}»" in str(e["reason"]) and "giữ lại" in str(e["reason"]) for e in result.errors)
    waiting = quarantine.waiting(conn)
    assert [(w["problem"], w["value"], w["rows"]) for w in waiting] == [("status", UNKNOWN_STATUS, held)]
    # The source status is kept beside its class.
    got = dict(conn.execute("SELECT trang_thai_goc, trang_thai FROM records GROUP BY trang_thai_goc").fetchall())
    assert got["Dừng xử lý"] == "Từ chối" and got["Rút hồ sơ"] == "Rút/hủy" and got["Chờ trả kết quả"] == "Đang xử lý"

    # The admin maps the value once; the held rows apply without another upload.
    applied = mapping.map_value(conn, "status", "tạm dừng", "Đang xử lý", username="quantri")
    assert (applied.imported, applied.rejected, applied.waiting) == (held, 0, 0)
    assert quarantine.open_count(conn) == 0
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(rows)

    for start, end in [(dt.date(2026, 1, 1), dt.date(2026, 3, 31)), (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
                       (dt.date(2026, 1, 1), dt.date(2026, 12, 31))]:
        figures = compute_kpis(conn, start, end, with_previous=False)
        assert {k: figures[k] for k in _reference(rows, start, end)} == _reference(rows, start, end), (start, end)

    # The same file again: nothing new, nothing held, nothing dropped.
    again = run_import(conn, "ho-so", tmp_path / "xuat-tu-mot-cua.csv")
    assert (again.imported, again.updated, again.rejected) == (0, len(rows), 0)


def test_unknown_headings_hold_the_file_until_the_admin_maps_them(conn: sqlite3.Connection, tmp_path: Path) -> None:
    rows = _generate(40, seed=3)
    header = [h if h != "Ngày hẹn trả" else "Hẹn trả (ngày)" for h in HEADER]
    path = _write(rows, tmp_path / "tieu-de-la.csv", header)
    try:
        run_import(conn, "ho-so", path)
    except SourceError as exc:
        assert "Hạn xử lý" in str(exc)
    else:
        raise AssertionError("a file without a recognisable Hạn xử lý column must be refused")
    assert quarantine.open_count(conn) == len(rows)
    assert quarantine.waiting(conn)[0]["problem"] == "header"
    applied = mapping.map_value(conn, "header", "Hẹn trả (ngày)", "han_xu_ly", username="quantri")
    # The held "Tạm dừng" rows of this file still wait for their own mapping.
    still = sum(r["status"] == UNKNOWN_STATUS for r in rows)
    assert (applied.imported, applied.waiting) == (len(rows) - still, still)
    mapping.map_value(conn, "status", UNKNOWN_STATUS, "Đang xử lý", username="quantri")
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(rows)
    assert quarantine.open_count(conn) == 0


def test_a_newer_export_wins_over_an_older_held_row(conn: sqlite3.Connection, tmp_path: Path) -> None:
    rows = _generate(26, seed=5)
    run_import(conn, "ho-so", _write(rows, tmp_path / "cu.csv"))
    paused = [r for r in rows if r["status"] == UNKNOWN_STATUS]
    assert len(paused) == 2 and quarantine.open_count(conn) == 2
    stuck, other = paused
    stuck.update(status="Đã trả kết quả", returned=stuck["due"])
    run_import(conn, "ho-so", _write(rows, tmp_path / "moi.csv"))  # the ward's system moved one on
    # The first file's held rows are superseded: one by its imported record, one by the row held again.
    assert quarantine.open_count(conn) == 1
    applied = mapping.map_value(conn, "status", UNKNOWN_STATUS, "Từ chối", username="quantri")
    assert (applied.imported, applied.superseded) == (1, 0)
    status = dict(conn.execute("SELECT ma_ho_so, trang_thai FROM records WHERE ma_ho_so IN (?, ?)",
                               (stuck["code"], other["code"])).fetchall())
    assert status == {stuck["code"]: "Đã trả kết quả", other["code"]: "Từ chối"}


def test_the_admin_page_maps_a_held_value(server: Any, settings: Any, tmp_path: Path) -> None:
    """/quan-tri/anh-xa-trang-thai lists what waits; one click maps it and the rows land."""
    from tests.conftest import login

    rows = _generate(26, seed=11)
    conn = connect(settings.db_path)
    run_import(conn, "ho-so", _write(rows, tmp_path / "x.csv"))
    with server.client() as client:
        csrf = login(client, "admin", "admin-demo")
        page = client.get("/quan-tri/anh-xa-trang-thai")
        assert page.status_code == 200 and UNKNOWN_STATUS in page.text and "Dừng xử lý" in page.text
        done = client.post("/quan-tri/anh-xa-trang-thai", data={"csrf_token": csrf, "kind": "status",
                                                                "source": UNKNOWN_STATUS, "target": "Đang xử lý"})
        assert done.status_code == 303 and "tb=" in done.headers["location"]
        assert "Không có dòng nào đang chờ" in client.get("/quan-tri/anh-xa-trang-thai").text
        bad = client.post("/quan-tri/anh-xa-trang-thai", data={"csrf_token": csrf, "kind": "status",
                                                               "source": "X", "target": "Không có"})
        assert bad.status_code == 422
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(rows)
    conn.close()
    with server.client() as client:  # staff may not open it
        login(client, "canbo", "canbo-demo")
        assert client.get("/quan-tri/anh-xa-trang-thai").status_code == 403


def _write_report_xlsx(rows: list[dict[str, Any]], path: Path) -> Path:
    """The export as the one-stop system prints it: a title block, a blank line, headings on two lines
    (Thời gian merged over three date columns), a line of column numbers, the rows, a total line."""
    book = Workbook()
    sheet = book.active
    for line in ("ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", "SỔ THEO DÕI HỒ SƠ",
                 "Từ ngày 05/01/2026 đến ngày 04/06/2026"):
        sheet.append([line])
    sheet.append([])
    sheet.append(["STT", "Số hồ sơ", "Tên TTHC", "Lĩnh vực", "Thời gian", None, None, "Tình trạng", "Kênh nộp",
                  "Cán bộ thụ lý"])
    sheet.append([None, None, None, None, "Ngày nhận hồ sơ", "Ngày hẹn trả", "Ngày có kết quả"])
    sheet.merge_cells("E6:G6")
    for column in "ABCDHIJ":
        sheet.merge_cells(f"{column}6:{column}7")
    sheet.append([f"({n})" for n in range(1, 11)])
    for n, r in enumerate(rows, 1):  # real Excel dates, as the system writes them
        sheet.append([n, r["code"], r["proc"], r["field"], r["received"], r["due"], r["returned"], r["status"],
                      r["channel"], r["officer"]])
    sheet.append(["Tổng cộng", f"{len(rows)} hồ sơ"])
    book.save(path)
    return path


def test_a_report_with_a_title_block_and_two_heading_lines(conn: sqlite3.Connection, tmp_path: Path) -> None:
    rows = [r for r in _generate(120, seed=7) if r["status"] != UNKNOWN_STATUS]
    result = run_import(conn, "ho-so", _write_report_xlsx(rows, tmp_path / "so-theo-doi.xlsx"))
    # Every line is accounted for: the rows land; the title block, headings, column numbers and the
    # total line are named in notes.
    assert (result.imported, result.updated, result.rejected, result.quarantined) == (len(rows), 0, 0, 0)
    assert result.notes == ["Tiêu đề cột ở dòng 6–7; dòng 1–4 là phần đầu trang, dòng 8 là số thứ tự cột: "
                            "không phải dòng dữ liệu, không nhập.",
                            f"Dòng {9 + len(rows)} là dòng tổng cộng: không phải dòng dữ liệu, không nhập."]
    for start, end in [(dt.date(2026, 1, 1), dt.date(2026, 3, 31)), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))]:
        figures = compute_kpis(conn, start, end, with_previous=False)
        assert {k: figures[k] for k in _reference(rows, start, end)} == _reference(rows, start, end), (start, end)


def test_a_csv_with_a_title_line_keeps_its_semicolons(conn: sqlite3.Connection, tmp_path: Path) -> None:
    rows = [r for r in _generate(30, seed=8) if r["status"] != UNKNOWN_STATUS]
    path = _write(rows, tmp_path / "co-tieu-de.csv")
    path.write_text("SỔ THEO DÕI HỒ SƠ\n" + path.read_text(encoding="utf-8-sig"), encoding="utf-8-sig")
    result = run_import(conn, "ho-so", path)
    assert (result.imported, result.rejected) == (len(rows), 0), result.errors
    assert result.notes == ["Tiêu đề cột ở dòng 2; dòng 1 là phần đầu trang: không phải dòng dữ liệu, không nhập."]
    # A file as CONTRACT §3 writes it says nothing more than before.
    plain = run_import(conn, "ho-so", _write(rows, tmp_path / "thuong.csv"))
    assert (plain.updated, plain.rejected, plain.notes) == (len(rows), 0, [])


def test_only_a_total_line_is_passed_over() -> None:
    cols = {"ten_thu_tuc": 1, "ngay_tiep_nhan": 2}
    assert _total_line(["Tổng cộng", "390 hồ sơ"], cols) and _total_line(["TỔNG SỐ: 12"], cols)
    assert _total_line(["Cộng", None, None, 5], cols)
    # A record whose first cell happens to start like a total stays a record (rejected if broken).
    assert not _total_line(["Công nhận hộ kinh doanh", "x", None], cols)
    assert not _total_line(["Tổng cộng", "Đăng ký khai sinh", "05/01/2026"], cols)
