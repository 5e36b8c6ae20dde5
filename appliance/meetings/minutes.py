"""The biên bản (Nghị định 30, Mẫu 1.9) from the transcript, through the drafting module.

The content follows the meeting ("theo diễn biến"): consecutive lines of one speaker are joined
into one paragraph "Name: …". Tasks extracted from the transcript go into the conclusions. After
an edit of the transcript or of speaker names the same draft is updated (edits re-flow); an
issued document is never touched. Without the drafting module the text is kept on the meeting.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import TypedDict

from appliance.auth.users import get_user
from appliance.config import Settings
from appliance.meetings import store
from appliance.meetings.rows import MeetingRow
from appliance.tasks import service as tasks
from appliance.text import format_date_short, to_local

log = logging.getLogger(__name__)


class MinutesPayload(TypedDict):
    """What the drafting module's biên bản (doc_type `bien_ban`) is written from."""

    doc_type: str
    trich_yeu: str
    noi_dung: list[str]
    ngay: str
    thoi_gian_bat_dau: str
    thoi_gian_ket_thuc: str | None
    dia_diem: str | None
    thanh_phan: str | None
    chu_tri: str | None
    thu_ky: str | None
    ket_luan: list[str] | None
    engine: str


def transcript_paragraphs(conn: sqlite3.Connection, meeting_id: int) -> list[str]:
    names = store.speaker_names(conn, meeting_id)
    paragraphs: list[tuple[str, list[str]]] = []
    for row in store.segment_rows(conn, meeting_id):
        who = names.get(row["speaker"], row["speaker"] or "Người nói")
        if paragraphs and paragraphs[-1][0] == who:
            paragraphs[-1][1].append(row["text"])
        else:
            paragraphs.append((who, [row["text"]]))
    return [f"{who}: {' '.join(texts)}" for who, texts in paragraphs]


def transcript_text(conn: sqlite3.Connection, meeting_id: int) -> str:
    return "\n".join(transcript_paragraphs(conn, meeting_id))


def _task_lines(conn: sqlite3.Connection, meeting_id: int) -> list[str]:
    lines = []
    for t in tasks.meeting_tasks(conn, meeting_id):
        who = t["assignee"] + (f" ({t['unit']})" if t["unit"] and t["unit"] != t["assignee"] else "")
        when = f", hạn {format_date_short(dt.date.fromisoformat(t['deadline']))}" if t["deadline"] else ""
        lines.append(f"- Giao {who}: {t['content']}{when}.")
    return lines


def _local(moment: dt.datetime | None) -> str | None:
    # Stored times are UTC; the biên bản says the time on the ward's clock.
    return moment.strftime("%Y-%m-%d %H:%M") if moment else None


def _end_time(meeting: MeetingRow) -> str | None:
    if meeting["ended_at"]:
        return _local(to_local(meeting["ended_at"]))
    start = to_local(meeting["started_at"])
    return _local(start + dt.timedelta(seconds=float(meeting["duration_s"] or 0)) if start else None)


def minutes_payload(conn: sqlite3.Connection, meeting: MeetingRow) -> MinutesPayload:
    paragraphs = transcript_paragraphs(conn, meeting["id"]) or ["(Chưa có nội dung chép lời.)"]
    task_lines = _task_lines(conn, meeting["id"])
    conclusion = [line for line in (meeting["conclusion"] or "").splitlines() if line.strip()]
    if task_lines:
        conclusion += ["Phân công nhiệm vụ:", *task_lines]
    attendees = meeting["attendees"] or ", ".join(sorted(set(store.speaker_names(conn, meeting["id"]).values())))
    return {
        "doc_type": "bien_ban",
        "trich_yeu": meeting["title"],
        "noi_dung": paragraphs,
        "ngay": meeting["meeting_date"],
        "thoi_gian_bat_dau": _local(to_local(meeting["started_at"])) or "",
        "thoi_gian_ket_thuc": _end_time(meeting),
        "dia_diem": meeting["location"] or meeting["room"] or None,
        "thanh_phan": attendees or None,
        "chu_tri": meeting["chair"] or None,
        "thu_ky": meeting["secretary"] or None,
        "ket_luan": conclusion or None,
        "engine": "transcript",
    }


def write_minutes(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> int | None:
    """Write or update the meeting's biên bản; the draft's id (None when only text could be kept)."""
    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None:
        raise LookupError(f"no meeting {meeting_id}")
    payload = minutes_payload(conn, meeting)
    try:
        # Drafting is a separate feature a deployment may leave out: imported here so meetings still work.
        from appliance.drafting import bien_ban
        from appliance.drafting import service as drafting
    except ImportError:  # drafting not installed: the minutes stay text on the meeting
        text = "BIÊN BẢN\n" + meeting["title"] + "\n" + "\n".join(payload["noi_dung"] + (payload["ket_luan"] or []))
        store.update_meeting(conn, meeting_id, {"minutes_text": text})
        return None
    user = get_user(conn, meeting["created_by"]) if meeting["created_by"] else None
    draft = None
    if meeting["draft_id"]:
        try:
            day = dt.date.fromisoformat(meeting["meeting_date"])
            changes: dict[str, object] = {"noi_dung": bien_ban.body_lines(payload, day)}
            if payload["thu_ky"]:
                changes["thu_ky"] = payload["thu_ky"]
            if payload["chu_tri"]:
                changes["chu_tri"] = payload["chu_tri"]
            draft = drafting.update_draft(conn, settings, int(meeting["draft_id"]), changes, user)
        except Exception as exc:  # issued, or gone: a fresh draft keeps the edits instead
            log.info("minutes draft %s not updated (%s); creating a new one", meeting["draft_id"], exc)
            draft = None
    if draft is None:
        draft = drafting.create_draft(conn, settings, payload, user, use_registry=False)
    store.update_meeting(conn, meeting_id, {"draft_id": draft["id"], "so_ky_hieu": draft["so_ky_hieu"],
                                            "minutes_docx_url": draft["docx_url"], "minutes_text": draft["text"]})
    return draft["id"]
