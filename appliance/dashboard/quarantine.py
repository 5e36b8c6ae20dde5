"""Rows an import could not place, kept with their reason instead of dropped: a status or channel
the vocabulary does not know yet, or a file whose required headings are unknown. `mapping.py`
applies them once the admin maps the value; nobody uploads the file again."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from appliance.dashboard import vocabulary_store as store
from appliance.dashboard.sources import Rows
from appliance.dashboard.vocabulary import cells_json, value_key
from appliance.db import transaction

BATCH = 5000


@dataclass(frozen=True)
class Held:
    line: int
    problem: str      # status | channel | header
    value: str        # the unknown value, or the missing headings
    reason: str       # Vietnamese, as the import reported it
    cells: list[object]
    record_key: object


def _rows(import_id: int, header: Sequence[object], held: Sequence[Held]) -> list[store.QuarantineRow]:
    header_json = json.dumps([str(h or "") for h in header], ensure_ascii=False)
    return [(import_id, "ho-so", h.line, h.problem, h.value, value_key(h.value), h.reason, header_json,
             cells_json(h.cells), None if h.record_key is None else str(h.record_key)) for h in held]


def hold(conn: sqlite3.Connection, import_id: int, header: Sequence[object], held: Sequence[Held]) -> None:
    """Keep these rows (call inside the import's transaction)."""
    store.quarantine(conn, _rows(import_id, header, held))


def hold_file(conn: sqlite3.Connection, import_id: int, header: Sequence[object], rows: Rows, reason: str) -> int:
    """Every row of a file whose required headings are unknown; the value is the file's headings."""
    value = ", ".join(str(h) for h in header if str(h or "").strip())
    count, batch = 0, []
    for line, cells in rows:
        if not isinstance(cells, list) or not any(c not in (None, "") for c in cells):
            continue
        batch.append(Held(line, "header", value, reason, cells, None))
        if len(batch) >= BATCH:
            with transaction(conn):
                hold(conn, import_id, header, batch)
            count, batch = count + len(batch), []
    if batch:
        with transaction(conn):
            hold(conn, import_id, header, batch)
        count += len(batch)
    return count


def has_open(conn: sqlite3.Connection) -> bool:
    return store.open_count(conn) > 0


def supersede(conn: sqlite3.Connection, record_keys: Sequence[object]) -> None:
    store.supersede(conn, record_keys)


def open_count(conn: sqlite3.Connection) -> int:
    return store.open_count(conn)


def waiting(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """One line per unknown value: problem, value, rows held, the reason, the latest import."""
    return store.open_values(conn)
