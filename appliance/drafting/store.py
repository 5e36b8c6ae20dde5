"""The SQL of drafting's tables (drafting_documents, drafting_register_counters): the only module
that writes them. `service.py` and `numbering.py` hold the rules (validation, freezing issued
documents, numbering in date order) and call these."""

from __future__ import annotations

import sqlite3


def insert_document(conn: sqlite3.Connection, *, doc_type: str, register: str, trich_yeu: str, trich_yeu_fold: str,
                    model_json: str, engine: str, created_by: int | None, created_by_name: str | None) -> int:
    cur = conn.execute(
        "INSERT INTO drafting_documents (doc_type, register, trich_yeu, trich_yeu_fold, model, engine,"
        " created_by, created_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_type, register, trich_yeu, trich_yeu_fold, model_json, engine, created_by, created_by_name),
    )
    return int(cur.lastrowid or 0)


def document(conn: sqlite3.Connection, document_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM drafting_documents WHERE id = ?",
                                           (document_id,)).fetchone()
    return row


def update_draft(conn: sqlite3.Connection, document_id: int, *, model_json: str, trich_yeu: str,
                 trich_yeu_fold: str) -> None:
    """Only a draft changes: an issued document is left as it was."""
    conn.execute(
        "UPDATE drafting_documents SET model = ?, trich_yeu = ?, trich_yeu_fold = ?, updated_at = datetime('now')"
        " WHERE id = ? AND status = 'draft'",
        (model_json, trich_yeu, trich_yeu_fold, document_id),
    )


def documents(conn: sqlite3.Connection, *, status: str | None, folded_query: str | None,
              limit: int) -> list[sqlite3.Row]:
    """Newest first; `folded_query` is matched inside the folded trích yếu."""
    sql = "SELECT * FROM drafting_documents WHERE 1 = 1"
    args: list[str | int] = []
    if status is not None:
        sql += " AND status = ?"
        args.append(status)
    if folded_query:
        sql += " AND trich_yeu_fold LIKE ?"
        args.append(f"%{folded_query}%")
    sql += " ORDER BY updated_at DESC, id DESC LIMIT ?"
    args.append(limit)
    return conn.execute(sql, args).fetchall()


# --- the register ------------------------------------------------------------------------------


def next_number(conn: sqlite3.Connection, register: str, year: int) -> int:
    """Must run inside the issuing transaction."""
    row = conn.execute(
        "INSERT INTO drafting_register_counters (register, year, last_number) VALUES (?, ?, 1)"
        " ON CONFLICT (register, year) DO UPDATE SET last_number = last_number + 1"
        " RETURNING last_number",
        (register, year),
    ).fetchone()
    return int(row[0])


def latest_issued(conn: sqlite3.Connection, register: str, year: int) -> tuple[str | None, int | None]:
    """(latest issue date, highest number) in a register's year; (None, None) when it is empty."""
    row = conn.execute(
        "SELECT MAX(issued_on), MAX(number) FROM drafting_documents WHERE register = ? AND year = ?"
        " AND status = 'issued'", (register, year)).fetchone()
    return row[0], row[1]


def mark_issued(conn: sqlite3.Connection, document_id: int, *, year: int, number: int, so_ky_hieu: str,
                model_json: str, issued_on: str, issued_by: str) -> None:
    conn.execute(
        "UPDATE drafting_documents SET status = 'issued', year = ?, number = ?, so_ky_hieu = ?, model = ?,"
        " issued_at = datetime('now'), issued_on = ?, issued_by_name = ?, updated_at = datetime('now')"
        " WHERE id = ?",
        (year, number, so_ky_hieu, model_json, issued_on, issued_by, document_id),
    )


def register_rows(conn: sqlite3.Connection, year: int, register: str | None = None) -> list[sqlite3.Row]:
    sql = ("SELECT id, register, number, so_ky_hieu, doc_type, trich_yeu, issued_at, issued_by_name, model"
           " FROM drafting_documents WHERE status = 'issued' AND year = ?")
    args: list[object] = [year]
    if register:
        sql += " AND register = ?"
        args.append(register)
    return conn.execute(sql + " ORDER BY register, number", args).fetchall()
