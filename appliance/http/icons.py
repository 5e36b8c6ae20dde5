"""The browser tab's icon and the home-screen app icon, for both apps: the ward's emblem (setting
`ward_emblem`) or a neutral building served from web/static/icons. Nothing is fetched from outside."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from appliance.config import Settings
from appliance.http.rendering import STATIC_DIR

router = APIRouter()
DEFAULT_EMBLEM = STATIC_DIR / "icons" / "emblem.svg"
MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".jpg": "image/jpeg",
               ".jpeg": "image/jpeg", ".webp": "image/webp"}


def _emblem(settings: Settings) -> FileResponse:
    path = settings.ward_emblem if settings.ward_emblem and settings.ward_emblem.is_file() else DEFAULT_EMBLEM
    return FileResponse(path, media_type=MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream"),
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/favicon.ico", include_in_schema=False)
def favicon(request: Request) -> FileResponse:
    return _emblem(request.app.state.settings)


@router.get("/app-icon", include_in_schema=False)
def app_icon(request: Request) -> FileResponse:
    return _emblem(request.app.state.settings)


@router.get("/manifest.webmanifest", include_in_schema=False)
def manifest(request: Request) -> Response:
    """Lets a phone add the app to its home screen with the ward's name and emblem."""
    settings: Settings = request.app.state.settings
    emblem = settings.ward_emblem if settings.ward_emblem and settings.ward_emblem.is_file() else DEFAULT_EMBLEM
    body = {"name": f"UBND {settings.ward_name}", "short_name": settings.ward_name, "lang": "vi", "start_url": "/",
            "display": "standalone", "theme_color": "#a4161a", "background_color": "#f5f6f8",
            "icons": [{"src": "/app-icon", "sizes": "any",
                       "type": MEDIA_TYPES.get(emblem.suffix.lower(), "image/png")}]}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/manifest+json")
