"""The closed loop's rules. The ticket is the citizen feature's (`citizen.staff.inbox`), the meeting
and its agenda the meetings feature's (`meetings.service`), the task the tracker's
(`tasks.service`); this module links them (`store.py`) and moves the ticket along:

overdue ticket → on a meeting's agenda → a task of that meeting linked → the task done with its
result → a reply drafted from the result → approved by staff and sent once on the ticket's channel
(the citizen inbox's own reply: Zalo outbox, status page or a call back) → the ticket closed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from appliance import features
from appliance.citizen.staff import inbox
from appliance.config import Settings
from appliance.db import transaction
from appliance.loop import store
from appliance.loop.store import LinkRow
from appliance.meetings import service as meetings
from appliance.meetings.service import MeetingChoice, MeetingRef
from appliance.tasks import service as tasks
from appliance.tasks.service import TaskChanges, TaskView
from appliance.text.formatting import format_local_date, format_local_datetime, local_today

EXCERPT = 140
CHANNEL_NAMES = {"web": "trang web", "widget": "trang web", "zalo": "Zalo", "counter": "tại quầy",
                 "phone": "điện thoại"}
DRAFT_ENGINE = "soạn theo mẫu từ kết quả nhiệm vụ"  # the draft's author, said on the page


class LoopError(ValueError):
    """A step that cannot be taken now (Vietnamese message for the person)."""


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _ticket(conn: sqlite3.Connection, feedback_id: int) -> sqlite3.Row:
    row = inbox.get_feedback(conn, feedback_id)
    if row is None:
        raise LookupError(feedback_id)
    return row


def link_of(conn: sqlite3.Connection, feedback_id: int) -> LinkRow | None:
    return store.get(conn, feedback_id)


@dataclass(frozen=True)
class TicketRef:
    """A citizen ticket a task answers: the tracker and the meeting page link to its path."""

    feedback_id: int
    ticket_code: str

    @property
    def path(self) -> str:
        return f"/phan-anh/{self.feedback_id}/hanh-trinh"


def tickets_of_tasks(conn: sqlite3.Connection, task_ids: Iterable[int]) -> dict[int, list[TicketRef]]:
    """The tickets linked to each of these tasks (tasks linked to none are absent). The tracker and the
    meeting page call this though the loop requires them: empty when the loop is not loaded (a broken
    manifest leaves its table absent)."""
    if not any(f.name == "loop" for f in features.features()):
        return {}
    found: dict[int, list[TicketRef]] = {}
    for task_id, feedback_id in store.tickets_of_tasks(conn, sorted(set(task_ids))):
        ticket = inbox.get_feedback(conn, feedback_id)
        if ticket is not None:
            found.setdefault(task_id, []).append(TicketRef(feedback_id, str(ticket["ticket_code"])))
    return found


def agenda_item(ticket: sqlite3.Row) -> str:
    """The agenda line: which ticket, what it is about, who handles it and its deadline."""
    return (f"Phản ánh {ticket['ticket_code']} ({ticket['department']}, hạn {format_local_date(ticket['deadline'])}):"
            f" {_excerpt(ticket['content'], 100)}")


def meeting_choices(conn: sqlite3.Connection) -> list[MeetingChoice]:
    """Planned meetings first (a ticket belongs on a meeting still to be held), then past ones."""
    return meetings.recent_meetings(conn)


def put_on_agenda(conn: sqlite3.Connection, settings: Settings, feedback_id: int, meeting_id: int,
                  username: str) -> LinkRow:
    """"Đưa vào cuộc họp": the ticket becomes an item of the meeting's agenda, and is in progress."""
    ticket = _ticket(conn, feedback_id)
    if ticket["status"] not in inbox.OPEN:
        raise LoopError("Phản ánh này đã xử lý xong, không cần đưa vào cuộc họp.")
    if store.get(conn, feedback_id) is not None:
        raise LoopError("Phản ánh này đã có trong chương trình một cuộc họp.")
    item = agenda_item(ticket)
    with transaction(conn):
        if not meetings.add_agenda_item(conn, meeting_id, item):
            raise LoopError("Không tìm thấy cuộc họp đã chọn.")
        if not store.put_on_agenda(conn, feedback_id, meeting_id, item, username):
            raise LoopError("Phản ánh này đã có trong chương trình một cuộc họp.")
    if ticket["status"] == "cho_xu_ly":
        inbox.set_status(conn, settings, feedback_id, "dang_xu_ly", username)
    link = store.get(conn, feedback_id)
    assert link is not None  # just written
    return link


