"""A year of procedure records: seasonality, a rising online share, land cases late more often."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator

from appliance.dashboard import store
from appliance.dashboard.demo_catalogue import OFFICERS, PROCEDURES, SEASON
from appliance.text import fold
from appliance.text.dates import add_working_days


def generate(rng: random.Random, anchor: dt.date, days: int = 365) -> Iterator[tuple[object, ...]]:
    weights = [p.weight for p in PROCEDURES]
    first = anchor - dt.timedelta(days=days - 1)
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        if day.weekday() == 6:
            continue
        base = 21.0 if day.weekday() < 5 else 7.0  # Saturday mornings only
        count = max(0, int(rng.gauss(base * SEASON[day.month], 3.5)))
        progress = offset / days
        online_share = 0.22 + 0.33 * progress  # online filing grows across the year
        for seq in range(1, count + 1):
            proc = rng.choices(PROCEDURES, weights)[0]
            code = f"H26.PX.{day:%y%m%d}.{seq:05d}"
            hour = rng.choice([7, 8, 8, 9, 9, 10, 10, 13, 14, 14, 15, 16])
            received_at = f"{hour:02d}:{rng.randrange(0, 60, 5):02d}"
            channel = "Trực tuyến" if rng.random() < online_share else (
                "Bưu chính" if rng.random() < 0.03 else "Trực tiếp")
            due = add_working_days(day, proc.working_days)
            officer = rng.choice(OFFICERS[proc.field])
            status, returned = _outcome(rng, proc.late_rate, day, due, anchor, proc.working_days)
            yield (code, proc.name, proc.field, day.isoformat(), received_at, due.isoformat(),
                   returned.isoformat() if returned else None, status, channel, officer,
                   fold(proc.name), fold(proc.field), fold(officer))


def _outcome(rng: random.Random, late_rate: float, day: dt.date, due: dt.date, anchor: dt.date,
             working_days: int) -> tuple[str, dt.date | None]:
    roll = rng.random()
    if roll < 0.02:
        return "Từ chối", None
    if roll < 0.035 and (anchor - day).days < 60:
        return "Chờ bổ sung", None
    if rng.random() < late_rate:
        returned = add_working_days(due, rng.randint(1, 12))
    elif working_days == 0:
        returned = day if rng.random() < 0.93 else due
    else:
        early = rng.randint(0, max(0, working_days - 1))
        returned = max(day, due - dt.timedelta(days=early))
    if returned > anchor:
        return "Đang xử lý", None
    return "Đã trả kết quả", returned


def load(conn: sqlite3.Connection, rng: random.Random, anchor: dt.date) -> int:
    rows = list(generate(rng, anchor))
    store.replace_records(conn, rows)
    return len(rows)
