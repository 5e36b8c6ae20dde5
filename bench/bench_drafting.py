"""Drafting: rendering a Nghị định 30 .docx against bare python-docx; creating a draft against
a plain insert; 50 concurrent register issues against 50 sequential ones."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from docx import Document

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.drafting.service import create_draft, get_model, issue_document, render_docx
from bench.common import median_ms, report, timings

BODY = "\n".join(f"{i}. Ủy ban nhân dân phường đề nghị các tổ dân phố phối hợp thực hiện nội dung số {i}, bảo đảm "
                 "đúng tiến độ và báo cáo kết quả về Văn phòng HĐND và UBND phường." for i in range(1, 31))


def _bare_docx() -> bytes:
    document = Document()
    for line in BODY.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _issue_all(settings: Settings, ids: list[int], workers: int, year: int) -> float:
    barrier = threading.Barrier(workers)

    def issue(document_id: int) -> None:
        conn = connect(settings.db_path)
        try:
            if workers > 1:
                barrier.wait()
            issue_document(conn, document_id, None, dt.date(year, 5, 4))
        finally:
            conn.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(issue, ids))
    return (time.perf_counter() - started) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        conn = connect(settings.db_path)
        migrate(conn)
        payload = {"doc_type": "cong_van", "trich_yeu": "Đề nghị phối hợp", "noi_dung": BODY,
                   "noi_nhan": ["Các tổ dân phố"], "ngay": "2026-05-04"}
        draft_id = create_draft(conn, settings, payload, None, use_registry=False)["id"]
        model = get_model(conn, draft_id)
        report("kết xuất .docx công văn 2 trang (median)", median_ms(timings(lambda: render_docx(model), 20)),
               median_ms(timings(_bare_docx, 20)))
        conn.execute("CREATE TABLE bench_plain (id INTEGER PRIMARY KEY, body TEXT)")
        create = timings(lambda: create_draft(conn, settings, payload, None, use_registry=False), 30)
        plain = timings(lambda: conn.execute("INSERT INTO bench_plain (body) VALUES (?)", (BODY,)), 30)
        report("tạo dự thảo (median)", median_ms(create), median_ms(plain))
        ids = [create_draft(conn, settings, payload, None, use_registry=False)["id"] for _ in range(100)]
        sequential = _issue_all(settings, ids[:50], 1, 2026)
        concurrent = _issue_all(settings, ids[50:], 50, 2027)  # a fresh year: the counter starts at 01 again
        report("cấp số 50 văn bản đồng thời (tổng)", concurrent, sequential)
        conn.close()
