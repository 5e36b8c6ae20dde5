"""Staff-side feedback (phản ánh, kiến nghị) and the editable routing table (CONTRACT §5).

The citizen app has its own public.db; feedback is pulled from there into `feedback` here,
which is the only place personal data (name, phone, address) is kept.
"""

import sqlite3

from appliance.db.migrations import Migration

ROUTING_DEFAULTS = [
    # code, category label, department, days to answer
    ("dat_dai", "Đất đai", "Phòng Kinh tế, Hạ tầng và Đô thị", 30),
    ("trat_tu_do_thi", "Xây dựng, trật tự đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị", 10),
    ("moi_truong", "Môi trường, vệ sinh, tiếng ồn", "Phòng Kinh tế, Hạ tầng và Đô thị", 7),
    ("ha_tang", "Hạ tầng, giao thông, chiếu sáng, thoát nước, cây xanh, cấp nước",
     "Phòng Kinh tế, Hạ tầng và Đô thị", 7),
    ("an_ninh_trat_tu", "An ninh trật tự", "Công an phường", 3),
    ("thu_tuc_hanh_chinh", "Thủ tục hành chính, thái độ phục vụ", "Văn phòng HĐND và UBND", 5),
    ("chinh_sach_xa_hoi", "Chính sách xã hội, người có công, y tế, giáo dục", "Phòng Văn hóa - Xã hội", 10),
    ("khac", "Khác", "Văn phòng HĐND và UBND", 10),
]


def _seed_routing(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO feedback_routing (category, label, department, sla_days) VALUES (?, ?, ?, ?)",
        ROUTING_DEFAULTS,
    )


MIGRATIONS = [
    Migration(
        "citizen_0001_feedback",
        """
        CREATE TABLE feedback_routing (
            category TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            department TEXT NOT NULL,
            sla_days INTEGER NOT NULL DEFAULT 10,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            ticket_code TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL DEFAULT 'web',      -- web | widget | zalo | counter | phone
            channel_user TEXT,                        -- e.g. the Zalo user id, for replies
            content TEXT NOT NULL,
            content_fold TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL REFERENCES feedback_routing(category),
            category_source TEXT NOT NULL DEFAULT 'rules',  -- rules | llm | staff
            department TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'cho_xu_ly'
                CHECK (status IN ('cho_xu_ly', 'dang_xu_ly', 'da_xu_ly', 'tu_choi')),
            name TEXT,
            phone TEXT,
            address TEXT,
            assigned_to TEXT,
            reply TEXT,
            created_at TEXT NOT NULL,                 -- YYYY-MM-DD HH:MM:SS
            deadline TEXT NOT NULL,                   -- YYYY-MM-DD
            resolved_at TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX feedback_status ON feedback(status, deadline);
        CREATE INDEX feedback_category ON feedback(category, created_at);
        """,
    ),
    Migration("citizen_0002_routing_defaults", _seed_routing),
]
