"""The ward's own procedure catalogue and legal library copied into another unit's database: the
training sandbox holds the demo ward but searches the ward's real catalogue and library (issue 21),
so a trainee practises on the procedures and documents the ward actually uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from appliance.db import connect_readonly, transaction
from appliance.knowledge import store


def copy_from(live_db: Path, target: sqlite3.Connection) -> dict[str, int]:
    """Replace the target's catalogue and library with the live database's, opened read-only
    (mode=ro, query_only: not a byte of the live file changes). A part the live unit does not
    have yet (not migrated, or empty) is left as the target has it, so a fresh unit's sandbox
    still holds the demo catalogue and library. Returns rows copied per table."""
    if not live_db.exists():
        return {}
    live = connect_readonly(live_db)
    try:
        parts = [tables for tables in (store.CATALOGUE_TABLES, store.LIBRARY_TABLES)
                 if all(store.has_table(live, t) for t in tables) and store.row_count(live, tables[0])]
        copied: dict[str, int] = {}
        if not parts:
            return copied
        # One read transaction on the live side: a consistent snapshot even while staff edit.
        live.execute("BEGIN")
        try:
            with transaction(target):
                for tables in parts:
                    copied.update(store.replace_tables_from(live, target, tables))
        finally:
            live.execute("ROLLBACK")
        return copied
    finally:
        live.close()
