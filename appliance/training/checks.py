"""Exercise checks: each reads what the trainee really did in the sandbox (its audit log, and the
owning feature's service where the log alone cannot tell) and returns the evidence, or None.

A check runs on a connection to the sandbox database with the trainee's sandbox account; it
never looks at the live database. Only entries of this trainee count, so several trainees can
practise in the same sandbox at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

from appliance.auth.audit import AuditEntry, entries
from appliance.auth.users import User
from appliance.tasks import service as tasks
from appliance.text import fold
from appliance.text.formatting import format_local_datetime

LOOKBACK = 2000  # audit entries of one trainee read per check: far more than a course produces


class Check(Protocol):
    def __call__(self, conn: sqlite3.Connection, user: User, /) -> str | None: ...


def _mine(conn: sqlite3.Connection, user: User, action: str) -> list[AuditEntry]:
    return [e for e in entries(conn, action_prefix=action, username=user.username, limit=LOOKBACK)
            if e.action == action]


def _text(entry: AuditEntry, key: str) -> str:
    value = (entry.detail or {}).get(key)
    return value if isinstance(value, str) else ""


def _has_all(text: str, words: Iterable[str]) -> bool:
    folded = fold(text)
    return all(word in folded for word in words)


def question_asked(*alternatives: tuple[str, ...]) -> Check:
    """A question in the question box that the appliance answered (status ok) and that holds all the
    folded words of one of `alternatives`."""

    def check(conn: sqlite3.Connection, user: User) -> str | None:
        for entry in _mine(conn, user, "ask.question"):
            question = _text(entry, "question")
            if (entry.detail or {}).get("status") == "ok" and any(_has_all(question, a) for a in alternatives):
                return f"Câu hỏi lúc {format_local_datetime(entry.at)}: «{question}» đã được trả lời."
        return None

    return check


def draft_created(doc_type: str, label: str) -> Check:
    def check(conn: sqlite3.Connection, user: User) -> str | None:
        for entry in _mine(conn, user, "drafting.create"):
            if _text(entry, "doc_type") == doc_type:
                return (f"Dự thảo {label} số {entry.target} lúc {format_local_datetime(entry.at)}: "
                        f"«{_text(entry, 'trich_yeu')}».")
        return None

    return check


def search_done(*words: str) -> Check:
    """A search in the library that found something and whose query holds all `words` (folded)."""

    def check(conn: sqlite3.Connection, user: User) -> str | None:
        for entry in _mine(conn, user, "knowledge.search"):
            results = (entry.detail or {}).get("results")
            if isinstance(results, int) and results > 0 and _has_all(_text(entry, "q"), words):
                return (f"Tra cứu lúc {format_local_datetime(entry.at)}: «{_text(entry, 'q')}» "
                        f"({results} kết quả).")
        return None

    return check


def complaint_classified_and_routed(conn: sqlite3.Connection, user: User) -> str | None:
    """One complaint both given its category and handed to a unit or person by this trainee."""
    assigned = {e.target: e for e in _mine(conn, user, "feedback.assign") if e.target}
    for entry in _mine(conn, user, "feedback.reclassify"):
        if entry.target in assigned:
            to = (assigned[entry.target].detail or {}).get("to", "")
            return f"Phản ánh {entry.target}: đã phân loại và giao cho «{to}»."
    return None


def complaint_answered(conn: sqlite3.Connection, user: User) -> str | None:
    for entry in _mine(conn, user, "feedback.reply"):
        return f"Đã trả lời phản ánh {entry.target} lúc {format_local_datetime(entry.at)}."
    return None


def meeting_task_confirmed(conn: sqlite3.Connection, user: User) -> str | None:
    """A task proposed from a meeting that this trainee confirmed (or moved further)."""
    from_meetings = {str(row["id"]): (row["content"], meeting["title"])
                     for row in tasks.list_tasks(conn) if (meeting := row["meeting"]) is not None}
    # Confirmed on the meeting's page (tasks.confirm, with the person checked) or moved on in the tracker.
    moved = [e for e in _mine(conn, user, "tasks.update")
             if (e.detail or {}).get("status") in ("assigned", "in_progress", "done")]
    for entry in _mine(conn, user, "tasks.confirm") + moved:
        if entry.target in from_meetings:
            content, title = from_meetings[entry.target]
            return f"Nhiệm vụ «{content}» của cuộc họp «{title}» đã được xác nhận."
    return None