def _need_link(conn: sqlite3.Connection, feedback_id: int) -> LinkRow:
    link = store.get(conn, feedback_id)
    if link is None:
        raise LoopError("Phản ánh này chưa được đưa vào cuộc họp nào.")
    return link


def meeting_tasks(conn: sqlite3.Connection, link: LinkRow) -> list[TaskView]:
    """The tasks of the meeting carrying the ticket (cancelled ones left out): those it may be linked to."""
    return [t for t in tasks.list_tasks(conn, meeting_id=link["meeting_id"]) if t["status"] != "cancelled"]


def task_of(conn: sqlite3.Connection, link: LinkRow) -> TaskView | None:
    if link["task_id"] is None:
        return None
    return next((t for t in tasks.list_tasks(conn, meeting_id=link["meeting_id"]) if t["id"] == link["task_id"]),
                None)


def link_task(conn: sqlite3.Connection, feedback_id: int, task_id: int, username: str) -> None:
    """Link one of the meeting's tasks (the one its minutes gave, confirmed by the secretary)."""
    link = _need_link(conn, feedback_id)
    if task_id not in {t["id"] for t in meeting_tasks(conn, link)}:
        raise LoopError("Nhiệm vụ đã chọn không thuộc cuộc họp có phản ánh này.")
    if not store.link_task(conn, feedback_id, task_id, username):
        raise LoopError("Đã báo cáo kết quả nhiệm vụ: không đổi nhiệm vụ được nữa.")


def assign_task(conn: sqlite3.Connection, feedback_id: int, assignee: str, content: str, deadline: dt.date | None,
                user_id: int | None, username: str) -> int:
    """The meeting's direction on the ticket, entered by hand as a task of that meeting, and linked."""
    link = _need_link(conn, feedback_id)
    if link["result"] is not None:
        raise LoopError("Đã báo cáo kết quả nhiệm vụ: không đổi nhiệm vụ được nữa.")
    assignee, content = assignee.strip(), content.strip()
    if not assignee or not content:
        raise LoopError("Cần người (hoặc đơn vị) được giao và nội dung nhiệm vụ.")
    with transaction(conn):
        task_id = tasks.add_task(conn, assignee, content, deadline=deadline.isoformat() if deadline else None,
                                 meeting_id=link["meeting_id"], user_id=user_id)
        store.link_task(conn, feedback_id, task_id, username)
    return task_id


def draft_reply(ticket: sqlite3.Row, meeting: MeetingRef | None, task: TaskView, result: str) -> str:
    """The reply to the citizen, written from the ticket, the meeting and the task's result (a
    fixed Vietnamese template: nothing here is invented; staff read and edit it before approving)."""
    who = f"ông/bà {ticket['name']}" if ticket["name"] else "ông/bà"
    lines = [f"Kính gửi {who},",
             f"Phản ánh {ticket['ticket_code']} ngày {format_local_date(ticket['created_at'])} về việc"
             f" «{_excerpt(ticket['content'])}» đã được đưa ra"
             + (f" cuộc họp «{meeting['title']}» ngày {format_local_date(meeting['date'])}" if meeting else " cuộc họp")
             + f" và giao {task['assignee'] or task['unit'] or 'đơn vị chuyên môn'} xử lý.",
             f"Kết quả xử lý: {result.strip()}"]
    if task["done_at"]:
        lines.append(f"Hoàn thành ngày {format_local_date(task['done_at'])}.")
    lines.append("UBND phường cảm ơn ông/bà đã phản ánh.")
    return "\n".join(lines)


