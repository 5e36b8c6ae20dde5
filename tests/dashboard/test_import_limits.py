"""Issue 14, findings 3 and 5: an import is all-or-nothing per row, never per file chunk, and a
workbook bomb is refused before openpyxl opens it (and, past the guard, the import runs in a
child process with a memory limit)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from appliance.dashboard import importers
from appliance.dashboard.importers import SourceError, run_import
from appliance.dashboard.jobs import run_import_job
from appliance.dashboard.store import start_run
from appliance.jobs import enqueue, get_job, run_pending
from tests.conftest import make_settings

HEADER = ("Mã hồ sơ;Tên thủ tục;Lĩnh vực;Ngày tiếp nhận;Hạn xử lý;Ngày trả kết quả;Trạng thái;Hình thức nộp;"
          "Cán bộ xử lý\n")


def _row(i: int, name: str = "Đăng ký khai sinh") -> str:
    return f"R{i:06d};{name};Hộ tịch;05/10/2026;08/10/2026;;Đang xử lý;Trực tiếp;Lan\n"


def test_one_oversized_cell_is_one_rejected_row_and_every_good_row_lands(conn, tmp_path):
    """Finding 5: 20,000 good rows with one 200,000-character cell in the middle. Before, the csv
    module's field limit raised a raw English `_csv.Error` after the first batch had committed:
    10,000 rows landed, the rest were dropped and the run failed."""
    path = tmp_path / "mot-o-qua-lon.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(20_001):
            out.write(_row(i, "x" * 200_000) if i == 12_345 else _row(i))
    result = run_import(conn, "ho-so", path)
    assert (result.imported, result.rejected) == (20_000, 1)
    assert result.errors[0]["line"] == 12_347
    reason = str(result.errors[0]["reason"])
    assert "ký tự" in reason and "Error" not in reason and reason[0].isupper()
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 20_000
    assert tuple(conn.execute("SELECT status, rejected FROM imports").fetchone()) == ("done", 1)


def test_a_long_cell_under_the_csv_limit_is_rejected_too(conn, tmp_path):
    path = tmp_path / "o-dai.csv"
    path.write_text(HEADER + _row(1) + _row(2, "y" * 5000) + _row(3), encoding="utf-8")
    result = run_import(conn, "ho-so", path)
    assert (result.imported, result.rejected) == (2, 1)
    assert result.errors[0]["line"] == 3 and "5.000 ký tự" in str(result.errors[0]["reason"])


def _xlsx_with_cell(path: Path, value: str) -> Path:
    """A real workbook whose one cell is `value` (written into the sheet XML by hand: openpyxl
    itself cuts strings at Excel's 32,767 characters, an attacker's file need not)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Tên thủ tục", "Lĩnh vực", "Ngày tiếp nhận", "Hạn xử lý", "Ngày trả kết quả",
                  "Trạng thái", "Hình thức nộp", "Cán bộ xử lý"])
    sheet.append(["B1", "CHO-TRONG", "Hộ tịch", "05/10/2026", "08/10/2026", None, "Đang xử lý", "Trực tiếp", "Lan"])
    plain = path.with_suffix(".tmp.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"CHO-TRONG", value.encode())
            target.writestr(info.filename, data)
    plain.unlink()
    return path


def test_xlsx_bomb_is_refused_before_parsing(conn, tmp_path, monkeypatch):
    """Finding 3: a small XLSX whose one string unpacks to tens of MB (the red team's: 409 KB
    → 400 MB, 5 GB of worker memory). The guard reads only the ZIP directory."""
    bomb = _xlsx_with_cell(tmp_path / "bom.xlsx", "x" * 40_000_000)
    assert bomb.stat().st_size < 1_000_000
    with zipfile.ZipFile(bomb) as archive:
        assert max(info.file_size for info in archive.infolist()) > 40_000_000
    opened: list[Path] = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a[0]))
    with pytest.raises(SourceError, match="bom nén"):
        run_import(conn, "ho-so", bomb)
    assert opened == []  # openpyxl never saw it
    assert conn.execute("SELECT status FROM imports").fetchone()[0] == "failed"


def test_bomb_through_the_queue_fails_once_with_a_vietnamese_reason(settings, conn, tmp_path):
    bomb = _xlsx_with_cell(tmp_path / "bom.xlsx", "x" * 40_000_000)
    import_id = start_run(conn, "ho-so", "bom.xlsx", "canbo")
    job_id = enqueue(conn, "dashboard.import", {"kind": "ho-so", "path": str(bomb), "filename": "bom.xlsx",
                                                "username": "canbo", "import_id": import_id}, max_attempts=2)
    run_pending(conn, settings, kinds=["dashboard.import"])
    job = get_job(conn, job_id)
    assert job is not None and job["status"] == "done" and job["attempts"] == 1  # not retried
    assert "bom nén" in job["result"]["failed"]


def test_an_import_past_its_memory_limit_ends_with_a_reason(tmp_path, monkeypatch):
    """Past the guard, the import runs in a child with a memory limit: a parser that explodes ends
    the import, not the worker."""
    settings = make_settings(tmp_path / "data", import_memory_mb=128)
    from appliance.db import connect, migrate

    conn = connect(settings.db_path)
    migrate(conn)
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + _row(1), encoding="utf-8")
    import_id = start_run(conn, "ho-so", "ok.csv", "canbo")
    job_id = enqueue(conn, "dashboard.import", {"kind": "ho-so", "path": str(path), "import_id": import_id})

    def explode(*_args: object, **_kwargs: object) -> None:
        hog = [bytearray(64 * 1024 * 1024) for _ in range(8)]
        raise AssertionError(len(hog))

    monkeypatch.setattr(importers, "open_table", explode)
    from appliance.jobs import JobContext

    result = run_import_job(JobContext(conn, settings, job_id), {"kind": "ho-so", "path": str(path),
                                                                  "import_id": import_id})
    assert "giới hạn bộ nhớ 128 MB" in str(result["failed"])
    assert sqlite3.connect(settings.db_path).execute("SELECT count(*) FROM records").fetchone()[0] == 0
    conn.close()
