"""A copy of the demo ward with known extra work in November 2026 (audit entries, drafts, a minuted
meeting, chatbot answers, tasks), served over real HTTP. The report is asked for November 2026, a
month already over, so its figures do not depend on the day the tests run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from appliance.config import Settings
from appliance.db import connect
from appliance.ward.service import save_member
from tests.conftest import LiveServer, make_settings

MONTH = "2026-11"
MODIFIER = "+420 minutes"  # Asia/Ho_Chi_Minh, the default zone: the month is the ward's calendar month


@dataclass
class Ward:
    settings: Settings
    server: LiveServer


def _copy(source: str, target: str) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _audit(conn: sqlite3.Connection, at: str, user_id: int, username: str, action: str, target: str = "",
           detail: str | None = None) -> None:
    conn.execute("INSERT INTO audit_log (at, user_id, username, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                 (at, user_id, username, action, target, detail))


def _work(conn: sqlite3.Connection, public: sqlite3.Connection) -> None:
    """November's extra work, with rows just outside the month on both sides (UTC vs local day)."""
    q = '{"question": "Tỷ lệ đúng hạn tháng 10?"}'
    _audit(conn, "2026-10-31 18:30:00.000", 2, "lanhdao", "ask.question", detail=q)   # 01:30 on 01/11 local
    _audit(conn, "2026-10-31 16:30:00.000", 2, "lanhdao", "ask.question", detail=q)   # 23:30 on 31/10 local
    _audit(conn, "2026-11-05 02:00:00.000", 2, "lanhdao", "ask.question", detail=q)
    _audit(conn, "2026-11-30 17:30:00.000", 2, "lanhdao", "ask.question", detail=q)   # 00:30 on 01/12 local
    _audit(conn, "2026-11-06 03:00:00.000", 2, "lanhdao", "ask.refused", detail=q)
    _audit(conn, "2026-11-07 03:00:00.000", 3, "canbo", "knowledge.answer", detail='{"question": "Khai tử?"}')
    _audit(conn, "2026-11-08 03:00:00.000", 3, "canbo", "knowledge.answer", detail='{"question": "Lệ phí?"}')
    _audit(conn, "2026-11-09 03:00:00.000", 1, "admin", "knowledge.summarize", detail='{"chars": 1234}')
    model = '{"doc_type": "cong_van"}'
    drafts = [("cong_van", "2026-11-03 01:00:00", 3), ("giay_moi", "2026-11-04 01:00:00", 3),
              ("thong_bao", "2026-11-12 09:00:00", 2), ("cong_van", "2026-10-31 16:59:59", 3),
              ("bien_ban", "2026-11-10 04:00:00", 3)]
    ids = []
    for doc_type, at, user in drafts:
        cur = conn.execute("INSERT INTO drafting_documents (doc_type, register, trich_yeu, model, engine, created_by,"
                           " created_at) VALUES (?, 'van_ban_di', 'Việc thử', ?, 'template', ?, ?)",
                           (doc_type, model, user, at))
        ids.append(int(cur.lastrowid or 0))
    meeting = conn.execute("INSERT INTO meetings (title, status, meeting_date, draft_id, minutes_text)"
                           " VALUES ('Họp thử', 'done', '2026-11-10', ?, 'Biên bản')", (ids[-1],)).lastrowid
    _audit(conn, "2026-11-10 01:00:00.000", 3, "canbo", "meetings.start", target=str(meeting))
    conn.execute("INSERT INTO meetings (title, status, meeting_date) VALUES ('Họp chưa có biên bản', 'done',"
                 " '2026-11-11')")
    tasks = [("assigned", "2026-11-10", "2026-11-02 02:00:00", None),
             ("done", "2026-11-15", "2026-11-02 02:00:00", "2026-12-01 02:00:00"),
             ("done", "2026-11-15", "2026-11-02 02:00:00", "2026-11-20 02:00:00"),
             ("cancelled", "2026-11-10", "2026-11-02 02:00:00", None),
             ("assigned", "2026-10-20", "2026-10-01 02:00:00", None)]
    for status, deadline, confirmed, done in tasks:
        conn.execute("INSERT INTO tasks (assignee, unit, content, deadline, status, confirmed_at, done_at, created_at)"
                     " VALUES ('Hùng', 'Văn phòng HĐND và UBND', 'Việc thử', ?, ?, ?, ?, ?)",
                     (deadline, status, confirmed, done, confirmed))
    public.execute("INSERT OR IGNORE INTO chat_sessions (id, channel) VALUES ('s-web', 'web'), ('s-zalo', 'zalo')")
    chats = [("s-web", "citizen", "procedure", None, "2026-11-03 02:00:00.000"),
             ("s-web", "bot", "procedure", "template", "2026-11-03 02:00:01.000"),
             ("s-web", "bot", "procedure", "clarify", "2026-11-03 02:01:00.000"),
             ("s-web", "bot", "other", "faq", "2026-11-04 02:00:00.000"),
             ("s-web", "bot", "other", "greeting", "2026-11-04 02:01:00.000"),
             ("s-zalo", "bot", "status", "status", "2026-11-05 02:00:00.000"),
             ("s-zalo", "bot", "status", "ask_code", "2026-11-05 02:01:00.000"),
             ("s-zalo", "bot", "procedure", "llm", "2026-10-31 17:30:00.000"),   # 00:30 on 01/11 local
             ("s-zalo", "bot", "procedure", "llm", "2026-11-30 17:30:00.000")]   # 00:30 on 01/12 local
    public.executemany("INSERT INTO chat_messages (session_id, role, text, intent, engine, at)"
                       " VALUES (?, ?, 'x', ?, ?, ?)", chats)
    # canbo's login now names this person in the directory (the demo directory links it to someone else
    # first): the directory's unit, not the account's, is the one the report must use.
    conn.execute("UPDATE ward_staff SET username = NULL WHERE username = 'canbo'")
    save_member(conn, full_name="Trần Văn Cán", unit="Tư pháp - Hộ tịch", username="canbo")


@pytest.fixture(scope="package")
def ward(demo_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ward]:
    from appliance.app import create_app

    settings = make_settings(tmp_path_factory.mktemp("impact") / "data")
    settings.data_dir.mkdir(parents=True)
    _copy(str(demo_settings.db_path), str(settings.db_path))
    _copy(str(demo_settings.public_db_path), str(settings.public_db_path))
    conn, public = connect(settings.db_path), connect(settings.public_db_path)
    try:
        _work(conn, public)
    finally:
        conn.close()
        public.close()
    with LiveServer(create_app(settings)) as server:
        yield Ward(settings, server)