def report_result(conn: sqlite3.Connection, feedback_id: int, result: str, user_id: int | None,
                  username: str) -> str:
    """The linked task is done with this result: the task is confirmed done (if it was not already)
    and the reply is drafted from the result. Returns the draft."""
    link = _need_link(conn, feedback_id)
    result = result.strip()
    if not result:
        raise LoopError("Cần ghi kết quả xử lý của nhiệm vụ.")
    if link["approved_at"] is not None:
        raise LoopError("Trả lời đã được duyệt và gửi.")
    task = task_of(conn, link)
    if task is None:
        raise LoopError("Chưa có nhiệm vụ nào gắn với phản ánh này.")
    if task["status"] == "cancelled":
        raise LoopError("Nhiệm vụ gắn với phản ánh đã bị hủy: hãy gắn hoặc giao nhiệm vụ khác.")
    ticket = _ticket(conn, feedback_id)
    meeting = meetings.meeting_refs(conn, [link["meeting_id"]]).get(link["meeting_id"])
    with transaction(conn):
        if task["status"] != "done":
            tasks.update_task(conn, task["id"], TaskChanges(status="done"), user_id)
        done = task_of(conn, link)
        assert done is not None  # the same task, now done
        draft = draft_reply(ticket, meeting, done, result)
        store.set_result(conn, feedback_id, result, draft, username)
    return draft


def approve_and_send(conn: sqlite3.Connection, settings: Settings, feedback_id: int, text: str,
                     username: str) -> str:
    """Staff approve the (edited) draft: it is sent once, on the ticket's channel, through the citizen
    inbox's reply (the Zalo outbox for a Zalo ticket), and the ticket closes. Returns the channel."""
    link = _need_link(conn, feedback_id)
    text = text.strip()
    if not text:
        raise LoopError("Nội dung trả lời trống.")
    if link["draft"] is None:
        raise LoopError("Chưa có kết quả nhiệm vụ để soạn trả lời.")
    if link["approved_at"] is None and _ticket(conn, feedback_id)["status"] not in inbox.OPEN:
        # Answered and closed from the inbox meanwhile: a second answer would reach the citizen twice.
        raise LoopError("Phản ánh này đã được trả lời và đóng từ hộp phản ánh; không gửi thêm trả lời.")
    if not store.claim_approval(conn, feedback_id, text, username):
        raise LoopError("Trả lời này đã được duyệt và gửi; không gửi lại lần nữa.")
    try:
        channel = inbox.reply(conn, settings, feedback_id, text, username, resolve=True)
    except BaseException:
        store.release_approval(conn, feedback_id)
        raise
    store.set_channel(conn, feedback_id, channel)
    return channel


# --- the ticket's whole path ----------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    label: str
    when: str        # local dd/mm/yyyy HH:MM (or dd/mm/yyyy for a day), '' while not reached
    detail: str
    reached: bool
    warn: bool = False


def _time(value: str | None) -> str:
    return format_local_datetime(value) if value else ""


