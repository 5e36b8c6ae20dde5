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
from typing import Any

from appliance.config import Settings
from appliance.text import format_date_short

log = logging.getLogger(__name__)


def speaker_names(conn: sqlite3.Connection, meeting_id: int) -> dict[str, str]:
    return {r["label"]: r["name"] for r in
            conn.execute("SELECT label, name FROM meeting_speakers WHERE meeting_id = ?", (meeting_id,))}


def transcript_paragraphs(conn: sqlite3.Connection, meeting_id: int) -> list[str]:
    names = speaker_names(conn, meeting_id)
    paragraphs: list[tuple[str, list[str]]] = []
    for row in conn.execute("SELECT speaker, text FROM meeting_segments WHERE meeting_id = ? ORDER BY start",
                            (meeting_id,)):
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
    for t in conn.execute("SELECT * FROM tasks WHERE meeting_id = ? AND status != 'cancelled' ORDER BY id",
                          (meeting_id,)):
        who = t["assignee"] + (f" ({t['unit']})" if t["unit"] and t["unit"] != t["assignee"] else "")
        when = f", hạn {format_date_short(dt.date.fromisoformat(t['deadline']))}" if t["deadline"] else ""
        lines.append(f"- Giao {who}: {t['content']}{when}.")
    return lines


def _end_time(meeting: sqlite3.Row) -> str | None:
    if meeting["ended_at"]:
        return str(meeting["ended_at"])
    try:
        start = dt.datetime.fromisoformat(meeting["started_at"])
    except (TypeError, ValueError):
        return None
    return (start + dt.timedelta(seconds=float(meeting["duration_s"] or 0))).isoformat(sep=" ", timespec="minutes")


def minutes_payload(conn: sqlite3.Connection, meeting: sqlite3.Row) -> dict[str, Any]:
    paragraphs = transcript_paragraphs(conn, meeting["id"]) or ["(Chưa có nội dung chép lời.)"]
    tasks = _task_lines(conn, meeting["id"])
    conclusion = [line for line in (meeting["conclusion"] or "").splitlines() if line.strip()]
    if tasks:
        conclusion += ["Phân công nhiệm vụ:", *tasks]
    attendees = meeting["attendees"] or ", ".join(sorted(set(speaker_names(conn, meeting["id"]).values())))
    return {
        "doc_type": "bien_ban",
        "trich_yeu": meeting["title"],
        "noi_dung": paragraphs,
        "ngay": meeting["meeting_date"],
        "thoi_gian_bat_dau": meeting["started_at"],
        "thoi_gian_ket_thuc": _end_time(meeting),
        "dia_diem": meeting["location"] or meeting["room"] or None,
        "thanh_phan": attendees or None,
        "chu_tri": meeting["chair"] or None,
        "thu_ky": meeting["secretary"] or None,
        "ket_luan": conclusion or None,
        "engine": "transcript",
    }


def write_minutes(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> dict[str, Any]:
    meeting = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    payload = minutes_payload(conn, meeting)
    try:
        from appliance.drafting import bien_ban
        from appliance.drafting import service as drafting
    except ImportError:  # drafting not installed: the minutes stay text on the meeting
        text = "BIÊN BẢN\n" + meeting["title"] + "\n" + "\n".join(payload["noi_dung"] + (payload["ket_luan"] or []))
        conn.execute("UPDATE meetings SET minutes_text = ? WHERE id = ?", (text, meeting_id))
        return {"text": text}
    from appliance.auth.users import get_user

    user = get_user(conn, meeting["created_by"]) if meeting["created_by"] else None
    result: dict[str, Any] | None = None
    if meeting["draft_id"]:
        try:
            day = dt.date.fromisoformat(meeting["meeting_date"])
            changes = {"noi_dung": bien_ban.body_lines(payload, day)}
            changes.update({k: payload[k] for k in ("thu_ky", "chu_tri") if payload.get(k)})
            result = dict(drafting.update_draft(conn, settings, int(meeting["draft_id"]), changes, user))
        except Exception as exc:  # issued, or gone: a fresh draft keeps the edits instead
            log.info("minutes draft %s not updated (%s); creating a new one", meeting["draft_id"], exc)
            result = None
    if result is None:
        result = dict(drafting.create_draft(conn, settings, payload, user, use_registry=False))
    conn.execute("UPDATE meetings SET draft_id = ?, so_ky_hieu = ?, minutes_docx_url = ?, minutes_text = ?"
                 " WHERE id = ?", (result["id"], result.get("so_ky_hieu"), result.get("docx_url"),
                                   result.get("text"), meeting_id))
    return result
