"""Web imports run in the worker, so a 100,000-row file never blocks the staff app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appliance.dashboard.importers import SourceError, run_import
from appliance.jobs import JobContext
from appliance.text import format_number


def run_import_job(ctx: JobContext, payload: dict[str, Any]) -> dict[str, object]:
    """`payload` is the JSON import_routes queued: kind, path, filename, username, import_id."""

    def progress(done: int, total: int) -> None:
        ctx.progress(done / total if total else 1.0,
                     f"Đã xử lý {format_number(done)}/{format_number(total)} dòng")

    ctx.progress(0.0, "Đang đọc tệp…")
    try:
        result = run_import(ctx.conn, payload["kind"], Path(payload["path"]), filename=payload.get("filename"),
                            username=payload.get("username"), import_id=payload.get("import_id"),
                            progress=progress)
    except SourceError as exc:
        # A file that cannot be read will not get better on retry: finish with the reason.
        return {"import_id": payload.get("import_id"), "kind": payload["kind"], "failed": str(exc),
                "imported": 0, "updated": 0, "rejected": 0, "errors": []}
    return result.as_dict()


HANDLERS = {"dashboard.import": run_import_job}
