"""Between the two databases. Runs on the staff side (worker, staff app, CLI), which may open
public.db; the citizen app never opens the staff database.

- publish: catalogue, routing table and staff classifier examples → public.db
- pull: new feedback from public.db → staff `feedback` (personal data then cleared in public.db)
- push_ticket: a ticket's status/reply → public.db `tickets` (no personal data)
- answer_events: queued Zalo events → chatbot answer → staff `zalo_outbox`
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from appliance.config import Settings
from appliance.db import connect, migrate, transaction
from appliance.engines import Generator
from appliance.text import fold

log = logging.getLogger(__name__)
REPLY_CHANNELS_ON_STATUS_PAGE = ("web", "widget", "chat")
ZALO_TEXT_LIMIT = 2000


@contextmanager
def public_db(settings: Settings) -> Iterator[sqlite3.Connection]:
    conn = connect(settings.public_db_path)
    try:
        migrate(conn, "public")
        yield conn
    finally:
        conn.close()


def _catalogue(staff: sqlite3.Connection) -> list[dict[str, Any]]:
    from appliance.knowledge.procedures import list_procedures, load_catalogue

    try:
        procs = list_procedures(staff)
    except sqlite3.OperationalError:  # the knowledge tables are not there: use the shipped file
        procs = []
    return [p.to_dict() for p in (procs or load_catalogue())]


def publish(staff: sqlite3.Connection, public: sqlite3.Connection) -> dict[str, int]:
    procs = _catalogue(staff)
    version = hashlib.sha256(json.dumps(procs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    routing = staff.execute("SELECT category, label, department, sla_days FROM feedback_routing").fetchall()
    examples = staff.execute("SELECT id, category, text_fold FROM feedback_examples").fetchall()
    faq = staff.execute("SELECT id, question, answer FROM citizen_faq WHERE active = 1").fetchall()
    notices = staff.execute("SELECT id, title, body, published_at FROM citizen_notices WHERE active = 1").fetchall()
    everything = hashlib.sha256(json.dumps([version, *([tuple(r) for r in rows] for rows in
                                                       (routing, examples, faq, notices))],
                                           ensure_ascii=False).encode()).hexdigest()
    counts = {"procedures": len(procs), "routing": len(routing), "examples": len(examples), "faq": len(faq),
              "notices": len(notices)}
    done = public.execute("SELECT value FROM meta WHERE key = 'publish_version'").fetchone()
    if done is not None and done[0] == everything:
        return counts
    with transaction(public):
        current = public.execute("SELECT value FROM meta WHERE key = 'catalogue_version'").fetchone()
        if current is None or current[0] != version:
            public.execute("DELETE FROM pub_procedures")
            public.executemany(
                "INSERT INTO pub_procedures (code, name, name_fold, field, police, data, search_fold, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(p["code"], p["name"], fold(p["name"]), p.get("field", ""), 1 if p.get("police") else 0,
                  json.dumps(p, ensure_ascii=False), fold(" ".join([p["name"], *p.get("aliases", [])])),
                  p.get("updated_at")) for p in procs])
            public.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('catalogue_version', ?)", (version,))
        public.execute("DELETE FROM pub_routing")
        public.executemany("INSERT INTO pub_routing (category, label, department, sla_days) VALUES (?,?,?,?)",
                           [tuple(r) for r in routing])
        public.execute("DELETE FROM pub_examples")
        public.executemany("INSERT INTO pub_examples (id, category, text_fold) VALUES (?,?,?)",
                           [tuple(r) for r in examples])
        public.execute("DELETE FROM pub_faq")
        public.executemany("INSERT INTO pub_faq (id, question, question_fold, answer) VALUES (?,?,?,?)",
                           [(r["id"], r["question"], fold(r["question"]), r["answer"]) for r in faq])
        public.execute("DELETE FROM pub_notices")
        public.executemany("INSERT INTO pub_notices (id, title, body, published_at) VALUES (?,?,?,?)",
                           [tuple(r) for r in notices])
        public.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('published_at', datetime('now'))")
        public.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('publish_version', ?)", (everything,))
    return counts


def push_ticket(public: sqlite3.Connection, row: sqlite3.Row | dict[str, Any]) -> None:
    """Mirror what a citizen may see of one ticket. The reply is shown on the status page only
    for tickets filed on the website (that page is their channel); Zalo replies go by message."""
    reply = row["reply"] if row["channel"] in REPLY_CHANNELS_ON_STATUS_PAGE else None
    public.execute(
        "INSERT INTO tickets (ticket_code, category, department, status, deadline, created_at, updated_at, reply)"
        " VALUES (?,?,?,?,?,?,datetime('now'),?) ON CONFLICT(ticket_code) DO UPDATE SET category = excluded.category,"
        " department = excluded.department, status = excluded.status, deadline = excluded.deadline,"
        " updated_at = excluded.updated_at, reply = excluded.reply",
        (row["ticket_code"], row["category"], row["department"], row["status"], row["deadline"], row["created_at"],
         reply))


def pull(staff: sqlite3.Connection, public: sqlite3.Connection) -> int:
    """Idempotent: a row already pulled (same ticket code) is not inserted twice."""
    rows = public.execute("SELECT * FROM inbox WHERE pulled_at IS NULL ORDER BY id").fetchall()
    for row in rows:
        with transaction(staff):
            cur = staff.execute(
                "INSERT OR IGNORE INTO feedback (ticket_code, channel, channel_user, content, content_fold, category,"
                " category_source, department, status, name, phone, address, created_at, deadline, public_id)"
                " VALUES (?,?,?,?,?,?,'rules',?,'cho_xu_ly',?,?,?,?,?,?)",
                (row["ticket_code"], row["channel"], row["channel_user"], row["content"], fold(row["content"]),
                 row["category"], row["department"], row["name"], row["phone"], row["address"], row["created_at"],
                 row["deadline"], row["id"]))
            if cur.rowcount:
                staff.execute("INSERT INTO feedback_history (feedback_id, action, detail) VALUES (?, 'pulled', ?)",
                              (cur.lastrowid, row["channel"]))
        # Only now, with the staff copy committed, does the complaint leave public.db (its text may
        # name people or places too, so it goes with the contact details).
        public.execute("UPDATE inbox SET pulled_at = datetime('now'), name = NULL, phone = NULL, address = NULL,"
                       " channel_user = NULL, content = '' WHERE id = ?", (row["id"],))
    if rows:
        log.info("pulled %s new feedback items", len(rows))
    return len(rows)


def answer_events(staff: sqlite3.Connection, public: sqlite3.Connection, settings: Settings,
                  generator: Generator | None = None) -> int:
    """Answer queued Zalo messages with the chatbot and put the replies into the staff outbox."""
    from appliance.citizen.public.chat import ChatBot

    bot = ChatBot(generator, settings.public_base_url)
    handled = 0
    for event in public.execute("SELECT * FROM zalo_events WHERE status = 'queued' ORDER BY id").fetchall():
        body = json.loads(event["body"])
        text = ((body.get("message") or {}).get("text") or "").strip()
        if event["event_name"] == "follow" and event["sender_id"]:
            text = "xin chào"  # a new follower gets the greeting: what the OA can do for them
        if event["event_name"] not in ("user_send_text", "follow") or not text or not event["sender_id"]:
            public.execute("UPDATE zalo_events SET status = 'ignored', body = '{}', sender_id = NULL WHERE id = ?",
                           (event["id"],))
            continue
        reply = bot.handle(public, f"zalo:{event['sender_id']}", text, channel="zalo",
                           channel_user=event["sender_id"], source_key=f"zalo-event:{event['id']}")
        message = reply.reply
        if len(message) > ZALO_TEXT_LIMIT:  # Zalo caps a text message; the full record is one tap away
            cut = message.rfind("\n", 0, ZALO_TEXT_LIMIT - 200)
            link = bot.procedure_link(reply.procedure)["url"] if reply.procedure else settings.public_base_url
            message = message[:cut if cut > 0 else ZALO_TEXT_LIMIT - 200].rstrip() + f"\n…\nXem đầy đủ: {link}"
        public.execute("UPDATE zalo_events SET status = 'answered', reply = ? WHERE id = ?",
                       (message, event["id"]))
        handled += 1
    for event in public.execute("SELECT id, sender_id, reply FROM zalo_events WHERE status = 'answered'"):
        staff.execute("INSERT OR IGNORE INTO zalo_outbox (source_key, recipient, text) VALUES (?, ?, ?)",
                      (f"event:{event['id']}", event["sender_id"], event["reply"]))
        # Only the dedupe key stays: the message and who sent it now live on the staff side alone.
        public.execute("UPDATE zalo_events SET status = 'done', reply = NULL, body = '{}', sender_id = NULL"
                       " WHERE id = ?", (event["id"],))
    return handled


def enforce_retention(staff: sqlite3.Connection, public: sqlite3.Connection, settings: Settings,
                      force: bool = False) -> dict[str, int]:
    """Remove chat logs and idle sessions older than the retention the admin set, at most once a day,
    and record in the audit log what was removed."""
    from appliance.auth.audit import audit

    last = public.execute("SELECT value FROM meta WHERE key = 'retention_at'").fetchone()
    if not force and last is not None and public.execute(
            "SELECT ? > datetime('now', '-1 day')", (last[0],)).fetchone()[0]:
        return {}
    cutoff = f"-{int(settings.citizen_chat_retention_days)} days"
    with transaction(public):
        messages = public.execute("DELETE FROM chat_messages WHERE at < strftime('%Y-%m-%d %H:%M:%f', 'now', ?)",
                                  (cutoff,)).rowcount
        sessions = public.execute("DELETE FROM chat_sessions WHERE updated_at < datetime('now', ?)",
                                  (cutoff,)).rowcount
        public.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_at', datetime('now'))")
    removed = {"chat_messages": messages, "chat_sessions": sessions}
    if messages or sessions:
        audit(staff, "citizen.retention", username="hệ thống",
              detail={**removed, "days": settings.citizen_chat_retention_days})
        log.info("chat retention: removed %s", removed)
    return removed
