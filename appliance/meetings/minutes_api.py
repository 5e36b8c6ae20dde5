"""The biên bản's editor endpoints: the secretary edits the draft's items (who raised what, conclusions),
asks for it to be written again from the transcript, and issues it through drafting (register number,
.docx in the ND30 format)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from appliance.auth.audit import audit
from appliance.http.deps import Conn, SettingsDep, StaffUser
from appliance.http.errors import AppError
from appliance.jobs import enqueue
from appliance.meetings import store
from appliance.meetings.api import meeting_or_404
from appliance.meetings.minutes import current_draft, issue_minutes, save_edited, write_minutes
from appliance.meetings.minutes_content import Item, MinutesDraft, Point
from appliance.text import normalize

router = APIRouter()


class ItemEdit(BaseModel):
    model_config = ConfigDict(extra="ignore")
    title: str = Field(min_length=1, max_length=300)
    points: list[str] = Field(default_factory=list, max_length=60)
    conclusions: list[str] = Field(default_factory=list, max_length=60)


class MinutesEdit(BaseModel):
    model_config = ConfigDict(extra="ignore")
    items: list[ItemEdit] = Field(max_length=40)


def _lines(values: list[str]) -> list[str]:
    return [normalize(v).strip().lstrip("-• ").strip() for v in values if v.strip().lstrip("-• ").strip()]


@router.put("/api/v1/meetings/{meeting_id}/minutes")
def edit_minutes(meeting_id: int, body: MinutesEdit, user: StaffUser, conn: Conn,
                 settings: SettingsDep) -> dict[str, object]:
    """The secretary's text replaces the draft's; a sentence kept as it was keeps the lines it cites."""
    meeting = meeting_or_404(conn, meeting_id)
    before = current_draft(conn, settings, meeting, use_generator=False) if meeting["minutes_json"] else None
    cited = {p.text: p.sources for item in (before.items if before else []) for p in item.points + item.conclusions}
    items = [Item(normalize(i.title).strip(), [Point(t, cited.get(t, [])) for t in _lines(i.points)],
                  [Point(t, cited.get(t, [])) for t in _lines(i.conclusions)]) for i in body.items]
    draft = MinutesDraft(items, before.engine if before else "person", before.method if before else "",
                         before.note if before else None)
    save_edited(conn, meeting_id, draft)
    draft_id = write_minutes(conn, settings, meeting_id)
    audit(conn, "meetings.edit_minutes", user=user, target=str(meeting_id), detail={"items": len(items)})
    return {"id": meeting_id, "draft_id": draft_id, "edited": True}


@router.post("/api/v1/meetings/{meeting_id}/minutes/regenerate")
def regenerate(meeting_id: int, user: StaffUser, conn: Conn) -> dict[str, object]:
    """Write the content again from the transcript as it is now (the secretary's edits are replaced)."""
    meeting_or_404(conn, meeting_id)
    enqueue(conn, "meetings.refresh_minutes", {"meeting_id": meeting_id, "regenerate": True})
    audit(conn, "meetings.regenerate_minutes", user=user, target=str(meeting_id))
    return {"id": meeting_id, "queued": True}


@router.post("/api/v1/meetings/{meeting_id}/minutes/issue")
def issue(meeting_id: int, user: StaffUser, conn: Conn, settings: SettingsDep) -> dict[str, object]:
    meeting = meeting_or_404(conn, meeting_id)
    if not meeting["draft_id"]:
        raise AppError(409, "Biên bản chưa được lập: hãy chờ xử lý xong cuộc họp.", "not_ready")
    try:
        so_ky_hieu = issue_minutes(conn, settings, meeting_id, user)
    except LookupError as exc:
        raise AppError(409, str(exc), "not_ready") from None
    audit(conn, "meetings.issue_minutes", user=user, target=str(meeting_id), detail={"so_ky_hieu": so_ky_hieu})
    row = store.get_meeting(conn, meeting_id)
    return {"id": meeting_id, "so_ky_hieu": so_ky_hieu, "docx_url": row["minutes_docx_url"] if row else None}
