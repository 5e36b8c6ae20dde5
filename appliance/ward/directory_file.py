"""The staff directory from a CSV or XLSX file (Danh bạ cán bộ): one person a row.

Columns (matched ignoring case, diacritics and spacing): Họ và tên (required), Chức vụ, Đơn vị
(or Bộ phận, Phòng), Cách gọi khác (aliases separated by ";" or ","), Tên đăng nhập, Điện thoại,
Email. A bad row is reported with its line; the others land. Reading goes through the same guarded
reader as the records import (size and archive limits), and a list printed with a title block above
its headings ("DANH SÁCH CÁN BỘ, CÔNG CHỨC …") is read from its headings, the title lines named."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from appliance.dashboard.sources import locate_header, open_table
from appliance.dashboard.sources import match_columns as _match
from appliance.db import transaction
from appliance.ward import service

COLUMNS = {
    "full_name": ("hovaten", "hoten", "hotencanbo", "ten", "canbo"),
    "title": ("chucvu", "chucdanh"),
    "unit": ("donvi", "bophan", "phong", "phongban", "donvicongtac"),
    "aliases": ("cachgoikhac", "tengoikhac", "biethieu", "cachgoi"),
    "username": ("tendangnhap", "taikhoan"),
    "phone": ("dienthoai", "sodienthoai", "sdt"),
    "email": ("email", "thudientu"),
}
LABELS = {"full_name": "Họ và tên", "title": "Chức vụ", "unit": "Đơn vị", "aliases": "Cách gọi khác",
          "username": "Tên đăng nhập", "phone": "Điện thoại", "email": "Email"}


@dataclass
class DirectoryImport:
    added: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)
    note: str = ""  # the title lines above the headings, when the list has them

    def summary(self) -> str:
        counts = f"Danh bạ: thêm {self.added}, cập nhật {self.updated}, lỗi {len(self.errors)}."
        return f"{counts} {self.note}" if self.note else counts


def _text(cells: list[object], index: int | None) -> str:
    if index is None or index >= len(cells) or cells[index] is None:
        return ""
    return str(cells[index]).strip()


def import_directory(conn: sqlite3.Connection, path: Path) -> DirectoryImport:
    header, rows, _total = open_table(path)
    header, rows, layout = locate_header(header, rows, COLUMNS)
    cols = _match(header, COLUMNS, ("full_name",), LABELS)
    result = DirectoryImport(note=layout.note())
    with transaction(conn):
        for line, cells in rows:
            if not isinstance(cells, list):
                result.errors.append(f"dòng {line}: {cells.reason}")
                continue
            if not any(str(c or "").strip() for c in cells):
                continue
            name = _text(cells, cols.get("full_name"))
            if not name:
                result.errors.append(f"dòng {line}: thiếu Họ và tên")
                continue
            aliases = [a for a in re.split(r"[;,]", _text(cells, cols.get("aliases"))) if a.strip()]
            added = service.save_member(conn, full_name=name, title=_text(cells, cols.get("title")),
                                        unit=_text(cells, cols.get("unit")), aliases=aliases,
                                        username=_text(cells, cols.get("username")) or None,
                                        phone=_text(cells, cols.get("phone")), email=_text(cells, cols.get("email")))
            if added:
                result.added += 1
            else:
                result.updated += 1
    return result
