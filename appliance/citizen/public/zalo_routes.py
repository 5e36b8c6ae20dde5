"""POST /zalo/webhook (CONTRACT §7): the event is checked and queued in public.db on the event
loop, on its own connection (`deps.CitizenServices.webhook_conn`); the staff side's worker answers it."""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from appliance.citizen.public import zalo_webhook
from appliance.citizen.public.deps import CitizenSettings, WebhookConn

router = APIRouter()


@router.post("/zalo/webhook")
async def receive(request: Request, conn: WebhookConn, settings: CitizenSettings) -> JSONResponse:
    raw = await request.body()
    try:
        result = zalo_webhook.receive(conn, settings, raw, request.headers.get("x-zevent-signature"))
    except sqlite3.OperationalError:  # database busy: Zalo retries the event later
        result = zalo_webhook.WebhookResult(503, {"error": {"code": "busy",
                                                            "message": "Hệ thống bận, Zalo sẽ gửi lại sự kiện."}})
    return JSONResponse(result.body, status_code=result.status)
