"""Tracked tasks. Other features read this table (the dashboard counts overdue ones):
overdue = deadline < today AND status IN ('assigned', 'in_progress')."""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "tasks_0001_tasks",
        """
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER REFERENCES meetings(id),
            assignee TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL,
            deadline TEXT,                              -- YYYY-MM-DD or NULL
            quote TEXT NOT NULL DEFAULT '',             -- the sentence the task came from
            status TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'assigned', 'in_progress', 'done', 'cancelled')),
            engine TEXT NOT NULL DEFAULT 'rules',       -- who extracted it: rules | llm | hand
            confirmed_by INTEGER,
            confirmed_at TEXT,
            done_at TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX tasks_status_deadline ON tasks(status, deadline);
        CREATE INDEX tasks_meeting ON tasks(meeting_id);
        """,
    ),
    Migration(
        "tasks_0002_staff",
        """
        -- The ward directory's person the task went to (appliance.ward), when it is one: the assignee's
        -- home page and reminders find their tasks by it; assignee/unit stay as text for the tracker.
        ALTER TABLE tasks ADD COLUMN staff_id INTEGER;
        CREATE INDEX tasks_staff ON tasks(staff_id, status);
        """,
    ),
    Migration(
        "tasks_0003_confidence",
        """
        -- How sure the extractor was of a proposal (0..1, NULL for tasks added by hand) and what the secretary
        -- should check first (Vietnamese; '' when the proposal is firm): shown as "cần xác nhận".
        ALTER TABLE tasks ADD COLUMN confidence REAL;
        ALTER TABLE tasks ADD COLUMN review TEXT NOT NULL DEFAULT '';
        """,
    ),
]
