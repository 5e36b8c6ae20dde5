"""The citizen API (CONTRACT §2, no login): POST /api/v1/chat, POST /api/v1/feedback,
GET /api/v1/feedback/{code}. Rate limits per IP and per chat session."""

from __future__ import annotations

import re
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from appliance.citizen.public.chat import MAX_MESSAGE
from appliance.citizen.public.deps import Bot, CitizenSettings, Limits, PublicConn
from appliance.citizen.public.intake import IntakeError, file_feedback, ticket_status
from appliance.http.errors import AppError

SESSION_ID = re.compile(r"^[A-Za-z0-9_\-:.]{8,80}$")
STATUS_LOOKUPS_PER_MINUTE = 30

router = APIRouter()


class ChatIn(BaseModel):
    session_id: str | None = Field(default=None, max_length=80)
    message: str = Field(max_length=MAX_MESSAGE * 4)


class FeedbackIn(BaseModel):
    content: str = Field(max_length=20000)
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    address: str | None = Field(default=None, max_length=500)


@router.post("/api/v1/chat")
def chat(body: ChatIn, request: Request, conn: PublicConn, settings: CitizenSettings, bot: Bot,
         limits: Limits) -> JSONResponse:
    message = body.message.strip()
    if not message:
        raise AppError(422, "Bạn vui lòng nhập nội dung câu hỏi.", "empty")
    if len(message) > MAX_MESSAGE:
        raise AppError(413, f"Tin nhắn dài quá {MAX_MESSAGE} ký tự; bạn vui lòng viết ngắn gọn hơn.",
                       "too_long")
    session_id = body.session_id or secrets.token_urlsafe(12)
    if not SESSION_ID.match(session_id):
        raise AppError(422, "Mã phiên trò chuyện không hợp lệ.", "bad_session")
    limits.per_ip(request, "chat-ip", settings.citizen_chat_per_ip_minute, 60)
    limits.per_chat_session(session_id, settings.citizen_chat_per_session_minute)
    reply = bot.handle(conn, f"web:{session_id}", message, channel="web")
    return JSONResponse({
        "reply": reply.reply, "intent": reply.intent,
        "procedure": bot.procedure_link(reply.procedure) if reply.procedure else None,
        "ticket": reply.ticket, "session_id": session_id, "detail": reply.detail, "engine": reply.engine,
        "choices": reply.choices, "confidence": reply.confidence, "handover": reply.handover,
    })


@router.post("/api/v1/feedback")
def feedback(body: FeedbackIn, request: Request, conn: PublicConn, settings: CitizenSettings, bot: Bot,
             limits: Limits) -> JSONResponse:
    limits.per_ip(request, "feedback-ip", settings.citizen_feedback_per_ip_hour, 3600)
    try:
        ticket = file_feedback(conn, body.content, channel="web", name=body.name, phone=body.phone,
                               address=body.address, classification=bot.classify_complaint(conn, body.content))
    except IntakeError as exc:
        raise AppError(422, str(exc), "invalid") from None
    return JSONResponse(ticket)


@router.get("/api/v1/feedback/{ticket_code}")
def feedback_status(ticket_code: str, request: Request, conn: PublicConn, limits: Limits) -> JSONResponse:
    limits.per_ip(request, "status-ip", STATUS_LOOKUPS_PER_MINUTE, 60)
    found = ticket_status(conn, ticket_code[:40])
    if found is None:
        raise AppError(404, "Không tìm thấy phản ánh với mã này. Vui lòng kiểm tra lại mã (ví dụ PA-7K3-M4X).",
                       "ticket_not_found")
    return JSONResponse(found)
