"""/quan-tri/phap-dien: admins import đề mục pages of the Bộ Pháp điển (the same importer as
`appliance kb import-phapdien`). Pages are spooled and imported by the worker (job
`knowledge.import_phapdien`); the page follows its progress and shows the import report."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from appliance.auth.audit import audit
from appliance.http.deps import AdminUser, Conn, SettingsDep, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import enqueue, get_job
from appliance.knowledge.documents import list_documents
from appliance.knowledge.extract import IngestError
from appliance.knowledge.library_routes import read_limited, spool_dir

router = APIRouter()
PAGE_SUFFIXES = {".md", ".html", ".htm"}


@router.get("/quan-tri/phap-dien")
def import_page(request: Request, user: AdminUser, conn: Conn) -> Response:
    return render(request, "knowledge/phapdien.html", {"job": None, "errors": [], "documents": list_documents(conn)})


@router.post("/quan-tri/phap-dien")
async def start_import(request: Request, user: AdminUser, conn: Conn, settings: SettingsDep,
                       files: Annotated[list[UploadFile], File()]) -> Response:
    spooled, errors = [], []
    for item in files:
        name = Path(item.filename or "").name
        if Path(name).suffix.lower() not in PAGE_SUFFIXES:
            errors.append(f"“{name or 'tệp'}”: trang Pháp điển phải là tệp .md hoặc .html.")
            continue
        try:
            data = await read_limited(item)
        except IngestError as exc:
            errors.append(exc.message)
            continue
        path = spool_dir(settings) / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
        path.write_bytes(data)
        spooled.append({"path": str(path), "name": name})
    job = None
    if spooled:
        job = get_job(conn, enqueue(conn, "knowledge.import_phapdien", {"files": spooled, "user": user.username}))
        audit(conn, "knowledge.import_phapdien", user=user, target="/quan-tri/phap-dien", ip=client_ip(request),
              detail={"files": [f["name"] for f in spooled]})
    return render(request, "knowledge/phapdien.html", {"job": job, "errors": errors, "documents": []},
                  status_code=200 if job else 422)


@router.get("/quan-tri/phap-dien/viec/{job_id}")
def import_status(request: Request, job_id: int, user: AdminUser, conn: Conn) -> Response:
    job = get_job(conn, job_id)
    if job is None or job["kind"] != "knowledge.import_phapdien":
        raise AppError(404, "Không tìm thấy lần nhập này.", "not_found")
    if request.headers.get("accept", "").startswith("application/json"):
        return JSONResponse({"status": job["status"], "progress": job["progress"], "message": job["message"],
                             "result": job["result"]})
    return render(request, "knowledge/_phapdien_job.html", {"job": job})
