"""Impact report pages: /hieu-qua (leaders, admins), the rows behind each figure, the monthly
.docx (ND30 báo cáo) and the ward's baselines form (admins)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.http.deps import AdminUser, Conn, LeaderUser, SettingsDep
from appliance.http.rendering import render
from appliance.impact import document, service
from appliance.impact.kinds import KINDS, baselines, save_baselines
from appliance.impact.service import PROMISE_PERCENT, hours
from appliance.text.formatting import local_today

router = APIRouter()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_SIZE = 200  # rows per page of a list behind a figure


@router.get("/hieu-qua")
def impact_page(request: Request, conn: Conn, settings: SettingsDep, user: LeaderUser,
                thang: str | None = None) -> Response:
    today = local_today()
    report = service.build(conn, settings, service.parse_month(thang, today), today)
    return render(request, "impact/index.html", {
        "title": "Hiệu quả sử dụng", "report": report, "hours": hours, "promise": PROMISE_PERCENT,
        "thang": f"{report.start:%m/%Y}", "can_edit": user.role == "admin"})


@router.get("/hieu-qua/chi-tiet")
def impact_rows(request: Request, conn: Conn, settings: SettingsDep, user: LeaderUser, loai: str = "",
                thang: str | None = None, don_vi: str = "", trang: Annotated[int, Query(ge=1)] = 1) -> Response:
    today = local_today()
    first = service.parse_month(thang, today)
    found = service.rows(conn, settings, loai, first, don_vi, today)
    pages = max(1, -(-len(found.rows) // PAGE_SIZE))
    query = {"loai": loai, "thang": f"{first:%Y-%m}", **({"don_vi": don_vi} if don_vi else {})}
    return render(request, "impact/rows.html", {
        "title": found.title, "found": found, "shown": found.rows[(trang - 1) * PAGE_SIZE:trang * PAGE_SIZE],
        "first_row": (trang - 1) * PAGE_SIZE + 1, "page": trang, "pages": pages,
        "base": "/hieu-qua/chi-tiet?" + urlencode(query)})


@router.get("/hieu-qua/bao-cao.docx")
def impact_docx(request: Request, conn: Conn, settings: SettingsDep, user: LeaderUser,
                thang: str | None = None) -> Response:
    today = local_today()
    report = service.build(conn, settings, service.parse_month(thang, today), today)
    data = document.render(conn, settings, report)
    audit(conn, "impact.docx", user=user, target=report.month, detail={"thang": f"{report.start:%m/%Y}"})
    name = f"bao-cao-hieu-qua-{report.month}.docx"
    return Response(data, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/hieu-qua/muc-thoi-gian")
def baselines_page(request: Request, conn: Conn, user: AdminUser, da_luu: int | None = None) -> Response:
    return render(request, "impact/baselines.html", {
        "title": "Mức thời gian của báo cáo hiệu quả", "kinds": KINDS, "baselines": baselines(conn),
        "saved": da_luu})


@router.post("/hieu-qua/muc-thoi-gian")
async def baselines_save(request: Request, conn: Conn, user: AdminUser) -> Response:
    form = await request.form()
    changed = save_baselines(conn, {k: v for k, v in form.items() if isinstance(v, str)}, user)
    return RedirectResponse(f"/hieu-qua/muc-thoi-gian?da_luu={changed}", status_code=303)
