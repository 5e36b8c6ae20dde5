"""The documents registry: one row per legal document (số ký hiệu, loại, tên, cơ quan ban hành,
ngày ban hành, hiệu lực từ, tình trạng, thay thế bởi, sửa đổi bởi), with or without its text.

Three sources fill a row, and a later one never overwrites an earlier one's field:
1. an admin's edit (the field is then listed in `edited_fields`, forever kept);
2. the shipped `data/registry.toml` (documents the ward needs without text here, and validity the
   Pháp điển copy does not state, e.g. Luật Cư trú 2006 out of force);
3. what an import reads (source notes, a file's header).
Every change to a registry field after creation is written to kb_document_history.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from appliance.knowledge import article_store, store
from appliance.knowledge.chunking import NAMED_TYPES, citation, document_name
from appliance.knowledge.validity import STATUSES
from appliance.text import fold, parse_date

REGISTRY_PATH = Path(__file__).resolve().parent / "data" / "registry.toml"

# Registry fields, with the labels the pages and the history show.
FIELDS = {
    "number": "Số ký hiệu", "doc_type": "Loại văn bản", "name": "Tên / trích yếu", "title": "Tên gọi đầy đủ",
    "issuer": "Cơ quan ban hành", "issued_on": "Ngày ban hành", "effective_on": "Hiệu lực từ",
    "status": "Tình trạng", "status_note": "Ghi chú hiệu lực", "replaced_by": "Thay thế bởi",
    "amended_by": "Sửa đổi, bổ sung bởi", "parent": "Ban hành kèm theo",
}
DATE_FIELDS = ("issued_on", "effective_on")
NAMING_FIELDS = ("number", "doc_type", "name", "title", "parent")


def doc_key(number: str, fallback: str) -> str:
    """A document's identity: its số ký hiệu when it has one, else a file or title name."""
    if number:
        return "so:" + fold(number).replace(" ", "")
    return "tep:" + fold(fallback)


def title_of(doc_type: str, name: str, number: str) -> str:
    """"Luật Hộ tịch"; "Nghị định số 87/2020/NĐ-CP Quy định về …"; "Thông tư số 226/2016/TT-BTC"."""
    if doc_type in NAMED_TYPES and name:
        return f"{doc_type} {name}"
    head = f"{doc_type} số {number}".strip() if number else doc_type
    return f"{head} {name}".strip() if name else head


def short_title_of(doc_type: str, name: str, number: str) -> str:
    """Lists and pickers: "Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP"."""
    year = number.split("/")[1] if number.count("/") >= 2 else ""
    if doc_type in NAMED_TYPES and name:
        return f"{doc_type} {name} {year}".strip()
    return f"{doc_type} {number}".strip() if number else name or doc_type


@dataclass
class Entry:
    """A row of the shipped registry file."""

    number: str
    values: dict[str, str]
    unconfirmed: list[str] = field(default_factory=list)
    basis: str = ""


def shipped_entries(path: Path | None = None) -> list[Entry]:
    with open(path or REGISTRY_PATH, "rb") as handle:
        data = tomllib.load(handle)
    out = []
    for item in data.get("document", []):
        unknown = set(item) - set(FIELDS) - {"unconfirmed", "basis"}
        if unknown:
            raise ValueError(f"registry.toml {item.get('number')}: trường lạ {sorted(unknown)}")
        if item.get("status") and item["status"] not in STATUSES:
            raise ValueError(f"registry.toml {item['number']}: tình trạng lạ {item['status']}")
        values = {k: str(v) for k, v in item.items() if k in FIELDS}
        out.append(Entry(str(item["number"]), values, list(item.get("unconfirmed", [])), str(item.get("basis", ""))))
    return out


def shipped_values(key: str) -> dict[str, store.Value]:
    """What the shipped registry file states about document `key` (overrides what notes say)."""
    for entry in _shipped_cache():
        if doc_key(entry.number, entry.number) == key:
            values: dict[str, store.Value] = {"number": entry.number, **entry.values,
                                              "unconfirmed": json.dumps(entry.unconfirmed, ensure_ascii=False)}
            if entry.basis:
                values["basis"] = entry.basis
            return values
    return {}


@functools.cache
def _shipped_cache() -> tuple[Entry, ...]:
    return tuple(shipped_entries())


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _loads(raw: str) -> list[str]:
    return [str(x) for x in json.loads(raw or "[]")]


