"""The SQL of public.db: the only module that writes it (CONTRACT §2: the citizen app's own
database; `meta` here is the citizen feature's, not the staff database's `meta`).

The citizen app reads and writes it through these functions; the staff side opens it with
`public_db(settings)` to publish, pull and answer Zalo messages (`appliance.citizen.staff.sync`).
Personal data (name, phone, address, a complaint's text) waits in `inbox` only until pulled.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from appliance.citizen.matching import Procedure, Record
from appliance.config import Settings
from appliance.db import connect, migrate, transaction
from appliance.text import fold


def prepare_database(settings: Settings) -> None:
    """Migrate public.db (the citizen app does this once, at start)."""
    with public_db(settings):
        pass


@contextmanager
def public_db(settings: Settings) -> Iterator[sqlite3.Connection]:
    """public.db, migrated: the staff side's way in (the citizen app opens it per request)."""
    conn = connect(settings.public_db_path)
    try:
        migrate(conn, "public")
        yield conn
    finally:
        conn.close()


def webhook_connection(settings: Settings) -> sqlite3.Connection:
    """The webhook's connection: an event is durable once answered (synchronous=FULL), and a busy
    database answers at once (Zalo delivers the event again) instead of holding the event loop."""
    conn = connect(settings.public_db_path, synchronous="FULL")
    conn.execute("PRAGMA busy_timeout=1500")
    return conn


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


# --- the published catalogue, routing, examples, FAQ and notices ------------------------------------

def catalogue_key(conn: sqlite3.Connection) -> tuple[object, ...]:
    """Changes whenever the published catalogue does (the chatbot rebuilds its index then)."""
    row = conn.execute("SELECT count(*), coalesce(max(updated_at), ''), "
                       "(SELECT value FROM meta WHERE key = 'catalogue_version') FROM pub_procedures").fetchone()
    return tuple(row)


def procedures(conn: sqlite3.Connection) -> list[Procedure]:
    return [Procedure(r["code"], r["name"], bool(r["police"]), json.loads(r["data"]))
            for r in conn.execute("SELECT code, name, police, data FROM pub_procedures ORDER BY code")]


def procedure_record(conn: sqlite3.Connection, code: str) -> Record | None:
    """One published catalogue record (JSON as the catalogue holds it), or None."""
    row = conn.execute("SELECT data FROM pub_procedures WHERE code = ?", (code,)).fetchone()
    if row is None:
        return None
    record: Record = json.loads(row["data"])
    return record


