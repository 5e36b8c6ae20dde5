"""Numbered migrations, one list per feature.

Each feature package may hold `schema.py` with `MIGRATIONS: list[Migration]`; ids are
`<feature>_<NNNN>_<what>` so features number independently and never collide. The core
schema (users, audit, records…) runs first, then features in name order. Applied ids are
kept in `_migrations`; each migration runs in its own transaction.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import appliance
from appliance.db.connections import transaction


@dataclass(frozen=True)
class Migration:
    id: str
    apply: str | Callable[[sqlite3.Connection], None]  # SQL script or a function

    def run(self, conn: sqlite3.Connection) -> None:
        if isinstance(self.apply, str):
            for statement in _split(self.apply):
                conn.execute(statement)
        else:
            self.apply(conn)


def _split(script: str) -> list[str]:
    """Split a script on ';' at statement ends (sqlite3.complete_statement knows triggers)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip().strip(";").strip():
                statements.append(current)
            current = ""
    if current.strip():
        statements.append(current)
    return statements


def all_migrations(database: str = "staff") -> list[Migration]:
    """Core first, then every feature's `schema.MIGRATIONS` (or PUBLIC_MIGRATIONS for public.db)."""
    attr = "MIGRATIONS" if database == "staff" else "PUBLIC_MIGRATIONS"
    found: list[Migration] = []
    core = importlib.import_module("appliance.db.core_schema")
    found.extend(getattr(core, attr, []))
    for info in sorted(pkgutil.iter_modules(appliance.__path__), key=lambda i: i.name):
        if not info.ispkg or info.name == "db":
            continue
        try:
            module = importlib.import_module(f"appliance.{info.name}.schema")
        except ModuleNotFoundError as exc:
            if exc.name == f"appliance.{info.name}.schema":
                continue
            raise
        found.extend(getattr(module, attr, []))
    return found


def migrate(conn: sqlite3.Connection, database: str = "staff") -> list[str]:
    """Apply pending migrations; returns the ids applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT id FROM _migrations")}
    applied = []
    for migration in all_migrations(database):
        if migration.id in done:
            continue
        with transaction(conn):
            # `appliance serve` starts the web app and the worker together on a fresh unit: both may
            # see a migration pending. BEGIN IMMEDIATE serialises them; the one that waited finds
            # the migration applied here and skips it instead of failing on "table exists".
            if conn.execute("SELECT 1 FROM _migrations WHERE id = ?", (migration.id,)).fetchone():
                continue
            migration.run(conn)
            conn.execute(
                "INSERT INTO _migrations (id, applied_at) VALUES (?, datetime('now'))", (migration.id,)
            )
        applied.append(migration.id)
    return applied
