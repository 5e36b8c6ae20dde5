"""The records importer's vocabulary as data: each source status and channel a one-stop export
writes, mapped to the class the KPIs count (CONTRACT §4), and the column headings other exports
use. Seeded from `data/vocabulary.toml`; the admin adds the ward's own values once
(/quan-tri/anh-xa-trang-thai, or the setup file) and the rows held for them apply at once.

The stored `records.trang_thai` is always a class: the four values of CONTRACT §3 or "Rút/hủy";
the value the export wrote is kept beside it (`trang_thai_goc`).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from appliance.dashboard import vocabulary_store as store
from appliance.dashboard.sources import header_key
from appliance.db import transaction
from appliance.text import fold, normalize

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "vocabulary.toml"

# The classes, with what an admin reads when choosing one.
STATUS_CLASSES = {
    "Đã trả kết quả": "Đã giải quyết (đã trả kết quả)",
    "Đang xử lý": "Đang giải quyết",
    "Chờ bổ sung": "Chờ bổ sung",
    "Từ chối": "Từ chối / dừng xử lý",
    "Rút/hủy": "Rút hồ sơ / hủy",
}
CHANNEL_CLASSES = {"Trực tiếp": "Trực tiếp", "Trực tuyến": "Trực tuyến", "Bưu chính": "Bưu chính"}
CLASSES = {"status": STATUS_CLASSES, "channel": CHANNEL_CLASSES}
KIND_LABELS = {"status": "Trạng thái", "channel": "Hình thức nộp", "header": "Tiêu đề cột"}


class VocabularyError(ValueError):
    """A mapping the admin must correct; Vietnamese."""


def value_key(text: object) -> str:
    """How a status or channel is matched: folded, one space between words."""
    return _value_key(str(text or ""))


@lru_cache(maxsize=65536)  # exports repeat a handful of values thousands of times
def _value_key(text: str) -> str:
    return " ".join(fold(text).replace("/", " / ").split())


def cells_json(cells: Sequence[object]) -> str:
    """A row as read (XLSX dates included), for the quarantine."""
    def encode(value: object) -> object:
        if isinstance(value, dt.datetime):
            return {"datetime": value.isoformat()}
        if isinstance(value, dt.date):
            return {"date": value.isoformat()}
        if value is None or isinstance(value, str | int | float | bool):
            return value
        return str(value)
    return json.dumps([encode(v) for v in cells], ensure_ascii=False)


def cells_from_json(text: str) -> list[object]:
    def decode(value: object) -> object:
        if isinstance(value, dict):
            if "datetime" in value:
                return dt.datetime.fromisoformat(str(value["datetime"]))
            if "date" in value:
                return dt.date.fromisoformat(str(value["date"]))
        return value
    return [decode(v) for v in json.loads(text)]


@dataclass(frozen=True)
class Vocabulary:
    statuses: dict[str, str]               # value_key → class
    channels: dict[str, str]
    headers: dict[str, tuple[str, ...]]    # field → extra header keys (the admin's first, then the file's)

    def lookup(self, kind: str, raw: object) -> str | None:
        table = self.statuses if kind == "status" else self.channels
        return table.get(value_key(raw))


@lru_cache(maxsize=1)
def _shipped() -> dict[str, dict[str, object]]:
    with open(VOCABULARY_FILE, "rb") as handle:
        return tomllib.load(handle)


def _shipped_headers() -> dict[str, list[str]]:
    table = _shipped().get("headers", {})
    return {str(field): [str(n) for n in names] for field, names in table.items() if isinstance(names, list)}


def _seed_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for kind in ("status", "channel"):
        for source, target in _shipped()[kind].items():
            rows.append((kind, normalize(source), value_key(source), str(target)))
    return rows


def seed(conn: sqlite3.Connection) -> int:
    """Add the shipped values a unit does not have yet (an admin's mapping is never overwritten)."""
    return store.seed_vocabulary(conn, _seed_rows())


@lru_cache(maxsize=1)
def shipped() -> Vocabulary:
    """The contract's values and the shipped file's, without a database (benchmarks, tests)."""
    statuses = {value_key(c): c for c in STATUS_CLASSES}
    channels = {value_key(c): c for c in CHANNEL_CLASSES}
    for kind, _source, key, target in _seed_rows():
        (statuses if kind == "status" else channels)[key] = target
    return Vocabulary(statuses, channels, {})


def load(conn: sqlite3.Connection) -> Vocabulary:
    statuses = {value_key(c): c for c in STATUS_CLASSES}
    channels = {value_key(c): c for c in CHANNEL_CLASSES}
    for row in store.vocabulary_rows(conn):
        (statuses if row["kind"] == "status" else channels)[row["source_fold"]] = row["target"]
    headers: dict[str, list[str]] = {}
    for row in store.header_alias_rows(conn):
        headers.setdefault(row["field"], []).append(row["header_key"])
    for field, names in _shipped_headers().items():
        headers.setdefault(field, []).extend(header_key(n) for n in names)
    return Vocabulary(statuses, channels, {f: tuple(dict.fromkeys(keys)) for f, keys in headers.items()})


def set_mapping(conn: sqlite3.Connection, kind: str, source: str, target: str, *, username: str | None,
                origin: str = "admin") -> None:
    if kind not in CLASSES:
        raise VocabularyError(f"Loại ánh xạ không hợp lệ: {kind}")
    if target not in CLASSES[kind]:
        raise VocabularyError(f"«{target}» không phải một nhóm {KIND_LABELS[kind].lower()} "
                              f"(chọn một trong: {', '.join(CLASSES[kind])})")
    text = " ".join(normalize(source).split())
    if not text:
        raise VocabularyError("Thiếu giá trị cần ánh xạ.")
    with transaction(conn):
        store.set_vocabulary(conn, kind, text, value_key(text), target, origin, username)


def set_header(conn: sqlite3.Connection, header: str, field: str, labels: dict[str, str], *,
               username: str | None) -> None:
    if field not in labels:
        raise VocabularyError(f"Trường không hợp lệ: {field} (chọn một trong: {', '.join(labels.values())})")
    key = header_key(header)
    if not key:
        raise VocabularyError("Thiếu tiêu đề cột cần ánh xạ.")
    with transaction(conn):
        store.set_header_alias(conn, key, " ".join(normalize(header).split()), field, username)


def mappings(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return store.vocabulary_rows(conn)


def header_aliases(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return store.header_alias_rows(conn)
