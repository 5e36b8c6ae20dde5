"""The staff app factory: create_app(settings) so tests can inject their own data dir and engines."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from appliance import __version__, engines
from appliance.config import Settings, load_settings
from appliance.db import connect, migrate
from appliance.engines import Registry
from appliance.features import body_limits, features
from appliance.http import icons
from appliance.http.deps import AdminUser
from appliance.http.errors import install_error_handlers
from appliance.http.middleware import install_security
from appliance.http.rendering import STATIC_DIR
from appliance.system.netguard import install_from_env
from appliance.system.public_dir import move_public_db
from appliance.text.formatting import configure_timezone

log = logging.getLogger(__name__)


def prepare_database(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    move_public_db(settings)
    conn = connect(settings.db_path)
    try:
        applied = migrate(conn)
        if applied:
            log.info("migrations applied: %s", ", ".join(applied))
    finally:
        conn.close()


def create_app(settings: Settings | None = None, *, engine_registry: Registry | None = None) -> FastAPI:
    install_from_env()
    settings = settings or load_settings()
    configure_timezone(settings.timezone)
    prepare_database(settings)
    # The schema maps every route and parameter: served to admins only (below), never anonymously.
    app = FastAPI(title="Trợ lý AI UBND phường", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.settings = settings
    app.state.engines = engine_registry  # None: features build the registry from settings lazily
    app.state.training_allowed = True  # only the staff app serves the training sandbox (appliance.training)
    install_error_handlers(app)
    install_security(app, trusted_proxies=settings.trusted_proxies, max_body=settings.max_body_kb * 1024,
                     body_limits=body_limits())
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        conn = connect(settings.db_path)
        try:
            conn.execute("SELECT 1").fetchone()
        finally:
            conn.close()
        return JSONResponse({"status": "ok", "version": __version__, "engines": engines.status(settings)})

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_schema(admin: AdminUser) -> JSONResponse:
        return JSONResponse(app.openapi())

    app.include_router(icons.router)
    for feature in features():
        for router in feature.routers:
            app.include_router(router)
    return app
