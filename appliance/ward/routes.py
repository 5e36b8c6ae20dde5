"""The setup wizard (/thiet-lap), for the ward's admin: HTTP only (ward.wizard does the work)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.http.deps import AdminUser, Conn, SettingsDep, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.ward import service, wizard

router = APIRouter()


@router.get("/thiet-lap")
def setup_page(request: Request, user: AdminUser, conn: Conn, settings: SettingsDep) -> Response:
    step = request.query_params.get("buoc", "don-vi")
    if step not in wizard.STEP_KEYS:
        step = "don-vi"
    return render(request, "ward/setup.html", {"title": "Thiết lập đơn vị", **wizard.context(conn, settings, step),
                                               "message": request.query_params.get("tb", "")})


@router.post("/thiet-lap/{step}")
async def setup_save(step: str, request: Request, user: AdminUser, conn: Conn, settings: SettingsDep) -> Response:
    if step not in wizard.STEP_KEYS:
        raise AppError(404, "Không có bước thiết lập này.")
    form = await request.form()
    text = {key: value for key, value in form.items() if isinstance(value, str)}
    message = ""
    try:
        if step == "don-vi":
            wizard.save_profile(conn, {k: v for k, v in text.items() if k in service.PROFILE_LABELS}, user)
        elif step == "mat-khau":
            wizard.change_password(conn, user, text.get("current", ""), text.get("new", ""), text.get("again", ""))
        elif step == "danh-ba":
            upload = form.get("file")
            data, name = (await upload.read(wizard.MAX_DIRECTORY_BYTES + 1), upload.filename or "") \
                if upload is not None and not isinstance(upload, str) else (b"", "")
            result = wizard.save_directory(conn, text.get("units", ""), name, data)
            message = result.summary() if result else ""
        elif step == "le-phi":
            wizard.save_fees(conn, text, text.get("opening_hours", ""), user)
        elif step == "dinh-tuyen":
            wizard.save_routing(conn, text, user)
        elif step == "lich":
            if text.get("day"):
                service.set_calendar_day(conn, text["day"], text.get("kind", "off"), text.get("note", ""),
                                         user.username)
        elif step == "zalo":
            saved = wizard.save_zalo(settings, text)
            message = f"Đã lưu {saved} khóa Zalo (tệp riêng, không trong tệp cấu hình)." if saved else ""
    except (service.WardError, ValueError) as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "ward.setup", user=user, target=step, ip=client_ip(request))
    target = step if step == "lich" else wizard.next_step(step)
    query = f"?buoc={target}" + (f"&tb={quote(message)}" if message else "")
    return RedirectResponse(f"/thiet-lap{query}", status_code=303)
