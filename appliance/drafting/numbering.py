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
from dataclasses import dataclass

from appliance.db import transaction
from appliance.drafting import store
from appliance.drafting.model import DocumentModel
from appliance.http.errors import AppError

REGISTER_LABELS = {
    "van_ban_di": "Sổ văn bản đi",
    "quyet_dinh": "Sổ quyết định",
    "bien_ban": "Sổ biên bản",
}


def issue(conn: sqlite3.Connection, document_id: int, on: dt.date, issued_by: str) -> DocumentModel:
    """Number and date the draft, freeze it; returns the issued model."""
    with transaction(conn):
        row = store.document(conn, document_id)
        if row is None:
            raise AppError(404, "Không tìm thấy dự thảo.", "not_found")
        if row["status"] == "issued":
            raise AppError(409, "Văn bản này đã được cấp số và ban hành; không cấp số lần nữa.", "already_issued")
        last_on, last_number = store.latest_issued(conn, row["register"], on.year)
        if last_on and on.isoformat() < last_on:
            # Numbers run in date order through the year; back-dating would put 12 before 11.
            last_day = dt.date.fromisoformat(last_on)
            raise AppError(409, f"Sổ đã cấp số {last_number:02d} cho văn bản ngày {last_day:%d/%m/%Y}; "
                                "không cấp số cho ngày ban hành sớm hơn.", "date_before_last")
        model = DocumentModel.from_dict(json.loads(row["model"]))
        model.number = store.next_number(conn, row["register"], on.year)
        model.ngay = on.isoformat()  # a document is dated the day it is signed and numbered
        model.is_draft = False
        store.mark_issued(conn, document_id, year=on.year, number=model.number, so_ky_hieu=model.so_ky_hieu,
                          model_json=json.dumps(model.to_dict(), ensure_ascii=False), issued_on=on.isoformat(),
                          issued_by=issued_by)
    return model


@dataclass(frozen=True)
class RegisterEntry:
    """One line of the register as the page shows it."""

    id: int
    register: str  # the register's label
    number: int
    so_ky_hieu: str
    ngay: dt.date
    doc_type: str
    trich_yeu: str
    nguoi_ky: str
    noi_nhan: str


def register_entries(conn: sqlite3.Connection, year: int, register: str | None = None) -> list[RegisterEntry]:
    """The issued documents of a year, by register then number."""
    entries = []
    for row in store.register_rows(conn, year, register):
        model = DocumentModel.from_dict(json.loads(row["model"]))
        entries.append(RegisterEntry(
            id=row["id"], register=REGISTER_LABELS.get(row["register"], row["register"]), number=row["number"],
            so_ky_hieu=row["so_ky_hieu"], ngay=model.date, doc_type=row["doc_type"], trich_yeu=row["trich_yeu"],
            nguoi_ky=model.signers[-1].name if model.signers else "", noi_nhan=", ".join(model.noi_nhan)))
    return entries
