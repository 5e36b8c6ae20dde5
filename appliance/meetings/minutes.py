"""The biên bản cuộc họp (Nghị định 30/2020, Phụ lục III, Mẫu 1.9) through the drafting module.

Body: thời gian bắt đầu, địa điểm, thành phần (the attendee list the secretary confirms, else the named
speakers with their units), chủ trì, thư ký; nội dung by item (the agenda's, or topics found), each with who
raised what and the conclusions; the chair's general conclusions; the tasks table (who, unit, what, by
when); "Cuộc họp kết thúc vào …"; signatures (thư ký, chủ tọa). The verbatim transcript goes to the
appendix ("Phụ lục: nội dung ghi âm cuộc họp"), never into the body. The content is kept on the meeting
as a structured draft (`minutes_content.MinutesDraft`) the secretary edits in the page; transcript edits
re-flow into it until the secretary has edited it; an issued document is never touched (a new draft then).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sqlite3
from typing import TypedDict

from appliance.auth.users import User, get_user
from appliance.config import Settings
from appliance.meetings import store
from appliance.meetings.minutes_build import build, people_labels, transcript_paragraphs
from appliance.meetings.minutes_content import MinutesDraft
from appliance.meetings.rows import MeetingRow
from appliance.tasks import service as tasks
from appliance.text import format_date_short, to_local
from appliance.text.formatting import local_today

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
    phan_cong: list[list[str]]
    phu_luc: list[str]
    phu_luc_tieu_de: str
    engine: str


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
APPENDIX_TITLE = "Nội dung ghi âm cuộc họp"


def task_rows(conn: sqlite3.Connection, meeting_id: int) -> list[list[str]]:
    """(who, unit, what, by when) of the meeting's tasks; proposals not yet confirmed say so."""
    rows = []
    for t in tasks.meeting_tasks(conn, meeting_id):
        content = t["content"] + (" (chưa xác nhận)" if t["status"] == "proposed" else "")
        when = format_date_short(dt.date.fromisoformat(t["deadline"])) if t["deadline"] else "…"
        rows.append([t["assignee"] or "…", t["unit"] or "…", content, when])
    return rows


def body_of(draft: MinutesDraft) -> list[str]:
    """The items as body lines: "I. Title", "- who: what", "Kết luận: …"."""
    lines: list[str] = []
    for number, item in enumerate(draft.items, 1):
        roman = ROMAN[number - 1] if number <= len(ROMAN) else str(number)
        lines.append(f"{roman}. {item.title}")
        lines += [f"- {p.text}" for p in item.points] or ["- Không ghi nhận ý kiến."]
        if item.conclusions:
            lines.append("Kết luận:")
            lines += [f"- {c.text}" for c in item.conclusions]
    return lines


def current_draft(conn: sqlite3.Connection, settings: Settings, meeting: MeetingRow, *,
                  regenerate: bool = False, use_generator: bool = True, keep: bool = False) -> MinutesDraft:
    """The stored draft while the secretary's edits are in it (or `keep`: as it is), unless asked to write
    it again; else a fresh one from the transcript as it is now."""
    if meeting["minutes_json"] and not regenerate:
        stored = MinutesDraft.from_dict(json.loads(meeting["minutes_json"]))
        if stored.edited or keep:
            return stored
    draft = build(conn, settings, meeting, use_generator=use_generator)
    store.update_meeting(conn, meeting["id"], {"minutes_json": json.dumps(draft.to_dict(), ensure_ascii=False)})
    return draft


def save_edited(conn: sqlite3.Connection, meeting_id: int, draft: MinutesDraft) -> None:
    draft.edited = True
    store.update_meeting(conn, meeting_id, {"minutes_json": json.dumps(draft.to_dict(), ensure_ascii=False)})


def _local(moment: dt.datetime | None) -> str | None:
    # Stored times are UTC; the biên bản says the time on the ward's clock.
    return moment.strftime("%Y-%m-%d %H:%M") if moment else None


def _started(meeting: MeetingRow) -> dt.datetime | None:
    """When the meeting began on the ward's clock, if the record knows it: a recording uploaded after a
    meeting held on another day carries the upload's time, which is not the meeting's (the biên bản then
    says the day with "… giờ …" for the secretary to fill, never a wrong hour and day)."""
    start = to_local(meeting["started_at"])
    if start is None or (meeting["meeting_date"] and start.date().isoformat() != meeting["meeting_date"]):
        return None
    return start


def _end_time(meeting: MeetingRow) -> str | None:
    start = _started(meeting)
    if start is None:
        return None
    if meeting["ended_at"]:
        return _local(to_local(meeting["ended_at"]))
    return _local(start + dt.timedelta(seconds=float(meeting["duration_s"] or 0)))


def attendee_lines(conn: sqlite3.Connection, meeting: MeetingRow) -> list[str]:
    """The attendee list the secretary confirmed, else the named speakers with their units."""
    if meeting["attendees"].strip():
        parts = re.split(r"[\n;]+", meeting["attendees"]) if re.search(r"[\n;]", meeting["attendees"]) \
            else meeting["attendees"].split(",")
        return [p.strip(" -.") for p in parts if p.strip(" -.")]
    names = {n for n in store.speaker_names(conn, meeting["id"]).values() if not n.lower().startswith("người nói")}
    return sorted(people_labels(conn, names).values())


