"""Pages of the meeting room: /cuoc-hop (list, start, upload), /cuoc-hop/{id} (live captions with
a visible recording indicator, transcript editor, speakers, minutes, proposed tasks), the wall
captions, voice enrollment and the admin's retention setting (/quan-tri/luu-tru)."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from appliance import ward
from appliance.auth.audit import audit
from appliance.auth.roles import STAFF_ROLES
from appliance.auth.users import User
from appliance.config import Settings
from appliance.engines.voiceprint import voice_encoder
from appliance.http.deps import AdminUser, Conn, SettingsDep, StaffUser, require_roles
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import enqueue
from appliance.loop import service as loop
from appliance.meetings import service, store
from appliance.meetings.api import meeting_or_404, require_recording
from appliance.meetings.devices import room_map
from appliance.meetings.minutes import attendee_lines
from appliance.meetings.pipeline import decode_upload
from appliance.meetings.retention import retention_days, set_retention_days
from appliance.meetings.uploads import PROBE_TIMEOUT_S, UploadRefused, save_limited
from appliance.meetings.views import meeting_json
from appliance.meetings.voices import enroll
from appliance.tasks import service as tasks
from appliance.text import normalize, parse_date
from appliance.text.formatting import local_today

router = APIRouter()
CaptionViewer = Annotated[User, Depends(require_roles(*STAFF_ROLES, "display"))]
MAX_VOICE_SAMPLE = 50 * 1024 * 1024  # a 20 s sample is ~1 MB as WAV; 50 MB leaves room for any format
BODY_LIMITS = {"/cuoc-hop/giong-noi": MAX_VOICE_SAMPLE + 64 * 1024}  # enforced while the body streams in
STATUS_LABELS = {"planned": "Dự kiến", "recording": "Đang ghi âm", "processing": "Đang xử lý", "done": "Đã xong",
                 "failed": "Lỗi"}


def _rooms(conn: sqlite3.Connection, settings: Settings) -> list[str]:
    rooms = set(room_map(settings)) | store.rooms_in_use(conn)
    return sorted(rooms) or ["phong-hop-1"]


@router.get("/cuoc-hop", response_class=HTMLResponse)
def meetings_page(request: Request, user: StaffUser, conn: Conn, settings: SettingsDep) -> Response:
    task_counts = tasks.counts_by_meeting(conn)
    rows = [dict(r) | {"task_count": task_counts.get(r["id"], 0),
                       "status_label": STATUS_LABELS.get(r["status"], r["status"])}
            for r in store.list_meetings(conn, 100)]
    voices = store.voice_profiles(conn)
    return render(request, "meetings/page.html", {
        "title": "Cuộc họp", "meetings": rows, "rooms": _rooms(conn, settings), "voices": voices,
        "recording": [r for r in rows if r["status"] == "recording"], "retention_days": retention_days(conn)})


@router.post("/cuoc-hop/du-kien")
def plan_meeting(user: StaffUser, conn: Conn, title: Annotated[str, Form(max_length=300)],
                 meeting_date: Annotated[str, Form(max_length=20)],
                 agenda: Annotated[str, Form(max_length=4000)] = "") -> Response:
    """A meeting set up ahead ("Dự kiến"): complaints can go onto its agenda before it is held."""
    day = parse_date(meeting_date)
    if not title.strip():
        raise AppError(422, "Cần tiêu đề cuộc họp.", "invalid")
    if day is None:
        raise AppError(422, "Ngày họp không đúng định dạng ngày (dd/mm/yyyy).", "invalid")
    meeting_id = service.plan_meeting(conn, normalize(title), day.isoformat(), normalize(agenda), user.id)
    audit(conn, "meetings.plan", user=user, target=str(meeting_id), detail={"date": day.isoformat()})
    return RedirectResponse(f"/cuoc-hop/{meeting_id}", status_code=303)


@router.get("/cuoc-hop/truc-tiep", response_class=HTMLResponse)
def live_wall(request: Request, user: CaptionViewer, conn: Conn) -> Response:
    """For the wall screen: the captions of whichever meeting is being recorded now."""
    row = store.latest_recording(conn)
    meeting = dict(row) if row else None
    return render(request, "meetings/captions.html", {"title": "Phụ đề trực tiếp", "meeting": meeting})


@router.get("/cuoc-hop/{meeting_id}", response_class=HTMLResponse)
def meeting_page(meeting_id: int, request: Request, user: StaffUser, conn: Conn) -> Response:
    row = meeting_or_404(conn, meeting_id)
    meeting = meeting_json(conn, row)
    speakers = store.speakers(conn, meeting_id)
    audio = store.audio_rows(conn, meeting_id)
    people = [m.full_name for m in ward.directory(conn)] + ward.units(conn)
    return render(request, "meetings/meeting.html", {
        "title": meeting["title"], "m": meeting, "speakers": speakers, "audio": audio, "people": people,
        "suggested_attendees": attendee_lines(conn, {**row, "attendees": ""}),
        "tickets": loop.tickets_of_tasks(conn, [t["id"] for t in tasks.list_tasks(conn, meeting_id=meeting_id)]),
        "status_label": STATUS_LABELS.get(meeting["status"], meeting["status"])})


@router.get("/cuoc-hop/{meeting_id}/phu-de", response_class=HTMLResponse)
def captions_page(meeting_id: int, request: Request, user: CaptionViewer, conn: Conn) -> Response:
    row = meeting_or_404(conn, meeting_id)
    if user.role == "display":
        require_recording(row)
    return render(request, "meetings/captions.html", {"title": "Phụ đề", "meeting": dict(row)})


@router.post("/cuoc-hop/giong-noi")
def enroll_voice(user: StaffUser, conn: Conn, settings: SettingsDep, name: Annotated[str, Form(max_length=200)],
                 audio: UploadFile) -> Response:
    """A staff member's 20 s voice sample, so diarized speakers can be named automatically. A plain
    `def`: FastAPI runs it in a worker thread, so ffmpeg and the speaker encoder never hold the
    event loop."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / f"sample{Path(audio.filename or 'a.wav').suffix or '.wav'}"
        wav = Path(tmp) / "sample16k.wav"
        try:
            save_limited(audio.file, raw, MAX_VOICE_SAMPLE)
            decode_upload(raw, wav, timeout_s=PROBE_TIMEOUT_S)
            profile_id = enroll(conn, name.strip(), wav, user.id, encoder=voice_encoder(settings))
        except UploadRefused as exc:
            raise AppError(exc.status, exc.message, exc.code) from None
        except ValueError as exc:
            raise AppError(422, str(exc), "invalid") from None
    audit(conn, "meetings.voice_enroll", user=user, target=str(profile_id), detail={"name": name.strip()})
    return RedirectResponse("/cuoc-hop#giong-noi", status_code=303)


@router.get("/quan-tri/luu-tru", response_class=HTMLResponse)
def retention_page(request: Request, user: AdminUser, conn: Conn) -> Response:
    oldest = store.oldest_meeting_date(conn)
    return render(request, "meetings/retention.html", {
        "title": "Lưu trữ ghi âm", "days": retention_days(conn), "oldest": oldest,
        "today": local_today().isoformat()})


@router.post("/quan-tri/luu-tru")
def retention_save(user: AdminUser, conn: Conn, days: Annotated[int, Form()]) -> Response:
    try:
        set_retention_days(conn, days)
    except ValueError as exc:
        raise AppError(422, str(exc), "invalid") from None
    enqueue(conn, "meetings.retention", {})
    audit(conn, "meetings.retention_set", user=user, detail={"days": days})
    return RedirectResponse("/quan-tri/luu-tru?da_luu=1", status_code=303)
