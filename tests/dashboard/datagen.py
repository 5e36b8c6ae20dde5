"""Generated records exports (CONTRACT §3) with the edge cases CONTRACT §4 turns on, plus an
independent reference implementation of the §4 measures written straight from the text."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from appliance.text.formatting import local_today

HEADER = ["Mã hồ sơ", "Tên thủ tục", "Lĩnh vực", "Ngày tiếp nhận", "Hạn xử lý", "Ngày trả kết quả", "Trạng thái",
          "Hình thức nộp", "Cán bộ xử lý"]
PROCS = [("Đăng ký khai sinh", "Hộ tịch"), ("Đăng ký kết hôn", "Hộ tịch"), ("Chứng thực chữ ký", "Chứng thực"),
         ("Chứng thực bản sao từ bản chính", "Chứng thực"), ("Đăng ký biến động đất đai", "Đất đai"),
         ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng")]
OFFICERS = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Phạm Thu Hà", "Lê Minh Tuấn"]
STATUSES = ["Đã trả kết quả", "Đang xử lý", "Chờ bổ sung", "Từ chối"]
CHANNELS = ["Trực tiếp", "Trực tuyến", "Bưu chính"]


def _fmt(day: dt.date | None, rng: random.Random) -> str:
    if day is None:
        return ""
    style = rng.random()
    if style < 0.7:
        return day.strftime("%d/%m/%Y")
    if style < 0.85:
        return day.strftime("%d/%m/%Y") + f" {rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}"
    return day.isoformat()


def generate(n: int, seed: int, start: dt.date = dt.date(2025, 11, 1), days: int = 200,
             prefix: str = "G") -> list[dict[str, Any]]:
    """Records as dicts of true values (dates as date objects); edge cases forced in at fixed shares."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        proc, field = rng.choice(PROCS)
        received = start + dt.timedelta(days=rng.randrange(days))
        due = received + dt.timedelta(days=rng.choice([0, 0, 1, 3, 5, 10, 15]))
        case = rng.random()
        returned: dt.date | None
        if case < 0.10:  # returned exactly on the due date: on time
            status, returned = STATUSES[0], due
        elif case < 0.20:  # open, whatever the due date (past due at many period ends)
            status, returned = STATUSES[1], None
        elif case < 0.25:  # waiting for documents: open too
            status, returned = STATUSES[2], None
        elif case < 0.32:  # rejected, sometimes with a date written in the return column
            status, returned = STATUSES[3], (received + dt.timedelta(days=1) if rng.random() < 0.5 else None)
        elif case < 0.36:  # "returned" status but the export lost the date
            status, returned = STATUSES[0], None
        elif case < 0.50:  # late by one day or more
            status, returned = STATUSES[0], due + dt.timedelta(days=rng.randint(1, 9))
        else:
            status, returned = STATUSES[0], received + dt.timedelta(days=rng.randint(0, (due - received).days))
        rows.append({"ma_ho_so": f"{prefix}{i:06d}", "ten_thu_tuc": proc, "linh_vuc": field, "ngay_tiep_nhan": received,
                     "han_xu_ly": due, "ngay_tra_ket_qua": returned, "trang_thai": status,
                     "hinh_thuc_nop": rng.choices(CHANNELS, [5, 4, 1])[0], "can_bo_xu_ly": rng.choice(OFFICERS)})
    return rows


def write_csv(rows: list[dict[str, Any]], path: Path, *, seed: int = 1, delimiter: str = ",",
              bom: bool = False) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(HEADER)
        for r in rows:
            writer.writerow([r["ma_ho_so"], r["ten_thu_tuc"], r["linh_vuc"], _fmt(r["ngay_tiep_nhan"], rng),
                             _fmt(r["han_xu_ly"], rng), _fmt(r["ngay_tra_ket_qua"], rng), r["trang_thai"],
                             r["hinh_thuc_nop"], r["can_bo_xu_ly"]])
    return path


# --- the reference: CONTRACT §4, read literally, one record at a time -------------------------------

def _pct(a: int, b: int) -> float | None:
    if b == 0:
        return None
    # one decimal, half up, computed with integers so no float rounding can creep in
    tenths = (a * 1000 * 2 + b) // (2 * b)
    return tenths / 10


def reference(rows: list[dict[str, Any]], start: dt.date, end: dt.date, at: dt.date | None = None) -> dict[str, Any]:
    # CONTRACT §4: overdue is counted as of min(period end, today), and a record returned after that
    # day was still open on it (a count as of a day never looks past it).
    at = at or min(end, local_today())
    c = dict.fromkeys(("tiep_nhan", "da_giai_quyet", "dung_han", "tre_han", "truc_tuyen", "tu_choi",
                       "qua_han_chua_giai_quyet"), 0)
    for r in rows:
        received, due, returned = r["ngay_tiep_nhan"], r["han_xu_ly"], r["ngay_tra_ket_qua"]
        if start <= received <= end:
            c["tiep_nhan"] += 1
            if r["hinh_thuc_nop"] == "Trực tuyến":
                c["truc_tuyen"] += 1
            if r["trang_thai"] == "Từ chối":
                c["tu_choi"] += 1
        if r["trang_thai"] == "Đã trả kết quả" and returned is not None and start <= returned <= end:
            c["da_giai_quyet"] += 1
            if returned <= due:
                c["dung_han"] += 1
            else:
                c["tre_han"] += 1
        if (returned is None or returned > at) and r["trang_thai"] != "Từ chối" and received <= at and due < at:
            c["qua_han_chua_giai_quyet"] += 1
    c["ty_le_dung_han"] = _pct(c["dung_han"], c["da_giai_quyet"])
    c["ty_le_tre_han"] = _pct(c["tre_han"], c["da_giai_quyet"])
    c["ty_le_truc_tuyen"] = _pct(c["truc_tuyen"], c["tiep_nhan"])
    return c


def reference_by(rows: list[dict[str, Any]], key: str, start: dt.date, end: dt.date) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r[key]].append(r)
    out = {}
    for name, members in groups.items():
        figures = reference(members, start, end)
        if figures["tiep_nhan"] or figures["da_giai_quyet"] or figures["qua_han_chua_giai_quyet"]:
            out[name] = figures
    return out


def reference_months(rows: list[dict[str, Any]], start: dt.date, end: dt.date) -> dict[str, dict[str, Any]]:
    """Each month of the period clipped to it, up to today (later months have no figures yet);
    overdue as of that month's last day (or the period's as-of day, min(end, today))."""
    out = {}
    first = start
    cap = min(end, local_today())
    while first <= cap:
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = min(following - dt.timedelta(days=1), end)
        out[f"{first:%Y-%m}"] = reference(rows, max(first, start), last, at=min(last, cap))
        first = following
    return out
