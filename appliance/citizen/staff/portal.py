"""What the ward publishes to citizens besides the catalogue: FAQ entries (the chatbot answers
one verbatim when no procedure fits) and notices, shown on the citizen app's home page. Edited on
/quan-tri/cong-dan; each edit asks for a new publication (job `citizen.publish`)."""

from __future__ import annotations

import sqlite3

from appliance.citizen.staff import store
from appliance.jobs import enqueue
from appliance.text import normalize


def edit(conn: sqlite3.Connection, action: str, title: str, body: str, item_id: int, username: str) -> str:
    """Add or withdraw an FAQ entry or a notice (withdrawn rows are kept, not deleted). Returns the
    title as stored; ValueError (Vietnamese) for an incomplete entry or an unknown action."""
    title, body = normalize(title).strip(), normalize(body).strip()
    if action in ("add_faq", "add_notice") and (not title or not body):
        raise ValueError("Cần nhập đủ tiêu đề/câu hỏi và nội dung.")
    if action == "add_faq":
        store.add_faq(conn, title, body, username)
    elif action == "add_notice":
        store.add_notice(conn, title, body, username)
    elif action == "hide_faq":
        store.withdraw_faq(conn, item_id, username)
    elif action == "hide_notice":
        store.withdraw_notice(conn, item_id, username)
    else:
        raise ValueError("Thao tác không hợp lệ.")
    enqueue(conn, "citizen.publish", {}, max_attempts=3)
    return title
