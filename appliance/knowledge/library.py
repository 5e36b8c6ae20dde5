"""The starter legal library shipped with the appliance (appliance/knowledge/data/library/):
the public texts the procedure catalogue cites, so search answers on a fresh install."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from appliance.knowledge import store
from appliance.knowledge.ingest import add_path

LIBRARY_DIR = Path(__file__).resolve().parent / "data" / "library"


def library_files() -> list[Path]:
    return sorted(LIBRARY_DIR.glob("*.md"))


def load_library(conn: sqlite3.Connection, *, only_if_empty: bool = False) -> int:
    """Add (or refresh) every shipped text; returns the number of chunks indexed."""
    if only_if_empty and store.has_documents(conn):
        return 0
    total = 0
    for path in library_files():
        total += add_path(conn, path, added_by=store.LIBRARY_ADDED_BY).chunks
    return total

