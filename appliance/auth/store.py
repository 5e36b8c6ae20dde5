"""The SQL of auth's tables (users, sessions, api_tokens, login_failures, audit_log): the only
module that writes them. The service modules beside it (users, sessions, ratelimit, audit) hold
the rules (password hashing, token digests, expiry, the lockout policy) and call these."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# --- users -------------------------------------------------------------------------------------


def insert_user(conn: sqlite3.Connection, username: str, full_name: str, role: str, unit: str,
                password_hash: str) -> int:
    cur = conn.execute(
        "INSERT INTO users (username, full_name, role, unit, password_hash) VALUES (?, ?, ?, ?, ?)",
        (username, full_name, role, unit, password_hash),
    )
    return int(cur.lastrowid or 0)


def set_password_hash(conn: sqlite3.Connection, user_id: int, password_hash: str) -> None:
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))


def set_active(conn: sqlite3.Connection, user_id: int, active: bool) -> None:
    conn.execute("UPDATE users SET active = ? WHERE id = ?", (1 if active else 0, user_id))


def active_user_by_id(conn: sqlite3.Connection, user_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM users WHERE id = ? AND active = 1", (user_id,)).fetchone()
    return row


def active_user_by_name(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM users WHERE username = ? AND active = 1",
                                           (username,)).fetchone()
    return row


def account_by_id(conn: sqlite3.Connection, user_id: int) -> sqlite3.Row | None:
    """An account, locked or not (the admin page acts on both)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, username, full_name, role, unit, active, created_at FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    return row


def all_accounts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, username, full_name, role, unit, active, created_at FROM users ORDER BY username"
    ).fetchall()


# --- sessions and API tokens -------------------------------------------------------------------


def insert_session(conn: sqlite3.Connection, digest: str, user_id: int, csrf: str, expires_at: str,
                   ip: str | None) -> None:
    conn.execute(
        "INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip) VALUES (?, ?, ?, ?, ?)",
        (digest, user_id, csrf, expires_at, ip),
    )


def session_by_digest(conn: sqlite3.Connection, digest: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT user_id, csrf_token, expires_at FROM sessions WHERE id = ?", (digest,)
    ).fetchone()
    return row


def delete_session(conn: sqlite3.Connection, digest: str) -> None:
    conn.execute("DELETE FROM sessions WHERE id = ?", (digest,))


def delete_user_sessions(conn: sqlite3.Connection, user_id: int) -> int:
    return conn.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,)).rowcount


def insert_api_token(conn: sqlite3.Connection, user_id: int, digest: str, expires_at: str | None = None) -> None:
    conn.execute("INSERT INTO api_tokens (user_id, token_hash, expires_at) VALUES (?, ?, ?)",
                 (user_id, digest, expires_at))


def use_api_token(conn: sqlite3.Connection, digest: str) -> tuple[int, str | None] | None:
    """The user id and expiry of a live token, marking it used; None when unknown, revoked or expired."""
    row = conn.execute(
        "SELECT id, user_id, expires_at FROM api_tokens WHERE token_hash = ? AND revoked = 0"
        " AND (expires_at IS NULL OR expires_at > datetime('now'))", (digest,)
    ).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE api_tokens SET last_used_at = datetime('now') WHERE id = ?", (row["id"],))
    return int(row["user_id"]), row["expires_at"]


def revoke_other_tokens(conn: sqlite3.Connection, user_id: int, keep_digest: str) -> int:
    return conn.execute("UPDATE api_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0 AND token_hash != ?",
                        (user_id, keep_digest)).rowcount


def revoke_user_tokens(conn: sqlite3.Connection, user_id: int) -> int:
    return conn.execute("UPDATE api_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0", (user_id,)).rowcount


# --- login failures ----------------------------------------------------------------------------


def failures_since(conn: sqlite3.Connection, *, username: str | None = None, ip: str | None = None,
                   window: str) -> int:
    """Failed logins for a username (or from an address) within `window` (an SQLite modifier)."""
    column, value = ("username", username) if username is not None else ("ip", ip)
    return int(conn.execute(
        f"SELECT count(*) FROM login_failures WHERE {column} = ?"
        " AND at > strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
        (value, window),
    ).fetchone()[0])


def failure_stats(conn: sqlite3.Connection, username: str, window: str) -> tuple[int, str | None]:
    """Failed logins for a username within `window` (an SQLite modifier), and the last one's time."""
    row = conn.execute(
        "SELECT count(*), max(at) FROM login_failures WHERE username = ?"
        " AND at > strftime('%Y-%m-%d %H:%M:%f', 'now', ?)", (username, window)).fetchone()
    return int(row[0]), row[1]


def insert_failure(conn: sqlite3.Connection, username: str, ip: str | None) -> None:
    conn.execute("INSERT INTO login_failures (username, ip) VALUES (?, ?)", (username, ip))


def delete_failures(conn: sqlite3.Connection, username: str) -> None:
    conn.execute("DELETE FROM login_failures WHERE username = ?", (username,))


# --- audit log ---------------------------------------------------------------------------------


def insert_audit(conn: sqlite3.Connection, user_id: int | None, username: str | None, action: str,
                 target: str | None, detail: str | None, ip: str | None, engine: str | None) -> None:
    conn.execute(
        "INSERT INTO audit_log (user_id, username, action, target, detail, ip, engine)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (user_id, username, action, target, detail, ip, engine),
    )


def audit_rows(conn: sqlite3.Connection, *, action_prefix: str = "", username: str = "", limit: int,
               offset: int) -> list[sqlite3.Row]:
    """Newest first; `action_prefix` matches "user." and the like."""
    where: list[str] = []
    params: list[str | int] = []
    if action_prefix:
        where.append("action LIKE ?")
        params.append(f"{action_prefix}%")
    if username:
        where.append("username = ?")
        params.append(username)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return conn.execute(f"SELECT * FROM audit_log {clause} ORDER BY id DESC LIMIT ? OFFSET ?",
                        (*params, limit, offset)).fetchall()


def audit_between(conn: sqlite3.Connection, actions: Sequence[str], local_modifier: str, start: str,
                  end: str) -> list[sqlite3.Row]:
    """Entries of `actions` on the local calendar days start..end (ISO), oldest first."""
    marks = ",".join("?" * len(actions))
    return conn.execute(f"SELECT * FROM audit_log WHERE action IN ({marks}) AND date(at, ?) BETWEEN ? AND ?"
                        " ORDER BY id", (*actions, local_modifier, start, end)).fetchall()


def audit_by_target(conn: sqlite3.Connection, actions: Sequence[str], targets: Sequence[str]) -> list[sqlite3.Row]:
    """Entries of `actions` about these targets, oldest first."""
    if not targets or not actions:
        return []
    a_marks, t_marks = ",".join("?" * len(actions)), ",".join("?" * len(targets))
    return conn.execute(f"SELECT * FROM audit_log WHERE action IN ({a_marks}) AND target IN ({t_marks})"
                        " ORDER BY id", (*actions, *targets)).fetchall()


def audit_actions(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT action FROM audit_log ORDER BY action")]
