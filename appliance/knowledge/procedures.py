"""The procedure catalogue (CONTRACT §6): a data file in the repository, copied into the
`procedures` table on first start, where admins edit it (/quan-tri/thu-tuc).

The citizen chatbot and the staff search both read `list_procedures(conn)`. Every fact a citizen
or officer is told (time limit, fee, documents, authority, legal basis) carries its `basis`: the
document, article (and khoản) it comes from and the words of that article that state it
(procedure_basis.py checks them against the library; tests/knowledge/test_procedure_basis.py
against the shipped library). Facts a ward must confirm locally (Hanoi's fees, the desk's
address…) and facts resting on a document the library has no official text of are named in
`needs_confirmation`, and every page that shows them says "cần xác nhận" beside them.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import cast

from appliance.knowledge import store
from appliance.text import fold, normalize
from appliance.text.formatting import utc_stamp

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_PATH = DATA_DIR / "procedures.toml"

# Facts that must each carry a basis (document + article + the words stating them), and the short
# Vietnamese names the admin editor writes them with.
FACT_FIELDS = ("processing_time", "fee", "documents", "agency", "legal_basis")
FACT_NAMES = {"agency": "cơ quan", "processing_time": "thời hạn", "fee": "lệ phí", "documents": "hồ sơ",
              "legal_basis": "căn cứ"}
# Fields every record must fill (or name in needs_confirmation); lists must be non-empty.
TEXT_FIELDS = ("code", "name", "field", "agency", "processing_time", "fee", "where", "online_url", "updated_at")
LIST_FIELDS = ("legal_basis", "documents", "how", "forms", "aliases", "needs_confirmation")

# Vietnamese labels, for the admin editor and for "cần xác nhận" notes.
FIELD_LABELS = {
    "code": "Mã thủ tục", "name": "Tên thủ tục", "field": "Lĩnh vực", "agency": "Cơ quan thực hiện",
    "police": "Do Công an phường thực hiện", "legal_basis": "Căn cứ pháp lý",
    "processing_time": "Thời hạn giải quyết", "fee": "Phí, lệ phí", "documents": "Thành phần hồ sơ",
    "where": "Nơi nộp trực tiếp", "online_url": "Nộp trực tuyến", "how": "Cách thực hiện",
    "forms": "Mẫu đơn, tờ khai", "aliases": "Tên gọi thường dùng",
    "needs_confirmation": "Trường cần phường xác nhận", "updated_at": "Cập nhật",
}


@dataclass
class Basis:
    """Where one fact comes from: `quote` must appear in that article (or khoản) of `document`."""

    field: str                 # one of FACT_FIELDS
    document: str              # số ký hiệu, e.g. "60/2014/QH13"
    article: str               # "16"
    clause: str = ""           # khoản
    point: str = ""            # điểm
    quote: str = ""            # words of the article that state the fact ("60 ngày")
    item: int = 0              # for list fields: which item (1-based) it supports; 0 = the field

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], code: str) -> Basis:
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"thủ tục {code}: căn cứ có trường lạ {sorted(unknown)}")
        basis = cls(field=str(data.get("field", "")), document=str(data.get("document", "")),
                    article=str(data.get("article", "")), clause=str(data.get("clause", "")),
                    point=str(data.get("point", "")), quote=normalize(str(data.get("quote", ""))),
                    item=int(str(data.get("item", 0))))
        if basis.field not in FACT_FIELDS or not basis.document or not basis.article:
            raise ValueError(f"Thủ tục {code}: căn cứ phải có trường ({', '.join(FACT_NAMES.values())}), số ký "
                             "hiệu văn bản và điều.")
        return basis

    def line(self) -> str:
        """One line of the admin editor: trường | văn bản | điều | khoản | điểm | mục | trích dẫn."""
        return " | ".join([FACT_NAMES[self.field], self.document, self.article, self.clause, self.point,
                           str(self.item or ""), self.quote])

    @classmethod
    def from_line(cls, line: str, code: str) -> Basis:
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 7:
            raise ValueError(f"Căn cứ “{line[:80]}”: cần 7 phần ngăn bằng “|” (trường | văn bản | điều | khoản | "
                             "điểm | mục | trích dẫn).")
        field_name, document, article, clause, point, item, quote = parts
        field_name = next((k for k, v in FACT_NAMES.items() if v == field_name.lower()), field_name)
        if not item.isdigit() and item:
            raise ValueError(f"Căn cứ “{line[:80]}”: mục phải là số.")
        return cls.from_mapping({"field": field_name, "document": document, "article": article, "clause": clause,
                                 "point": point, "item": int(item or 0), "quote": quote}, code)

    @property
    def label(self) -> str:
        where = " ".join(x for x in (f"điểm {self.point}" if self.point else "",
                                     f"khoản {self.clause}" if self.clause else "", f"Điều {self.article}") if x)
        return f"{where[:1].upper()}{where[1:]} {self.document}"


@dataclass
class Procedure:
    code: str
    name: str
    field: str
    agency: str
    police: bool
    legal_basis: list[str]
    processing_time: str
    fee: str
    documents: list[str]
    where: str
    online_url: str
    how: list[str]
    forms: list[str]
    aliases: list[str] = dataclasses.field(default_factory=list)
    needs_confirmation: list[str] = dataclasses.field(default_factory=list)
    updated_at: str = ""
    basis: list[Basis] = dataclasses.field(default_factory=list)

    def bases(self, name: str) -> list[Basis]:
        return [b for b in self.basis if b.field == name]

    def to_dict(self) -> dict[str, object]:
        """The record as JSON-ready values (what dataclasses.asdict gives, lists copied). Written out
        because asdict's generic recursion costs 3 ms over the catalogue, and search hands the
        catalogue to the citizen chat's reader on every question it could not answer (bridge.py)."""
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        out = {k: list(v) if isinstance(v, list) else v for k, v in out.items()}
        out["basis"] = [{f.name: getattr(b, f.name) for f in fields(b)} for b in self.basis]
        return out

    def needs(self, name: str) -> bool:
        """True when the ward must confirm this field locally (show "cần xác nhận")."""
        return name in self.needs_confirmation

    def missing_fields(self) -> list[str]:
        """Fields neither filled nor marked for confirmation: the catalogue test wants none."""
        missing = []
        for name in TEXT_FIELDS + LIST_FIELDS:
            if name in ("needs_confirmation",):
                continue
            value = getattr(self, name)
            empty = not value or (isinstance(value, str) and not value.strip())
            if empty and not self.needs(name):
                missing.append(name)
        return missing

    def search_text(self) -> str:
        """What the staff search and the chatbot match against: names, aliases, basis."""
        return " ".join([self.name, self.field, self.agency, *self.aliases, *self.legal_basis])

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> Procedure:
        """From the shipped TOML or the admin form: unknown fields refused, text normalised."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"thủ tục {data.get('code', '?')}: trường không hợp lệ {sorted(unknown)}")

        def text(name: str) -> str:
            return normalize(str(data.get(name) or "")).strip()

        def items(name: str) -> list[str]:
            raw = cast(Iterable[object], data.get(name) or [])  # a list in the TOML file and from the form
            return [normalize(str(item)).strip() for item in raw if str(item).strip()]

        raw_basis = cast(Iterable[Mapping[str, object]], data.get("basis") or [])
        proc = cls(code=text("code"), name=text("name"), field=text("field"), agency=text("agency"),
                   police=bool(data.get("police")), legal_basis=items("legal_basis"),
                   processing_time=text("processing_time"), fee=text("fee"), documents=items("documents"),
                   where=text("where"), online_url=text("online_url"), how=items("how"), forms=items("forms"),
                   aliases=items("aliases"), needs_confirmation=items("needs_confirmation"),
                   updated_at=text("updated_at"),
                   basis=[b if isinstance(b, Basis) else Basis.from_mapping(b, text("code")) for b in raw_basis])
        for name in proc.needs_confirmation:
            if name not in known:
                raise ValueError(f"thủ tục {proc.code}: needs_confirmation có trường lạ '{name}'")
        return proc


def load_catalogue(path: Path | str | None = None) -> list[Procedure]:
    """The catalogue as shipped (or as in `path`), in file order."""
    with open(path or CATALOGUE_PATH, "rb") as handle:
        data = tomllib.load(handle)
    procedures = [Procedure.from_mapping(item) for item in data.get("procedure", [])]
    codes = [p.code for p in procedures]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise ValueError(f"mã thủ tục bị trùng: {sorted(duplicates)}")
    return procedures


# --- the database copy -----------------------------------------------------------------------

def _row_values(proc: Procedure) -> list[str | int]:
    """The columns of store.PROCEDURE_COLUMNS: lists as JSON, `police` as 0/1."""
    out: list[str | int] = []
    for column in store.PROCEDURE_COLUMNS:
        if column == "basis":
            out.append(json.dumps([asdict(b) for b in proc.basis], ensure_ascii=False))
            continue
        value: str | bool | list[str] = getattr(proc, "where" if column == "where_to_file" else column)
        if isinstance(value, list):
            out.append(json.dumps(value, ensure_ascii=False))
        else:
            out.append(int(value) if isinstance(value, bool) else value)
    return out


def _from_row(row: sqlite3.Row) -> Procedure:
    data = {key: row[key] for key in row.keys() if key in store.PROCEDURE_COLUMNS}
    data["where"] = data.pop("where_to_file")
    for name in LIST_FIELDS:
        data[name] = json.loads(data[name] or "[]")
    data["police"] = bool(data["police"])
    data["basis"] = [Basis(**b) for b in json.loads(data.get("basis") or "[]")]
    return Procedure(**data)


def upsert_procedure(conn: sqlite3.Connection, proc: Procedure, *, edited_by: str | None = None) -> None:
    store.upsert_procedure(conn, _row_values(proc), fold(proc.search_text()), edited_by,
                           utc_stamp() if edited_by else None)


def seed_procedures(conn: sqlite3.Connection, path: Path | str | None = None) -> int:
    """Copy the shipped file into the table: new codes are added, and records nobody edited in the
    UI follow a newer file; a record an admin edited is never overwritten. Returns rows written."""
    existing = store.procedure_versions(conn)
    written = 0
    for proc in load_catalogue(path):
        row = existing.get(proc.code)
        if row is not None and (row["edited_by"] or (row["updated_at"] or "") >= proc.updated_at):
            continue
        upsert_procedure(conn, proc)
        written += 1
    return written


def list_procedures(conn: sqlite3.Connection) -> list[Procedure]:
    """The catalogue as the ward has it now (admins' edits included), by field then name."""
    return [_from_row(row) for row in store.procedure_rows(conn)]


def count_procedures(conn: sqlite3.Connection) -> int:
    return store.procedure_count(conn)


def get_procedure(conn: sqlite3.Connection, code: str) -> Procedure | None:
    row = store.procedure_row(conn, code)
    return _from_row(row) if row else None


def find_procedures(conn: sqlite3.Connection, query: str, limit: int = 5) -> list[Procedure]:
    """Procedures whose name, aliases or basis contain every folded word of `query` first, then
    those sharing most words: good enough for the catalogue's 19–100 rows."""
    words = [w for w in fold(query).split() if len(w) > 1]
    if not words:
        return []
    scored: list[tuple[float, Procedure]] = []
    for proc in list_procedures(conn):
        haystack = fold(proc.search_text()).split()
        names = [fold(n) for n in (proc.name, *proc.aliases)]
        hits = sum(1 for w in words if w in haystack)
        if not hits:
            continue
        folded_query = " ".join(words)
        # An alias said exactly ("sổ đỏ") beats one that merely contains it ("sang tên sổ đỏ").
        phrase = 3.0 if folded_query in names else 2.0 if any(folded_query in n for n in names) else 0.0
        scored.append((hits / len(words) + phrase, proc))
    scored.sort(key=lambda item: -item[0])
    return [proc for score, proc in scored[:limit] if score >= 0.5]
