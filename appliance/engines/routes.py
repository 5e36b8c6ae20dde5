"""/quan-tri/mo-hinh: what runs where, the model catalogue with each model's state, and a
sha256 check an admin can start (admin only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response

from appliance.auth.audit import audit
from appliance.config import Settings
from appliance.engines.catalogue import ModelEntry, load_catalogue
from appliance.engines.device import cuda_device_count
from appliance.engines.registry import engines_status
from appliance.engines.store import installed_dir, locate
from appliance.engines.store import verify as verify_model
from appliance.http.deps import AdminUser, Conn, SettingsDep, client_ip
from appliance.http.rendering import render

router = APIRouter()
TASK_LABELS = {"transcriber": "Nhận dạng giọng nói", "diarizer": "Phân biệt người nói",
               "generator": "Sinh văn bản (LLM)", "embedder": "Tìm kiếm ngữ nghĩa"}
CHOICE_LABELS = {"production": "chính thức (GPU)", "cpu": "CPU / gói PyPI", "test": "chỉ để kiểm thử"}


@dataclass(frozen=True)
class CatalogueRow:
    """One model of the catalogue as the admin page shows it."""
    entry: ModelEntry
    origin: str  # installed | packaged | missing
    problems: list[str]
    path: Path | None
    previous: Path | None
    choice_label: str


def _catalogue_rows(settings: Settings, verify: bool = False) -> list[CatalogueRow]:
    rows = []
    for entry in load_catalogue():
        found = verify_model(settings, entry) if verify else locate(settings, entry, build=False)
        rows.append(CatalogueRow(entry, found.origin, found.problems if found.origin != "missing" else [], found.path,
                                 installed_dir(settings, entry, "previous"),
                                 CHOICE_LABELS.get(entry.choice, entry.choice)))
    return rows


def _page(request: Request, settings: Settings, verified: bool = False) -> Response:
    return render(request, "engines/models.html", {
        "title": "Mô hình AI", "status": engines_status(settings), "task_labels": TASK_LABELS,
        "rows": _catalogue_rows(settings, verify=verified), "verified": verified,
        "gpu_count": cuda_device_count(), "settings": settings,
    }, fragment="engines/_catalogue.html")


@router.get("/quan-tri/mo-hinh")
def models_page(request: Request, user: AdminUser, settings: SettingsDep) -> Response:
    return _page(request, settings)


@router.post("/quan-tri/mo-hinh/kiem-tra")
def verify_models(request: Request, user: AdminUser, settings: SettingsDep, conn: Conn) -> Response:
    audit(conn, "models.verify", user=user, ip=client_ip(request))
    return _page(request, settings, verified=True)