def upsert(conn: sqlite3.Connection, key: str, values: Mapping[str, store.Value], *, user: str,
           origin: str | None = None) -> tuple[int, bool]:
    """Create the row `key`, or update the fields an admin has not set; returns (id, created).
    Changes to registry fields of an existing row go to the history as `user`."""
    existing = store.document_by_key(conn, key)
    if existing is None:
        row = dict(values)
        if origin:
            row["origin"] = origin
        row.setdefault("title", title_of(_text(row.get("doc_type")), _text(row.get("name")),
                                          _text(row.get("number"))) or key)
        row.setdefault("short_title", short_title_of(_text(row.get("doc_type")), _text(row.get("name")),
                                                     _text(row.get("number"))) or _text(row["title"]))
        return store.insert_document(conn, key, row), True
    doc_id = int(existing["id"])
    kept = set(_loads(existing["edited_fields"]))
    changes = {k: v for k, v in values.items() if k not in kept and existing[k] != v}
    if origin and existing["origin"] != origin:
        changes["origin"] = origin
    store.update_document(conn, doc_id, changes)
    history = [(f, _text(existing[f]), _text(v)) for f, v in changes.items() if f in FIELDS]
    if history:
        article_store.add_history(conn, doc_id, user, history)
        if any(f in NAMING_FIELDS for f, _, _ in history):
            refresh_citations(conn, doc_id)
    return doc_id, False


def apply_shipped(conn: sqlite3.Connection, *, user: str = "sổ văn bản kèm theo") -> int:
    """Bring the shipped registry file into the table; returns rows created. A row an import
    created takes the values the file states (the file knows what the notes do not)."""
    created = 0
    for entry in _shipped_cache():
        key = doc_key(entry.number, entry.number)
        if store.document_by_key(conn, key) is None:
            _doc, new = upsert(conn, key, {**shipped_values(key), "is_legal": 1}, user=user, origin="danh_muc")
            created += int(new)
        else:
            upsert(conn, key, shipped_values(key), user=user)
    return created


def edit(conn: sqlite3.Connection, doc_id: int, changes: Mapping[str, str], *, user: str) -> list[str]:
    """An admin's edit of registry fields: validated, kept forever against imports, audited.
    Returns the Vietnamese labels of the fields that changed; raises ValueError (Vietnamese)."""
    row = store.document(conn, doc_id)
    if row is None:
        raise LookupError(doc_id)
    clean: dict[str, store.Value] = {}
    for name, raw in changes.items():
        if name not in FIELDS:
            raise ValueError(f"Trường “{name}” không có trong sổ văn bản.")
        value = " ".join(str(raw).split())
        if name in DATE_FIELDS and value:
            day = parse_date(value)
            if day is None:
                raise ValueError(f"{FIELDS[name]}: ngày không hợp lệ “{raw}” (dạng ngày/tháng/năm).")
            value = day.isoformat()
        if name == "status" and value not in STATUSES:
            raise ValueError("Tình trạng hiệu lực không hợp lệ.")
        if name in ("title",) and not value:
            raise ValueError(f"{FIELDS[name]} không được để trống.")
        clean[name] = value or (None if name in DATE_FIELDS else "")
    changed = {k: v for k, v in clean.items() if row[k] != v}
    if not changed:
        return []
    edited = sorted(set(_loads(row["edited_fields"])) | set(changed))
    unconfirmed = [f for f in _loads(row["unconfirmed"]) if f not in changed]  # an admin confirmed these
    store.update_document(conn, doc_id, {**changed, "edited_fields": json.dumps(edited),
                                         "unconfirmed": json.dumps(unconfirmed)})
    article_store.add_history(conn, doc_id, user, [(f, _text(row[f]), _text(v)) for f, v in changed.items()])
    if any(f in NAMING_FIELDS for f in changed):
        refresh_citations(conn, doc_id)
    return [FIELDS[f] for f in changed]


def citation_name(row: Mapping[str, object] | sqlite3.Row) -> str:
    """How citations name this document (see chunking.document_name); a regulation issued with a
    decision says so: "Quy chế … (ban hành kèm theo Quyết định số 17/QĐ-UBND)"."""
    name = document_name(_text(row["doc_type"]), _text(row["name"]), _text(row["number"]), _text(row["title"]))
    parent = _text(row["parent"])
    return f"{name} (ban hành kèm theo {parent})" if parent and not row["number"] else name


def heading_of(row: Mapping[str, object] | sqlite3.Row) -> str:
    """The document words every passage's heading column carries (folded)."""
    return fold(f"{row['short_title']} {row['title']}")


def refresh_citations(conn: sqlite3.Connection, doc_id: int) -> None:
    """After a rename: every passage of the document cites it by its new name."""
    row = store.document(conn, doc_id)
    if row is None:
        return
    name, doc_heading = citation_name(row), heading_of(row)
    updates = []
    for chunk in store.chunk_labels(conn, doc_id):
        if chunk["article"]:
            cite = citation(chunk["article"], chunk["clause"], chunk["point"], name)
        else:  # "Trang 3, <name>" / "Đoạn 2, <name>": keep where, rename the document
            where, sep, _old = chunk["citation"].partition(", ")
            cite = f"{where}, {name}" if sep else name
        section_title = (chunk["section"] or "").partition(".")[2]
        updates.append((cite, fold(f"{chunk['article_title']} {section_title}") + " " + doc_heading, int(chunk["id"])))
    store.set_chunk_labels(conn, updates)


def history(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    return article_store.history(conn, doc_id)
