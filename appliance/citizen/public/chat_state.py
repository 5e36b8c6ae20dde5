"""What the chatbot remembers between two messages of one session.

Stored as JSON in `chat_sessions.state` with the keys sessions have always had, so a session
begun before an upgrade reads the same; a key that is absent (or unreadable) is its default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Literal

Awaiting = Literal["ticket_code", "details", "confirm"]
_AWAITING: tuple[Awaiting, ...] = ("ticket_code", "details", "confirm")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _texts(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


@dataclass
class ChatState:
    procedure: str | None = None  # the procedure answered last: a follow-up question is about it
    awaiting: Awaiting | None = None  # the question the bot just asked (a ticket code, details, "gửi phản ánh?")
    draft: str = ""  # a complaint waiting for its details or for the citizen's confirmation
    choices: list[str] = field(default_factory=list)  # labels offered ("proc:HT-KS", "faq:dia_chi", "handover")
    aspects: list[str] = field(default_factory=list)  # what that question was about (fee, documents…)
    last_ticket: str | None = None  # the ticket filed last in this session

    @classmethod
    def from_json(cls, stored: str | None) -> ChatState:
        try:
            raw = json.loads(stored) if stored else {}
        except ValueError:
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        awaiting = raw.get("awaiting")
        return cls(procedure=_text(raw.get("procedure")),
                   awaiting=next((a for a in _AWAITING if a == awaiting), None),
                   draft=_text(raw.get("draft")) or "",
                   choices=_texts(raw.get("choices")), aspects=_texts(raw.get("aspects")),
                   last_ticket=_text(raw.get("last_ticket")))

    def to_json(self) -> str:
        """Only what is set, as before: an empty session stores `{}`."""
        kept = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "", [])}
        return json.dumps(kept, ensure_ascii=False)
