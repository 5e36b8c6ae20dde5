"""One row per ticket taken into the loop: the meeting whose agenda carries it, the task linked to
it, the result reported, the reply drafted and who approved it. Times are UTC (datetime('now'))."""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "loop_0001_ticket_links",
        """
        CREATE TABLE ticket_links (
            feedback_id INTEGER PRIMARY KEY REFERENCES feedback(id),
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            agenda_item TEXT NOT NULL,             -- the line added to the meeting's agenda
            agenda_by TEXT NOT NULL,
            agenda_at TEXT NOT NULL DEFAULT (datetime('now')),
            task_id INTEGER REFERENCES tasks(id),
            task_by TEXT,
            task_at TEXT,
            result TEXT,                           -- what was done, as the person reporting it wrote it
            result_by TEXT,
            result_at TEXT,
            draft TEXT,                            -- the reply drafted from the result (template)
            drafted_at TEXT,
            reply TEXT,                            -- the reply as approved (and sent)
            approved_by TEXT,
            approved_at TEXT,
            channel TEXT                           -- how the reply travelled: zalo | status_page | phone
        );
        CREATE INDEX ticket_links_task ON ticket_links(task_id);
        """,
    ),
]
