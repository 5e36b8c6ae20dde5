"""The SQL of the import vocabulary and the quarantine: the only module that writes
`import_vocabulary`, `import_header_aliases` and `import_quarantine` (and the records' source
status/channel columns through the importer's upsert in store.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

# --- vocabulary ---------------------------------------------------------------------------------------


def vocabulary_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT kind, source, source_fold, target, origin, updated_by, updated_at"
                        " FROM import_vocabulary ORDER BY kind, target, source").fetchall()


def seed_vocabulary(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str]]) -> int:
    """(kind, source, source_fold, target) rows the shipped file holds; never overwrites a row."""
    cur = conn.executemany("INSERT OR IGNORE INTO import_vocabulary (kind, source, source_fold, target, origin)"
                           " VALUES (?, ?, ?, ?, 'seed')", list(rows))
    return cur.rowcount


def set_vocabulary(conn: sqlite3.Connection, kind: str, source: str, source_fold: str, target: str, origin: str,
                   username: str | None) -> None:
    conn.execute("INSERT INTO import_vocabulary (kind, source, source_fold, target, origin, updated_by) VALUES"
                 " (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, source_fold) DO UPDATE SET source = excluded.source,"
                 " target = excluded.target, origin = excluded.origin, updated_by = excluded.updated_by,"
                 " updated_at = datetime('now')", (kind, source, source_fold, target, origin, username))


def delete_vocabulary(conn: sqlite3.Connection, kind: str, source_fold: str) -> bool:
    return bool(conn.execute("DELETE FROM import_vocabulary WHERE kind = ? AND source_fold = ?",
                             (kind, source_fold)).rowcount)


def header_alias_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT header_key, header, field FROM import_header_aliases ORDER BY field, header").fetchall()


def set_header_alias(conn: sqlite3.Connection, header_key: str, header: str, field: str, username: str | None) -> None:
    conn.execute("INSERT INTO import_header_aliases (header_key, header, field, updated_by) VALUES (?, ?, ?, ?)"
                 " ON CONFLICT (header_key) DO UPDATE SET header = excluded.header, field = excluded.field,"
                 " updated_by = excluded.updated_by, updated_at = datetime('now')",
                 (header_key, header, field, username))


# --- quarantine ---------------------------------------------------------------------------------------

QuarantineRow = tuple[int, str, int, str, str, str, str, str, str, str | None]
# import_id, kind, line, problem, value, value_fold, reason, header JSON, cells JSON, record_key


def quarantine(conn: sqlite3.Connection, rows: Sequence[QuarantineRow]) -> None:
    """Hold rows; an older held row of the same record is superseded by the newer one."""
    keys = sorted({r[9] for r in rows if r[9]})
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        conn.execute("UPDATE import_quarantine SET resolved_at = datetime('now'), outcome = 'superseded'"
                     f" WHERE resolved_at IS NULL AND record_key IN ({','.join('?' * len(chunk))})", chunk)
    conn.executemany("INSERT INTO import_quarantine (import_id, kind, line, problem, value, value_fold, reason,"
                     " header, cells, record_key) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)


def supersede(conn: sqlite3.Connection, record_keys: Sequence[object]) -> None:
    """Records a later import brought in good shape: their held older rows are done with."""
    keys = list(record_keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        conn.execute("UPDATE import_quarantine SET resolved_at = datetime('now'), outcome = 'superseded'"
                     f" WHERE resolved_at IS NULL AND record_key IN ({','.join('?' * len(chunk))})", chunk)


def open_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM import_quarantine WHERE resolved_at IS NULL").fetchone()[0])


def open_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM import_quarantine WHERE resolved_at IS NULL ORDER BY id").fetchall()


def open_values(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """What is waiting, one line per (problem, value): how many rows and an example line."""
    return conn.execute(
        "SELECT problem, MIN(value) AS value, value_fold, COUNT(*) AS rows, MIN(reason) AS reason,"
        " MAX(import_id) AS import_id FROM import_quarantine WHERE resolved_at IS NULL"
        " GROUP BY problem, value_fold ORDER BY rows DESC, value").fetchall()


def resolve(conn: sqlite3.Connection, outcomes: Sequence[tuple[str, str, int | None, int]]) -> None:
    """(outcome, reason, import id of the apply, quarantine id): imported | updated | rejected | superseded."""
    conn.executemany("UPDATE import_quarantine SET resolved_at = datetime('now'), outcome = ?, outcome_reason = ?,"
                     " resolved_import_id = ? WHERE id = ?", outcomes)


def record_import_ids(conn: sqlite3.Connection, codes: Sequence[str]) -> dict[str, int]:
    """The import run that last wrote each of these records (records is the dashboard's table; read only)."""
    found: dict[str, int] = {}
    for start in range(0, len(codes), 500):
        chunk = list(codes[start:start + 500])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT ma_ho_so, import_id FROM records WHERE ma_ho_so IN ({marks})", chunk):
            found[row[0]] = int(row[1] or 0)
    return found
