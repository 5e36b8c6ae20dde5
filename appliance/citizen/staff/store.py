"""The SQL that writes the citizen feature's staff tables: the only module that does
(feedback and its history, routing, classifier examples, FAQ and notices, the Zalo outbox and
tokens). `inbox.py` holds the inbox's queries; the services decide what to write and when, and
hold the transactions that group several writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from appliance.db import transaction
from appliance.text import fold

TRIAGE = "cho_phan_loai"  # feedback.category_source of a complaint waiting for staff to choose its category

# --- feedback -----------------------------------------------------------------------------------------


def log(conn: sqlite3.Connection, feedback_id: int, username: str | None, action: str, detail: str) -> None:
    """A line of the item's history (pulled | assign | status | reply | reclassify)."""
    conn.execute("INSERT INTO feedback_history (feedback_id, username, action, detail) VALUES (?, ?, ?, ?)",
                 (feedback_id, username, action, detail))


def insert_pulled(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """A complaint pulled from public.db's inbox, with its history line, in one transaction.
    False when its ticket code is here already (a pull is idempotent)."""
    with transaction(conn):
        # Below the classifier's confidence the category is staff's to choose: "chờ phân loại".
        source = TRIAGE if row["triage"] else "rules"
        cur = conn.execute(
            "INSERT OR IGNORE INTO feedback (ticket_code, channel, channel_user, content, content_fold, category,"
            " category_source, department, status, name, phone, address, created_at, deadline, public_id)"
            " VALUES (?,?,?,?,?,?,?,?,'cho_xu_ly',?,?,?,?,?,?)",
            (row["ticket_code"], row["channel"], row["channel_user"], row["content"], fold(row["content"]),
             row["category"], source, row["department"], row["name"], row["phone"], row["address"], row["created_at"],
             row["deadline"], row["id"]))
        if cur.rowcount and cur.lastrowid is not None:
            conn.execute("INSERT INTO feedback_history (feedback_id, action, detail) VALUES (?, 'pulled', ?)",
                         (cur.lastrowid, row["channel"]))
    return bool(cur.rowcount)


def insert_demo_feedback(conn: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> None:
    """Demo rows: ticket_code, channel, content, content_fold, category, department, status, name, phone,
    address, created_at, deadline, resolved_at."""
    conn.executemany(
        "INSERT INTO feedback (ticket_code, channel, content, content_fold, category, department, status, name,"
        " phone, address, created_at, deadline, resolved_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def set_assignee(conn: sqlite3.Connection, feedback_id: int, assignee: str | None) -> None:
    """Assigning starts the work: a waiting item becomes in progress."""
    conn.execute("UPDATE feedback SET assigned_to = ?, status = CASE WHEN status = 'cho_xu_ly'"
                 " THEN 'dang_xu_ly' ELSE status END, updated_at = datetime('now') WHERE id = ?",
                 (assignee, feedback_id))


def set_status(conn: sqlite3.Connection, feedback_id: int, status: str) -> None:
    conn.execute("UPDATE feedback SET status = ?, resolved_at = CASE WHEN ? IN ('da_xu_ly', 'tu_choi')"
                 " THEN coalesce(resolved_at, date('now')) ELSE NULL END, updated_at = datetime('now')"
                 " WHERE id = ?", (status, status, feedback_id))


def set_reply(conn: sqlite3.Connection, feedback_id: int, text: str, resolve: bool) -> None:
    conn.execute("UPDATE feedback SET reply = ?, status = CASE WHEN ? THEN 'da_xu_ly' ELSE status END,"
                 " resolved_at = CASE WHEN ? THEN coalesce(resolved_at, date('now')) ELSE resolved_at END,"
                 " updated_at = datetime('now') WHERE id = ?", (text, resolve, resolve, feedback_id))


def reply_count(conn: sqlite3.Connection, feedback_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM feedback_history WHERE feedback_id = ? AND action = 'reply'",
                            (feedback_id,)).fetchone()[0])


def set_category(conn: sqlite3.Connection, feedback_id: int, category: str, department: str) -> None:
    """A staff correction of the category (and so of the department)."""
    conn.execute("UPDATE feedback SET category = ?, department = ?, category_source = 'staff',"
                 " updated_at = datetime('now') WHERE id = ?", (category, department, feedback_id))


def add_example(conn: sqlite3.Connection, category: str, text: str, feedback_id: int, username: str) -> None:
    """A classifier example from a staff correction (published to the citizen side)."""
    conn.execute("INSERT INTO feedback_examples (category, text, text_fold, feedback_id, created_by)"
                 " VALUES (?, ?, ?, ?, ?)", (category, text, fold(text), feedback_id, username))


def update_routing(conn: sqlite3.Connection, category: str, department: str, sla_days: int) -> bool:
    """False when there is no such category."""
    return bool(conn.execute("UPDATE feedback_routing SET department = ?, sla_days = ?, updated_at = datetime('now')"
                             " WHERE category = ?", (department, sla_days, category)).rowcount)


# --- what the ward publishes besides the catalogue: FAQ entries and notices ---------------------------

def active_faq(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM citizen_faq WHERE active = 1 ORDER BY id").fetchall()


def active_notices(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM citizen_notices WHERE active = 1 ORDER BY id DESC").fetchall()


def has_faq(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM citizen_faq LIMIT 1").fetchone() is not None


def add_faq(conn: sqlite3.Connection, question: str, answer: str, username: str) -> None:
    conn.execute("INSERT INTO citizen_faq (question, answer, updated_by) VALUES (?, ?, ?)",
                 (question, answer, username))


def add_notice(conn: sqlite3.Connection, title: str, body: str, username: str) -> None:
    conn.execute("INSERT INTO citizen_notices (title, body, updated_by) VALUES (?, ?, ?)", (title, body, username))


def withdraw_faq(conn: sqlite3.Connection, item_id: int, username: str) -> None:
    """Withdrawn rows are kept (who withdrew what stays visible), not deleted."""
    conn.execute("UPDATE citizen_faq SET active = 0, updated_by = ? WHERE id = ?", (username, item_id))


def withdraw_notice(conn: sqlite3.Connection, item_id: int, username: str) -> None:
    conn.execute("UPDATE citizen_notices SET active = 0, updated_by = ? WHERE id = ?", (username, item_id))


# --- the Zalo outbox (at-most-once, see zalo_outbox.py) and the OA tokens -----------------------------

def queue_reply(conn: sqlite3.Connection, source_key: str, recipient: str, text: str,
                buttons: str | None = None) -> int | None:
    """One row per `source_key`, however often it is queued: the new id, or None when it was there.
    `buttons`: JSON list of quick-reply titles, or None."""
    cur = conn.execute("INSERT OR IGNORE INTO zalo_outbox (source_key, recipient, text, buttons) VALUES (?, ?, ?, ?)",
                       (source_key, recipient, text, buttons))
    return int(cur.lastrowid) if cur.rowcount and cur.lastrowid else None


def outbox_row(conn: sqlite3.Connection, outbox_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM zalo_outbox WHERE id = ?", (outbox_id,)).fetchone()
    return row


def outbox_of_feedback(conn: sqlite3.Connection, feedback_id: int) -> list[sqlite3.Row]:
    """The Zalo messages carrying the replies to one item (status, last error, when sent)."""
    return conn.execute("SELECT status, last_error, sent_at FROM zalo_outbox WHERE source_key LIKE ?"
                        " ORDER BY id", (f"reply:{feedback_id}:%",)).fetchall()


def outbox_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {str(status): int(n) for status, n in
            conn.execute("SELECT status, count(*) FROM zalo_outbox GROUP BY status").fetchall()}


def ready_outbox_ids(conn: sqlite3.Connection, limit: int) -> list[int]:
    return [int(r[0]) for r in conn.execute(
        "SELECT id FROM zalo_outbox WHERE status = 'pending' AND next_attempt_at <= strftime('%Y-%m-%d %H:%M:%f',"
        " 'now') ORDER BY id LIMIT ?", (limit,))]


def claim_outbox(conn: sqlite3.Connection, outbox_id: int) -> bool:
    """Mark a pending row 'sending' before the request: False when someone else has it."""
    return bool(conn.execute("UPDATE zalo_outbox SET status = 'sending', attempts = attempts + 1,"
                             " next_attempt_at = strftime('%Y-%m-%d %H:%M:%f', 'now')"
                             " WHERE id = ? AND status = 'pending'", (outbox_id,)).rowcount)


def outbox_sent(conn: sqlite3.Connection, outbox_id: int, msg_id: str | None) -> None:
    conn.execute("UPDATE zalo_outbox SET status = 'sent', zalo_msg_id = ?, sent_at = datetime('now'),"
                 " last_error = NULL WHERE id = ?", (msg_id, outbox_id))


def outbox_retry(conn: sqlite3.Connection, outbox_id: int, error: str, delay_s: int) -> None:
    conn.execute("UPDATE zalo_outbox SET status = 'pending', last_error = ?,"
                 " next_attempt_at = strftime('%Y-%m-%d %H:%M:%f', 'now', ?) WHERE id = ?",
                 (error, f"+{delay_s} seconds", outbox_id))


def outbox_settle(conn: sqlite3.Connection, outbox_id: int, status: str, error: str) -> None:
    """'uncertain' or 'failed': never sent again automatically."""
    conn.execute("UPDATE zalo_outbox SET status = ?, last_error = ? WHERE id = ?", (status, error, outbox_id))


def outbox_give_up_stale(conn: sqlite3.Connection, older_than: str) -> None:
    """A row left 'sending' (by a crashed worker) longer than `older_than` (an SQLite modifier, negative)
    may or may not have gone out: 'uncertain', never resent."""
    conn.execute("UPDATE zalo_outbox SET status = 'uncertain', last_error = 'tiến trình dừng khi đang gửi'"
                 " WHERE status = 'sending' AND next_attempt_at < strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
                 (older_than,))


def tokens(conn: sqlite3.Connection) -> tuple[str | None, str | None] | None:
    """The stored (access, refresh) pair, or None before the first refresh."""
    row = conn.execute("SELECT access_token, refresh_token FROM zalo_tokens WHERE id = 1").fetchone()
    return None if row is None else (row["access_token"], row["refresh_token"])


def save_tokens(conn: sqlite3.Connection, access: str, refresh: str, access_expires_at: str) -> None:
    conn.execute(
        "INSERT INTO zalo_tokens (id, access_token, refresh_token, access_expires_at, refreshed_at)"
        " VALUES (1, ?, ?, ?, datetime('now')) ON CONFLICT(id) DO UPDATE SET access_token = excluded.access_token,"
        " refresh_token = excluded.refresh_token, access_expires_at = excluded.access_expires_at,"
        " refreshed_at = excluded.refreshed_at",
        (access, refresh, access_expires_at))


# --- conversations handed over to staff ("gặp cán bộ") -------------------------------------------------

def insert_handover(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """A hand-over pulled from public.db; False when its code is here already (a pull is idempotent)."""
    cur = conn.execute("INSERT OR IGNORE INTO chat_handovers (code, channel, channel_user, transcript, created_at)"
                       " VALUES (?,?,?,?,?)", (row["code"], row["channel"], row["channel_user"], row["transcript"],
                                               row["created_at"]))
    return bool(cur.rowcount)


def handovers(conn: sqlite3.Connection, status: str | None = None, limit: int = 100) -> list[sqlite3.Row]:
    if status:
        return conn.execute("SELECT * FROM chat_handovers WHERE status = ? ORDER BY id DESC LIMIT ?",
                            (status, limit)).fetchall()
    return conn.execute("SELECT * FROM chat_handovers ORDER BY (status = 'cho_xu_ly') DESC, id DESC LIMIT ?",
                        (limit,)).fetchall()


def handover_row(conn: sqlite3.Connection, handover_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM chat_handovers WHERE id = ?", (handover_id,)).fetchone()
    return row


def open_handovers(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM chat_handovers WHERE status = 'cho_xu_ly'").fetchone()[0])


def set_handover_reply(conn: sqlite3.Connection, handover_id: int, text: str, username: str) -> None:
    conn.execute("UPDATE chat_handovers SET reply = ?, replied_by = ?, status = 'da_tra_loi', assigned_to ="
                 " coalesce(assigned_to, ?), updated_at = datetime('now') WHERE id = ?",
                 (text, username, username, handover_id))
