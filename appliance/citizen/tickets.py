"""Tickets as both sides know them: codes citizens can read aloud over the phone (no 0/O,
1/I/L, 2/Z, 5/S, 8/B) and the statuses a ticket goes through (CONTRACT §5). A complaint's code
starts with PA (phản ánh); a conversation handed over to staff gets one starting with HD (hỏi đáp)."""

from __future__ import annotations

import random
import secrets

ALPHABET = "3467ACDEFGHJKMNPQRTUVWXY"
PREFIX = "PA"
HANDOVER_PREFIX = "HD"
STATUS_LABELS = {"cho_xu_ly": "Chờ xử lý", "dang_xu_ly": "Đang xử lý", "da_xu_ly": "Đã xử lý",
                 "tu_choi": "Từ chối"}
HANDOVER_STATUS_LABELS = {"cho_xu_ly": "Chờ cán bộ trả lời", "da_tra_loi": "Cán bộ đã trả lời", "dong": "Đã đóng"}
TRIAGE_LABEL = "Chờ phân loại"


def new_ticket_code(rng: random.Random | None = None, length: int = 6, prefix: str = PREFIX) -> str:
    pick = rng.choice if rng is not None else secrets.choice
    body = "".join(pick(ALPHABET) for _ in range(length))
    return f"{prefix}-{body[:3]}-{body[3:]}"


def normalise_ticket_code(raw: str) -> str:
    """Accept 'pa 7k3 m9x', 'PA7K3M9X' or with dashes (and HD codes alike); return the canonical
    'PA-7K3-M4X' form."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    prefix = PREFIX
    for known in (PREFIX, HANDOVER_PREFIX):
        if cleaned.startswith(known):
            prefix, cleaned = known, cleaned[len(known):]
            break
    return f"{prefix}-{cleaned[:3]}-{cleaned[3:]}" if len(cleaned) == 6 else raw.strip().upper()
