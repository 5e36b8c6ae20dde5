"""Meetings, their crash-safe audio segments, transcript lines and speakers.

The audio index is written by the recorder with synchronous=FULL (DESIGN: data rules), one row
per closed segment file; a row exists only once its file is fsync'd and renamed.
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "meetings_0001_core",
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            room TEXT NOT NULL DEFAULT '',
            device TEXT,
            source TEXT NOT NULL DEFAULT 'live',        -- live | upload | demo
            status TEXT NOT NULL DEFAULT 'recording',   -- recording | processing | done | failed
            meeting_date TEXT NOT NULL DEFAULT (date('now', 'localtime')),
            started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
            ended_at TEXT,
            duration_s REAL NOT NULL DEFAULT 0,
            location TEXT NOT NULL DEFAULT '',
            chair TEXT NOT NULL DEFAULT '',
            secretary TEXT NOT NULL DEFAULT '',
            attendees TEXT NOT NULL DEFAULT '',
            conclusion TEXT NOT NULL DEFAULT '',
            recorder_pid INTEGER,
            recorder_seen_at REAL,                      -- unix time of the recorder's last heartbeat
            recorder_closed INTEGER NOT NULL DEFAULT 0, -- the recorder closed its last segment after stop
            transcriber TEXT,
            diarizer TEXT,
            task_engine TEXT,
            draft_id INTEGER,
            so_ky_hieu TEXT,
            minutes_docx_url TEXT,
            minutes_text TEXT,
            message TEXT NOT NULL DEFAULT '',           -- Vietnamese, for people: what is happening
            error TEXT,
            created_by INTEGER,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX meetings_status ON meetings(status, room);
        CREATE TABLE meeting_audio (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            seq INTEGER NOT NULL,
            path TEXT NOT NULL,                         -- relative to DATA_DIR
            start_s REAL NOT NULL,                      -- offset on the meeting's audio timeline
            duration_s REAL NOT NULL,
            sample_rate INTEGER NOT NULL,
            channels INTEGER NOT NULL,
            repaired INTEGER NOT NULL DEFAULT 0,        -- closed by crash repair, not by the recorder
            transcribed INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            UNIQUE (meeting_id, seq)
        );
        CREATE TABLE meeting_segments (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            audio_id INTEGER REFERENCES meeting_audio(id),
            start REAL NOT NULL,
            end REAL NOT NULL,
            speaker TEXT NOT NULL DEFAULT '',           -- label from diarization (SPEAKER_00…)
            text TEXT NOT NULL,
            original_text TEXT NOT NULL,                -- what the transcriber heard, kept beside edits
            edited_by INTEGER,
            edited_at TEXT
        );
        CREATE INDEX meeting_segments_meeting ON meeting_segments(meeting_id, start);
        CREATE TABLE meeting_speakers (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'auto',        -- auto | voice | hand
            PRIMARY KEY (meeting_id, label)
        );
        CREATE TABLE voice_profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            user_id INTEGER,
            embedding TEXT NOT NULL,                    -- JSON list of floats
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE meeting_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meeting_settings (key, value) VALUES ('retention_days', '365');
        """,
    ),
    Migration(
        "meetings_0002_voice_kind",
        """
        -- Which model made a voice sample's embedding: samples of another kind are not compared.
        ALTER TABLE voice_profiles ADD COLUMN kind TEXT NOT NULL DEFAULT 'logmel-stats';
        """,
    ),
    Migration(
        "meetings_0003_agenda_minutes",
        """
        -- The agenda the secretary enters (one item per line, before or after the meeting), the biên bản's
        -- structured draft (JSON: items with who raised what, conclusions; what the secretary edited), and
        -- why tasks or minutes came from the fallback (Vietnamese, shown on the page).
        ALTER TABLE meetings ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetings ADD COLUMN minutes_json TEXT;
        ALTER TABLE meetings ADD COLUMN task_note TEXT;
        """,
    ),
    Migration(
        "meetings_0004_interim",
        """
        -- Provisional captions of the segment still being recorded (issue 17): the words two consecutive quick
        -- decodes of its growing file agreed on, shown greyed until the segment's own captions replace them.
        -- Never part of the transcript or the biên bản: a row goes when its segment is transcribed.
        CREATE TABLE meeting_interim (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            seq INTEGER NOT NULL,                       -- the open segment (meeting_audio.seq once closed)
            start REAL NOT NULL,                        -- first and last agreed word on the meeting timeline
            end REAL NOT NULL,
            text TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (meeting_id, seq)
        );
        """,
    ),
    Migration(
        "meetings_0005_interim_pending",
        """
        -- Live captions in two shades (issue 17): `text` holds the confirmed words (two quick decodes agreed,
        -- or a pause followed them), shown black; `pending` the newest decode's words after them, not yet
        -- agreed, shown grey; `pending_end` where those end on the meeting timeline.
        ALTER TABLE meeting_interim ADD COLUMN pending TEXT NOT NULL DEFAULT '';
        ALTER TABLE meeting_interim ADD COLUMN pending_end REAL NOT NULL DEFAULT 0;
        """,
    ),
]
