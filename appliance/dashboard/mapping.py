"""The admin maps an unknown status, channel or heading once; the rows held for it apply at once,
from the quarantine, without uploading the file again. A held row is applied only if no later
import wrote the same record (a newer export wins over an older held row)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from appliance.dashboard import store, vocabulary
from appliance.dashboard import vocabulary_store as held_store
from appliance.dashboard.importers import (
    RECORD_LABELS,
    RECORD_REQUIRED,
    RowError,
    Unmapped,
    parse_record,
    record_columns,
)
from appliance.dashboard.sources import SourceError, match_columns
from appliance.dashboard.vocabulary import cells_from_json
from appliance.db import transaction


@dataclass
class ApplyResult:
    import_id: int | None
    imported: int = 0
    updated: int = 0
    rejected: int = 0     # a held row that, now readable, has another fault (its reason is kept)
    superseded: int = 0   # a later import wrote the same record
    waiting: int = 0      # still held: another value of theirs is unknown

    def summary(self) -> str:
        return (f"Đã áp dụng {self.imported + self.updated} dòng đang chờ (mới {self.imported}, cập nhật "
                f"{self.updated}); {self.rejected} dòng có lỗi khác; {self.waiting} dòng vẫn chờ ánh xạ.")


def map_value(conn: sqlite3.Connection, kind: str, source: str, target: str, *, username: str | None,
              origin: str = "admin") -> ApplyResult:
    """Map a status or channel (kind "status" / "channel") or a heading (kind "header", target = the
    field), then apply what was held."""
    if kind == "header":
        vocabulary.set_header(conn, source, target, RECORD_LABELS, username=username)
    else:
        vocabulary.set_mapping(conn, kind, source, target, username=username, origin=origin)
    return apply_held(conn, username=username)


def apply_held(conn: sqlite3.Connection, *, username: str | None = None) -> ApplyResult:
    rows = held_store.open_rows(conn)
    if not rows:
        return ApplyResult(None)
    vocab = vocabulary.load(conn)
    import_id = store.start_run(conn, "ho-so", "Dòng chờ ánh xạ (áp dụng lại)", username)
    result = ApplyResult(import_id)
    outcomes: list[tuple[str, str, int | None, int]] = []
    good: list[tuple[object, ...]] = []
    errors: list[dict[str, object]] = []
    columns_by_header: dict[str, dict[str, int] | None] = {}
    # Newest first: of two held rows of one record, the later file's wins.
    rows = sorted(rows, key=lambda r: (-(r["import_id"] or 0), -r["line"]))
    latest = held_store.record_import_ids(conn, sorted({str(r["record_key"]) for r in rows if r["record_key"]}))
    taken: set[object] = set()
    for row in rows:
        if row["header"] not in columns_by_header:
            try:
                columns_by_header[row["header"]] = match_columns(json.loads(row["header"]), record_columns(vocab),
                                                                 RECORD_REQUIRED, RECORD_LABELS)
            except SourceError:
                columns_by_header[row["header"]] = None
        cols = columns_by_header[row["header"]]
        if cols is None:
            result.waiting += 1
            continue
        try:
            values = parse_record(cells_from_json(row["cells"]), cols, import_id, vocab)
        except Unmapped:
            result.waiting += 1
            continue
        except RowError as exc:
            result.rejected += 1
            reason = str(exc)[:1].upper() + str(exc)[1:]
            outcomes.append(("rejected", reason, import_id, row["id"]))
            errors.append({"line": row["line"], "reason": reason, "from_import": row["import_id"]})
            continue
        code = values[0]
        if code in taken or latest.get(str(code), 0) > (row["import_id"] or 0):
            result.superseded += 1
            outcomes.append(("superseded", "", import_id, row["id"]))
            continue
        taken.add(code)
        good.append(values)
        outcomes.append(("updated" if str(code) in latest else "imported", "", import_id, row["id"]))
    result.imported = sum(1 for o in outcomes if o[0] == "imported")
    result.updated = sum(1 for o in outcomes if o[0] == "updated")
    with transaction(conn):
        store.upsert(conn, "ho-so", good)
        held_store.resolve(conn, outcomes)
        store.finish_run(conn, import_id, result.imported, result.updated, result.rejected, errors)
    return result
