"""The citizen app's pages: the widget script, a page per procedure (/thu-tuc/{code}, the `url`
of chat answers) and a plain home page with the ward's notices, FAQ and the widget."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response

from appliance.citizen.public import store
from appliance.citizen.public.deps import CitizenSettings, PublicConn
from appliance.http.errors import AppError
from appliance.http.rendering import STATIC_DIR, templates

WIDGET = STATIC_DIR / "citizen" / "widget.js"

router = APIRouter()


@router.get("/widget.js")
def widget() -> FileResponse:
    return FileResponse(WIDGET, media_type="application/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})


@router.get("/thu-tuc/{code}", response_class=HTMLResponse)
async def procedure_page(code: str, request: Request, conn: PublicConn, settings: CitizenSettings) -> Response:
    record = await run_in_threadpool(store.procedure_record, conn, code[:40])
    if record is None:
        raise AppError(404, "Không tìm thấy thủ tục này.")
    return templates.TemplateResponse(request, "citizen/procedure.html", {"p": record, "ward_name": settings.ward_name})


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: PublicConn, settings: CitizenSettings) -> Response:
    return templates.TemplateResponse(request, "citizen/home.html", {
        "ward_name": settings.ward_name, "notices": store.notices(conn), "faq": store.faq(conn),
        "procedures": sorted(store.procedures(conn), key=lambda p: p.name)})
