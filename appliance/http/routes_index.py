"""Every APIRoute of an app, flattened.

FastAPI 0.16x keeps an included router as one `_IncludedRouter` entry in `app.routes`, so a
plain walk of `app.routes` misses every feature route. Checks that must see all of them (the
"every route requires a role" test, the navigation's "installed" marks) use this walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fastapi.routing import APIRoute


def iter_api_routes(routes: Iterable[object], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """(full path, route) for every APIRoute, descending into included routers."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
            continue
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from iter_api_routes(inner.routes, prefix + str(getattr(context, "prefix", "") or ""))
