"""Conversations a citizen handed to staff ("Gặp cán bộ", codes like HD-7K3-M4X): the list, one transcript,
and the officer's answer, which goes back on the citizen's channel (Zalo message, or the website's
status lookup by the HD code)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from appliance.citizen.public import store as public_store
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import store
from appliance.config import Settings
from appliance.db import transaction
from appliance.jobs import enqueue

STATUS_LABELS = {"cho_xu_ly": "Chờ cán bộ trả lời", "da_tra_loi": "Đã trả lời", "dong": "Đã đóng"}
ROLE_LABELS = {"citizen": "Người dân", "bot": "Trợ lý tự động"}


@dataclass(frozen=True)
class Turn:
    role: str  # as the chat log names it ("citizen", "bot")
    who: str  # in Vietnamese
    text: str


def transcript(row: sqlite3.Row) -> list[Turn]:
    try:
        raw = json.loads(row["transcript"] or "[]")
    except ValueError:
        raw = []
    turns = [t for t in raw if isinstance(t, dict)] if isinstance(raw, list) else []
    return [Turn(str(t.get("role", "")), ROLE_LABELS.get(str(t.get("role", "")), str(t.get("role", ""))),
                 str(t.get("text", ""))) for t in turns]


def last_question(row: sqlite3.Row) -> str:
    said = [t.text for t in transcript(row) if t.role == "citizen"]
    return said[-1] if said else ""


def answer(conn: sqlite3.Connection, settings: Settings, handover_id: int, text: str, username: str) -> str:
    """Store the officer's answer and send it on the citizen's channel; returns how it travels."""
    text = text.strip()
    if not text:
        raise ValueError("Nội dung trả lời trống")
    row = store.handover_row(conn, handover_id)
    if row is None:
        raise LookupError
    with transaction(conn):
        store.set_handover_reply(conn, handover_id, text, username)
        if row["channel"] == "zalo" and row["channel_user"]:
            store.queue_reply(conn, f"handover:{handover_id}:{row['code']}", row["channel_user"],
                              f"Cán bộ UBND phường trả lời ({row['code']}):\n{text}")
            enqueue(conn, "citizen.zalo_send", {}, max_attempts=1)
            channel = "zalo"
        else:
            channel = "status_page"
    if channel == "status_page":  # the citizen looks the answer up by the HD code on the website
        with public_db(settings) as public:
            public_store.update_handover(public, row["code"], "da_tra_loi", text)
    return channel
