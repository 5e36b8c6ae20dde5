"""The citizen app. It opens only public.db: never the staff database."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from appliance import __version__
from appliance.config import Settings, load_settings
from appliance.db import connect, migrate
from appliance.http.errors import install_error_handlers
from appliance.system.netguard import install_from_env


def create_public_app(settings: Settings | None = None) -> FastAPI:
    install_from_env()
    settings = settings or load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    conn = connect(settings.public_db_path)
    try:
        migrate(conn, "public")
    finally:
        conn.close()
    app = FastAPI(title="Cổng hỏi đáp công dân", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None)
    app.state.settings = settings
    install_error_handlers(app)

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})

    return app
