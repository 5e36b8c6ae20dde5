"""The question box's own table: each leader's questions and answers, for the page's history.

The reporting views it reads are migrated by `appliance.reporting` (migration id
`ask_0001_reporting_views`, kept from when they lived here).
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "ask_0002_history",
        """
        CREATE TABLE ask_history (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            status TEXT NOT NULL,               -- ok | unsure | refused
            engine TEXT NOT NULL,               -- rules | llm
            sql TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ask_history_user ON ask_history(user_id, at);
        """,
    ),
]
