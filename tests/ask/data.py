"""Generated test data for the question box, written straight into a migrated database, with the
edge cases CONTRACT §4 cares about: returned on the due date, open past due, rejected, a
"returned" status without a return date, records received before a period and returned in it."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from appliance.dashboard.demo_catalogue import OFFICERS, PROCEDURES
from appliance.db import connect, migrate
from appliance.text import fold

TODAY = dt.date(2026, 11, 20)
FIRST = dt.date(2025, 9, 1)
STATUSES = ["Đã trả kết quả", "Đang xử lý", "Chờ bổ sung", "Từ chối"]
CHANNELS = ["Trực tiếp", "Trực tuyến", "Bưu chính"]
CATEGORIES = ["dat_dai", "trat_tu_do_thi", "moi_truong", "ha_tang", "an_ninh_trat_tu", "thu_tuc_hanh_chinh",
              "chinh_sach_xa_hoi", "khac"]
INDICATORS = [("Thu ngân sách nhà nước trên địa bàn", "triệu đồng", 7000.0),
              ("Tỷ lệ hộ nghèo", "%", 0.3), ("Số lao động được tạo việc làm mới", "người", 55.0)]


def make_records(rng: random.Random, count: int) -> list[dict[str, Any]]:
    span = (TODAY - FIRST).days
    rows = []
    for n in range(count):
        proc = rng.choice(PROCEDURES)
        received = FIRST + dt.timedelta(days=rng.randint(0, span))
        due = received + dt.timedelta(days=rng.choice([0, 0, 1, 3, 5, 10, 15]))
        roll = rng.random()
        returned: dt.date | None = None
        if roll < 0.05:
            status = "Từ chối"
        elif roll < 0.09:
            status = "Chờ bổ sung"
        elif roll < 0.01 + 0.09:
            status = "Đã trả kết quả"  # anomaly: returned status, no return date
        elif roll < 0.20:
            status = "Đang xử lý"  # open; many of these are past due
        else:
            status = "Đã trả kết quả"
            returned = due + dt.timedelta(days=rng.choice([-2, -1, 0, 0, 0, 1, 2, 4, 9]))
            returned = max(received, returned)
            if returned > TODAY:
                status, returned = "Đang xử lý", None
        channel = rng.choices(CHANNELS, [0.55, 0.42, 0.03])[0]
        officer = rng.choice(OFFICERS[proc.field])
        rows.append({"ma_ho_so": f"T{n:06d}", "ten_thu_tuc": proc.name, "linh_vuc": proc.field,
                     "ngay_tiep_nhan": received, "han_xu_ly": due, "ngay_tra_ket_qua": returned,
                     "trang_thai": status, "hinh_thuc_nop": channel, "can_bo_xu_ly": officer})
    return rows


def make_feedback(rng: random.Random, count: int) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        created = TODAY - dt.timedelta(days=rng.randint(0, 400))
        deadline = created + dt.timedelta(days=rng.choice([3, 5, 7, 10, 30]))
        status = rng.choice(["cho_xu_ly", "dang_xu_ly", "da_xu_ly", "da_xu_ly", "da_xu_ly", "tu_choi"])
        rows.append({"ticket_code": f"PA-T{n:05d}", "channel": rng.choice(["web", "zalo", "zalo", "counter"]),
                     "category": rng.choice(CATEGORIES), "status": status, "created": created,
                     "deadline": deadline})
    return rows


def make_indicators(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for name, unit, monthly in INDICATORS:
        for month in range(1, 11):
            rows.append({"chi_tieu": name, "don_vi_tinh": unit, "ky": f"2026-{month:02d}", "ke_hoach": monthly,
                         "thuc_hien": round(monthly * rng.uniform(0.7, 1.2), 2)})
        for q in (1, 2, 3):
            rows.append({"chi_tieu": name, "don_vi_tinh": unit, "ky": f"2026-Q{q}", "ke_hoach": monthly * 3,
                         "thuc_hien": round(monthly * 3 * rng.uniform(0.8, 1.1), 2)})
    return rows


def build(path: Path, *, seed: int = 7, records: int = 6000, feedback: int = 500) -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(seed)
    data = {"records": make_records(rng, records), "feedback": make_feedback(rng, feedback),
            "indicators": make_indicators(rng)}
    conn = connect(path)
    try:
        migrate(conn)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO records (ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua,"
            " trang_thai, hinh_thuc_nop, can_bo_xu_ly, ten_thu_tuc_fold, linh_vuc_fold, can_bo_fold)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(r["ma_ho_so"], r["ten_thu_tuc"], r["linh_vuc"], r["ngay_tiep_nhan"].isoformat(),
              r["han_xu_ly"].isoformat(), r["ngay_tra_ket_qua"].isoformat() if r["ngay_tra_ket_qua"] else None,
              r["trang_thai"], r["hinh_thuc_nop"], r["can_bo_xu_ly"], fold(r["ten_thu_tuc"]), fold(r["linh_vuc"]),
              fold(r["can_bo_xu_ly"])) for r in data["records"]])
        routing = {row[0]: row[1] for row in conn.execute("SELECT category, department FROM feedback_routing")}
        conn.executemany(
            "INSERT INTO feedback (ticket_code, channel, content, content_fold, category, department, status, name,"
            " phone, created_at, deadline) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(f["ticket_code"], f["channel"], "Nội dung phản ánh thử", "noi dung phan anh thu", f["category"],
              routing[f["category"]], f["status"], "Nguyễn Văn Thử", "0900000000",
              f"{f['created']:%Y-%m-%d} 09:00:00", f["deadline"].isoformat()) for f in data["feedback"]])
        conn.executemany(
            "INSERT INTO indicators (chi_tieu, chi_tieu_fold, don_vi_tinh, ky, ke_hoach, thuc_hien)"
            " VALUES (?,?,?,?,?,?)",
            [(i["chi_tieu"], fold(i["chi_tieu"]), i["don_vi_tinh"], i["ky"], i["ke_hoach"], i["thuc_hien"])
             for i in data["indicators"]])
        conn.execute("COMMIT")
        data["labels"] = [dict(zip(("category", "label"), r, strict=True))
                          for r in conn.execute("SELECT category, label FROM feedback_routing")]
    finally:
        conn.close()
    return data
