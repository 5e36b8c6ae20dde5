"""Importers (CONTRACT §3): formats, header matching, per-row rejection, idempotency, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from appliance.dashboard.importers import SourceError, run_import
from tests.dashboard.conftest import run_cli

# A copy of the one-stop system's sample export (CONTRACT §3 shape, 40 fictional rows).
SAMPLE = Path(__file__).with_name("so-theo-doi-ho-so.csv")


def test_cli_prints_exact_summary_and_is_idempotent(settings):
    first = run_cli(settings, "import", "ho-so", str(SAMPLE))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == "imported 40, updated 0, rejected 0"
    again = run_cli(settings, "import", "ho-so", str(SAMPLE))
    assert again.stdout.splitlines()[0] == "imported 0, updated 40, rejected 0"
    db = sqlite3.connect(settings.db_path)
    assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 40
    row = db.execute("SELECT ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua, ten_thu_tuc_fold, linh_vuc_fold, can_bo_fold"
                     " FROM records WHERE ma_ho_so = 'H26.PX.251106.00036'").fetchone()
    assert row == ("2025-11-06", "2025-12-04", "2025-12-01", "cap giay chung nhan quyen su dung dat lan dau",
                   "dat dai", "hoang van nam")
    runs = db.execute("SELECT kind, status, imported, updated, rejected FROM imports ORDER BY id").fetchall()
    assert runs == [("ho-so", "done", 40, 0, 0), ("ho-so", "done", 0, 40, 0)]
    assert db.execute("SELECT value FROM meta WHERE key = 'last_import_at'").fetchone()[0]


def test_bad_rows_rejected_with_line_and_reason_good_rows_land(settings, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "\ufeffMÃ HỒ SƠ;ten thu tuc;Lĩnh  vực;Ngày tiếp nhận;HAN XU LY;"
        "Ngày trả kết quả;Trạng thái;Hình thức nộp;Cán bộ xử lý\n"
        "A1;Đăng ký khai sinh;Hộ tịch;05/10/2026 08:30;05/10/2026;05/10/2026;Đã trả kết quả;Trực tiếp;Lan\n"
        "A2;Đăng ký khai sinh;Hộ tịch;32/10/2026;05/11/2026;;Đang xử lý;Trực tiếp;Lan\n"
        ";Chứng thực chữ ký;Chứng thực;05/10/2026;05/10/2026;;Đang xử lý;Trực tiếp;Hà\n"
        "A4;\"Chứng thực hợp đồng;\ngiao dịch\";Chứng thực;2026-10-06;2026-10-08;;da tra ket qua;TRỰC TUYẾN;Hà\n"
        "A5;Chứng thực chữ ký;Chứng thực;06/10/2026;06/10/2026;;Hủy;Trực tiếp;Hà\n"
        "A6;Chứng thực chữ ký;Chứng thực;06/10/2026;06/10/2026;;Đang xử lý;Fax;Hà\n"
        "A7;Chứng thực chữ ký;Chứng thực;06/10/2026;05/10/2026;;Đang xử lý;Trực tiếp;Hà\n"
        "\n"
        "A8;Chứng thực chữ ký;Chứng thực;06/10/2026;06/10/2026;01/10/2026;Đã trả kết quả;Trực tiếp;Hà\n",
        encoding="utf-8")
    out = run_cli(settings, "import", "ho-so", str(path))
    lines = out.stdout.splitlines()
    assert lines[0] == "imported 2, updated 0, rejected 6"
    assert lines[1].startswith("dòng 3: Ngày tiếp nhận «32/10/2026» không phải ngày hợp lệ")
    assert lines[2] == "dòng 4: Thiếu Mã hồ sơ"
    assert lines[3].startswith("dòng 7: Trạng thái «Hủy» không hợp lệ")
    assert lines[4].startswith("dòng 8: Hình thức nộp «Fax» không hợp lệ")
    assert lines[5] == "dòng 9: Hạn xử lý trước Ngày tiếp nhận"
    assert lines[6] == "dòng 11: Ngày trả kết quả trước Ngày tiếp nhận"
    db = sqlite3.connect(settings.db_path)
    got = db.execute("SELECT ma_ho_so, ten_thu_tuc, gio_tiep_nhan, trang_thai, hinh_thuc_nop FROM records"
                     " ORDER BY 1").fetchall()
    assert got == [("A1", "Đăng ký khai sinh", "08:30", "Đã trả kết quả", "Trực tiếp"),
                   ("A4", "Chứng thực hợp đồng; giao dịch", None, "Đã trả kết quả", "Trực tuyến")]
    errors = json.loads(db.execute("SELECT errors FROM imports").fetchone()[0])
    assert [e["line"] for e in errors] == [3, 4, 7, 8, 9, 11]


def test_xlsx_with_real_excel_dates(conn, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Ma ho so", "Ten thu tuc", "Linh vuc", "Ngay tiep nhan", "Han xu ly", "Ngay tra ket qua",
                  "Trang thai", "Hinh thuc nop", "Can bo xu ly"])
    sheet.append(["X1", "Đăng ký kết hôn", "Hộ tịch", dt.datetime(2026, 3, 2, 9, 15), dt.date(2026, 3, 4),
                  dt.datetime(2026, 3, 4), "Đã trả kết quả", "Trực tuyến", "Trần Văn Hùng"])
    # 46085 is how a date cell stored as a plain number reads: 04/03/2026
    sheet.append(["X2", "Đăng ký kết hôn", "Hộ tịch", 46085, "05/03/2026", None, "Chờ bổ sung", "Bưu chính",
                  "Trần Văn Hùng"])
    sheet.append([12345, "Đăng ký kết hôn", "Hộ tịch", "không rõ", "05/03/2026", None, "Chờ bổ sung", "Bưu chính", ""])
    book.create_sheet("Ghi chú").append(["bỏ qua trang này"])
    path = tmp_path / "so.xlsx"
    book.save(path)
    result = run_import(conn, "ho-so", path)
    assert (result.imported, result.updated, result.rejected) == (2, 0, 1)
    assert result.errors[0]["line"] == 4 and "Ngày tiếp nhận" in str(result.errors[0]["reason"])
    rows = conn.execute("SELECT ma_ho_so, ngay_tiep_nhan, gio_tiep_nhan, han_xu_ly, ngay_tra_ket_qua FROM records"
                        " ORDER BY 1").fetchall()
    assert [tuple(r) for r in rows] == [("X1", "2026-03-02", "09:15", "2026-03-04", "2026-03-04"),
                                        ("X2", "2026-03-04", None, "2026-03-05", None)]


def test_missing_columns_refuse_the_file(settings, tmp_path):
    path = tmp_path / "thieu.csv"
    path.write_text("Mã hồ sơ,Tên thủ tục\nA,B\n", encoding="utf-8")
    out = run_cli(settings, "import", "ho-so", str(path))
    assert out.returncode == 1
    assert "Tệp thiếu cột: Ngày tiếp nhận, Hạn xử lý, Trạng thái, Hình thức nộp" in out.stderr
    assert sqlite3.connect(settings.db_path).execute("SELECT status FROM imports").fetchone()[0] == "failed"


def test_indicators_import_and_update(conn, settings, tmp_path):
    path = tmp_path / "chi-tieu.csv"
    path.write_text("Chỉ tiêu;Đơn vị tính;Kỳ;Kế hoạch;Thực hiện\n"
                    "Thu ngân sách;triệu đồng;2026-10;7.208,3;5.529,3\n"
                    "Thu ngân sách;triệu đồng;2026-q3;21.000;19.500,5\n"
                    "Tỷ lệ hộ nghèo;%;2026;0,3;0,28\n"
                    "Tỷ lệ hộ nghèo;%;2026-13;0,3;0,28\n"
                    "Hộ kinh doanh mới;hộ;2026;nhiều;\n", encoding="utf-8")
    out = run_cli(settings, "import", "chi-tieu", str(path))
    assert out.stdout.splitlines() == ["imported 3, updated 0, rejected 2",
                                       "dòng 5: Kỳ «2026-13» không hợp lệ (dùng 2026-10, 2026-Q3 hoặc 2026)",
                                       "dòng 6: Kế hoạch «nhiều» không phải số (ví dụ 1.234,5)"]
    assert run_cli(settings, "import", "chi-tieu", str(path)).stdout.startswith("imported 0, updated 3, rejected 2")
    rows = conn.execute("SELECT chi_tieu_fold, ky, ke_hoach, thuc_hien FROM indicators ORDER BY ky").fetchall()
    assert [tuple(r) for r in rows] == [("ty le ho ngheo", "2026", 0.3, 0.28),
                                        ("thu ngan sach", "2026-10", 7208.3, 5529.3),
                                        ("thu ngan sach", "2026-Q3", 21000.0, 19500.5)]


def test_unreadable_file_raises_source_error(conn, tmp_path):
    path = tmp_path / "rong.csv"
    path.write_bytes(b"")
    with pytest.raises(SourceError):
        run_import(conn, "ho-so", path)


def test_doctor_reports_data_freshness(settings, conn):
    from appliance.dashboard.doctor import checks

    assert checks(settings)[0].ok is False  # nothing imported yet
    run_import(conn, "ho-so", SAMPLE)
    check = checks(settings)[0]
    assert check.ok and check.message.startswith("40 hồ sơ")
    conn.execute("UPDATE meta SET value = '2020-01-01 00:00:00' WHERE key = 'last_import_at'")
    stale = checks(settings)[0]
    assert not stale.ok and "appliance import ho-so" in stale.fix