def examples_key(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM pub_examples").fetchone()
    return int(row[0]), int(row[1])


def examples(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The staff's classifier examples as published: (category, folded text)."""
    return [(r["category"], r["text_fold"]) for r in conn.execute("SELECT category, text_fold FROM pub_examples")]


def route(conn: sqlite3.Connection, category: str) -> sqlite3.Row:
    """The routing row of `category`, or of "khac" when the category is unknown."""
    row: sqlite3.Row = conn.execute("SELECT * FROM pub_routing WHERE category = ?", (category,)).fetchone()
    if row is None:  # "khac" is seeded by citizen_public_0002 and published from the staff table
        row = conn.execute("SELECT * FROM pub_routing WHERE category = 'khac'").fetchone()
    return row


def faq(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT question, answer FROM pub_faq ORDER BY id").fetchall()


def notices(conn: sqlite3.Connection, limit: int = 20) -> list[sqlite3.Row]:
    return conn.execute("SELECT title, body, published_at FROM pub_notices ORDER BY published_at DESC LIMIT ?",
                        (limit,)).fetchall()


@dataclass(frozen=True)
class Publication:
    """What the staff side publishes in one round (rows as the staff tables hold them)."""

    procedures: list[Record]
    catalogue_version: str
    routing: Sequence[Sequence[object]]  # category, label, department, sla_days
    examples: Sequence[Sequence[object]]  # id, category, text_fold
    faq: Sequence[sqlite3.Row]  # id, question, answer
    notices: Sequence[Sequence[object]]  # id, title, body, published_at
    version: str  # of everything above: the round is skipped when it was published already
    work_calendar: str = ""  # the ward's extra days off / working days (WorkCalendar.to_json), for deadlines
    ward_profile: str = "{}"  # JSON: what citizens may read of the ward's profile (FAQ answers)


def write_publication(conn: sqlite3.Connection, pub: Publication) -> None:
    """Replace what the citizen side sees, in one transaction (the catalogue only when it changed)."""
    with transaction(conn):
        if meta_value(conn, "catalogue_version") != pub.catalogue_version:
            conn.execute("DELETE FROM pub_procedures")
            conn.executemany(
                "INSERT INTO pub_procedures (code, name, name_fold, field, police, data, search_fold, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(p["code"], p["name"], fold(p["name"]), p.get("field", ""), 1 if p.get("police") else 0,
                  json.dumps(p, ensure_ascii=False), fold(" ".join([p["name"], *p.get("aliases", [])])),
                  p.get("updated_at")) for p in pub.procedures])
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('catalogue_version', ?)",
                         (pub.catalogue_version,))
        conn.execute("DELETE FROM pub_routing")
        conn.executemany("INSERT INTO pub_routing (category, label, department, sla_days) VALUES (?,?,?,?)",
                         [tuple(r) for r in pub.routing])
        conn.execute("DELETE FROM pub_examples")
        conn.executemany("INSERT INTO pub_examples (id, category, text_fold) VALUES (?,?,?)",
                         [tuple(r) for r in pub.examples])
        conn.execute("DELETE FROM pub_faq")
        conn.executemany("INSERT INTO pub_faq (id, question, question_fold, answer) VALUES (?,?,?,?)",
                         [(r["id"], r["question"], fold(r["question"]), r["answer"]) for r in pub.faq])
        conn.execute("DELETE FROM pub_notices")
        conn.executemany("INSERT INTO pub_notices (id, title, body, published_at) VALUES (?,?,?,?)",
                         [tuple(r) for r in pub.notices])
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('work_calendar', ?)", (pub.work_calendar,))
        set_ward_profile(conn, pub.ward_profile)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('published_at', datetime('now'))")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('publish_version', ?)", (pub.version,))


# --- chat sessions --------------------------------------------------------------------------------

def session_state(conn: sqlite3.Connection, session_id: str) -> str | None:
    """The session's state as stored (JSON), or None for a new session."""
    row = conn.execute("SELECT state FROM chat_sessions WHERE id = ?", (session_id,)).fetchone()
    return None if row is None else str(row["state"])


@dataclass(frozen=True)
class Turn:
    """One exchange as the chat log keeps it (the citizen's text already masked)."""

    citizen_text: str
    intent: str
    reply: str
    procedure_code: str | None
    engine: str


def save_turn(conn: sqlite3.Connection, session_id: str, channel: str, state_json: str, turn: Turn) -> None:
    """The session's new state and both messages, in one transaction."""
    with transaction(conn):
        conn.execute("INSERT INTO chat_sessions (id, channel, state) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE"
                     " SET state = excluded.state, updated_at = datetime('now')", (session_id, channel, state_json))
        conn.execute("INSERT INTO chat_messages (session_id, role, text, intent) VALUES (?, 'citizen', ?, ?)",
                     (session_id, turn.citizen_text, turn.intent))
        conn.execute("INSERT INTO chat_messages (session_id, role, text, intent, procedure_code, engine)"
                     " VALUES (?, 'bot', ?, ?, ?, ?)",
                     (session_id, turn.reply, turn.intent, turn.procedure_code, turn.engine))


def retention_due(conn: sqlite3.Connection) -> bool:
    """Whether a day has passed since chat logs were last trimmed (or they never were)."""
    last = meta_value(conn, "retention_at")
    return last is None or not conn.execute("SELECT ? > datetime('now', '-1 day')", (last,)).fetchone()[0]


def remove_old_chats(conn: sqlite3.Connection, days: int) -> tuple[int, int]:
    """Delete chat messages and idle sessions older than `days`: (messages, sessions) removed."""
    cutoff = f"-{int(days)} days"
    with transaction(conn):
        messages = conn.execute("DELETE FROM chat_messages WHERE at < strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
                                (cutoff,)).rowcount
        sessions = conn.execute("DELETE FROM chat_sessions WHERE updated_at < datetime('now', ?)",
                                (cutoff,)).rowcount
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_at', datetime('now'))")
    return messages, sessions


