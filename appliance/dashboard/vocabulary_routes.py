"""/quan-tri/anh-xa-trang-thai: the records importer's vocabulary (status and channel classes,
heading aliases) and what waits in the quarantine; mapping a value applies its held rows at once.
HTTP only: dashboard.vocabulary, .quarantine and .mapping do the work."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from appliance.auth.audit import audit
from appliance.dashboard import mapping, quarantine, vocabulary
from appliance.dashboard.importers import RECORD_LABELS
from appliance.http.deps import AdminUser, Conn, client_ip
from appliance.http.errors import AppError
from appliance.http.rendering import render

router = APIRouter()
PATH = "/quan-tri/anh-xa-trang-thai"


@router.get(PATH)
def vocabulary_page(request: Request, user: AdminUser, conn: Conn) -> Response:
    return render(request, "dashboard/vocabulary.html", {
        "title": "Ánh xạ trạng thái hồ sơ", "waiting": quarantine.waiting(conn), "mappings": vocabulary.mappings(conn),
        "headers": vocabulary.header_aliases(conn), "classes": vocabulary.CLASSES, "fields": RECORD_LABELS,
        "kinds": vocabulary.KIND_LABELS, "message": request.query_params.get("tb", "")})


@router.post(PATH)
def vocabulary_map(request: Request, user: AdminUser, conn: Conn, kind: Annotated[str, Form()],
                   source: Annotated[str, Form(max_length=300)], target: Annotated[str, Form(max_length=100)]
                   ) -> Response:
    try:
        result = mapping.map_value(conn, kind, source, target, username=user.username)
    except vocabulary.VocabularyError as exc:
        raise AppError(422, str(exc)) from None
    audit(conn, "dashboard.vocabulary", user=user, target=source, detail={"kind": kind, "target": target},
          ip=client_ip(request))
    return RedirectResponse(f"{PATH}?tb={quote(result.summary())}", status_code=303)
