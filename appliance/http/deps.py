"""Request dependencies: settings, a database connection, the engines, the current user and role checks.

Every staff route depends on `require_roles(...)` (or an alias below); that one dependency
also enforces CSRF on state changes for cookie sessions. Bearer-token clients carry no
ambient credentials, so CSRF does not apply to them.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request

from appliance.auth.roles import LEADER_ROLES, STAFF_ROLES, WALL_ROLES
from appliance.auth.sessions import COOKIE, lookup_api_token, lookup_session
from appliance.auth.users import User
from appliance.config import Settings
from appliance.db import connect
from appliance.engines.base import Embedder, Generator
from appliance.engines.registry import Registry, get_registry
from appliance.http.errors import AppError, LoginRequired
from appliance.training.mode import training_state

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


def get_settings(request: Request) -> Settings:
    """The app's settings, or the sandbox's for a request in training mode (issue 21): then every
    connection, file and job a route reaches through these settings is the sandbox's."""
    training = training_state(request)
    if training is not None:
        return training.settings
    settings: Settings = request.app.state.settings
    return settings


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    conn = connect(get_settings(request).db_path)
    try:
        yield conn
    finally:
        conn.close()


def get_engines(request: Request) -> Registry:
    """The registry given to create_app (tests, bench), else the shared one for these settings (an app
    that was given none, such as the citizen app, has no `engines` on its state)."""
    registry: Registry | None = getattr(request.app.state, "engines", None)
    return registry if registry is not None else get_registry(get_settings(request))


def get_generator(engines: Annotated[Registry, Depends(get_engines)]) -> Generator | None:
    return engines.available("generator")


def get_embedder(engines: Annotated[Registry, Depends(get_engines)]) -> Embedder | None:
    return engines.available("embedder")


SettingsDep = Annotated[Settings, Depends(get_settings)]
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
# Engines: None means "no model: use the feature's own fallback and say so" (appliance.engines).
EnginesDep = Annotated[Registry, Depends(get_engines)]
GeneratorDep = Annotated[Generator | None, Depends(get_generator)]
EmbedderDep = Annotated[Embedder | None, Depends(get_embedder)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def resolve_user(request: Request, conn: sqlite3.Connection) -> User | None:
    """Bearer token first (API clients), then the session cookie. Caches on request.state."""
    if hasattr(request.state, "user"):
        cached: User | None = request.state.user
        return cached
    user: User | None = None
    request.state.auth_via = None
    request.state.csrf = None
    auth = request.headers.get("authorization", "")
    training = training_state(request)
    if training is not None:  # the trainee's sandbox account; the live sessions are never read
        user, request.state.csrf = training.user, training.csrf
        request.state.auth_via = "session"
    elif auth.lower().startswith("bearer "):
        user = lookup_api_token(conn, auth[7:].strip())
        if user is None:
            raise AppError(401, "Mã truy cập (token) không hợp lệ hoặc đã bị thu hồi.", "invalid_token")
        request.state.auth_via = "token"
    elif cookie := request.cookies.get(COOKIE):
        found = lookup_session(conn, cookie)
        if found:
            user, request.state.csrf = found
            request.state.auth_via = "session"
    request.state.user = user
    return user


def optional_user(request: Request, conn: Conn) -> User | None:
    return resolve_user(request, conn)


async def _check_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS or request.state.auth_via != "session":
        return
    expected = request.state.csrf or ""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not sent or not secrets.compare_digest(sent, expected):
        raise AppError(403, "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ (CSRF). Hãy tải lại trang.",
                       "csrf")


def require_roles(*roles: str) -> Callable[..., Awaitable[User]]:
    """Dependency: a logged-in user whose role is one of `roles` (admin always passes)."""

    async def dependency(request: Request, conn: Conn) -> User:
        user = resolve_user(request, conn)
        if user is None:
            raise LoginRequired()
        if not user.has_role(*roles):
            raise AppError(403)
        await _check_csrf(request)
        return user

    dependency.__name__ = f"require_{'_'.join(roles) or 'login'}"
    dependency.required_roles = roles  # type: ignore[attr-defined]  # read by the route-audit test
    return dependency


StaffUser = Annotated[User, Depends(require_roles(*STAFF_ROLES))]
LeaderUser = Annotated[User, Depends(require_roles(*LEADER_ROLES))]
AdminUser = Annotated[User, Depends(require_roles("admin"))]
WallUser = Annotated[User, Depends(require_roles(*WALL_ROLES))]
