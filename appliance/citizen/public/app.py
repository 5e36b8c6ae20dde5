"""The citizen app (port 8001). It opens only public.db: never the staff database.

A thin factory, like the staff app's (`appliance.app.create_app`): the routes are the features'
`public_routers` (citizen's: `routes.py`, `zalo_routes.py`, `page_routes.py`; CONTRACT §2), and
what they share (settings, chatbot, rate limits, the webhook's connection) is one
`CitizenServices` on `app.state.citizen`, reached through the dependencies in `deps.py`.
No login; nothing here uses cookies.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from appliance import __version__
from appliance.citizen.public import preparing, store
from appliance.citizen.public.deps import CitizenServices
from appliance.config import Settings, load_settings
from appliance.engines import Generator
from appliance.features import features
from appliance.http import icons
from appliance.http.errors import install_error_handlers
from appliance.http.middleware import install_security
from appliance.http.rendering import STATIC_DIR
from appliance.system.netguard import install_from_env
from appliance.text.formatting import configure_timezone


def create_public_app(settings: Settings | None = None, *,
                      generator: Generator | Literal["auto"] | None = "auto") -> FastAPI:
    """`generator`: "auto" asks the engines server (remote mode); tests pass their own, or None."""
    install_from_env()
    settings = settings or load_settings()
    configure_timezone(settings.timezone)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store.prepare_database(settings)
    services = CitizenServices.create(settings, generator)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The chat's models are prepared in the background from the start and after each publish
        # (preparing.py): the first citizen's message does not wait ~17 s for the examples' vectors.
        stop = preparing.start_watching(settings.public_db_path, services.bot.prepare)
        try:
            yield
        finally:
            stop.set()

    app = FastAPI(title="Cổng hỏi đáp công dân", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.citizen = services
    app.state.error_template = "citizen/error.html"  # a citizen gets the citizen's links, never "đăng nhập"
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    # The widget runs on the ward's own website, another origin; nothing here uses cookies.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"], allow_credentials=False, max_age=3600)
    # Outside CORS: the real client address, security headers and the body limit (appliance.http.middleware).
    install_security(app, trusted_proxies=settings.trusted_proxies, max_body=settings.public_max_body_kb * 1024)

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        # "preparing": the chat's models being built in the background, with a Vietnamese sentence
        # ("đang chuẩn bị mô hình ngữ nghĩa (câu mẫu của chatbot): 320/1.543 …"); the chat answers meanwhile.
        return JSONResponse({"status": "ok", "version": __version__, "preparing": preparing.status()})

    app.include_router(icons.router)
    for feature in features():
        for router in feature.public_routers:
            app.include_router(router)
    return app
