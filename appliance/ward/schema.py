"""The ward's own identity, its departments and staff directory, and its working-day calendar.

One row of `ward_profile` (id = 1) exists once the ward is set up; none on a fresh unit, where
every page that would print it says "cần xác nhận" instead of inventing a name.
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "ward_0001_profile_directory_calendar",
        """
        CREATE TABLE ward_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,                      -- "Phường Hoa Sen"
            parent_body TEXT NOT NULL DEFAULT '',    -- cơ quan chủ quản (ND30 header, first line)
            issuer TEXT NOT NULL DEFAULT '',         -- cơ quan ban hành (ND30 header, second line)
            unit_code TEXT NOT NULL DEFAULT '',      -- ký hiệu in document numbers ("UBND")
            place_name TEXT NOT NULL DEFAULT '',     -- địa danh in ND30 dates
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            opening_hours TEXT NOT NULL DEFAULT '',
            reception_schedule TEXT NOT NULL DEFAULT '',
            demo INTEGER NOT NULL DEFAULT 0,         -- 1: the built-in fictional ward (demo data)
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE ward_units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            name_fold TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE ward_staff (
            id INTEGER PRIMARY KEY,
            full_name TEXT NOT NULL,
            full_name_fold TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',          -- chức vụ
            unit TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT '[]',      -- JSON list: "anh Hùng", "Lan tư pháp"
            username TEXT,                           -- linked login, if any
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            UNIQUE (full_name_fold, unit)
        );
        CREATE TABLE ward_calendar (
            day TEXT PRIMARY KEY,                    -- YYYY-MM-DD
            kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),
            note TEXT NOT NULL DEFAULT '',
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        """,
    ),
]
