"""HTTP: POST /api/v1/drafts (CONTRACT §2), the draft list/edit/issue API, the .docx/.pdf
downloads, the "Soạn thảo" pages, the outgoing register and the admin's template editor."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import asdict
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict
from sse_starlette.sse import EventSourceResponse

from appliance.auth.audit import audit
from appliance.config import Settings
from appliance.db import connect
from appliance.drafting import doctypes, numbering, pdf, service
from appliance.drafting.layout import classify
from appliance.drafting.model import DocumentModel
from appliance.http.deps import AdminUser, Conn, GeneratorDep, LeaderUser, SettingsDep, StaffUser
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.text import fold, parse_date
from appliance.text.formatting import local_today

log = logging.getLogger(__name__)
router = APIRouter()
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class IssueRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ngay: str | None = None


def _filename(model: DocumentModel, document_id: int, ext: str) -> str:
    if model.number is None:
        stem = f"du-thao-{model.doc_type.replace('_', '-')}-{document_id}"
    else:
        stem = re.sub(r"[^a-z0-9]+", "-", fold(model.so_ky_hieu)).strip("-")
    return f"{stem}.{ext}"


# --- API ------------------------------------------------------------------------------------

@router.post("/api/v1/drafts")
async def create_draft_api(request: Request, conn: Conn, settings: SettingsDep, user: StaffUser,
                           generator: GeneratorDep) -> JSONResponse:
    try:
        payload = await request.json()
    except ValueError:
        raise AppError(400, "Nội dung gửi lên phải là JSON.", "bad_request") from None
    if not isinstance(payload, dict):
        raise AppError(422, "Nội dung gửi lên phải là một đối tượng JSON.", "invalid")
    # A model may take seconds to write: keep it off the event loop.
    result = await run_in_threadpool(service.create_draft, conn, settings, payload, user, generator=generator,
                                     use_registry=False)
    return JSONResponse(result)


@router.post("/api/v1/drafts/stream")
async def create_draft_stream(request: Request, settings: SettingsDep, user: StaffUser,
                              generator: GeneratorDep) -> EventSourceResponse:
    """The same as POST /api/v1/drafts, for a long body from the model: server-sent `progress` events
    (words written so far) while it writes, then one `draft` event (the draft, as the JSON route gives
    it) or `error` ({"error": {"message", "code"}})."""
    try:
        payload = await request.json()
    except ValueError:
        raise AppError(400, "Nội dung gửi lên phải là JSON.", "bad_request") from None
    if not isinstance(payload, dict):
        raise AppError(422, "Nội dung gửi lên phải là một đối tượng JSON.", "invalid")
    loop = asyncio.get_running_loop()
    events: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    def progress(text: str) -> None:
        words = len(text.split())
        loop.call_soon_threadsafe(events.put_nowait, ("progress", json.dumps(
            {"words": words, "message": f"Mô hình đang viết… {words} từ"}, ensure_ascii=False)))

    def write() -> None:
        # Its own connection: this runs after the request's dependencies may have closed theirs.
        conn = connect(settings.db_path)
        try:
            draft = service.create_draft(conn, settings, payload, user, generator=generator, use_registry=False,
                                         on_text=progress)
            outcome = ("draft", json.dumps(draft, ensure_ascii=False))
        except AppError as exc:
            outcome = ("error", json.dumps({"error": {"message": exc.message, "code": exc.code}}, ensure_ascii=False))
        except Exception:  # logged in full; the officer gets a sentence, never a trace
            log.exception("streamed draft failed")
            outcome = ("error", json.dumps({"error": {"message": "Không tạo được dự thảo. Lỗi đã được ghi lại.",
                                                      "code": "error"}}, ensure_ascii=False))
        finally:
            conn.close()
        loop.call_soon_threadsafe(events.put_nowait, outcome)

    async def stream() -> AsyncIterator[dict[str, str]]:
        worker = asyncio.ensure_future(run_in_threadpool(write))
        while True:
            kind, data = await events.get()
            yield {"event": kind, "data": data}
            if kind != "progress":
                break
        await worker

    return EventSourceResponse(stream(), ping=15, headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/api/v1/drafts")
def list_drafts_api(conn: Conn, user: StaffUser, status: str | None = None, q: str | None = None,
                    limit: int = 100) -> JSONResponse:
    return JSONResponse({"drafts": service.list_documents(conn, status=status, q=q, limit=limit)})


@router.get("/api/v1/drafts/{document_id}")
def get_draft_api(document_id: int, conn: Conn, user: StaffUser) -> JSONResponse:
    return JSONResponse(service.get_document(conn, document_id))


@router.put("/api/v1/drafts/{document_id}")
def update_draft_api(document_id: int, body: service.DraftChanges, conn: Conn, settings: SettingsDep,
                     user: StaffUser) -> JSONResponse:
    return JSONResponse(service.update_draft(conn, settings, document_id, body, user))


@router.post("/api/v1/drafts/{document_id}/issue")
def issue_draft_api(document_id: int, conn: Conn, user: LeaderUser, body: IssueRequest | None = None) -> JSONResponse:
    on = None
    if body is not None and body.ngay:
        on = parse_date(body.ngay)
        if on is None:
            raise AppError(422, "Ngày ban hành không đúng định dạng (YYYY-MM-DD).", "invalid")
    return JSONResponse(service.issue_document(conn, document_id, user, on))


@router.get("/api/v1/drafts/{document_id}/docx")
def download_docx(document_id: int, conn: Conn, user: StaffUser) -> Response:
    model = service.get_model(conn, document_id)
    name = _filename(model, document_id, "docx")
    return Response(service.render_docx(model), media_type=DOCX_MIME,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/api/v1/drafts/{document_id}/pdf")
def download_pdf(document_id: int, conn: Conn, user: StaffUser) -> Response:
    if not pdf.available():
        raise AppError(503, "Máy chưa cài LibreOffice nên chưa xuất được PDF; hãy tải tệp .docx "
                            "hoặc nhờ kỹ thuật viên cài gói libreoffice-writer.", "pdf_unavailable")
    model = service.get_model(conn, document_id)
    try:
        data = pdf.docx_to_pdf(service.render_docx(model))
    except Exception:
        raise AppError(503, "Chuyển sang PDF không thành công; hãy tải tệp .docx.", "pdf_failed") from None
    name = _filename(model, document_id, "pdf")
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --- pages ----------------------------------------------------------------------------------

def _types(settings: Settings) -> list[doctypes.DocType]:
    return [doctypes.load_doctype(settings, code) for code in doctypes.DOC_TYPES]


@router.get("/soan-thao", response_class=HTMLResponse)
def drafting_page(request: Request, conn: Conn, settings: SettingsDep, user: StaffUser,
                  q: str | None = None) -> HTMLResponse:
    return render(request, "drafting/page.html", {
        "title": "Soạn thảo văn bản",
        "types": _types(settings),
        "drafts": service.list_documents(conn, q=q, limit=50),
        "q": q or "",
        "settings": settings,
        "today": local_today().isoformat(),
    }, fragment="drafting/_list.html")


@router.get("/soan-thao/so-van-ban-di", response_class=HTMLResponse)
def register_page(request: Request, conn: Conn, settings: SettingsDep, user: StaffUser,
                  nam: int | None = None) -> HTMLResponse:
    year = nam or local_today().year
    names = {t.code: t.ten for t in _types(settings)}
    rows = [{**asdict(entry), "loai": names.get(entry.doc_type, entry.doc_type)}
            for entry in numbering.register_entries(conn, year)]
    return render(request, "drafting/register.html", {"title": "Sổ văn bản đi", "year": year, "rows": rows})


def _preview_context(document: service.DraftDetail) -> dict[str, object]:
    model = DocumentModel.from_dict(document["model"])
    return {"doc": document, "m": model, "lines": [classify(line, model.doc_type) for line in model.body]}


@router.get("/soan-thao/{document_id}", response_class=HTMLResponse)
def edit_page(request: Request, document_id: int, conn: Conn, settings: SettingsDep, user: StaffUser) -> HTMLResponse:
    document = service.get_document(conn, document_id)
    ctx = _preview_context(document)
    ctx.update({"title": f"Dự thảo: {document['trich_yeu']}", "pdf_available": pdf.available(),
                "can_issue": user.has_role("leader"), "type_name": doctypes.load_doctype(settings,
                                                                                        document["doc_type"]).ten})
    return render(request, "drafting/edit.html", ctx)


@router.get("/soan-thao/{document_id}/xem-truoc", response_class=HTMLResponse)
def preview_fragment(request: Request, document_id: int, conn: Conn, user: StaffUser) -> HTMLResponse:
    return render(request, "drafting/_preview.html", _preview_context(service.get_document(conn, document_id)))


# --- admin: templates as data ------------------------------------------------------------------

@router.get("/quan-tri/mau-van-ban", response_class=HTMLResponse)
def templates_page(request: Request, settings: SettingsDep, user: AdminUser, loai: str = "cong_van",
                   loi: str | None = None, luu: int = 0) -> HTMLResponse:
    code = loai if loai in doctypes.DOC_TYPES else "cong_van"
    text, source = doctypes.template_text(settings, code)
    return render(request, "drafting/templates_admin.html", {
        "title": "Mẫu văn bản", "types": _types(settings), "code": code, "text": text, "source": source,
        "error": loi, "saved": bool(luu)})


@router.post("/quan-tri/mau-van-ban/{code}")
def save_template(code: str, settings: SettingsDep, user: AdminUser, conn: Conn,
                  noi_dung: str = Form(""), khoi_phuc: str | None = Form(None)) -> RedirectResponse:
    if code not in doctypes.DOC_TYPES:
        raise AppError(404)
    if khoi_phuc:
        doctypes.reset_override(settings, code)
        audit(conn, "drafting.template_reset", user=user, target=code)
        return RedirectResponse(f"/quan-tri/mau-van-ban?loai={code}&luu=1", status_code=303)
    try:
        doctypes.save_override(settings, code, noi_dung.replace("\r\n", "\n"))
    except doctypes.TemplateError as exc:
        return RedirectResponse(f"/quan-tri/mau-van-ban?loai={code}&loi={quote(str(exc))}", status_code=303)
    audit(conn, "drafting.template_save", user=user, target=code)
    return RedirectResponse(f"/quan-tri/mau-van-ban?loai={code}&luu=1", status_code=303)
