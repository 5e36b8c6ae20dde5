"""Impact report of one month on a busy ward (30,000 records, 30,000 audited questions and
summaries, 3,000 drafts, 2,000 complaints over six months): the report, which counts every row
through the features' usage functions and the dashboard's monthly figures, vs the plainest SQL
giving the same numbers (one GROUP BY per source and the dashboard's own monthly report).
Medians, printed with their ratio."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
from pathlib import Path

from appliance.config import Settings
from appliance.dashboard.importers import run_import
from appliance.dashboard.kpis import report as kpi_report
from appliance.db import connect, migrate, transaction
from appliance.impact import service
from bench.common import median_ms, report, timings
from tests.dashboard.datagen import generate, write_csv

TODAY = dt.date(2026, 12, 4)
MONTH = dt.date(2026, 11, 1)
LOCAL = "+420 minutes"


def _stamp(rng: random.Random) -> str:
    day = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randrange(183))
    return f"{day.isoformat()} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00"


def fill(conn: sqlite3.Connection, folder: Path) -> None:
    run_import(conn, "ho-so", write_csv(generate(30_000, seed=5, start=dt.date(2026, 5, 1), days=214),
                                        folder / "ho-so.csv"))
    rng = random.Random(7)
    actions = ("ask.question", "knowledge.answer", "knowledge.summarize")
    with transaction(conn):
        conn.executemany("INSERT INTO audit_log (at, user_id, username, action, detail) VALUES (?, 2, 'lanhdao', ?,"
                         " '{\"question\": \"Tỷ lệ đúng hạn?\"}')",
                         [(_stamp(rng), rng.choice(actions)) for _ in range(30_000)])
        conn.executemany("INSERT INTO drafting_documents (doc_type, register, trich_yeu, model, engine, created_by,"
                         " created_at) VALUES ('cong_van', 'van_ban_di', 'Việc', '{}', 'template', 3, ?)",
                         [(_stamp(rng),) for _ in range(3_000)])
        categories = [r[0] for r in conn.execute("SELECT category FROM feedback_routing")]
        rows = []
        for i in range(2_000):
            created = _stamp(rng)
            done = rng.random() < 0.7
            resolved = (dt.datetime.fromisoformat(created) + dt.timedelta(hours=rng.randrange(1, 400))).isoformat(" ")
            rows.append((f"PA-B{i:05d}", "Nội dung", rng.choice(categories), "Văn phòng HĐND và UBND",
                         "da_xu_ly" if done else "cho_xu_ly", created, created[:10],
                         resolved if done else None))
        conn.executemany("INSERT INTO feedback (ticket_code, content, category, department, status, created_at,"
                         " deadline, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def plain(conn: sqlite3.Connection) -> None:
    """The same figures, each from the plainest SQL: usage by action / source, and the trends."""
    month = "strftime('%Y-%m', {c}, '" + LOCAL + "') = '2026-11'"
    conn.execute(f"SELECT action, username, COUNT(*) FROM audit_log WHERE {month.format(c='at')}"
                 " GROUP BY action, username").fetchall()
    conn.execute(f"SELECT created_by, COUNT(*) FROM drafting_documents WHERE {month.format(c='created_at')}"
                 " GROUP BY created_by").fetchall()
    conn.execute(f"SELECT department, COUNT(*) FROM feedback WHERE {month.format(c='created_at')}"
                 " GROUP BY department").fetchall()
    conn.execute("SELECT strftime('%Y-%m', resolved_at, ?), COUNT(*), AVG(julianday(resolved_at) -"
                 " julianday(created_at)) FROM feedback WHERE status = 'da_xu_ly' GROUP BY 1", (LOCAL,)).fetchall()
    kpi_report(conn, dt.date(2026, 6, 1), dt.date(2026, 11, 30), with_previous=False, today=TODAY)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(data_dir=folder / "data")
        conn = connect(settings.db_path)
        migrate(conn)
        fill(conn, folder)
        built = service.build(conn, settings, MONTH, TODAY)
        assert built.total > 0 and len(built.trends) == 6
        ours = timings(lambda: service.build(conn, settings, MONTH, TODAY), repeat=10, warmup=2)
        base = timings(lambda: plain(conn), repeat=10, warmup=2)
        conn.close()
    print(f"báo cáo hiệu quả tháng 11/2026: {built.total:,} việc được đếm, 6 tháng kết quả")
    report("báo cáo hiệu quả một tháng (median) so với cùng các số bằng SQL thô", median_ms(ours), median_ms(base),
           target=3.0)


if __name__ == "__main__":
    main()
