"""Nhập dữ liệu from the browser: upload → a queued job (run by the worker) → progress → result.

The upload is only copied to disk here; parsing and writing happen in the worker process, so
a 100,000-row file never ties up the web app.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Annotated, TypedDict

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.dashboard.store import recent_imports, start_run
from appliance.http.deps import AdminUser, Conn, SettingsDep, StaffUser
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import Job, enqueue, get_job

router = APIRouter()
KINDS = {"ho-so": "Sổ theo dõi hồ sơ", "chi-tieu": "Chỉ tiêu kinh tế - xã hội"}
SUFFIXES = {".csv", ".xlsx", ".xlsm", ".txt"}
MAX_BYTES = 200 * 1024 * 1024
BODY_LIMITS = {"/nhap-du-lieu": MAX_BYTES + 1024 * 1024}  # enforced while the body streams in


class ImportJob(TypedDict):
    """An upload's progress and result, for its page and GET /api/v1/dashboard/imports/{job}."""

    id: int
    status: str
    progress: int
    message: str
    error: str | None
    kind: str | None
    filename: str | None
    imported: int | None
    updated: int | None
    rejected: int | None
    notes: list[str]
    errors: list[dict[str, object]]


def _job_view(job: Job) -> ImportJob:
    """`job` is the queue's record, whose payload and result are the JSON the job was given and gave."""
    result = job.get("result") or {}
    status = job["status"]
    if status == "done" and result.get("failed"):
        status = "failed"
    return {"id": job["id"], "status": status, "progress": round(float(job["progress"]) * 100),
            "message": result.get("failed") or job.get("message") or "", "error": job.get("error"),
            "kind": job["payload"].get("kind"), "filename": job["payload"].get("filename"),
            "imported": result.get("imported"), "updated": result.get("updated"),
            "rejected": result.get("rejected"), "notes": result.get("notes") or [],
            "errors": result.get("errors") or []}


def _copy_limited(file: UploadFile, target: Path) -> bool:
    """Copy the upload, stopping (and removing the copy) past MAX_BYTES; False when it was too large."""
    size = 0
    with target.open("wb") as out:
        while block := file.file.read(1024 * 1024):
            size += len(block)
            if size > MAX_BYTES:
                break
            out.write(block)
    if size > MAX_BYTES:
        target.unlink()
        return False
    return True


@router.get("/nhap-du-lieu")
def import_page(request: Request, conn: Conn, user: StaffUser) -> Response:
    return render(request, "dashboard/import.html", {"title": "Nhập dữ liệu", "kinds": KINDS,
                                                     "recent": recent_imports(conn)})


@router.post("/nhap-du-lieu")
def import_upload(request: Request, conn: Conn, settings: SettingsDep, user: StaffUser,
                  kind: Annotated[str, Form()], file: Annotated[UploadFile, File()]) -> Response:
    if kind not in KINDS:
        raise AppError(422, "Hãy chọn loại dữ liệu: sổ theo dõi hồ sơ hoặc chỉ tiêu KT-XH.", "invalid")
    name = Path(file.filename or "tep").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise AppError(422, "Chỉ nhận tệp .csv hoặc .xlsx. Hãy lưu tệp Excel dưới dạng .xlsx hoặc CSV UTF-8.",
                       "invalid")
    folder = settings.data_dir / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{uuid.uuid4().hex}{suffix}"
    if not _copy_limited(file, target):  # checked while copying: an oversized file never lands whole
        raise AppError(413, "Tệp quá lớn (tối đa 200 MB). Hãy chia tệp thành nhiều phần.", "too_large")
    import_id = start_run(conn, kind, name, user.username)
    job_id = enqueue(conn, "dashboard.import", {"kind": kind, "path": str(target), "filename": name,
                                                "username": user.username, "import_id": import_id},
                     max_attempts=2)
    audit(conn, "dashboard.import", user=user, target=name, detail={"kind": kind, "job": job_id})
    return RedirectResponse(f"/nhap-du-lieu/{job_id}", status_code=303)


def _load_job(conn: sqlite3.Connection, job_id: int) -> ImportJob:
    job = get_job(conn, job_id)
    if job is None or job["kind"] != "dashboard.import":
        raise AppError(404, "Không tìm thấy lượt nhập dữ liệu này.", "not_found")
    return _job_view(job)


@router.get("/nhap-du-lieu/{job_id}")
def import_status_page(request: Request, conn: Conn, user: StaffUser, job_id: int) -> Response:
    job = _load_job(conn, job_id)
    return render(request, "dashboard/import_status.html",
                  {"title": "Kết quả nhập dữ liệu", "job": job, "kinds": KINDS},
                  fragment="dashboard/_import_status.html")


@router.get("/api/v1/dashboard/imports/{job_id}")
def import_status_api(conn: Conn, user: StaffUser, job_id: int) -> JSONResponse:
    return JSONResponse(_load_job(conn, job_id))


@router.get("/quan-tri/nhap-du-lieu")
def admin_import_link(admin: AdminUser) -> Response:
    """The admin hub lists imports too; the page itself is shared with staff who import files."""
    return RedirectResponse("/nhap-du-lieu", status_code=303)