# --- feedback: the inbox (until pulled) and the tickets citizens look up ------------------------------

def ticket_code_for_source(conn: sqlite3.Connection, source_key: str) -> str | None:
    row = conn.execute("SELECT ticket_code FROM inbox WHERE source_key = ?", (source_key,)).fetchone()
    return None if row is None else str(row[0])


def ticket_code_taken(conn: sqlite3.Connection, code: str) -> bool:
    return conn.execute("SELECT 1 FROM tickets WHERE ticket_code = ?", (code,)).fetchone() is not None


@dataclass(frozen=True)
class NewFeedback:
    ticket_code: str
    channel: str
    channel_user: str | None
    content: str
    name: str | None
    phone: str | None
    address: str | None
    category: str
    department: str
    deadline: str  # YYYY-MM-DD
    created_at: str  # YYYY-MM-DD HH:MM:SS
    source_key: str | None
    triage: bool = False  # below the classifier's confidence: "chờ phân loại", staff choose the category


def insert_feedback(conn: sqlite3.Connection, item: NewFeedback) -> None:
    """The complaint into `inbox` (for the staff side) and its public ticket; call inside a transaction
    that also chose the ticket code."""
    conn.execute(
        "INSERT INTO inbox (ticket_code, channel, channel_user, content, name, phone, address, category,"
        " department, deadline, created_at, source_key, triage) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (item.ticket_code, item.channel, item.channel_user, item.content, item.name, item.phone, item.address,
         item.category, item.department, item.deadline, item.created_at, item.source_key, int(item.triage)),
    )
    conn.execute(
        "INSERT INTO tickets (ticket_code, category, department, status, deadline, created_at, updated_at, triage)"
        " VALUES (?, ?, ?, 'cho_xu_ly', ?, ?, ?, ?)",
        (item.ticket_code, item.category, item.department, item.deadline, item.created_at, item.created_at,
         int(item.triage)),
    )


