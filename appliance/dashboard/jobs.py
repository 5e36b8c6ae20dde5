"""Web imports run in the worker, so a 100,000-row file never blocks the staff app.

The import itself runs in a child process with a time and memory limit
(`appliance.system.isolate`): a hostile workbook that slips past the archive guard ends as
a failed import with a Vietnamese reason, never as a worker grown to gigabytes or a job retried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appliance.config import Settings
from appliance.dashboard.importers import SourceError, run_import
from appliance.db import connect
from appliance.jobs import JobContext
from appliance.system.isolate import LimitExceeded, Limits, run_limited
from appliance.text import format_number


def _import_in_child(settings: Settings, job_id: int, payload: dict[str, Any]) -> dict[str, object]:
    """Runs in the child: its own connection (a connection never crosses a fork)."""
    conn = connect(settings.db_path)
    ctx = JobContext(conn, settings, job_id)

    def progress(done: int, total: int) -> None:
        ctx.progress(done / total if total else 1.0,
                     f"Đã xử lý {format_number(done)}/{format_number(total)} dòng")

    try:
        result = run_import(conn, payload["kind"], Path(payload["path"]), filename=payload.get("filename"),
                            username=payload.get("username"), import_id=payload.get("import_id"),
                            progress=progress)
        return result.as_dict()
    finally:
        conn.close()


def _failed(payload: dict[str, Any], reason: str) -> dict[str, object]:
    return {"import_id": payload.get("import_id"), "kind": payload["kind"], "failed": reason,
            "imported": 0, "updated": 0, "rejected": 0, "errors": []}


def run_import_job(ctx: JobContext, payload: dict[str, Any]) -> dict[str, object]:
    """`payload` is the JSON import_routes queued: kind, path, filename, username, import_id."""
    ctx.progress(0.0, "Đang đọc tệp…")
    settings = ctx.settings
    limits = Limits(settings.import_time_limit_s, settings.import_memory_mb)
    try:
        return run_limited(_import_in_child, settings, ctx.job_id, payload, limits=limits)
    except SourceError as exc:
        # A file that cannot be read will not get better on retry: finish with the reason.
        return _failed(payload, str(exc))
    except LimitExceeded as exc:
        if exc.reason == "timeout":
            reason = (f"Nhập dữ liệu dừng vì chạy quá {format_number(limits.time_s / 60)} phút. "
                      "Hãy chia tệp thành nhiều phần rồi nhập lần lượt.")
        else:
            reason = (f"Tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ "
                      f"{format_number(limits.memory_mb)} MB). Hãy lưu lại dưới dạng CSV UTF-8 hoặc chia nhỏ tệp.")
        return _failed(payload, reason)


HANDLERS = {"dashboard.import": run_import_job}
