"""/quan-tri/thu-tuc: admins edit the procedure catalogue (the data the chatbot and the staff
search read). Lists are edited one item per line; every save is audited."""

from __future__ import annotations

import sqlite3

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.http.deps import AdminUser, Conn, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.jobs import enqueue
from appliance.jobs.queue import handlers
from appliance.knowledge.procedures import (
    FIELD_LABELS,
    LIST_FIELDS,
    Basis,
    Procedure,
    get_procedure,
    list_procedures,
    upsert_procedure,
)
from appliance.text.formatting import local_today

router = APIRouter()
EDIT_FIELDS = ("name", "field", "agency", "processing_time", "fee", "where", "online_url",
               "legal_basis", "documents", "how", "forms", "aliases")


@router.get("/quan-tri/thu-tuc")
def catalogue(request: Request, user: AdminUser, conn: Conn) -> Response:
    return render(request, "knowledge/admin_list.html", {"procedures": list_procedures(conn)})


def _blank() -> Procedure:
    return Procedure(code="", name="", field="", agency="", police=False, legal_basis=[], processing_time="",
                     fee="", documents=[], where="", online_url="", how=[], forms=[])


@router.get("/quan-tri/thu-tuc/{code}")
def edit(request: Request, code: str, user: AdminUser, conn: Conn) -> Response:
    proc = _blank() if code == "moi" else get_procedure(conn, code)
    if proc is None:
        raise AppError(404, "Không có thủ tục này trong danh mục.", "not_found")
    return render(request, "knowledge/admin_edit.html", {"proc": proc, "is_new": code == "moi", "labels": FIELD_LABELS,
                                                         "edit_fields": EDIT_FIELDS, "list_fields": LIST_FIELDS,
                                                         "errors": []})


@router.post("/quan-tri/thu-tuc/{code}")
async def save(request: Request, code: str, user: AdminUser, conn: Conn) -> Response:
    form = await request.form()
    values: dict[str, object] = {}
    for name in EDIT_FIELDS:
        raw = str(form.get(name) or "")
        values[name] = [line.strip() for line in raw.splitlines() if line.strip()] if name in LIST_FIELDS else raw
    values["code"] = (str(form.get("code") or "").strip().upper() if code == "moi" else code)
    values["police"] = form.get("police") == "1"
    values["needs_confirmation"] = [str(v) for v in form.getlist("needs_confirmation")]
    values["updated_at"] = local_today().isoformat()
    errors: list[str] = []
    existing = get_procedure(conn, code)
    values["basis"] = existing.basis if existing else []  # a form without the field keeps what was there
    if "basis" in form:
        try:
            lines = [line for line in str(form.get("basis") or "").splitlines() if line.strip()]
            values["basis"] = [Basis.from_line(line, str(values["code"])) for line in lines]
        except ValueError as exc:
            errors.append(str(exc))
    proc = Procedure.from_mapping(values)
    errors += [f"{FIELD_LABELS[name]}: chưa điền (hoặc đánh dấu “cần xác nhận”)" for name in proc.missing_fields()]
    if code == "moi" and get_procedure(conn, proc.code) is not None:
        errors.append(f"Mã thủ tục {proc.code} đã có trong danh mục.")
    if errors:
        return render(request, "knowledge/admin_edit.html", {
            "proc": proc, "is_new": code == "moi", "labels": FIELD_LABELS, "edit_fields": EDIT_FIELDS,
            "list_fields": LIST_FIELDS, "errors": errors}, status_code=422)
    upsert_procedure(conn, proc, edited_by=user.username)
    _republish(conn)
    audit(conn, "knowledge.procedure.save", user=user, target=proc.code, ip=client_ip(request),
          detail={"name": proc.name, "needs_confirmation": proc.needs_confirmation})
    return RedirectResponse("/quan-tri/thu-tuc", status_code=303)


def _republish(conn: sqlite3.Connection) -> None:
    """The citizen app reads a published copy of the catalogue: ask for a new one when that
    feature is installed (its job kind registered), so the chatbot answers with the edit."""
    if "citizen.publish" in handlers():
        enqueue(conn, "citizen.publish", {"reason": "catalogue edited"})