def ticket(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    """A ticket with its category's label (what a citizen may see: no personal data)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT t.*, r.label FROM tickets t LEFT JOIN pub_routing r ON r.category = t.category"
        " WHERE t.ticket_code = ?", (code,)).fetchone()
    return row


def upsert_ticket(conn: sqlite3.Connection, code: str, category: str, department: str, status: str, deadline: str,
                  created_at: str, reply: str | None, triage: bool = False) -> None:
    conn.execute(
        "INSERT INTO tickets (ticket_code, category, department, status, deadline, created_at, updated_at, reply,"
        " triage) VALUES (?,?,?,?,?,?,datetime('now'),?,?) ON CONFLICT(ticket_code) DO UPDATE SET"
        " category = excluded.category, department = excluded.department, status = excluded.status,"
        " deadline = excluded.deadline, updated_at = excluded.updated_at, reply = excluded.reply,"
        " triage = excluded.triage",
        (code, category, department, status, deadline, created_at, reply, int(triage)))


def unpulled(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM inbox WHERE pulled_at IS NULL ORDER BY id").fetchall()


def ward_profile(conn: sqlite3.Connection) -> dict[str, str]:
    """What the ward published of its profile for citizens (name, address, phone, opening hours…);
    {} until the ward is set up."""
    raw = meta_value(conn, "ward_profile")
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def set_ward_profile(conn: sqlite3.Connection, profile_json: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('ward_profile', ?)", (profile_json,))


# --- conversations handed over to staff ("gặp cán bộ") -------------------------------------------------

def session_messages(conn: sqlite3.Connection, session_id: str, limit: int = 40) -> list[tuple[str, str]]:
    """The session's last messages as logged (citizen text masked): (role, text), oldest first."""
    rows = conn.execute("SELECT role, text FROM chat_messages WHERE session_id = ? ORDER BY id DESC LIMIT ?",
                        (session_id, limit)).fetchall()
    return [(str(r["role"]), str(r["text"])) for r in reversed(rows)]


def handover_code_for_source(conn: sqlite3.Connection, source_key: str) -> str | None:
    row = conn.execute("SELECT code FROM handovers WHERE source_key = ?", (source_key,)).fetchone()
    return None if row is None else str(row[0])


def handover_code_taken(conn: sqlite3.Connection, code: str) -> bool:
    return conn.execute("SELECT 1 FROM handovers WHERE code = ?", (code,)).fetchone() is not None


def insert_handover(conn: sqlite3.Connection, code: str, channel: str, channel_user: str | None, transcript: str,
                    source_key: str | None, created_at: str) -> None:
    conn.execute("INSERT INTO handovers (code, channel, channel_user, transcript, source_key, created_at, updated_at)"
                 " VALUES (?,?,?,?,?,?,?)", (code, channel, channel_user, transcript, source_key, created_at,
                                             created_at))


def handover(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT code, channel, status, reply, created_at, updated_at"
                                           " FROM handovers WHERE code = ?", (code,)).fetchone()
    return row


def unpulled_handovers(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM handovers WHERE pulled_at IS NULL ORDER BY id").fetchall()


def mark_handover_pulled(conn: sqlite3.Connection, handover_id: int) -> None:
    """The staff copy is committed: the conversation and who wrote it leave public.db."""
    conn.execute("UPDATE handovers SET pulled_at = datetime('now'), transcript = '', channel_user = NULL"
                 " WHERE id = ?", (handover_id,))


def update_handover(conn: sqlite3.Connection, code: str, status: str, reply: str | None) -> None:
    conn.execute("UPDATE handovers SET status = ?, reply = ?, updated_at = datetime('now') WHERE code = ?",
                 (status, reply, code))


def mark_pulled(conn: sqlite3.Connection, inbox_id: int) -> None:
    """The staff copy is committed: the complaint leaves public.db (its text may name people or
    places too, so it goes with the contact details)."""
    conn.execute("UPDATE inbox SET pulled_at = datetime('now'), name = NULL, phone = NULL, address = NULL,"
                 " channel_user = NULL, content = '' WHERE id = ?", (inbox_id,))


# --- Zalo events: queued by the webhook, answered by the staff side's worker --------------------------

def queue_event(conn: sqlite3.Connection, dedupe_key: str, event_name: str, sender_id: str | None, body: str,
                event_ts: int) -> bool:
    """Store an event once: False when its key was seen before (a replay)."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO zalo_events (dedupe_key, event_name, sender_id, body, event_ts) VALUES (?,?,?,?,?)",
        (dedupe_key, event_name, sender_id, body, event_ts))
    return cur.rowcount != 0


def has_open_events(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM zalo_events WHERE status != 'done' AND status != 'ignored'"
                        " LIMIT 1").fetchone() is not None


def queued_events(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM zalo_events WHERE status = 'queued' ORDER BY id").fetchall()


def ignore_event(conn: sqlite3.Connection, event_id: int) -> None:
    conn.execute("UPDATE zalo_events SET status = 'ignored', body = '{}', sender_id = NULL WHERE id = ?",
                 (event_id,))


def set_aside_event(conn: sqlite3.Connection, event_id: int, error: str) -> None:
    """A poison event: kept (body included, for whoever investigates) but out of the queue."""
    conn.execute("UPDATE zalo_events SET status = 'failed', error = ? WHERE id = ?", (error[:1000], event_id))


def set_aside_events(conn: sqlite3.Connection, limit: int = 50) -> list[sqlite3.Row]:
    """The events set aside, newest first (no message text: the admin page shows what went wrong)."""
    return conn.execute("SELECT id, event_name, received_at, error FROM zalo_events WHERE status = 'failed'"
                        " ORDER BY id DESC LIMIT ?", (limit,)).fetchall()


def answer_event(conn: sqlite3.Connection, event_id: int, reply: str, buttons: str | None = None) -> None:
    """The chatbot's reply and its choices (JSON list of button titles, or None)."""
    conn.execute("UPDATE zalo_events SET status = 'answered', reply = ?, buttons = ? WHERE id = ?",
                 (reply, buttons, event_id))


def answered_events(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, sender_id, reply, buttons FROM zalo_events WHERE status = 'answered'").fetchall()


def finish_event(conn: sqlite3.Connection, event_id: int) -> None:
    """Only the dedupe key stays: the message and who sent it now live on the staff side alone."""
    conn.execute("UPDATE zalo_events SET status = 'done', reply = NULL, buttons = NULL, body = '{}', sender_id = NULL"
                 " WHERE id = ?", (event_id,))
