"""One shape for every feature: a typed manifest, declared once, read by one loader.

Each feature package says what it brings in its `__init__.py`:

    def manifest() -> Feature:
        from appliance.tasks import routes, schema   # parts load when the loader asks (see below)

        return Feature(
            name="tasks",
            routers=(routes.router,),
            nav=(NavEntry("/nhiem-vu", "Nhiệm vụ", STAFF_ROLES, "✓", order=80),),
            migrations=schema.MIGRATIONS,
            tables=("tasks",),
        )

`features()` returns the manifests of every package that declares one, ordered so that a
feature's migrations run after those of the features it `requires`. The staff app, the citizen
app, the CLI, `serve`, the job worker, migrations, doctor, demo data, the admin hub and the
navigation all read these manifests; nothing else lists features.

Why a function and not a module constant: shared layers (http.deps → auth, features → jobs)
import feature packages, so building the manifest at package import would import the
feature's routes while those shared layers are still half-initialised. The parts load when the
loader asks for them, after every package has been imported.

A feature whose manifest cannot be built is logged and listed in `BROKEN` (shown on the admin
hub and in /healthz); it never stops the app. `Feature` refuses unknown fields (a misspelt
field is a TypeError, never a silently missing part) and checks the type of every part.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import APIRouter

import appliance
from appliance.db.migrations import Migration

if TYPE_CHECKING:  # type-only: these modules import this one at run time
    from appliance.config import Settings
    from appliance.demo.loader import DemoContext
    from appliance.jobs.queue import JobContext
    from appliance.system.checks import Check

log = logging.getLogger(__name__)

BROKEN: dict[str, str] = {}  # package → error, for /healthz, the admin hub and the tests

# Packages that are shared layers, not features: they declare no manifest.
LIBRARIES = frozenset({"db", "http", "text"})

SubParsers = argparse._SubParsersAction  # argparse keeps this class private


class CliRegistrar(Protocol):
    def __call__(self, sub: SubParsers, /) -> None: ...


class DemoLoader(Protocol):
    def __call__(self, ctx: DemoContext, /) -> Mapping[str, int] | None: ...


class DoctorChecks(Protocol):
    def __call__(self, settings: Settings, /) -> list[Check]: ...


class ServeChildren(Protocol):
    def __call__(self, settings: Settings, /) -> list[list[str]]: ...


class IdleWork(Protocol):
    """What a worker lane does when its queue has nothing ready (live captions of an open segment);
    True when it did something, so the worker looks at the queue again before waiting."""

    def __call__(self, conn: sqlite3.Connection, settings: Settings, /) -> bool: ...


# A job's payload and result are JSON objects whose shape each job kind decides: truly dynamic.
JobPayload = dict[str, Any]
JobHandler = Callable[["JobContext", JobPayload], "JobPayload | None"]


@dataclass(frozen=True)
class NavEntry:
    """A page in the staff menu. `roles` decide who sees it (and who may open it)."""

    path: str
    label: str
    roles: tuple[str, ...]
    icon: str  # a short glyph; no icon fonts from outside
    order: int = 50  # position in the menu, smallest first


@dataclass(frozen=True)
class AdminLink:
    """A tile on the admin hub (/quan-tri)."""

    path: str
    label: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Feature:
    """What one feature brings. Every field but `name` is optional."""

    name: str
    routers: tuple[APIRouter, ...] = ()            # staff app (port 8000)
    public_routers: tuple[APIRouter, ...] = ()     # citizen app (port 8001)
    nav: tuple[NavEntry, ...] = ()
    admin_links: tuple[AdminLink, ...] = ()
    cli: tuple[CliRegistrar, ...] = ()             # each adds `appliance <command>`s
    migrations: tuple[Migration, ...] = ()         # staff database
    public_migrations: tuple[Migration, ...] = ()  # citizen database (public.db)
    requires: tuple[str, ...] = ()                 # features whose migrations must run first
    tables: tuple[str, ...] = ()                   # staff tables this feature alone writes (its store)
    public_tables: tuple[str, ...] = ()            # public.db tables this feature alone writes
    reads: tuple[str, ...] = ()                    # other features' tables read by SQL (reporting views only)
    jobs: Mapping[str, JobHandler] = field(default_factory=dict)
    demo: DemoLoader | None = None
    demo_label: str = ""                           # what the technician reads while demo data loads
    doctor: DoctorChecks | None = None
    serve_children: ServeChildren | None = None    # `appliance serve` also runs `appliance <argv>` for each
    body_limits: Mapping[str, int] = field(default_factory=dict)  # staff-app upload path → max request bytes
    job_lanes: Mapping[str, str] = field(default_factory=dict)    # job kind → worker lane (default "main")
    idle: Mapping[str, IdleWork] = field(default_factory=dict)     # worker lane → work when its queue is empty

    def __post_init__(self) -> None:
        problems = list(_type_problems(self))
        if problems:
            raise TypeError(f"Feature {self.name!r}: " + "; ".join(problems))


def _type_problems(feature: Feature) -> list[str]:
    """Checks that dataclass annotations alone do not enforce at run time."""
    problems: list[str] = []
    if not feature.name or not feature.name.isidentifier():
        problems.append(f"name {feature.name!r} is not an identifier")
    element_types: dict[str, type | tuple[type, ...]] = {
        "routers": APIRouter, "public_routers": APIRouter, "nav": NavEntry, "admin_links": AdminLink,
        "migrations": Migration, "public_migrations": Migration, "requires": str, "tables": str,
        "public_tables": str, "reads": str,
    }
    for name, expected in element_types.items():
        value = getattr(feature, name)
        if not isinstance(value, tuple):
            problems.append(f"{name} must be a tuple, got {type(value).__name__}")
            continue
        for item in value:
            if not isinstance(item, expected):
                problems.append(f"{name} holds {item!r}, expected {expected}")
    if not all(callable(register) for register in feature.cli):
        problems.append("cli entries must be callables taking the subparsers")
    if not isinstance(feature.jobs, Mapping):
        problems.append("jobs must map a job kind to its handler")
    else:
        for kind, handler in feature.jobs.items():
            if not isinstance(kind, str) or not callable(handler):
                problems.append(f"job {kind!r} needs a callable handler")
    for mapping, kinds in (("body_limits", (str, int)), ("job_lanes", (str, str))):
        value = getattr(feature, mapping)
        if not isinstance(value, Mapping) or not all(
                isinstance(k, kinds[0]) and isinstance(v, kinds[1]) for k, v in value.items()):
            problems.append(f"{mapping} must map {kinds[0].__name__} to {kinds[1].__name__}")
    if not isinstance(feature.idle, Mapping) or not all(
            isinstance(lane, str) and callable(work) for lane, work in feature.idle.items()):
        problems.append("idle must map a worker lane to a callable")
    for name in ("demo", "doctor", "serve_children"):
        value = getattr(feature, name)
        if value is not None and not callable(value):
            problems.append(f"{name} must be callable")
    return problems


def package_names() -> list[str]:
    return sorted(i.name for i in pkgutil.iter_modules(appliance.__path__) if i.ispkg)


def _load_manifest(package: str) -> Feature | None:
    module = importlib.import_module(f"appliance.{package}")
    factory: Callable[[], Feature] | None = getattr(module, "manifest", None)
    if factory is None:
        return None
    feature = factory()
    if not isinstance(feature, Feature):
        raise TypeError(f"appliance.{package}.manifest() returned {type(feature).__name__}, not Feature")
    if feature.name != package:
        raise TypeError(f"appliance.{package}.manifest() names itself {feature.name!r}")
    return feature


def _ordered(found: dict[str, Feature]) -> list[Feature]:
    """Name order, except that a feature comes after every feature it `requires`."""
    ordered: list[Feature] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(name: str) -> None:
        if name in placed:
            return
        if name in visiting:
            raise TypeError(f"features require each other in a cycle through {name!r}")
        visiting.add(name)
        for needed in sorted(found[name].requires):
            if needed in found:
                place(needed)
            else:
                log.error("feature %s requires %s, which is missing or broken", name, needed)
        visiting.discard(name)
        placed.add(name)
        ordered.append(found[name])

    for name in sorted(found):
        place(name)
    return ordered


_CACHE: list[Feature] | None = None


def features(*, refresh: bool = False) -> list[Feature]:
    """Every feature's manifest, dependency-ordered. A broken feature is skipped and listed in BROKEN."""
    global _CACHE
    if _CACHE is not None and not refresh:
        return _CACHE
    found: dict[str, Feature] = {}
    for package in package_names():
        if package in LIBRARIES:
            continue
        try:
            feature = _load_manifest(package)
        except Exception as exc:  # a broken feature degrades alone; tests/unit/test_features.py insists on none
            log.exception("feature %s: manifest unavailable", package)
            BROKEN[package] = repr(exc)
            continue
        if feature is not None:
            found[package] = feature
    _CACHE = _ordered(found)
    return _CACHE


