"""JSON API of meetings (CONTRACT §2: POST /api/v1/meetings, POST …/{id}/stop, GET …/{id}) plus
the editor's endpoints and the caption stream (Server-Sent Events)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, cast

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette.sse import EventSourceResponse
from starlette.datastructures import UploadFile

from appliance.auth.audit import audit
from appliance.auth.roles import STAFF_ROLES
from appliance.auth.users import User
from appliance.config import Settings
from appliance.db import connect
from appliance.http.deps import Conn, SettingsDep, StaffUser, require_roles
from appliance.http.errors import AppError
from appliance.jobs import enqueue
from appliance.meetings import interim_store, store
from appliance.meetings.devices import room_map
from appliance.meetings.recorder import stop_meeting
from appliance.meetings.rows import MeetingRow, MeetingUpdate
from appliance.meetings.uploads import UploadRefused, move_into_place, probe_audio, save_limited
from appliance.meetings.views import meeting_json, segments_json
from appliance.text import normalize
from appliance.text.formatting import local_today

router = APIRouter()
# Captions are for the people in the room and for the wall screen (role display) alike.
CaptionViewer = Annotated[User, Depends(require_roles(*STAFF_ROLES, "display"))]
AUDIO_TYPES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".webm"}
MAX_UPLOAD = 2 * 1024**3
BODY_LIMITS = {"/api/v1/meetings": MAX_UPLOAD + 1024 * 1024}  # enforced while the body streams in


class LiveRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    title: str = Field(min_length=1, max_length=300)
    device: str | None = Field(default=None, max_length=200)
    room: str | None = Field(default=None, max_length=100)
    meeting_id: int | None = None  # a planned meeting to record into (it keeps its title and agenda)


class MeetingEdit(BaseModel):
    model_config = ConfigDict(extra="ignore")
    title: str | None = Field(default=None, max_length=300)
    location: str | None = Field(default=None, max_length=300)
    chair: str | None = Field(default=None, max_length=200)
    secretary: str | None = Field(default=None, max_length=200)
    attendees: str | None = Field(default=None, max_length=4000)
    conclusion: str | None = Field(default=None, max_length=10000)
    agenda: str | None = Field(default=None, max_length=4000)


class SegmentEdit(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str | None = Field(default=None, max_length=5000)
    speaker: str | None = Field(default=None, max_length=100)


class SpeakerName(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class SpeakerCount(BaseModel):
    count: int = Field(ge=1, le=20)


def meeting_or_404(conn: sqlite3.Connection, meeting_id: int) -> MeetingRow:
    row = store.get_meeting(conn, meeting_id)
    if row is None:
        raise AppError(404, "Không tìm thấy cuộc họp.", "not_found")
    return row


def require_recording(row: MeetingRow) -> None:
    """The wall screen (role display) shows live captions only: never a stored transcript."""
    if row["status"] != "recording":
        raise AppError(403, "Màn hình treo tường chỉ hiện phụ đề của cuộc họp đang ghi âm.", "forbidden")


def _planned_id(conn: sqlite3.Connection, value: str) -> int | None:
    """The planned meeting an upload goes into (form field meeting_id), None for a new meeting."""
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise AppError(422, "Mã cuộc họp không hợp lệ.", "invalid")
    return meeting_or_404(conn, int(value))["id"]


def _room_for(settings: Settings, device: str | None, room: str | None) -> str:
    if room:
        return room
    if not device:
        raise AppError(422, "Hãy chọn phòng họp hoặc thiết bị ghi âm.", "invalid")
    for name, dev in room_map(settings).items():
        if dev and (dev == device or device.startswith(dev.rstrip("*"))):
            return name
    return device


@router.post("/api/v1/meetings")
async def create_meeting(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep) -> JSONResponse:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        audio, title = form.get("audio"), str(form.get("title") or "").strip()
        if not isinstance(audio, UploadFile) or not audio.filename:
            raise AppError(422, "Hãy chọn tệp ghi âm (WAV, FLAC, MP3, M4A hoặc OGG).", "invalid")
        ext = ("." + audio.filename.rsplit(".", 1)[-1].lower()) if "." in audio.filename else ""
        if ext not in AUDIO_TYPES:
            raise AppError(422, "Định dạng tệp không hỗ trợ: dùng WAV, FLAC, MP3, M4A hoặc OGG.", "invalid")
        # Checked before a meeting exists: the size while copying, then that ffmpeg hears audio in it.
        staged = store.recordings_root(settings) / ".tai-len" / f"{uuid.uuid4().hex}{ext}"
        try:
            await asyncio.to_thread(save_limited, audio.file, staged, MAX_UPLOAD)
            await asyncio.to_thread(probe_audio, staged)
        except UploadRefused as exc:
            staged.unlink(missing_ok=True)
            raise AppError(exc.status, exc.message, exc.code) from None
        planned_id = _planned_id(conn, str(form.get("meeting_id") or ""))
        if planned_id is not None:
            # into the meeting set up ahead: its title, date and agenda stay
            if not store.begin_planned(conn, planned_id, source="upload", status="processing"):
                staged.unlink(missing_ok=True)
                raise AppError(409, "Cuộc họp dự kiến này đã được ghi âm hoặc tải lên.", "not_planned")
            meeting_id = planned_id
        else:
            meeting_id = store.create_meeting(conn, normalize(title or audio.filename), source="upload",
                                              status="processing", created_by=user.id)
        dest = store.meeting_dir(settings, meeting_id) / f"upload{ext}"
        await asyncio.to_thread(move_into_place, staged, dest)
        enqueue(conn, "meetings.process_upload", {"meeting_id": meeting_id, "path": str(dest)})
        audit(conn, "meetings.upload", user=user, target=str(meeting_id), detail={"file": audio.filename})
        return JSONResponse({"id": meeting_id, "status": "processing"}, status_code=201)
    try:
        body = LiveRequest.model_validate(json.loads(await request.body() or b"{}"))
    except (ValueError, TypeError) as exc:
        raise AppError(422, "Cần tiêu đề cuộc họp (title) và thiết bị (device) hoặc phòng (room).", "invalid") \
            from exc
    room = _room_for(settings, body.device, body.room)
    if store.active_meeting(conn, room) is not None:
        raise AppError(409, f"Phòng {room} đang ghi âm một cuộc họp khác. Hãy dừng cuộc họp đó trước.", "busy")
    if body.meeting_id is not None:
        meeting_or_404(conn, body.meeting_id)
        # recorded now, so the meeting is held today whatever day it was planned for
        if not store.begin_planned(conn, body.meeting_id, source="live", status="recording", room=room,
                                   device=body.device, meeting_date=local_today().isoformat()):
            raise AppError(409, "Cuộc họp dự kiến này đã được ghi âm hoặc tải lên.", "not_planned")
        meeting_id = body.meeting_id
    else:
        meeting_id = store.create_meeting(conn, normalize(body.title), room=room, device=body.device,
                                          created_by=user.id)
    audit(conn, "meetings.start", user=user, target=str(meeting_id), detail={"room": room})
    return JSONResponse({"id": meeting_id, "status": "recording"}, status_code=201)


@router.post("/api/v1/meetings/{meeting_id}/stop")
def stop(meeting_id: int, user: StaffUser, conn: Conn) -> dict[str, object]:
    row = meeting_or_404(conn, meeting_id)
    if row["status"] != "recording":
        raise AppError(409, "Cuộc họp này không còn đang ghi âm.", "not_recording")
    stop_meeting(conn, meeting_id)
    audit(conn, "meetings.stop", user=user, target=str(meeting_id))
    return {"id": meeting_id, "status": "processing"}


@router.get("/api/v1/meetings")
def list_meetings(user: StaffUser, conn: Conn) -> dict[str, object]:
    return {"meetings": [{"id": m["id"], "title": m["title"], "status": m["status"], "room": m["room"],
                          "meeting_date": m["meeting_date"], "duration_s": m["duration_s"]}
                         for m in store.list_meetings(conn, 200)]}


@router.get("/api/v1/meetings/{meeting_id}")
def get_meeting(meeting_id: int, user: StaffUser, conn: Conn) -> dict[str, object]:
    return dict(meeting_json(conn, meeting_or_404(conn, meeting_id)))


@router.patch("/api/v1/meetings/{meeting_id}")
def edit_meeting(meeting_id: int, body: MeetingEdit, user: StaffUser, conn: Conn) -> dict[str, object]:
    meeting_or_404(conn, meeting_id)
    # MeetingEdit's fields are MeetingUpdate keys (update_meeting refuses any other)
    changes = cast(MeetingUpdate, {k: normalize(v).strip() for k, v in body.model_dump().items() if v is not None})
    store.update_meeting(conn, meeting_id, changes)
    if changes:
        enqueue(conn, "meetings.refresh_minutes", {"meeting_id": meeting_id})
        audit(conn, "meetings.edit", user=user, target=str(meeting_id), detail={"fields": sorted(changes)})
    return {"id": meeting_id, "changed": sorted(changes)}


@router.patch("/api/v1/meetings/{meeting_id}/segments/{segment_id}")
def edit_segment(meeting_id: int, segment_id: int, body: SegmentEdit, user: StaffUser,
                 conn: Conn) -> dict[str, object]:
    meeting_or_404(conn, meeting_id)
    row = store.get_segment(conn, meeting_id, segment_id)
    if row is None:
        raise AppError(404, "Không tìm thấy đoạn chép lời.", "not_found")
    text = normalize(body.text).strip() if body.text is not None else row["text"]
    speaker = row["speaker"]
    if body.speaker is not None and body.speaker.strip():
        speaker = _speaker_label(conn, meeting_id, normalize(body.speaker).strip())
    store.edit_line(conn, segment_id, text, speaker, user.id)
    enqueue(conn, "meetings.refresh_minutes", {"meeting_id": meeting_id})
    audit(conn, "meetings.edit_segment", user=user, target=f"{meeting_id}/{segment_id}")
    return dict(segments_json(conn, meeting_id, segment_id - 1)[0]) | {"id": segment_id}


def _speaker_label(conn: sqlite3.Connection, meeting_id: int, name: str) -> str:
    """A speaker chosen by name: its label, or a new label for a person the diarizer missed."""
    label = store.find_speaker(conn, meeting_id, name)
    if label is not None:
        return label
    label = "HAND_" + re.sub(r"\W+", "_", name)[:40]
    store.add_speaker(conn, meeting_id, label, name, source="hand")
    return label


@router.put("/api/v1/meetings/{meeting_id}/speakers/{label}")
def rename_speaker(meeting_id: int, label: str, body: SpeakerName, user: StaffUser,
                   conn: Conn) -> dict[str, object]:
    meeting_or_404(conn, meeting_id)
    name = normalize(body.name).strip()
    if not store.rename_speaker(conn, meeting_id, label, name):
        raise AppError(404, "Không tìm thấy người nói này trong cuộc họp.", "not_found")
    enqueue(conn, "meetings.refresh_minutes", {"meeting_id": meeting_id})
    audit(conn, "meetings.rename_speaker", user=user, target=f"{meeting_id}/{label}", detail={"name": name})
    return {"label": label, "name": name}


@router.post("/api/v1/meetings/{meeting_id}/speakers/recount")
def recount_speakers(meeting_id: int, body: SpeakerCount, user: StaffUser, conn: Conn) -> dict[str, object]:
    """The secretary knows how many people spoke: the speakers are found again with exactly that many voices
    (in the background; the page follows the meeting's status)."""
    row = meeting_or_404(conn, meeting_id)
    if row["status"] != "done":
        raise AppError(409, "Chỉ tách lại người nói khi cuộc họp đã xử lý xong.", "not_ready")
    if row["so_ky_hieu"] and not row["so_ky_hieu"].startswith("…"):
        raise AppError(409, "Biên bản đã phát hành nên không tách lại người nói được nữa.", "issued")
    if not store.audio_rows(conn, meeting_id):
        raise AppError(409, "Cuộc họp không còn âm thanh (có thể đã quá thời hạn lưu trữ).", "no_audio")
    store.set_status(conn, meeting_id, "processing", f"Đang tách lại người nói theo số thư ký nhập: {body.count} người")
    enqueue(conn, "meetings.recount_speakers", {"meeting_id": meeting_id, "count": body.count})
    audit(conn, "meetings.recount_speakers", user=user, target=str(meeting_id), detail={"count": body.count})
    return {"id": meeting_id, "status": "processing", "count": body.count}


@router.get("/api/v1/meetings/{meeting_id}/audio/{seq}")
def audio_file(meeting_id: int, seq: int, user: StaffUser, conn: Conn, settings: SettingsDep) -> FileResponse:
    path = store.audio_path(conn, meeting_id, seq)
    if path is None or not (settings.data_dir / path).exists():
        raise AppError(404, "Không còn tệp âm thanh này (có thể đã xóa theo thời hạn lưu trữ).", "not_found")
    audit(conn, "meetings.listen", user=user, target=f"{meeting_id}/{seq}")
    return FileResponse(settings.data_dir / path, media_type="audio/wav")


async def _events(request: Request, db_path: Path, meeting_id: int, poll: float = 0.5,
                  live_only: bool = False) -> AsyncIterator[dict[str, str]]:
    """Captions as they are transcribed, and the meeting's status: polled from the database, so the
    recorder and the worker (other processes) need no message bus. `live_only` (the wall screen):
    live captions while the meeting records, and the stream ends when it stops. `interim`: the live
    words of a segment still being recorded (`{"seq", "start", "end", "text", "pending"}`: `text` the
    confirmed words, `start`–`end` their timing, `pending` the newest decode's words after them, not yet
    agreed), sent when they change; both "" when the segment's own captions (sent just before) replaced
    them."""
    conn = connect(db_path)
    last_id, last_state = 0, None
    shown: dict[int, tuple[str, str]] = {}  # open segment → the confirmed and pending text the page has
    try:
        while not await request.is_disconnected():
            row = store.get_meeting(conn, meeting_id)
            if row is None:
                break
            # read before the captions: a segment transcribed between the two reads is then shown twice
            # for one poll (provisional and final), never not at all
            interim = {r["seq"]: r for r in interim_store.interim_rows(conn, meeting_id)}
            for seg in segments_json(conn, meeting_id, last_id):
                last_id = max(last_id, seg["id"])
                if (row["source"] == "live" or live_only) and not seg["live"]:
                    continue  # the whole-meeting pass after stop is for the biên bản, not for captions
                yield {"event": "caption", "data": json.dumps(seg | {"status": row["status"]}, ensure_ascii=False)}
            for event in interim_events(shown, interim):
                yield {"event": "interim", "data": json.dumps(event, ensure_ascii=False)}
            state = (row["status"], row["message"], round(row["duration_s"] or 0))
            if state != last_state:
                last_state = state
                yield {"event": "status", "data": json.dumps({"status": state[0], "message": state[1],
                                                              "duration_s": state[2]}, ensure_ascii=False)}
            if live_only and row["status"] != "recording":
                break
            await asyncio.sleep(poll)
    finally:
        conn.close()


def interim_events(shown: dict[int, tuple[str, str]],
                   rows: dict[int, interim_store.InterimRow]) -> list[dict[str, object]]:
    """What changed in the live captions of open segments since the page last heard (`shown`, updated:
    segment → its confirmed and pending text)."""
    events: list[dict[str, object]] = []
    for seq in sorted(set(shown) - set(rows)):
        del shown[seq]
        events.append({"seq": seq, "start": 0.0, "end": 0.0, "text": "", "pending": ""})
    for seq, r in sorted(rows.items()):
        if shown.get(seq) != (r["text"], r["pending"]):
            shown[seq] = (r["text"], r["pending"])
            events.append({"seq": seq, "start": r["start"], "end": r["end"], "text": r["text"],
                           "pending": r["pending"]})
    return events


@router.get("/api/v1/meetings/{meeting_id}/events")
def events(meeting_id: int, request: Request, user: CaptionViewer, conn: Conn,
           settings: SettingsDep) -> EventSourceResponse:
    row = meeting_or_404(conn, meeting_id)
    wall = user.role == "display"
    if wall:
        require_recording(row)
    return EventSourceResponse(_events(request, settings.db_path, meeting_id, live_only=wall), ping=15)
