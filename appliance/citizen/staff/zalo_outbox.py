"""Sending replies through the Zalo OA API (worker side, staff database).

The outbox is at-most-once: a row is claimed ('sending') before the request and settled
after it. A request that never reached Zalo (no connection: the internet is down) goes back
to 'pending' and is retried with back-off; a request that may have reached Zalo but whose
answer was lost becomes 'uncertain' and is never re-sent automatically (staff see it in the
inbox), so a citizen never receives the same message twice.

Tokens: the access token lasts about 25 h; the refresh token is single use and rotates on
every refresh, so the new pair is committed in the same transaction that used the old one.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

import httpx

from appliance.citizen.staff import store
from appliance.config import Settings
from appliance.db import transaction

log = logging.getLogger(__name__)
EXPIRED_TOKEN_ERRORS = {-216, -220, -124}
RETRY_STATUSES = {502, 503, 504}
STALE_SENDING = "-2 minutes"
SEND_TIMEOUT = httpx.Timeout(15.0, connect=5.0)


class ZaloError(Exception):
    pass


@dataclass
class SendOutcome:
    status: str  # sent | pending | uncertain | failed
    detail: str = ""
    msg_id: str | None = None


def _tokens(conn: sqlite3.Connection, settings: Settings) -> tuple[str | None, str | None]:
    stored = store.tokens(conn)
    if stored is not None:
        return stored
    return settings.zalo_access_token, settings.zalo_refresh_token


def refresh_tokens(conn: sqlite3.Connection, settings: Settings, client: httpx.Client, used: str | None) -> str:
    """Exchange the stored refresh token for a new pair. BEGIN IMMEDIATE serialises refreshers: a
    second one finds the token already rotated and uses the new access token instead."""
    with transaction(conn):
        access, refresh = _tokens(conn, settings)
        if access and used and access != used:
            return access  # someone refreshed while we were sending
        if not refresh or not settings.zalo_app_id or not settings.zalo_app_secret:
            raise ZaloError("không có refresh token hoặc app secret để làm mới access token")
        response = client.post(
            f"{settings.zalo_oauth_base.rstrip('/')}/v4/oa/access_token",
            headers={"secret_key": settings.zalo_app_secret},
            data={"refresh_token": refresh, "app_id": settings.zalo_app_id, "grant_type": "refresh_token"},
        )
        data = response.json()
        if not data.get("access_token") or not data.get("refresh_token"):
            raise ZaloError(f"làm mới token thất bại: {data.get('error')} {data.get('error_description', '')}")
        expires = dt.datetime.now() + dt.timedelta(seconds=int(data.get("expires_in") or 90000))
        store.save_tokens(conn, data["access_token"], data["refresh_token"], expires.isoformat(timespec="seconds"))
    log.info("Zalo access token refreshed (refresh token rotated)")
    return str(data["access_token"])


def message_body(text: str, buttons: str | None) -> dict[str, Any]:
    """A consultation message; with choices, a text with quick-reply buttons ("oa.query.show": a tap
    sends the button's title back to the OA as the citizen's message, which the chatbot understands)."""
    message: dict[str, Any] = {"text": text}
    titles = json.loads(buttons) if buttons else []
    if titles:
        message["attachment"] = {"type": "template", "payload": {"buttons": [
            {"title": str(t), "type": "oa.query.show", "payload": str(t)} for t in titles]}}
    return message


def _post(client: httpx.Client, settings: Settings, token: str, recipient: str, text: str,
          buttons: str | None = None) -> dict[str, Any]:
    response = client.post(
        f"{settings.zalo_api_base.rstrip('/')}/v3.0/oa/message/cs",
        headers={"access_token": token},
        json={"recipient": {"user_id": recipient}, "message": message_body(text, buttons)},
    )
    if response.status_code in RETRY_STATUSES:
        raise httpx.ConnectError(f"HTTP {response.status_code}")  # the gateway refused: nothing was sent
    data: dict[str, Any] = response.json()
    return data


def send_one(conn: sqlite3.Connection, settings: Settings, outbox_id: int, client: httpx.Client) -> SendOutcome:
    if not store.claim_outbox(conn, outbox_id):
        return SendOutcome("skipped")
    row = store.outbox_row(conn, outbox_id)
    assert row is not None  # just claimed; rows are never deleted
    outcome = _attempt(conn, settings, row, client)
    if outcome.status == "sent":
        store.outbox_sent(conn, outbox_id, outcome.msg_id)
    elif outcome.status == "pending":
        store.outbox_retry(conn, outbox_id, outcome.detail, min(3600, 10 * 2 ** min(row["attempts"], 8)))
    else:
        store.outbox_settle(conn, outbox_id, outcome.status, outcome.detail)
    return outcome


def _attempt(conn: sqlite3.Connection, settings: Settings, row: sqlite3.Row, client: httpx.Client) -> SendOutcome:
    token, _ = _tokens(conn, settings)
    for _round in range(2):
        try:
            if not token:
                token = refresh_tokens(conn, settings, client, None)
            data = _post(client, settings, token, row["recipient"], row["text"], row["buttons"])
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            return SendOutcome("pending", f"không kết nối được Zalo: {exc}")
        except ZaloError as exc:
            return SendOutcome("pending", str(exc))
        except (httpx.HTTPError, ValueError) as exc:
            # The request may have reached Zalo: never resend on our own.
            return SendOutcome("uncertain", f"không rõ đã gửi hay chưa: {exc!r}")
        code = int(data.get("error", -1))
        if code == 0:
            return SendOutcome("sent", msg_id=str((data.get("data") or {}).get("message_id", "")))
        if code in EXPIRED_TOKEN_ERRORS and _round == 0:
            try:
                token = refresh_tokens(conn, settings, client, token)
            except (ZaloError, httpx.HTTPError, ValueError) as exc:
                return SendOutcome("pending", f"làm mới token thất bại: {exc}")
            continue
        return SendOutcome("failed", f"Zalo từ chối ({code}): {data.get('message', '')}")
    return SendOutcome("pending", "token vẫn bị từ chối sau khi làm mới")


def send_pending(conn: sqlite3.Connection, settings: Settings, limit: int = 50) -> dict[str, int]:
    # A row left 'sending' by a crashed worker may or may not have gone out: do not resend it.
    store.outbox_give_up_stale(conn, STALE_SENDING)
    ids = store.ready_outbox_ids(conn, limit)
    counts: dict[str, int] = {}
    if not ids:
        return counts
    # Replies leave through the allow-listed egress proxy when the unit has one (docs/citizen.md).
    with httpx.Client(timeout=SEND_TIMEOUT, proxy=settings.zalo_egress_proxy, trust_env=False) as client:
        for outbox_id in ids:
            outcome = send_one(conn, settings, outbox_id, client)
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.status == "pending" and "kết nối" in outcome.detail:
                break  # offline: the rest wait for the next round
    return counts