def minutes_payload(conn: sqlite3.Connection, meeting: MeetingRow, draft: MinutesDraft) -> MinutesPayload:
    conclusion = [line for line in (meeting["conclusion"] or "").splitlines() if line.strip()]
    transcript = transcript_paragraphs(conn, meeting["id"])
    return {
        "doc_type": "bien_ban",
        "trich_yeu": meeting["title"],
        "noi_dung": body_of(draft) or ["(Chưa có nội dung chép lời.)"],
        "ngay": meeting["meeting_date"],
        "thoi_gian_bat_dau": _local(_started(meeting)) or "",
        "thoi_gian_ket_thuc": _end_time(meeting),
        "dia_diem": meeting["location"] or meeting["room"] or None,
        "thanh_phan": "\n".join(attendee_lines(conn, meeting)) or None,
        "chu_tri": meeting["chair"] or None,
        "thu_ky": meeting["secretary"] or None,
        "ket_luan": conclusion or None,
        "phan_cong": task_rows(conn, meeting["id"]),
        "phu_luc": transcript or ["(Chưa có nội dung chép lời.)"],
        "phu_luc_tieu_de": APPENDIX_TITLE,
        "engine": draft.engine,
    }


def write_minutes(conn: sqlite3.Connection, settings: Settings, meeting_id: int, *, regenerate: bool = False,
                  use_generator: bool = True, keep_content: bool = False) -> int | None:
    """Write or update the meeting's biên bản; the draft's id (None when only text could be kept).
    `keep_content`: the items as they stand, only the rest (tasks table, attendees, appendix) refreshed."""
    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None:
        raise LookupError(f"no meeting {meeting_id}")
    draft = current_draft(conn, settings, meeting, regenerate=regenerate, use_generator=use_generator,
                          keep=keep_content)
    payload = minutes_payload(conn, meeting, draft)
    try:
        # Drafting is a separate feature a deployment may leave out: imported here so meetings still work.
        from appliance.drafting import bien_ban
        from appliance.drafting import service as drafting
    except ImportError:  # drafting not installed: the minutes stay text on the meeting
        text = "BIÊN BẢN\n" + meeting["title"] + "\n" + "\n".join(payload["noi_dung"] + (payload["ket_luan"] or []))
        store.update_meeting(conn, meeting_id, {"minutes_text": text})
        return None
    user = get_user(conn, meeting["created_by"]) if meeting["created_by"] else None
    result = None
    if meeting["draft_id"] and not regenerate and drafting.get_document(conn, int(meeting["draft_id"]))["status"] == \
            "issued":
        return int(meeting["draft_id"])  # an issued biên bản stays as issued; "Soạn lại" starts a new draft
    if meeting["draft_id"]:
        try:
            day = dt.date.fromisoformat(meeting["meeting_date"])
            changes: dict[str, object] = {"noi_dung": bien_ban.body_lines(payload, day), "phu_luc": payload["phu_luc"],
                                          "phu_luc_tieu_de": APPENDIX_TITLE, "engine": payload["engine"]}
            if payload["thu_ky"]:
                changes["thu_ky"] = payload["thu_ky"]
            if payload["chu_tri"]:
                changes["chu_tri"] = payload["chu_tri"]
            result = drafting.update_draft(conn, settings, int(meeting["draft_id"]), changes, user)
        except Exception as exc:  # issued, or gone: a fresh draft keeps the edits instead
            log.info("minutes draft %s not updated (%s); creating a new one", meeting["draft_id"], exc)
            result = None
    if result is None:
        result = drafting.create_draft(conn, settings, payload, user, use_registry=False)
    store.update_meeting(conn, meeting_id, {"draft_id": result["id"], "so_ky_hieu": result["so_ky_hieu"],
                                            "minutes_docx_url": result["docx_url"], "minutes_text": result["text"]})
    return result["id"]


def issue_minutes(conn: sqlite3.Connection, settings: Settings, meeting_id: int, user: User | None) -> str:
    """Issue the biên bản through drafting (the next number of its register); its số/ký hiệu."""
    # Drafting is optional for the meetings feature (see write_minutes): imported where it is used.
    from appliance.drafting import service as drafting

    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None or not meeting["draft_id"]:
        raise LookupError("Biên bản chưa được lập.")
    # Tasks confirmed and details saved since the last re-flow go in; the items stay as the secretary read them.
    write_minutes(conn, settings, meeting_id, use_generator=False, keep_content=True)
    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None or not meeting["draft_id"]:
        raise LookupError("Biên bản chưa được lập.")
    issued = drafting.issue_document(conn, int(meeting["draft_id"]), user, on=local_today())
    store.update_meeting(conn, meeting_id, {"so_ky_hieu": issued["so_ky_hieu"], "minutes_text": issued["text"]})
    return issued["so_ky_hieu"]
