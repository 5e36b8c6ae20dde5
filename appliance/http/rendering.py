"""Jinja rendering with HTMX awareness: a full page, or just the fragment when HTMX asks.

History restores (HX-History-Restore-Request) always get the full page, so the back button
never shows a bare fragment; `Vary: HX-Request` keeps caches from mixing the two.
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from appliance import __version__
from appliance.config import REPO_ROOT
from appliance.features import nav_entries
from appliance.text import (
    format_date_long,
    format_date_short,
    format_local_date,
    format_local_datetime,
    format_month,
    format_number,
    format_percent,
    format_quantity,
)
from appliance.text.labels import engine_label, task_label
from appliance.training.mode import training_state
from appliance.ward.service import setup_needed, ward_display_name

WEB = REPO_ROOT / "web"
TEMPLATES_DIR = WEB / "templates"
STATIC_DIR = WEB / "static"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
env = templates.env
env.globals.update(
    fmt_number=format_number,
    fmt_percent=format_percent,
    fmt_qty=format_quantity,
    fmt_date=format_date_short,
    fmt_date_long=format_date_long,
    version=__version__,
)
# Stored times are UTC; people read the unit's zone: {{ row.created_at|localtime }} → 05/12/2026 08:30,
# {{ row.created_at|localdate }} → 05/12/2026 (a bare date such as a deadline is shown as it is).
env.filters["localtime"] = format_local_datetime
env.filters["localdate"] = format_local_date
env.filters["vnmonth"] = format_month
env.filters["engine_label"] = engine_label  # "hybrid: bm25 + …" → "tra cứu theo từ khóa và theo nghĩa"
env.filters["task_label"] = task_label


def static_url(path: str) -> str:
    return f"/static/{path}?v={__version__}"


env.globals["static_url"] = static_url


def is_fragment_request(request: Request) -> bool:
    return bool(request.headers.get("hx-request")) and not request.headers.get("hx-history-restore-request")


def base_context(request: Request) -> dict[str, object]:
    user = getattr(request.state, "user", None)
    training = training_state(request)  # the banner and colour of training mode (issue 21)
    settings = training.settings if training is not None else request.app.state.settings
    nav = [item for item in nav_entries() if user is not None and user.has_role(*item.roles)]
    return {
        "request": request,
        "user": user,
        "csrf_token": getattr(request.state, "csrf", None) or "",
        "nav": nav,
        "ward_name": ward_display_name(settings),
        # The first admin is shown the setup wizard until the ward has its own profile (issue 19).
        "setup_needed": bool(user is not None and user.role == "admin" and setup_needed(settings)),
        "current_path": request.url.path,
        "training": training is not None,
    }


def render(
    request: Request,
    template: str,
    context: Mapping[str, object] | None = None,
    *,
    status_code: int = 200,
    fragment: str | None = None,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render `template`, or `fragment` instead when this is an HTMX (non-history) request."""
    ctx = base_context(request)
    ctx.update(context or {})
    name = fragment if fragment and is_fragment_request(request) else template
    response = templates.TemplateResponse(request, name, ctx, status_code=status_code, headers=headers)
    response.headers["Vary"] = "HX-Request"
    return response


def render_error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None,
                      *, next_step: tuple[str, str] | None = None) -> HTMLResponse:
    """The error page (an HTMX request gets just the message and what to do next). The citizen app
    sets app.state.error_template to its own page: a citizen is offered the citizen's links."""
    template = getattr(request.app.state, "error_template", "errors/error.html")
    return render(request, template, {"status": status, "message": message, "next_step": next_step},
                  status_code=status, headers=headers, fragment="errors/_error.html")
