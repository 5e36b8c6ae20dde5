"""The outgoing-document register (sổ văn bản đi): numbers from 01 each calendar year per
register (Điều 15, NĐ 30/2020), unique, taken when a document is issued.

The counter row and the document are written in one BEGIN IMMEDIATE transaction: SQLite lets
one writer in at a time, so concurrent issues queue (busy_timeout) and each reads the counter
the previous one wrote. Numbers therefore come out distinct and without gaps.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from appliance.db import transaction
from appliance.drafting.model import DocumentModel
from appliance.http.errors import AppError

REGISTER_LABELS = {
    "van_ban_di": "Sổ văn bản đi",
    "quyet_dinh": "Sổ quyết định",
    "bien_ban": "Sổ biên bản",
}


def next_number(conn: sqlite3.Connection, register: str, year: int) -> int:
    """Must run inside the issuing transaction."""
    row = conn.execute(
        "INSERT INTO drafting_register_counters (register, year, last_number) VALUES (?, ?, 1)"
        " ON CONFLICT (register, year) DO UPDATE SET last_number = last_number + 1"
        " RETURNING last_number",
        (register, year),
    ).fetchone()
    return int(row[0])


def issue(conn: sqlite3.Connection, document_id: int, on: dt.date, issued_by: str) -> DocumentModel:
    """Number and date the draft, freeze it; returns the issued model."""
    with transaction(conn):
        row = conn.execute("SELECT status, register, model FROM drafting_documents WHERE id = ?",
                           (document_id,)).fetchone()
        if row is None:
            raise AppError(404, "Không tìm thấy dự thảo.", "not_found")
        if row["status"] == "issued":
            raise AppError(409, "Văn bản này đã được cấp số và ban hành; không cấp số lần nữa.", "already_issued")
        latest = conn.execute(
            "SELECT MAX(issued_on), MAX(number) FROM drafting_documents WHERE register = ? AND year = ?"
            " AND status = 'issued'", (row["register"], on.year)).fetchone()
        if latest[0] and on.isoformat() < latest[0]:
            # Numbers run in date order through the year; back-dating would put 12 before 11.
            last_day = dt.date.fromisoformat(latest[0])
            raise AppError(409, f"Sổ đã cấp số {latest[1]:02d} cho văn bản ngày {last_day:%d/%m/%Y}; "
                                "không cấp số cho ngày ban hành sớm hơn.", "date_before_last")
        model = DocumentModel.from_dict(json.loads(row["model"]))
        model.number = next_number(conn, row["register"], on.year)
        model.ngay = on.isoformat()  # a document is dated the day it is signed and numbered
        model.is_draft = False
        conn.execute(
            "UPDATE drafting_documents SET status = 'issued', year = ?, number = ?, so_ky_hieu = ?, model = ?,"
            " issued_at = datetime('now'), issued_on = ?, issued_by_name = ?, updated_at = datetime('now')"
            " WHERE id = ?",
            (on.year, model.number, model.so_ky_hieu, json.dumps(model.to_dict(), ensure_ascii=False),
             on.isoformat(), issued_by, document_id),
        )
    return model


def register_entries(conn: sqlite3.Connection, year: int, register: str | None = None) -> list[sqlite3.Row]:
    sql = ("SELECT id, register, number, so_ky_hieu, doc_type, trich_yeu, issued_at, issued_by_name, model"
           " FROM drafting_documents WHERE status = 'issued' AND year = ?")
    args: list[object] = [year]
    if register:
        sql += " AND register = ?"
        args.append(register)
    return conn.execute(sql + " ORDER BY register, number", args).fetchall()
