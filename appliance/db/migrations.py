"""Numbered migrations, one list per feature.

Each feature's manifest names its migrations (`migrations=`, `public_migrations=`); ids are
`<feature>_<NNNN>_<what>` so features number independently and never collide. Features run in
dependency order (`requires=` in the manifest: the core tables first, the reporting views after
the tables they read). Applied ids are kept in `_migrations`; each migration runs in its own
transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

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
    """Every feature's migrations for `database` ("staff" or "public"), in dependency order."""
    # Imported here: the manifests import feature packages, which import this module.
    from appliance import features

    return features.migrations(database)


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
