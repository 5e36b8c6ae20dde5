"""Pages every install has: the "not installed yet" placeholder for features still to come."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import Response

from appliance.http.deps import require_roles
from appliance.http.rendering import render
from appliance.http.routes_index import iter_api_routes
from appliance.shell.nav import NAV


def served_paths(app: FastAPI) -> set[str]:
    return {path for path, route in iter_api_routes(app.routes) if "GET" in (route.methods or ())}


def add_placeholders(app: FastAPI) -> None:
    """For each navigation page no feature serves, say plainly that it is not installed yet."""
    served = served_paths(app)
    app.state.installed_pages = {item.path for item in NAV if item.path in served}
    router = APIRouter()
    for item in NAV:
        if item.path in served:
            continue

        def page(request: Request, _label: str = item.label) -> Response:
            return render(request, "shell/not_installed.html", {"title": _label}, status_code=200)

        router.add_api_route(item.path, page, methods=["GET"], include_in_schema=False,
                             dependencies=[Depends(require_roles(*item.roles))])
    app.include_router(router)
