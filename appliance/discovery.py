"""Feature plug-in points found by convention, so a feature never edits shared files:

- `appliance/<feature>/routes.py` with `router` → included in the staff app
- `appliance/<feature>/cli.py` with `register(subparsers)` → `appliance <command>`
- `appliance/<feature>/schema.py` with `MIGRATIONS` → staff database migrations
- `appliance/<feature>/demo.py` with `load(ctx)` → part of `appliance demo-data`
- `appliance/<feature>/doctor.py` with `checks(settings)` → part of `appliance doctor`

A feature whose module fails to import is logged and skipped, never crashing the app.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Iterator
from types import ModuleType

import appliance

log = logging.getLogger(__name__)

CORE_ORDER = ("auth", "shell")
BROKEN: dict[str, str] = {}  # module → error, for /healthz and the tests


def feature_names() -> list[str]:
    names = [i.name for i in pkgutil.iter_modules(appliance.__path__) if i.ispkg]
    return sorted(names, key=lambda n: (n not in CORE_ORDER, CORE_ORDER.index(n) if n in CORE_ORDER else 0, n))


def feature_modules(module: str) -> Iterator[tuple[str, ModuleType]]:
    for name in feature_names():
        full = f"appliance.{name}.{module}"
        try:
            yield name, importlib.import_module(full)
        except ModuleNotFoundError as exc:
            if exc.name != full:
                log.error("feature %s: %s unavailable: %s", name, full, exc)
                BROKEN[full] = repr(exc)
        except Exception as exc:  # a broken feature degrades alone; tests/unit/test_discovery.py insists on none
            log.exception("feature %s: cannot import %s", name, full)
            BROKEN[full] = repr(exc)
