"""Socio-economic indicators (Chỉ tiêu KT-XH): monthly figures, quarters and the year plan."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from appliance.dashboard import store
from appliance.text import fold

# name, unit, yearly plan, kind: 'sum' (monthly amounts add up) or 'rate' (a level, in %)
INDICATORS = [
    ("Thu ngân sách nhà nước trên địa bàn", "triệu đồng", 86_500.0, "sum"),
    ("Số hộ kinh doanh đăng ký mới", "hộ", 420.0, "sum"),
    ("Số lao động được tạo việc làm mới", "người", 650.0, "sum"),
    ("Số vụ vi phạm trật tự xây dựng được xử lý", "vụ", 60.0, "sum"),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", 95.0, "rate"),
    ("Tỷ lệ hộ nghèo", "%", 0.3, "rate"),
    ("Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", "%", 60.0, "rate"),
    ("Tỷ lệ thu gom, xử lý rác thải sinh hoạt", "%", 100.0, "rate"),
]


def _months(anchor: dt.date, count: int = 12) -> list[dt.date]:
    months = []
    year, month = anchor.year, anchor.month
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return sorted(months)


def load(conn: sqlite3.Connection, rng: random.Random, anchor: dt.date) -> int:
    rows: list[tuple[object, ...]] = []
    for name, unit, plan, kind in INDICATORS:
        by_quarter: dict[str, list[float]] = {}
        by_year: dict[str, list[float]] = {}
        progress = 0.0
        for month in _months(anchor):
            key = f"{month:%Y-%m}"
            if kind == "sum":
                monthly_plan = plan / 12
                done = round(monthly_plan * rng.uniform(0.75, 1.25), 1)
                rows.append((name, fold(name), unit, key, round(monthly_plan, 1), done))
            else:
                progress = min(1.0, progress + 1 / 12)
                target = plan
                done = round(plan * rng.uniform(0.93, 1.02), 1) if plan > 1 else round(plan * rng.uniform(0.9, 1.3), 2)
                rows.append((name, fold(name), unit, key, target, done))
            quarter = f"{month.year}-Q{(month.month - 1) // 3 + 1}"
            by_quarter.setdefault(quarter, []).append(done)
            by_year.setdefault(str(month.year), []).append(done)
        for quarter, values in by_quarter.items():
            if kind == "sum":
                rows.append((name, fold(name), unit, quarter, round(plan / 4, 1), round(sum(values), 1)))
            else:
                rows.append((name, fold(name), unit, quarter, plan, round(values[-1], 2)))
        for year, values in by_year.items():
            if kind == "sum":
                rows.append((name, fold(name), unit, year, plan, round(sum(values), 1)))
            else:
                rows.append((name, fold(name), unit, year, plan, round(values[-1], 2)))
    store.replace_indicators(conn, rows)
    return len(rows)
