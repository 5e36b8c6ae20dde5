"""The ward's per-task baselines of the impact report."""

from __future__ import annotations

from appliance.db.migrations import Migration

# The three baselines the course's promise was worded with (issue 21: 45 minutes per biên bản
# written by hand, 20 per công văn draft, 10 per citizen's phone enquiry). Manual time only: the
# time a task still takes with the appliance is the ward's to set (until then it is not estimated).
MIGRATIONS = [
    Migration(
        "impact_0001_baselines",
        """
        CREATE TABLE impact_baselines (
            kind TEXT PRIMARY KEY,
            manual_minutes REAL CHECK (manual_minutes IS NULL OR manual_minutes > 0),
            assisted_minutes REAL CHECK (assisted_minutes IS NULL OR assisted_minutes >= 0),
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        INSERT INTO impact_baselines (kind, manual_minutes, updated_by) VALUES
            ('bien_ban', 45, 'mặc định'), ('du_thao', 20, 'mặc định'), ('tra_loi_cong_dan', 10, 'mặc định');
        """,
    ),
]
