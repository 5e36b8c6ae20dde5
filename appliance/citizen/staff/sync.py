"""Between the two databases. Runs on the staff side (worker, staff app, CLI), which may open
public.db; the citizen app never opens the staff database.

- publish: catalogue, routing table, staff classifier examples and the ward's working-day calendar → public.db
- pull: new feedback from public.db → staff `feedback` (personal data then cleared in public.db)
- push_ticket: a ticket's status/reply → public.db `tickets` (no personal data)
- answer_events: queued Zalo events → chatbot answer → staff `zalo_outbox`
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3

from appliance.auth.audit import audit
from appliance.citizen.matching import Record
from appliance.citizen.public import store as public_store
from appliance.citizen.public.chat import ChatBot, bot_for
from appliance.citizen.staff import store
from appliance.config import Settings
from appliance.engines import Generator
from appliance.knowledge.procedures import list_procedures, load_catalogue
from appliance.knowledge.published import citizen_record
from appliance.ward import get_profile, work_calendar

log = logging.getLogger(__name__)
REPLY_CHANNELS_ON_STATUS_PAGE = ("web", "widget", "chat")
ZALO_TEXT_LIMIT = 2000
ZALO_BUTTONS = 5  # quick-reply buttons per message
ZALO_BUTTON_TITLE = 100  # characters of a button's title


def _catalogue(staff: sqlite3.Connection) -> list[Record]:
    """The catalogue records as JSON objects (what public.db keeps and the chatbot answers from)."""
    library: sqlite3.Connection | None = staff
    try:
        procs = list_procedures(staff)
    except sqlite3.OperationalError:  # the knowledge tables are not there: the shipped file, no library to cite
        procs, library = [], None
    # Only facts whose official basis the library confirms reach citizens (the rest: "cần xác nhận").
    records = [citizen_record(library, p) for p in (procs or load_catalogue())]
    profile = get_profile(staff)
    if profile is not None and profile.opening_hours:
        # The ward's opening hours (ward setup) go with each procedure filed at its own desk.
        for record in records:
            if not record.get("police"):
                record["opening_hours"] = profile.opening_hours
    return records


# What citizens may read of the ward's profile (ward setup): the chat's FAQ answers come from these.
PUBLIC_PROFILE = ("name", "address", "phone", "email", "website", "opening_hours", "reception_schedule")


def _public_profile(staff: sqlite3.Connection) -> str:
    profile = get_profile(staff)
    values = {} if profile is None else {k: getattr(profile, k) for k in PUBLIC_PROFILE if getattr(profile, k)}
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def publish(staff: sqlite3.Connection, public: sqlite3.Connection) -> dict[str, int]:
    procs = _catalogue(staff)
    version = hashlib.sha256(json.dumps(procs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    routing = staff.execute("SELECT category, label, department, sla_days FROM feedback_routing").fetchall()
    examples = staff.execute("SELECT id, category, text_fold FROM feedback_examples").fetchall()
    faq = staff.execute("SELECT id, question, answer FROM citizen_faq WHERE active = 1").fetchall()
    notices = staff.execute("SELECT id, title, body, published_at FROM citizen_notices WHERE active = 1").fetchall()
    calendar = work_calendar(staff).to_json()
    profile = _public_profile(staff)
    everything = hashlib.sha256(json.dumps([version, calendar, profile, *([tuple(r) for r in rows] for rows in
                                                       (routing, examples, faq, notices))],
                                           ensure_ascii=False).encode()).hexdigest()
    counts = {"procedures": len(procs), "routing": len(routing), "examples": len(examples), "faq": len(faq),
              "notices": len(notices)}
    if public_store.meta_value(public, "publish_version") == everything:
        return counts
    public_store.write_publication(public, public_store.Publication(
        procedures=procs, catalogue_version=version, routing=routing, examples=examples, faq=faq, notices=notices,
        version=everything, work_calendar=calendar, ward_profile=profile))
    return counts


def push_ticket(public: sqlite3.Connection, row: sqlite3.Row) -> None:
    """Mirror what a citizen may see of one ticket. The reply is shown on the status page only
    for tickets filed on the website (that page is their channel); Zalo replies go by message.
    A ticket still "chờ phân loại" shows no department."""
    reply = row["reply"] if row["channel"] in REPLY_CHANNELS_ON_STATUS_PAGE else None
    public_store.upsert_ticket(public, row["ticket_code"], row["category"], row["department"], row["status"],
                               row["deadline"], row["created_at"], reply,
                               triage=row["category_source"] == store.TRIAGE)


def pull(staff: sqlite3.Connection, public: sqlite3.Connection) -> int:
    """Idempotent: a row already pulled (same ticket code) is not inserted twice."""
    rows = public_store.unpulled(public)
    for row in rows:
        store.insert_pulled(staff, row)
        # Only now, with the staff copy committed, does the complaint leave public.db.
        public_store.mark_pulled(public, row["id"])
    handovers = public_store.unpulled_handovers(public)
    for row in handovers:
        store.insert_handover(staff, row)
        public_store.mark_handover_pulled(public, row["id"])  # the conversation leaves public.db
    if rows or handovers:
        log.info("pulled %s new feedback items and %s hand-overs", len(rows), len(handovers))
    return len(rows) + len(handovers)


def answer_events(staff: sqlite3.Connection, public: sqlite3.Connection, settings: Settings,
                  generator: Generator | None = None) -> int:
    """Answer queued Zalo messages with the chatbot and put the replies into the staff outbox."""
    bot = bot_for(settings, generator)  # as on the website
    handled = 0
    for event in public_store.queued_events(public):
        try:
            message = _answer(bot, public, settings, event)
        except Exception as exc:  # a poison event is set aside with its error; the channel goes on
            log.warning("Zalo event %s set aside: %r", event["id"], exc)
            public_store.set_aside_event(public, event["id"], f"{type(exc).__name__}: {exc}")
            continue
        if message is None:
            public_store.ignore_event(public, event["id"])
            continue
        public_store.answer_event(public, event["id"], *message)
        handled += 1
    for event in public_store.answered_events(public):
        store.queue_reply(staff, f"event:{event['id']}", event["sender_id"], event["reply"], event["buttons"])
        public_store.finish_event(public, event["id"])
    return handled


class BadEvent(ValueError):
    """A signed event whose content is not what Zalo documents (e.g. a text that is not a string)."""


def _answer(bot: ChatBot, public: sqlite3.Connection, settings: Settings,
            event: sqlite3.Row) -> tuple[str, str | None] | None:
    """The reply to one queued event and its quick-reply titles (JSON, or None); None for an event
    that needs none (not a text, no sender)."""
    body = json.loads(event["body"])
    if not isinstance(body, dict):
        raise BadEvent("event body is not a JSON object")
    message = body.get("message") or {}
    if not isinstance(message, dict):
        raise BadEvent("message is not an object")
    raw = message.get("text") or ""
    if not isinstance(raw, str):
        raise BadEvent(f"message.text is {type(raw).__name__}, not a string")
    text = raw.strip()
    if event["event_name"] == "follow" and event["sender_id"]:
        text = "xin chào"  # a new follower gets the greeting: what the OA can do for them
    if event["event_name"] not in ("user_send_text", "follow") or not text or not event["sender_id"]:
        return None
    reply = bot.handle(public, f"zalo:{event['sender_id']}", text, channel="zalo",
                       channel_user=event["sender_id"], source_key=f"zalo-event:{event['id']}")
    answer = reply.reply
    if len(answer) > ZALO_TEXT_LIMIT:  # Zalo caps a text message; the full record is one tap away
        cut = answer.rfind("\n", 0, ZALO_TEXT_LIMIT - 200)
        link = bot.procedure_link(reply.procedure)["url"] if reply.procedure else settings.public_base_url
        answer = answer[:cut if cut > 0 else ZALO_TEXT_LIMIT - 200].rstrip() + f"\n…\nXem đầy đủ: {link}"
    # The clarifying choices travel as Zalo quick replies: a tap sends the title back as a message.
    titles = [c["title"][:ZALO_BUTTON_TITLE] for c in reply.choices][:ZALO_BUTTONS]
    return answer, json.dumps(titles, ensure_ascii=False) if titles else None


def enforce_retention(staff: sqlite3.Connection, public: sqlite3.Connection, settings: Settings,
                      force: bool = False) -> dict[str, int]:
    """Remove chat logs and idle sessions older than the retention the admin set, at most once a day,
    and record in the audit log what was removed."""
    if not force and not public_store.retention_due(public):
        return {}
    messages, sessions = public_store.remove_old_chats(public, settings.citizen_chat_retention_days)
    removed = {"chat_messages": messages, "chat_sessions": sessions}
    if messages or sessions:
        audit(staff, "citizen.retention", username="hệ thống",
              detail={**removed, "days": settings.citizen_chat_retention_days})
        log.info("chat retention: removed %s", removed)
    return removed
