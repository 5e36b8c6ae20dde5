from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "jobs_0001_queue",
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'queued',   -- queued | running | done | failed
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL DEFAULT 5,
            run_after TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            progress REAL NOT NULL DEFAULT 0,        -- 0..1, shown to people
            message TEXT NOT NULL DEFAULT '',        -- Vietnamese, shown to people
            result TEXT,
            error TEXT,
            worker TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            started_at TEXT,
            finished_at TEXT
        );
        CREATE INDEX jobs_ready ON jobs(status, run_after);
        """,
    ),
]
