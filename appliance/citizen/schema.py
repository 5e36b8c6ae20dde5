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


MIGRATIONS: list[Migration] = [
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


# --- staff database: classifier examples from staff, Zalo outbox and tokens, ticket history ---------
MIGRATIONS += [
    Migration(
        "citizen_0003_examples_outbox_tokens",
        """
        CREATE TABLE feedback_examples (
            id INTEGER PRIMARY KEY,
            category TEXT NOT NULL REFERENCES feedback_routing(category),
            text TEXT NOT NULL,
            text_fold TEXT NOT NULL,
            feedback_id INTEGER REFERENCES feedback(id),
            created_by TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE feedback_history (
            id INTEGER PRIMARY KEY,
            feedback_id INTEGER NOT NULL REFERENCES feedback(id),
            at TEXT NOT NULL DEFAULT (datetime('now')),
            username TEXT,
            action TEXT NOT NULL,          -- pulled | assign | status | reply | reclassify
            detail TEXT
        );
        CREATE INDEX feedback_history_item ON feedback_history(feedback_id, at);
        CREATE TABLE zalo_outbox (
            id INTEGER PRIMARY KEY,
            source_key TEXT NOT NULL UNIQUE,  -- one row per reply, whatever retries happen
            recipient TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            zalo_msg_id TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            sent_at TEXT
        );
        CREATE INDEX zalo_outbox_ready ON zalo_outbox(status, next_attempt_at);
        CREATE TABLE zalo_tokens (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            access_token TEXT,
            refresh_token TEXT,
            access_expires_at TEXT,
            refreshed_at TEXT
        );
        ALTER TABLE feedback ADD COLUMN public_id INTEGER;
        """,
    ),
]


def _seed_public_routing(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT INTO pub_routing (category, label, department, sla_days) VALUES (?, ?, ?, ?)", ROUTING_DEFAULTS
    )


# --- public.db: what the citizen app may see. No staff data; personal data only until pulled. -----
PUBLIC_MIGRATIONS = [
    Migration(
        "citizen_public_0001",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE pub_procedures (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_fold TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            police INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL,                   -- the catalogue record as JSON, the only source of facts
            search_fold TEXT NOT NULL DEFAULT '', -- name + aliases, folded
            updated_at TEXT
        );
        CREATE TABLE pub_faq (
            id INTEGER PRIMARY KEY,
            question TEXT NOT NULL,
            question_fold TEXT NOT NULL,
            answer TEXT NOT NULL
        );
        CREATE TABLE pub_notices (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        CREATE TABLE pub_routing (
            category TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            department TEXT NOT NULL,
            sla_days INTEGER NOT NULL
        );
        CREATE TABLE pub_examples (
            id INTEGER PRIMARY KEY,            -- the staff feedback_examples id
            category TEXT NOT NULL,
            text_fold TEXT NOT NULL
        );
        CREATE TABLE chat_sessions (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL DEFAULT 'web',
            state TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE chat_messages (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL,
            role TEXT NOT NULL,                 -- citizen | bot
            text TEXT NOT NULL,
            intent TEXT,
            procedure_code TEXT,
            engine TEXT,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
        );
        CREATE INDEX chat_messages_session ON chat_messages(session_id, id);
        -- New feedback waiting for the staff side. Personal data is cleared once pulled.
        CREATE TABLE inbox (
            id INTEGER PRIMARY KEY,
            ticket_code TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            channel_user TEXT,
            content TEXT NOT NULL,
            name TEXT,
            phone TEXT,
            address TEXT,
            category TEXT NOT NULL,
            department TEXT NOT NULL,
            deadline TEXT NOT NULL,
            created_at TEXT NOT NULL,
            pulled_at TEXT
        );
        CREATE INDEX inbox_pending ON inbox(pulled_at);
        -- What a citizen may see about a ticket: never a name, phone or address.
        CREATE TABLE tickets (
            ticket_code TEXT PRIMARY KEY,
            category TEXT NOT NULL,
            department TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'cho_xu_ly',
            deadline TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            reply TEXT
        );
        CREATE TABLE zalo_events (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            event_name TEXT NOT NULL,
            sender_id TEXT,
            body TEXT NOT NULL,
            event_ts INTEGER NOT NULL,
            received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            status TEXT NOT NULL DEFAULT 'queued',  -- queued → answered → done, or ignored
            reply TEXT                              -- the chatbot's answer, until the worker takes it
        );
        CREATE INDEX zalo_events_queued ON zalo_events(status, id);
        """,
    ),
    Migration("citizen_public_0002_routing_defaults", _seed_public_routing),
]


# --- staff database: what the ward publishes to citizens besides the catalogue -----------------------
MIGRATIONS += [
    Migration(
        "citizen_0004_faq_notices",
        """
        CREATE TABLE citizen_faq (
            id INTEGER PRIMARY KEY,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE citizen_notices (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            published_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_by TEXT
        );
        """,
    ),
]

PUBLIC_MIGRATIONS += [
    # A complaint filed while answering a Zalo event is keyed by that event, so answering it again
    # after a crash finds the same ticket instead of filing a second one.
    Migration(
        "citizen_public_0003_inbox_source_key",
        """
        ALTER TABLE inbox ADD COLUMN source_key TEXT;
        CREATE UNIQUE INDEX inbox_source_key ON inbox(source_key) WHERE source_key IS NOT NULL;
        """,
    ),
]

PUBLIC_MIGRATIONS += [
    # Issue 16: a conversation handed over to staff ("gặp cán bộ", with its history, until pulled),
    # and complaints below the classifier's confidence, left "chờ phân loại" for staff: the citizen
    # is told it is being routed, not a department.
    Migration(
        "citizen_public_0004_handovers_triage",
        """
        CREATE TABLE handovers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,              -- e.g. HD-7K3-M4X, what the citizen looks up
            channel TEXT NOT NULL,
            channel_user TEXT,                      -- the Zalo user id, until pulled
            transcript TEXT NOT NULL,               -- the conversation as JSON, until pulled
            source_key TEXT UNIQUE,                 -- the Zalo event that asked, answered once
            created_at TEXT NOT NULL,
            pulled_at TEXT,
            status TEXT NOT NULL DEFAULT 'cho_xu_ly',
            reply TEXT,                             -- the officer's answer, for website conversations
            updated_at TEXT NOT NULL
        );
        CREATE INDEX handovers_pending ON handovers(pulled_at);
        ALTER TABLE inbox ADD COLUMN triage INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tickets ADD COLUMN triage INTEGER NOT NULL DEFAULT 0;
        -- The chatbot's choices for a Zalo reply (JSON list of titles), sent as quick-reply buttons.
        ALTER TABLE zalo_events ADD COLUMN buttons TEXT;
        """,
    ),
]

MIGRATIONS += [
    Migration(
        "citizen_0005_handovers",
        """
        CREATE TABLE chat_handovers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            channel_user TEXT,                      -- the Zalo user id, for the reply
            transcript TEXT NOT NULL,               -- JSON list of {"role", "text"}
            status TEXT NOT NULL DEFAULT 'cho_xu_ly' CHECK (status IN ('cho_xu_ly', 'da_tra_loi', 'dong')),
            assigned_to TEXT,
            reply TEXT,
            replied_by TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX chat_handovers_status ON chat_handovers(status, created_at);
        -- Quick-reply buttons of a message (JSON list of titles; Zalo "oa.query.show" buttons).
        ALTER TABLE zalo_outbox ADD COLUMN buttons TEXT;
        """,
    ),
]

PUBLIC_MIGRATIONS += [
    # An event that cannot be answered is set aside ('failed') with its error, for the admin page;
    # the channel goes on with the next one.
    Migration("citizen_public_0005_event_errors", "ALTER TABLE zalo_events ADD COLUMN error TEXT;"),
]