def migrations(database: str = "staff") -> list[Migration]:
    """Every migration for `database` ("staff" or "public"), in feature dependency order."""
    found: list[Migration] = []
    for feature in features():
        found.extend(feature.migrations if database == "staff" else feature.public_migrations)
    return found


def table_owners(database: str = "staff") -> dict[str, str]:
    """table → the feature that owns (alone writes) it."""
    owners: dict[str, str] = {}
    for feature in features():
        for table in feature.tables if database == "staff" else feature.public_tables:
            if table in owners:
                raise TypeError(f"table {table} is claimed by {owners[table]} and {feature.name}")
            owners[table] = feature.name
    return owners


def nav_entries() -> list[NavEntry]:
    return sorted((entry for f in features() for entry in f.nav), key=lambda e: (e.order, e.path))


def admin_links() -> list[AdminLink]:
    return [link for f in features() for link in f.admin_links]


def body_limits() -> dict[str, int]:
    """Upload paths of the staff app and the request size each accepts (`body_limits=`)."""
    found: dict[str, int] = {}
    for feature in features():
        found.update(feature.body_limits)
    return found


def job_lanes() -> dict[str, str]:
    """job kind → the worker lane that runs it; kinds not named run on "main" (`job_lanes=`)."""
    return {kind: lane for feature in features() for kind, lane in feature.job_lanes.items()}


def idle_work(lane: str) -> list[IdleWork]:
    """The idle work of one worker lane ("all": of every lane), in feature order (`idle=`)."""
    return [work for feature in features() for name, work in feature.idle.items() if lane in ("all", name)]


def job_handlers() -> dict[str, JobHandler]:
    found: dict[str, JobHandler] = {}
    for feature in features():
        for kind, handler in feature.jobs.items():
            if kind in found:
                raise TypeError(f"job kind {kind} is declared twice (second by {feature.name})")
            found[kind] = handler
    return found