def path(conn: sqlite3.Connection, feedback_id: int, today: dt.date | None = None) -> list[Step]:
    """Every stage of the loop in order, with the time each was reached (local time)."""
    today = today or local_today()
    ticket = _ticket(conn, feedback_id)
    link = store.get(conn, feedback_id)
    history = inbox.history(conn, feedback_id)
    routed = next((h for h in history if h["action"] == "pulled"), None)
    channel = CHANNEL_NAMES.get(ticket["channel"], ticket["channel"])
    steps = [Step("Tiếp nhận", _time(ticket["created_at"]), f"qua {channel}: «{_excerpt(ticket['content'])}»", True),
             Step("Chuyển xử lý", _time(routed["at"]) if routed else "",
                  f"{ticket['category_label'] or ticket['category']} → {ticket['department']},"
                  f" hạn trả lời {format_local_date(ticket['deadline'])}", routed is not None)]
    deadline = dt.date.fromisoformat(ticket["deadline"])
    closed_on = dt.date.fromisoformat(ticket["resolved_at"][:10]) if ticket["resolved_at"] else None
    if (closed_on or today) > deadline:
        late = ((closed_on or today) - deadline).days
        steps.append(Step("Quá hạn", format_local_date(deadline + dt.timedelta(days=1)),
                          f"quá hạn {late} ngày" + ("" if closed_on else " (hiện trên bảng điều hành và màn hình)"),
                          True, warn=True))
    meeting = meetings.meeting_refs(conn, [link["meeting_id"]]).get(link["meeting_id"]) if link else None
    task = task_of(conn, link) if link else None
    steps.append(Step("Đưa vào cuộc họp", _time(link["agenda_at"]) if link else "",
                      (f"«{meeting['title']}» ngày {format_local_date(meeting['date'])}, do {link['agenda_by']}"
                       if link and meeting else "chưa đưa vào chương trình cuộc họp nào"), link is not None))
    steps.append(Step("Giao nhiệm vụ", _time(link["task_at"]) if link else "",
                      (f"{task['assignee'] or task['unit']}: {task['content']}"
                       + (f" (hạn {format_local_date(task['deadline'])})" if task["deadline"] else "")
                       if task else "chưa có nhiệm vụ"), task is not None))
    steps.append(Step("Nhiệm vụ hoàn thành", _time(task["done_at"]) if task else "",
                      task["status_label"] if task else "", bool(task and task["status"] == "done")))
    steps.append(Step("Dự thảo trả lời", _time(link["drafted_at"]) if link else "",
                      f"{DRAFT_ENGINE}, kết quả do {link['result_by']} báo cáo" if link and link["draft"] else "",
                      bool(link and link["draft"])))
    steps.append(Step("Duyệt trả lời", _time(link["approved_at"]) if link else "",
                      f"do {link['approved_by']}" if link and link["approved_by"] else "",
                      bool(link and link["approved_at"])))
    steps.append(_delivery(conn, ticket, link))
    status = inbox.STATUS_LABELS.get(ticket["status"], ticket["status"])
    closed = ticket["status"] not in inbox.OPEN
    steps.append(Step("Đóng phản ánh", format_local_date(ticket["resolved_at"][:10]) if ticket["resolved_at"] else "",
                      status if closed else f"đang ở trạng thái «{status}»", closed))
    return steps


def _delivery(conn: sqlite3.Connection, ticket: sqlite3.Row, link: LinkRow | None) -> Step:
    if link is None or not link["approved_at"]:
        return Step("Gửi cho người dân", "", "", False)
    if link["channel"] == "zalo":
        sent = inbox.reply_deliveries(conn, ticket["id"])
        last = sent[-1] if sent else None
        if last is not None and last["status"] == "sent":
            return Step("Gửi cho người dân", _time(last["sent_at"]), "đã gửi qua Zalo", True)
        state = {"pending": "đang chờ gửi qua Zalo", "sending": "đang gửi qua Zalo",
                 "uncertain": "không rõ đã gửi qua Zalo chưa — kiểm tra trước khi gửi lại",
                 "failed": "gửi qua Zalo thất bại"}.get(last["status"] if last else "", "đang chờ gửi qua Zalo")
        trouble = bool(last and last["status"] in ("uncertain", "failed"))
        return Step("Gửi cho người dân", "", state, False, warn=trouble)
    if link["channel"] == "phone":
        return Step("Gửi cho người dân", _time(link["approved_at"]), "phản ánh tại quầy/điện thoại: cần gọi lại",
                    True)
    return Step("Gửi cho người dân", _time(link["approved_at"]), "người dân xem khi tra cứu mã phản ánh", True)
