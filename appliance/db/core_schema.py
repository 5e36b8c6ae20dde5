"""Core tables: people, sessions, tokens, the append-only audit log, key/value metadata."""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "core_0001_auth_audit",
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            full_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'staff', 'display')),
            unit TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,            -- sha256 of the cookie value; the value itself is never stored
            user_id INTEGER NOT NULL REFERENCES users(id),
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            expires_at TEXT NOT NULL,
            ip TEXT
        );
        CREATE INDEX sessions_user ON sessions(user_id);
        CREATE TABLE api_tokens (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            last_used_at TEXT,
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL COLLATE NOCASE,
            ip TEXT,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
        );
        CREATE INDEX login_failures_user ON login_failures(username, at);
        CREATE INDEX login_failures_ip ON login_failures(ip, at);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            user_id INTEGER,
            username TEXT,
            action TEXT NOT NULL,
            target TEXT,
            detail TEXT,                    -- JSON
            ip TEXT,
            engine TEXT                     -- which AI engine answered, when one did
        );
        CREATE INDEX audit_action ON audit_log(action, at);
        -- Append-only: the database itself refuses to rewrite history.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """,
    ),
    # Display tokens travel in a kiosk's URL: they expire (NULL: a token that never does, as before).
    Migration("core_0002_token_expiry", "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;"),
]
