"""Zalo OA webhook (citizen side): signature, freshness, replay, durable queueing.

Signature (CONTRACT §7): `X-ZEvent-Signature: mac=<hex>`, hex = sha256(app_id + raw body +
timestamp + OA secret key), with the timestamp (milliseconds) from the event body. Without
keys configured the webhook answers 503: an unsigned event is never accepted.
A replayed event (same msg_id, or the same signed body) is answered 200 "duplicate" and not
queued again: Zalo retries deliveries it did not see acknowledged, and refusing those with an
error would make it retry for hours and then disable the webhook.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from appliance.citizen.public import store
from appliance.config import Settings

MAX_SKEW_MS = 5 * 60 * 1000
MAX_BODY = 64 * 1024


@dataclass(frozen=True)
class WebhookResult:
    status: int
    body: dict[str, Any]


def _error(status: int, code: str, message: str) -> WebhookResult:
    return WebhookResult(status, {"error": {"code": code, "message": message}})


def signature(app_id: str, raw_body: bytes, timestamp: str, secret: str) -> str:
    return hashlib.sha256(app_id.encode() + raw_body + timestamp.encode() + secret.encode()).hexdigest()


def receive(conn: sqlite3.Connection, settings: Settings, raw_body: bytes, header: str | None,
            now_ms: int | None = None) -> WebhookResult:
    if not settings.zalo_app_id or not settings.zalo_oa_secret_key:
        return _error(503, "zalo_not_configured", "Chưa cấu hình khóa Zalo OA (APPLIANCE_ZALO_APP_ID, "
                                                  "APPLIANCE_ZALO_OA_SECRET_KEY); sự kiện không được nhận.")
    if len(raw_body) > MAX_BODY:
        return _error(413, "too_large", "Sự kiện quá lớn.")
    mac = (header or "").strip()
    if not mac.lower().startswith("mac="):
        return _error(401, "unsigned", "Thiếu chữ ký X-ZEvent-Signature.")
    try:
        event = json.loads(raw_body)
        timestamp = str(event["timestamp"])
        ts = int(timestamp)
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: JSON nested thousands deep
        return _error(400, "bad_event", "Sự kiện không đúng định dạng.")
    expected = signature(settings.zalo_app_id, raw_body, timestamp, settings.zalo_oa_secret_key)
    if not hmac.compare_digest(mac[4:].strip().lower(), expected):
        return _error(401, "bad_signature", "Chữ ký không hợp lệ.")
    if str(event.get("app_id", "")) != settings.zalo_app_id:
        return _error(401, "wrong_app", "Sự kiện không thuộc ứng dụng này.")
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    if abs(now_ms - ts) > MAX_SKEW_MS:
        return _error(403, "stale", "Sự kiện quá cũ (quá 5 phút).")
    msg_id = (event.get("message") or {}).get("msg_id") if isinstance(event.get("message"), dict) else None
    key = f"msg:{msg_id}" if msg_id else "sig:" + expected
    who = event.get("sender") if isinstance(event.get("sender"), dict) else event.get("follower")
    sender = who.get("id") if isinstance(who, dict) else None  # a follow event names a follower
    queued = store.queue_event(conn, key, str(event.get("event_name", "")), str(sender) if sender else None,
                               raw_body.decode("utf-8", "replace"), ts)
    if not queued:
        return WebhookResult(200, {"status": "duplicate", "queued": False})
    return WebhookResult(200, {"status": "queued", "queued": True})
